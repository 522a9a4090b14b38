"""Demo content for `python manage.py load_demo_content`.

The command runs the builders listed in `settings.DEMO_CONTENT_BUILDERS`; this package provides
the site-wide ones (`build_site` first, `build_home_features` last) and the helpers the other apps'
builders use (`get_image`, `find_page`, `ensure_page`, `translate`, …). Demo images are committed in
`home/demo/images/` with their titles, alt text and credits in `images/index.json`.
"""

from home.demo.helpers import (
    DEMO_LANGUAGE,
    Images,
    demo_locale,
    ensure_page,
    find_page,
    find_path,
    get_home_page,
    get_image,
    heading,
    link_pages,
    report_created,
    report_existing,
    resolve_stream,
    warn,
)
from home.demo.site import build_home_features, build_site, translate_site
from home.demo.translation import translate, translation_languages

__all__ = [
    "DEMO_LANGUAGE",
    "Images",
    "build_home_features",
    "build_site",
    "demo_locale",
    "ensure_page",
    "find_page",
    "find_path",
    "get_home_page",
    "get_image",
    "heading",
    "link_pages",
    "report_created",
    "report_existing",
    "resolve_stream",
    "translate",
    "translate_site",
    "translation_languages",
    "warn",
]
