"""The demo builders, in the order `load_demo_content` runs them.

First every page in the demo's first language, parents before children and pages before the
pages that link to them; then the home page's banner and featured cards; then each page, footer
included, in the other languages, as wagtail-localize translations of the first ones; last the
editorial groups' permissions and workflow, which need every section.
"""

from demo.builders import articles, governance, locations, notices, site, treatments

BUILDERS = [
    site.build,
    locations.build,
    treatments.build,
    articles.build,
    notices.build,
    site.build_home_features,
    site.translate,
    locations.translate,
    treatments.translate,
    articles.translate,
    notices.translate,
    governance.build,
]
