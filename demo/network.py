"""A network of clinics, for measuring the site at the size practices grow to:
`manage.py add_synthetic_pages --count 10000`.

Half the pages are English and half their Spanish translations. Of each language's half: offices
2 % (100 at 10,000 pages) at the ZIP centroids of towns spread over Connecticut, New York and New
Jersey (the `zipcodes` package's offline data), physicians 20 % (1,000) who work at one or two of
them, articles 40 % (2,000), conditions 1 %, treatments 0.5 % and the rest standard pages under
About. Each page copies the text and pictures of a demo page of its type (so it weighs what a real
one does) under a title, address, name or specialty of its own, and is live and, where clinical,
recorded as reviewed by one of the network's physicians: a measurement, never visitors' copy.

The pages go in with `demo.bulk_pages` (rows written in bulk, no revisions), so 10,000 take a
minute or two rather than an hour of `add_child()` and `publish()`. Running it again with the same
count adds nothing; with a larger one it adds the difference.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

import zipcodes
from django.db import transaction
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from articles.models import ArticleCondition, ArticlePage, ArticleTopicLink
from demo.bulk_pages import add_live_children
from demo.helpers import find_page
from home.caching import content_changed
from home.models import StandardPage
from locations.models import LocationPage, OpeningHours, PhysicianLocation, PhysicianPage
from treatments.models import ConditionPage, TreatmentPage

PREFIX = "synthetic-"


SEED = 2026  # the same network every time
STATES = {"CT": 0.4, "NY": 0.3, "NJ": 0.3}
WEEKDAY_HOURS = [(weekday, datetime.time(8), datetime.time(17)) for weekday in range(5)]

FIRST_NAMES = [
    "Ana", "Benjamin", "Camila", "Daniel", "Elena", "Farah", "Gabriel", "Hannah", "Isaac",
    "Julia", "Kevin", "Laura", "Marcus", "Nadia", "Omar", "Priya", "Rafael", "Sofia", "Thomas",
    "Valeria", "William", "Yara", "Zoe", "Andrés", "Beatriz", "Chen", "Diego", "Emma", "Grace",
    "Hiro",
]  # fmt: skip
LAST_NAMES = [
    "Abbott", "Brennan", "Castillo", "Delgado", "Engel", "Ferreira", "García", "Hoffman",
    "Iwasaki", "Jensen", "Kowalski", "López", "Moretti", "Nguyen", "O'Connor", "Patel", "Quinn",
    "Rossi", "Santos", "Thompson", "Urban", "Vargas", "Walsh", "Xu", "Young", "Zielinski",
    "Morales", "Kim", "Ivanova", "Dubois",
]  # fmt: skip
# (English, Spanish) pairs: a physician's specialties are shown in the page's language.
SPECIALTIES = [
    ("Neurology", "Neurología"),
    ("Headache medicine", "Medicina del dolor de cabeza"),
    ("Psychiatry", "Psiquiatría"),
    ("Anesthesiology", "Anestesiología"),
    ("Pain medicine", "Medicina del dolor"),
    ("Internal medicine", "Medicina interna"),
]
# Besides English, the languages the network's physicians consult in (codes).
OTHER_LANGUAGES = ["es", "pt", "it", "pl", "ru", "fr", "ko"]
ARTICLE_TITLES = [
    ("Questions to ask before a first infusion", "Preguntas antes de la primera infusión"),
    ("Keeping a headache diary", "Cómo llevar un diario de dolores de cabeza"),
    ("What a follow-up visit covers", "Qué se revisa en una visita de seguimiento"),
    ("Sleep and migraine", "El sueño y la migraña"),
    ("Coming to the office on an infusion day", "Cómo venir a la consulta el día de la infusión"),
    ("Talking to your family about treatment", "Hablar del tratamiento con la familia"),
]


def slug_prefix(name):
    """What the slugs of the network's pages of `name` start with: `synthetic-office-` for
    "offices", `synthetic-page-` for the standard pages (the load test edits
    `/about/synthetic-page-1/`)."""
    return f"{PREFIX}page-" if name == "standard" else f"{PREFIX}{name.rstrip('s')}-"


@dataclass(frozen=True)
class Plan:
    """How many pages of each type one language gets for `count` pages in all."""

    offices: int
    physicians: int
    articles: int
    conditions: int
    treatments: int
    standard: int

    @classmethod
    def for_count(cls, count):
        half = count // 2
        offices, physicians = round(half * 0.02), round(half * 0.2)
        articles, conditions, treatments = round(half * 0.4), half // 100, half // 200
        standard = half - offices - physicians - articles - conditions - treatments
        return cls(offices, physicians, articles, conditions, treatments, standard)

    @property
    def total(self):
        return 2 * (
            self.offices
            + self.physicians
            + self.articles
            + self.conditions
            + self.treatments
            + self.standard
        )


class Network:
    """Adds what is missing of the network planned for `count` pages."""

    def __init__(self, count):
        self.plan = Plan.for_count(count)
        self.random = random.Random(SEED)
        self.english = Locale.get_default()
        self.spanish = Locale.objects.filter(language_code="es").first()
        self.added = {}
        self.now = timezone.now()

    @transaction.atomic
    def build(self):
        self.add("offices", LocationPage, find_page("locations"), self.office)
        physicians = self.add("physicians", PhysicianPage, find_page("physicians"), self.physician)
        self.link_physicians(physicians, self.existing(LocationPage, "offices"))
        reviewers = self.existing(PhysicianPage, "physicians")
        conditions = find_page("conditions")
        self.add("conditions", ConditionPage, conditions, self.clinical(reviewers, "Condition"))
        self.add(
            "treatments",
            TreatmentPage,
            find_page("treatments"),
            self.clinical(reviewers, "Treatment"),
        )
        articles = self.add("articles", ArticlePage, find_page("articles"), self.article(reviewers))
        self.link_articles(articles, self.existing(ConditionPage, "conditions"))
        about = find_page("about")
        self.add("standard", StandardPage, about, self.standard, templates=[about])
        if any(self.added.values()):
            transaction.on_commit(content_changed)
        return self.added

    # -- adding pages of one type ----------------------------------------------------------------
    def add(self, name, model, english_parent, describe, templates=None):
        """Add the English pages of `name` still missing and their Spanish translations; returns
        the new English pages. `describe(number, template)` gives a page's own fields, as
        {"en": {...}, "es": {...}}."""
        wanted = getattr(self.plan, name)
        prefix = slug_prefix(name)
        existing = model.objects.child_of(english_parent).filter(slug__startswith=prefix).count()
        numbers = range(existing + 1, wanted + 1)
        self.added[name] = len(numbers)
        if not numbers:
            return []
        templates = self.translated(templates or self.demo_pages(model, english_parent))
        english, spanish = [], []
        for number in numbers:
            template = templates[number % len(templates)]
            fields = describe(number, template)
            page = self.copy(template["en"], slug=f"{prefix}{number}", **fields["en"])
            english.append(page)
            if self.spanish and template.get("es"):
                spanish.append(
                    self.copy(
                        template["es"],
                        slug=f"{prefix}{number}",
                        locale=self.spanish,
                        translation_key=page.translation_key,
                        **fields["es"],
                    )
                )
        add_live_children(english_parent, english)
        if spanish:
            add_live_children(english_parent.get_translation(self.spanish), spanish)
        for backend in get_search_backends():
            backend.add_bulk(model, english + spanish)
        self.copy_rows(english + spanish)
        return english

    def demo_pages(self, model, english_parent):
        pages = list(
            model.objects.child_of(english_parent).exclude(slug__startswith=PREFIX).order_by("path")
        )
        if not pages:
            raise LookupError(f"No demo {model._meta.verbose_name} to copy: load the demo first.")
        return pages

    def translated(self, pages):
        """The demo pages whose text the new pages copy: [{"en": page, "es": translation}]."""
        found = []
        for page in pages:
            spanish = page.get_translation_or_none(self.spanish) if self.spanish else None
            found.append({"en": page, "es": spanish.specific if spanish else None})
        return found

    def copy(self, template, **fields):
        """A new, unsaved page of the template's type with its text, pictures and settings."""
        model = type(template)
        given = {model._meta.get_field(name).attname for name in fields if name != "locale"}
        own = {
            field.attname: getattr(template, field.attname)
            for field in model._meta.local_concrete_fields
            if not field.primary_key and field.attname not in given
        }
        page = model(
            **own,
            locale=fields.pop("locale", self.english),
            show_in_menus=False,
            search_description=fields.get("summary", template.search_description),
            first_published_at=self.now,
            last_published_at=self.now,
            **fields,
        )
        page.template_page = template
        return page

    def existing(self, model, name):
        """The network's English pages of `name` so far, new and old."""
        return list(
            model.objects.filter(locale=self.english, slug__startswith=slug_prefix(name)).order_by(
                "path"
            )
        )

    # -- inline rows -----------------------------------------------------------------------------
    def copy_rows(self, pages):
        hours = [
            OpeningHours(location=page, weekday=weekday, opens=opens, closes=closes, sort_order=n)
            for page in pages
            if isinstance(page, LocationPage)
            for n, (weekday, opens, closes) in enumerate(WEEKDAY_HOURS)
        ]
        OpeningHours.objects.bulk_create(hours, batch_size=1000)

    def link_physicians(self, physicians, offices):
        """Each new physician sees patients at one or two offices (the English pages, which the
        Spanish pages' links follow as the demo's do)."""
        if not physicians or not offices:
            return
        spanish = self.translations(physicians)
        links = []
        for physician in physicians:
            chosen = self.random.sample(offices, k=min(len(offices), self.random.choice((1, 2))))
            for page in (physician, spanish.get(physician.translation_key)):
                if page is not None:
                    links.extend(
                        PhysicianLocation(physician=page, location=office, sort_order=n)
                        for n, office in enumerate(chosen)
                    )
        PhysicianLocation.objects.bulk_create(links, batch_size=1000)

    def link_articles(self, articles, conditions):
        """Each new article is filed under its demo article's topics and one condition."""
        if not articles:
            return
        spanish = self.translations(articles)
        topics = {
            link.article_id: link.topic_id
            for link in ArticleTopicLink.objects.filter(
                article__in=[article.template_page for article in articles]
            )
        }
        topic_links, condition_links = [], []
        for article in articles:
            condition = self.random.choice(conditions) if conditions else None
            for page in (article, spanish.get(article.translation_key)):
                if page is None:
                    continue
                if (topic := topics.get(article.template_page.pk)) is not None:
                    topic_links.append(ArticleTopicLink(article=page, topic_id=topic))
                if condition is not None:
                    condition_links.append(ArticleCondition(article=page, condition=condition))
        ArticleTopicLink.objects.bulk_create(topic_links, batch_size=1000)
        ArticleCondition.objects.bulk_create(condition_links, batch_size=1000)

    def translations(self, english_pages):
        if not english_pages or self.spanish is None:
            return {}
        model = type(english_pages[0])
        return {
            page.translation_key: page
            for page in model.objects.filter(
                locale=self.spanish,
                translation_key__in=[page.translation_key for page in english_pages],
            )
        }

    # -- what each page says -----------------------------------------------------------------
    def office(self, number, template):
        town = self.towns[(number - 1) % len(self.towns)]
        phone = f"(203) 555-{100 + number % 9900:04d}"
        place = {
            "street_address": f"{10 + number} Main Street",
            "address_line_2": "",
            "city": town["city"],
            "state": town["state"],
            "postal_code": town["zip_code"],
            "latitude": Decimal(town["lat"]),
            "longitude": Decimal(town["long"]),
            "phone": phone,
        }
        return {
            "en": {
                "title": f"{town['city']}, {town['state']} ({number})",
                "summary": f"The network's office in {town['city']}, {town['state']}.",
                **place,
            },
            "es": {
                "title": f"{town['city']}, {town['state']} ({number})",
                "summary": f"La consulta de la red en {town['city']}, {town['state']}.",
                **place,
            },
        }

    @cached_property
    def towns(self):
        """ZIP centroids spread over the three states in their shares: the same every time."""
        picked = []
        for state, share in STATES.items():
            rows = [
                row
                for row in zipcodes.filter_by(state=state)
                if row["zip_code_type"] == "STANDARD" and row["active"]
            ]
            wanted = max(1, round(self.plan.offices * share))
            step = max(1, len(rows) // wanted)
            picked.extend(rows[::step][:wanted])
        return picked

    def physician(self, number, template):
        first = FIRST_NAMES[number % len(FIRST_NAMES)]
        last = LAST_NAMES[(number // len(FIRST_NAMES)) % len(LAST_NAMES)]
        credentials = "MD" if number % 3 else "DO"
        specialties = self.random.sample(SPECIALTIES, k=self.random.choice((1, 2)))
        languages = ["en", *self.random.sample(OTHER_LANGUAGES, k=self.random.choice((0, 1, 2)))]
        common = {
            "title": f"{first} {last}, {credentials} ({number})",
            "credentials": credentials,
            "accepting_new_patients": self.random.random() < 0.8,
            "languages": [("language", code) for code in languages],
            "photo_id": None,
            "user_id": None,
        }
        return {
            "en": {
                **common,
                "specialties": [("specialty", english) for english, _ in specialties],
                "summary": f"{specialties[0][0]} physician in the network.",
            },
            "es": {
                **common,
                "specialties": [("specialty", spanish) for _, spanish in specialties],
                "summary": f"Médico de {specialties[0][1].lower()} en la red.",
            },
        }

    def clinical(self, reviewers, kind):
        spanish_kind = {"Condition": "Afección", "Treatment": "Tratamiento"}[kind]

        def describe(number, template):
            review = {
                "reviewed_by": self.random.choice(reviewers) if reviewers else None,
                "last_reviewed": self.now.date(),
            }
            return {
                "en": {"title": f"{kind} {number}", **review},
                "es": {"title": f"{spanish_kind} {number}", **review},
            }

        return describe

    def article(self, reviewers):
        def describe(number, template):
            english, spanish = ARTICLE_TITLES[number % len(ARTICLE_TITLES)]
            physician = self.random.choice(reviewers) if reviewers else None
            published = self.now.date() - datetime.timedelta(days=number % 1500)
            common = {
                "author": physician,
                "reviewed_by": physician,
                "last_reviewed": published,
                "published_on": published,
                "updated_on": None,
            }
            return {
                "en": {"title": f"{english} ({number})", **common},
                "es": {"title": f"{spanish} ({number})", **common},
            }

        return describe

    def standard(self, number, template):
        return {
            "en": {
                "title": f"Network page {number}",
                "intro": f"<p>Page {number} of the network's about section.</p>",
            },
            "es": {
                "title": f"Página de la red {number}",
                "intro": f"<p>Página {number} de la sección sobre la red.</p>",
            },
        }
