"""Offices and the physicians who practise at them."""

import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.api import (
    AddressField,
    CoordinatesField,
    DistanceMilesField,
    HoursExceptionsField,
    ImageRenditionsField,
    OpeningHoursField,
    RelatedPagesField,
)
from home.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES, BodyBlock
from home.caching import lazy_list, public_q
from home.localization import (
    in_visitor_language,
    linked_pages,
    page_locale,
    prefetch_forward,
    prefetch_reverse,
    prefetched,
    shows,
)
from home.models import BasePage
from home.relations import related_model
from home.time_zones import US_TIME_ZONES, clinic_time_zone, validate_time_zone
from locations import finder
from locations.blocks import AmenityBlock, EducationBlock, LanguageBlock
from locations.directory import directory

# Machine-readable names for the API, whatever language the request is in.
ENGLISH_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

phone_validator = RegexValidator(
    r"^[0-9+()\-.\s]{7,30}$", "Enter a phone number with digits, spaces, dashes or brackets."
)


# A network's office list: a page of cards at a time, and the finder's nearest few.
OFFICES_PER_PAGE = 24
NEAREST_SHOWN = 10


class LocationIndexPage(BasePage):
    """Lists the clinic's offices."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    def offices(self):
        return (
            LocationPage.for_cards()
            .prefetch_related("hours_exceptions")
            .child_of(self)
            .live()
            .filter(public_q())
        )

    def serve(self, request, *args, **kwargs):
        """The offices; with `?near=<ZIP code or town>` (or `?lat=…&lng=…` from the browser) the
        office finder: nearest first, with distance and opening hours (`locations/finder.py`).
        A found list is kept in the visitors' cache only until an office opens or closes."""
        finder = self.find_offices(request)
        response = super().serve(request, *args, finder=finder, **kwargs)
        changes = [item.next_change for item in finder.get("results", ()) if item.next_change]
        if changes:
            seconds = (min(changes) - timezone.now()).total_seconds()
            response.page_cache_seconds = max(1, int(seconds))
        return response

    def find_offices(self, request):
        query = request.GET
        near = query.get("near", "")
        if not (near or "lat" in query or "lng" in query):
            return {}
        try:
            if near:
                place = finder.find_place(near)
            else:
                place = finder.place_at(query.get("lat"), query.get("lng"))
        except finder.PlaceNotFound as problem:
            return {"near": near[: finder.MAX_QUERY_LENGTH], "error": str(problem)}
        return {
            "near": near[: finder.MAX_QUERY_LENGTH],
            "place": place,
            "results": finder.nearest(self.nearest_offices(place), place),
        }

    def nearest_offices(self, place, shown=NEAREST_SHOWN):
        """The `shown` offices nearest `place`, with their hours: chosen from every office's
        coordinates alone, so only the offices shown are read whole."""
        offices = self.offices()
        points = offices.prefetch_related(None).order_by("path")
        chosen = finder.nearest_points(
            points.values_list("pk", "latitude", "longitude"), place, shown
        )
        return offices.filter(pk__in=[pk for pk, _miles in chosen])

    def get_context(self, request, *args, finder=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = Paginator(self.offices(), OFFICES_PER_PAGE).get_page(
            request.GET.get("page")
        )
        context["finder"] = finder or {}
        return context


class LocationPage(BasePage):
    """One office: where it is, when it is open, who works there and what it offers."""

    summary = models.TextField(
        max_length=400, help_text="A sentence or two about the office, shown under its name."
    )
    image = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A picture of the office or its surroundings.",
    )
    street_address = models.CharField(max_length=200)
    address_line_2 = models.CharField(
        max_length=200, blank=True, help_text="Suite, floor, building."
    )
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, default="CT", help_text="Two-letter state code.")
    postal_code = models.CharField(
        max_length=10,
        validators=[RegexValidator(r"^\d{5}(-\d{4})?$", "Enter a ZIP code such as 06901.")],
    )
    phone = models.CharField(max_length=30, validators=[phone_validator])
    time_zone = models.CharField(
        max_length=64,
        choices=US_TIME_ZONES,
        default=clinic_time_zone,
        validators=[validate_time_zone],
        help_text="The office's opening hours, closures and “open now” are in this time zone.",
    )
    intake_email = models.EmailField(
        blank=True,
        verbose_name="intake e-mail (never shown)",
        help_text=(
            "Where this office's intake team is told about new appointment requests. "
            "It is never shown on the site or published through the API."
        ),
    )
    latitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    directions = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="How to find the office: landmarks, entrance, floor.",
    )
    parking = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)
    accessibility = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="Step-free access, lifts, accessible restrooms, quiet rooms.",
    )
    amenities = StreamField([("amenity", AmenityBlock())], blank=True)
    body = StreamField(BodyBlock(), blank=True)

    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldPanel("address_line_2"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("postal_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address",
            help_text="Latitude and longitude place the office on maps; copy them from a map app.",
        ),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("intake_email")], heading="Contact"),
        FieldPanel("time_zone"),
        FieldPanel("directions"),
        FieldPanel("parking"),
        FieldPanel("accessibility"),
        FieldPanel("amenities"),
    ]
    hours_panels = [
        InlinePanel(
            "opening_hours",
            heading="Weekly hours",
            label="Opening hours",
            help_text="One row per weekday the office is open. Days without a row show as closed.",
        ),
        InlinePanel(
            "hours_exceptions",
            heading="Holidays and other exceptions",
            label="Exception",
            help_text="Dates when the office closes or keeps different hours.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(address_panels, heading="Address and visit"),
            ObjectList(hours_panels, heading="Hours"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList(BasePage.settings_panels, heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("city", boost=3),
        index.AutocompleteField("city"),
        index.SearchField("street_address"),
        index.SearchField("postal_code"),
        index.SearchField("body"),
        index.FilterField("city"),
    ]

    # Where the office is, how to reach it and when it is open follow the source page; only the
    # words about it (closures' reasons among them) are translated.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("summary"),
        TranslatableField("directions"),
        TranslatableField("parking"),
        TranslatableField("accessibility"),
        TranslatableField("amenities"),
        TranslatableField("body"),
        SynchronizedField("image"),
        SynchronizedField("street_address"),
        SynchronizedField("address_line_2"),
        SynchronizedField("city"),
        SynchronizedField("state"),
        SynchronizedField("postal_code"),
        SynchronizedField("phone"),
        SynchronizedField("time_zone"),
        SynchronizedField("intake_email"),
        SynchronizedField("latitude"),
        SynchronizedField("longitude"),
        SynchronizedField("opening_hours"),
        # Closures: their reasons are translated, their dates and hours synchronised.
        TranslatableField("hours_exceptions"),
    ]

    card_template = "locations/includes/location_card.html"
    visitor_label = gettext_lazy("Office")

    # Never the intake e-mail address: it is for the office's staff only.
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("image", serializer=ImageRenditionsField()),
        APIField("address", serializer=AddressField(source="get_api_address")),
        APIField("coordinates", serializer=CoordinatesField(source="get_api_coordinates")),
        APIField("distance_miles", serializer=DistanceMilesField()),
        APIField("phone"),
        APIField("opening_hours", serializer=OpeningHoursField(source="get_api_opening_hours")),
        APIField(
            "hours_exceptions", serializer=HoursExceptionsField(source="get_api_hours_exceptions")
        ),
        APIField("directions"),
        APIField("parking"),
        APIField("accessibility"),
        APIField("amenities"),
        APIField("body"),
        APIField("physicians", serializer=RelatedPagesField(source="get_api_physicians")),
        APIField("treatments", serializer=RelatedPagesField(source="get_api_treatments")),
    ]

    def get_api_address(self):
        return {
            "street_address": self.street_address,
            "address_line_2": self.address_line_2,
            "city": self.city,
            "state": self.state,
            "postal_code": self.postal_code,
            "country": "US",
        }

    def get_api_coordinates(self):
        if self.latitude is None or self.longitude is None:
            return None
        return {"latitude": float(self.latitude), "longitude": float(self.longitude)}

    def get_api_opening_hours(self):
        return [
            {
                "weekday": row.weekday,
                "weekday_name": ENGLISH_WEEKDAYS[row.weekday],
                "opens": f"{row.opens:%H:%M}",
                "closes": f"{row.closes:%H:%M}",
                "time_zone": self.time_zone,
            }
            for row in sorted(self.opening_hours.all(), key=lambda row: (row.weekday, row.opens))
        ]

    def get_api_hours_exceptions(self):
        return [
            {
                "date": row.date.isoformat(),
                "reason": row.reason,
                "closed": row.closed,
                "opens": f"{row.opens:%H:%M}" if row.opens and not row.closed else None,
                "closes": f"{row.closes:%H:%M}" if row.closes and not row.closed else None,
                "time_zone": self.time_zone,
            }
            for row in self.get_upcoming_exceptions()
        ]

    @property
    def tzinfo(self):
        """The office's time zone, in which its hours, closures and "open now" are read."""
        return zoneinfo.ZoneInfo(self.time_zone)

    def local_now(self, now=None):
        """The time now (or at `now`) on the office's clock."""
        return (now or timezone.now()).astimezone(self.tzinfo)

    def local_date(self, now=None):
        """Today's date where the office is."""
        return self.local_now(now).date()

    @classmethod
    def prefetch_relations(cls, pages, fields=None):
        prefetch_related_objects(
            pages, *[name for name in ("opening_hours", "hours_exceptions") if shows(fields, name)]
        )
        if shows(fields, "physicians"):
            prefetch_reverse(
                pages, "physicians", PhysicianPage.objects.all(), "location_links__location"
            )
        if shows(fields, "treatments"):
            prefetch_reverse(
                pages,
                "treatments",
                cls.treatment_model().objects.all(),
                "location_links__location",
            )

    def get_api_physicians(self):
        cached = prefetched(self, "physicians")
        return cached if cached is not None else self.get_physicians(locale=page_locale(self))

    def get_api_treatments(self):
        cached = prefetched(self, "treatments")
        return cached if cached is not None else self.get_treatments(locale=page_locale(self))

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    @classmethod
    def for_cards(cls):
        return super().for_cards().prefetch_related("opening_hours")

    @property
    def address_lines(self):
        lines = [
            self.street_address,
            self.address_line_2,
            f"{self.city}, {self.state} {self.postal_code}",
        ]
        return [line for line in lines if line]

    @property
    def directions_url(self):
        """A maps link to the address: phones open it in the visitor's maps app."""
        query = urlencode({"api": "1", "query": ", ".join(self.address_lines)})
        return f"https://www.google.com/maps/search/?{query}"

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if not digits.startswith("+") and len(digits) == 10:
            digits = "+1" + digits
        return f"tel:{digits}"

    def get_weekly_hours(self):
        """Each weekday, Monday first, with its opening periods (empty when closed)."""
        by_day = {day: [] for day in range(7)}
        for row in self.opening_hours.all():
            by_day[row.weekday].append(row)
        today = self.local_date().weekday()
        return [
            {
                "weekday": day,
                "name": WEEKDAYS[day],
                "periods": sorted(by_day[day], key=lambda row: row.opens),
                "is_today": day == today,
            }
            for day in range(7)
        ]

    def get_upcoming_exceptions(self):
        today = self.local_date()
        return [row for row in self.hours_exceptions.all() if row.date >= today]

    def get_physicians(self, locale=None):
        physicians = (
            PhysicianPage.for_cards()
            .live()
            .filter(public_q())
            .filter(location_links__location__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )
        return in_visitor_language(physicians, locale)

    @classmethod
    def treatment_model(cls):
        """The treatment page type (`treatments`, built on this app), whose link rows name the
        offices where a treatment is given with the `related_name` "treatment_links"."""
        return related_model(related_model(cls, "treatment_links"), "treatment")

    def get_treatments(self, locale=None):
        treatment_model = self.treatment_model()
        treatments = (
            treatment_model.for_cards()
            .live()
            .filter(public_q())
            .filter(location_links__location__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
        )
        return in_visitor_language(treatments, locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["physicians"] = lazy_list(self.get_physicians)
        context["treatments"] = lazy_list(self.get_treatments)
        context["weekly_hours"] = self.get_weekly_hours()
        context["upcoming_exceptions"] = self.get_upcoming_exceptions()
        return context


class OpeningHours(Orderable):
    """A period on one weekday when an office is open. Two rows make a split day."""

    location = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=sorted(WEEKDAYS.items()))
    opens = models.TimeField()
    closes = models.TimeField()

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})

    def __str__(self):
        return f"{WEEKDAYS[self.weekday]} {self.opens:%H:%M}–{self.closes:%H:%M}"


class HoursException(TranslatableMixin, Orderable):
    """A date when an office closes or keeps other hours (a holiday, a training day).

    Translated with its office: each language's page has its own rows, paired by translation key,
    whose reason is translated and whose date and hours follow the source page."""

    location = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="hours_exceptions")
    date = models.DateField()
    reason = models.CharField(max_length=120, help_text='e.g. "Thanksgiving Day"')
    closed = models.BooleanField(default=True, help_text="Untick to give different hours instead.")
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("reason")]),
        FieldRowPanel([FieldPanel("closed"), FieldPanel("opens"), FieldPanel("closes")]),
    ]
    override_translatable_fields = [
        TranslatableField("reason"),
        SynchronizedField("date"),
        SynchronizedField("closed"),
        SynchronizedField("opens"),
        SynchronizedField("closes"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "hours exception"

    def clean(self):
        if self.closed:
            return
        if not (self.opens and self.closes):
            raise ValidationError("Give opening and closing times, or tick “closed”.")
        if self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.reason}"


class PhysicianIndexPage(BasePage):
    """Lists the clinic's physicians."""

    intro = RichTextField(features=INLINE_RICH_TEXT_FEATURES, blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["locations.PhysicianPage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("intro"),
    ]

    def get_context(self, request, *args, **kwargs):
        """The physicians, narrowed by the directory's filters (`locations/directory.py`)."""
        context = super().get_context(request, *args, **kwargs)
        found = directory(self, request.GET, PhysicianPage, LocationPage, PhysicianLocation)
        context["directory"] = found
        context["physicians"] = found.physicians
        return context


class PhysicianPage(BasePage):
    """A physician of the clinic. The page title is the physician's full name."""

    credentials = models.CharField(
        max_length=60, blank=True, help_text='Post-nominal letters, e.g. "MD, FAAN".'
    )
    job_title = models.CharField(
        max_length=120, blank=True, help_text='e.g. "Neurologist and medical director".'
    )
    photo = models.ForeignKey(
        "home.ClinicImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait. Until one is uploaded the site shows a drawn portrait placeholder.",
    )
    summary = models.TextField(
        max_length=400, help_text="One or two sentences for the top of the page."
    )
    bio = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    specialties = StreamField(
        [("specialty", blocks.CharBlock(max_length=100, template="locations/blocks/item.html"))],
        blank=True,
        help_text='Fields of medicine, e.g. "Neurology", "Headache medicine".',
    )
    board_certifications = StreamField(
        [
            (
                "certification",
                blocks.CharBlock(max_length=200, template="locations/blocks/item.html"),
            )
        ],
        blank=True,
    )
    education = StreamField([("education", EducationBlock())], blank=True)
    languages = StreamField(
        [("language", LanguageBlock())],
        blank=True,
        help_text="Languages the physician consults in.",
    )
    accepting_new_patients = models.BooleanField(default=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="physician_pages",
        verbose_name="admin user",
        help_text="The physician's login, so their medical reviews are credited to this page.",
    )

    parent_page_types = ["locations.PhysicianIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("credentials"), FieldPanel("job_title")]),
        FieldPanel("photo"),
        FieldPanel("summary"),
        FieldPanel("bio"),
        FieldPanel("accepting_new_patients"),
    ]
    profile_panels = [
        FieldPanel("specialties"),
        FieldPanel("board_certifications"),
        FieldPanel("education"),
        FieldPanel("languages"),
        InlinePanel(
            "location_links",
            heading="Offices",
            label="Office",
            help_text="The offices where the physician sees patients, in order of importance.",
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(profile_panels, heading="Profile and offices"),
            ObjectList(BasePage.promote_panels, heading="Promote"),
            ObjectList([*BasePage.settings_panels, FieldPanel("user")], heading="Settings"),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("credentials"),
        index.SearchField("job_title", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("specialties", boost=2),
        index.SearchField("bio"),
    ]

    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        TranslatableField("job_title"),
        TranslatableField("summary"),
        TranslatableField("bio"),
        TranslatableField("specialties"),
        TranslatableField("board_certifications"),
        TranslatableField("education"),
        SynchronizedField("credentials"),
        SynchronizedField("photo"),
        SynchronizedField("languages"),
        SynchronizedField("accepting_new_patients"),
        SynchronizedField("user"),
        SynchronizedField("location_links"),
    ]

    card_template = "locations/includes/physician_card.html"
    visitor_label = gettext_lazy("Physician")

    # Never the linked user account.
    api_fields = [
        *BasePage.api_fields,
        APIField("credentials"),
        APIField("job_title"),
        APIField("photo", serializer=ImageRenditionsField()),
        APIField("summary"),
        APIField("bio"),
        APIField("specialties"),
        APIField("board_certifications"),
        APIField("education"),
        APIField("languages"),
        APIField("accepting_new_patients"),
        APIField("locations", serializer=RelatedPagesField(source="get_api_locations")),
        APIField("articles", serializer=RelatedPagesField(source="get_api_articles")),
    ]

    @classmethod
    def prefetch_relations(cls, pages, fields=None):
        if shows(fields, "locations"):
            prefetch_forward(
                pages,
                "locations",
                PhysicianLocation,
                "physician",
                "location",
                LocationPage.objects.all(),
            )
        if shows(fields, "articles"):
            prefetch_reverse(pages, "articles", cls.article_model().objects.all(), "author")

    @classmethod
    def article_model(cls):
        """The article page type (`articles`, built on this app), whose `author` is defined
        there with the `related_name` "articles_written"."""
        return related_model(cls, "articles_written")

    def get_articles(self, locale=None):
        """The live articles this physician wrote, newest first, in the visitor's language."""
        articles = self.article_model()
        return articles.cards(
            articles.objects.filter(author__translation_key=self.translation_key), locale
        )

    def get_api_articles(self):
        cached = prefetched(self, "articles")
        return cached if cached is not None else self.get_articles(locale=page_locale(self))

    def get_api_locations(self):
        cached = prefetched(self, "locations")
        return cached if cached is not None else self.get_locations(locale=page_locale(self))

    @property
    def display_name(self):
        return f"{self.title}, {self.credentials}" if self.credentials else self.title

    @cached_property
    def initials(self):
        words = [word for word in self.title.replace(".", " ").split() if word[:1].isalpha()]
        if not words:
            return ""
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    # An office's structured data names its physicians' specialties.
    card_long_text = ("specialties",)

    @classmethod
    def for_cards(cls):
        return cls.card_queryset().select_related("photo").prefetch_related("photo__renditions")

    def get_locations(self, locale=None):
        ids = [link.location_id for link in self.location_links.all()]
        return linked_pages(ids, LocationPage.for_cards(), locale=locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["locations"] = lazy_list(self.get_locations)
        context["articles"] = lazy_list(self.get_articles)
        return context


class PhysicianLocation(Orderable):
    """A physician practises at an office."""

    physician = ParentalKey(PhysicianPage, on_delete=models.CASCADE, related_name="location_links")
    location = models.ForeignKey(
        LocationPage, on_delete=models.CASCADE, related_name="physician_links"
    )

    panels = [PageChooserPanel("location")]

    class Meta(Orderable.Meta):
        verbose_name = "office"
