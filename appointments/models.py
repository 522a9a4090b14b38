"""Appointment requests: the page visitors fill in and the requests it stores.

A request holds a name and contact details tied to a clinic visit, so it is protected health
information. It is a model of its own (not Wagtail's form builder, whose submissions any form
editor can read): it is visible only to the Intake group (see `wagtail_hooks.py`), never indexed
for search, never published through the API, never written to logs, and deleted after
`APPOINTMENT_RETENTION_DAYS` by `purge_appointment_requests`.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import DatabaseError, models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from home import caching
from home.api import RelatedPageField
from home.blocks import INLINE_RICH_TEXT_FEATURES, RICH_TEXT_FEATURES
from home.caching import public_q
from home.localization import active_locale, default_locale
from home.models import BasePage, ClinicSettings
from home.navigation import root_children
from home.templatetags.clinic_tags import tel_href
from insights import counting as site_traffic

logger = logging.getLogger(__name__)

# Signed into links already sent: the value keeps the app the requests were first kept in.
SENT_SALT = "locations.appointment-sent"
SENT_MAX_AGE = 30 * 60  # the thank-you link works for half an hour after the request was stored


class AppointmentRequestPage(BasePage):
    """The appointment request form. Marketing edits its words; the requests it stores are not
    part of the page (nor of its API representation)."""

    intro = RichTextField(
        features=INLINE_RICH_TEXT_FEATURES,
        blank=True,
        help_text="A few words above the form: what happens after a visitor sends it.",
    )
    thank_you_text = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="Shown once the request is stored: what happens next and when.",
    )
    consent_text = models.TextField(
        max_length=1000,
        help_text=(
            "The statement visitors tick before sending. Each request keeps the exact words "
            "(and their language) the visitor agreed to."
        ),
    )

    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=(
            "The privacy notice the consent refers to (it covers consumer health data). Each "
            "request records the version the visitor agreed to."
        ),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("consent_text"),
        PageChooserPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
    ]

    # The notice chosen follows the source page and is shown in the visitor's language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("privacy_notice"),
    ]

    # The page's own words only: never the requests.
    api_fields = [
        *BasePage.api_fields,
        APIField("intro"),
        APIField("consent_text"),
        APIField("privacy_notice", serializer=RelatedPageField()),
        APIField("thank_you_text"),
    ]

    class Meta:
        verbose_name = "appointment request page"

    def get_form(self, request):
        from appointments.forms import AppointmentRequestForm

        if request.method == "POST":
            return AppointmentRequestForm(data=request.POST, page=self)
        return AppointmentRequestForm(page=self, initial=prefill(request))

    @method_decorator(sensitive_post_parameters())
    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request)
            complete = form.is_valid()
            if over_rate_limit(request, complete):
                # Shown with the form as it was filled in: nothing the visitor typed is lost.
                form.add_error(None, RATE_LIMITED)
                context = self.get_context(request, *args, **kwargs)
                context.update(form=form, sent=False)
                return TemplateResponse(
                    request,
                    self.get_template(request),
                    context,
                    status=429,
                    headers={"Retry-After": str(settings.APPOINTMENT_RATE_LIMIT_WINDOW)},
                )
            if complete:
                try:
                    with transaction.atomic():
                        self.store(form)
                except DatabaseError as error:
                    # Only the kind of failure is logged: a database error's message can quote
                    # the values of the row, and those are the patient's.
                    logger.error(
                        "An appointment request could not be stored (%s).", type(error).__name__
                    )
                    return self.not_stored(request, form, *args, **kwargs)
                token = signing.dumps(timezone.now().timestamp(), salt=SENT_SALT)
                return redirect(f"{self.url}?sent={token}")
        elif request.method in ("GET", "HEAD"):
            form = None if sent_token_valid(request) else self.get_form(request)
        else:
            response = TemplateResponse(request, "404.html", status=405)
            response["Allow"] = "GET, HEAD, POST"
            return response
        context = self.get_context(request, *args, **kwargs)
        context["form"] = form
        context["sent"] = form is None
        return TemplateResponse(request, self.get_template(request), context)

    def shown_privacy_notice(self):
        """The live privacy notice in the visitor's language (else the one chosen), or None."""
        if self.privacy_notice_id is None:
            return None
        notice = self.privacy_notice
        locale = active_locale()
        if notice.locale_id != locale.pk:
            localized = notice.get_translation_or_none(locale)
            if localized is not None and localized.live:
                return localized
        return notice if notice.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_notice"] = self.shown_privacy_notice()
        return context

    def not_stored(self, request, form, *args, **kwargs):
        """The form again, as the visitor filled it, saying the request was not received and
        giving a phone number: never a thank-you for a request that was not stored."""
        try:
            context = self.get_context(request, *args, **kwargs)
        except DatabaseError:
            context = {"page": self, "request": request}
        context.update(form=form, sent=False, not_stored=True)
        try:
            phone = ClinicSettings.for_request(request).main_phone
        except DatabaseError:
            phone = ""
        context["fallback_phone"] = phone or settings.FALLBACK_PHONE
        context["fallback_href"] = tel_href(context["fallback_phone"])
        return TemplateResponse(request, self.get_template(request), context, status=503)

    @sensitive_variables("form")
    def store(self, form):
        appointment = form.save(commit=False)
        appointment.page = self
        # One office is one office in the Intake list and its export, whatever the language the
        # visitor wrote in: the office and topic are kept in the site's main language.
        appointment.office = in_main_language(appointment.office)
        appointment.topic = in_main_language(appointment.topic)
        appointment.consent_text = self.consent_text
        appointment.consent_language = translation.get_language() or settings.LANGUAGE_CODE
        appointment.privacy_notice_version = notice_version(self.shown_privacy_notice())
        appointment.save()
        # The site traffic report learns that a request was sent from a page, about a topic:
        # nothing about the visitor or the request itself.
        # (Held in memory until the batch is written: a request not stored raised before this.)
        site_traffic.count_request(form.source_page_id, appointment.topic_id)
        notify_intake(appointment)
        return appointment


def notice_version(notice):
    """What a request keeps of the privacy notice its consent referred to: enough to find the
    very text again in the page's history."""
    if notice is None:
        return ""
    published = notice.last_published_at
    when = timezone.localtime(published).strftime("%Y-%m-%d %H:%M %Z") if published else "-"
    return (
        f"{notice.title} (page {notice.pk}, revision {notice.live_revision_id}, published {when})"
    )[:300]


def in_main_language(page):
    """`page`'s translation in the site's main language (`LANGUAGE_CODE`), else `page`."""
    if page is None:
        return None
    main = (
        type(page)
        .objects.filter(translation_key=page.translation_key, locale=default_locale())
        .first()
    )
    return main or page


def prefill(request):
    """Initial office and topic from `?office=<page id>&topic=<page id>`: a GET only prefills
    the form, in the visitor's language, and ignores anything it does not recognise."""
    initial = {}
    wanted = {}
    source = request.GET.get("from", "")
    if source.isascii() and source.isdigit() and len(source) < 12:
        initial["source"] = source  # checked when the request is counted
    for name in ("office", "topic"):
        value = request.GET.get(name, "")
        if value.isdigit() and len(value) < 12:
            wanted[name] = int(value)
    if not wanted:
        return initial
    locale = active_locale()
    pages = Page.objects.filter(pk__in=wanted.values()).only("pk", "translation_key", "locale")
    keys = {page.pk: page.translation_key for page in pages}
    localized = dict(
        Page.objects.live()
        .filter(translation_key__in=keys.values(), locale=locale)
        .values_list("translation_key", "pk")
    )
    for name, pk in wanted.items():
        if pk in keys and keys[pk] in localized:
            initial[name] = localized[keys[pk]]
    return initial


def sent_token_valid(request):
    token = request.GET.get("sent")
    if not token:
        return False
    try:
        signing.loads(token, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return False
    return True


def client_address(request):
    # Behind the production proxy REMOTE_ADDR is the proxy; the proxy appends the client's address.
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "unknown")


RATE_LIMITED = _(
    "We have received several requests from your connection in a short time. Please try again "
    "in ten minutes, or call the office nearest to you."
)
# Posts with mistakes in them are counted apart, with room for many corrections: a visitor who
# gets a field wrong a few times is never refused the request they then send.
INCOMPLETE_POSTS_PER_REQUEST = 4


def over_rate_limit(request, complete):
    """Count this post against its client address, complete requests apart from posts with
    mistakes; True once the address is over the limit for its kind."""
    window = settings.APPOINTMENT_RATE_LIMIT_WINDOW
    bucket = int(timezone.now().timestamp() // window)
    limit = settings.APPOINTMENT_RATE_LIMIT
    if not complete:
        limit *= INCOMPLETE_POSTS_PER_REQUEST
    # The address is hashed: the cache holds no visitor's address.
    client = salted_hmac("appointment-posts", client_address(request)).hexdigest()
    kind = "complete" if complete else "incomplete"
    key = f"appointment-posts:{kind}:{client}:{bucket}"
    try:
        cache.add(key, 0, window)
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, window)
        count = 1
    # A cache outage (django-redis ignoring the error) must not refuse real visitors.
    if not isinstance(count, int):
        return False
    return count > limit


def notify_intake(appointment):
    """Tell the office's intake team that a request arrived: no patient data, only a link to it
    in the admin. A failing mail server must not lose the stored request."""
    recipient = (appointment.office and appointment.office.intake_email) or getattr(
        settings, "APPOINTMENT_FALLBACK_EMAIL", ""
    )
    if not recipient:
        logger.warning(
            "Appointment request %s stored; no intake address to notify.", appointment.pk
        )
        return
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "appointment_requests:inspect", args=[appointment.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = str(_("New appointment request"))
        body = str(
            _(
                "A new appointment request has arrived on the website.\n\n"
                "Sign in to read it and to mark it as contacted:\n%(url)s\n\n"
                "For the patient's privacy this e-mail contains no details of the request."
            )
        ) % {"url": url}
    try:
        send_mail(subject, body, None, [recipient])
    except Exception:  # a mail outage is reported, the request is kept and the visitor thanked
        logger.exception(
            "Could not send the notification of appointment request %s.", appointment.pk
        )


class AppointmentRequest(models.Model):
    """A visitor's request to be contacted about an appointment. Protected health information."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        CLOSED = "closed", _("Closed")

    class ContactMethod(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")

    class ContactTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (8 a.m. – noon)")
        AFTERNOON = "afternoon", _("Afternoon (noon – 5 p.m.)")
        EVENING = "evening", _("Early evening (5 – 7 p.m.)")

    created_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    name = models.CharField(_("name"), max_length=100)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    preferred_contact_method = models.CharField(
        _("preferred contact method"), max_length=10, choices=ContactMethod.choices
    )
    preferred_time = models.CharField(
        _("preferred time"), max_length=10, choices=ContactTime.choices, default=ContactTime.ANY
    )
    office = models.ForeignKey(
        "locations.LocationPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preferred office"),
    )
    topic = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("about"),
        help_text="The condition or treatment the request is about.",
    )
    wants_good_faith_estimate = models.BooleanField(
        _("wants a Good Faith Estimate"),
        default=False,
        help_text="The visitor pays themselves (no insurance, or not using it) and asked for a "
        "written Good Faith Estimate: due within three business days of the request.",
    )
    consent_text = models.TextField(editable=False)
    consent_language = models.CharField(max_length=10, editable=False)
    privacy_notice_version = models.CharField(
        _("privacy notice agreed to"),
        max_length=300,
        blank=True,
        editable=False,
        help_text="The privacy notice the consent referred to, as it was published when the "
        "visitor agreed: its title, page, revision and publication time.",
    )
    page = models.ForeignKey(
        AppointmentRequestPage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "appointment request"
        permissions = [("erase_requester", "Can erase a requester's records on request")]

    def __str__(self):
        # Never the visitor's name: this string appears in the audit log and admin breadcrumbs.
        return f"Request #{self.pk}"

    @property
    def office_title(self):
        return self.office.title if self.office else ""

    @property
    def topic_title(self):
        return self.topic.title if self.topic else ""


class ErasureRecord(models.Model):
    """That a requester's records were erased on request: when, by whom, how many requests, and
    the user's own reference. Never what the requests held (appointments/erasure.py)."""

    created_at = models.DateTimeField(_("erased at"), default=timezone.now, editable=False)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erased by"),
    )
    requests_erased = models.PositiveIntegerField(_("requests erased"))
    reference = models.CharField(_("reference"), max_length=60)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "erasure record"

    def __str__(self):
        return f"Erasure #{self.pk}"


# The request page's address is linked from every office, treatment and condition page; it is
# kept in the cache (no query per page view) and forgotten whenever a request page changes.
def appointment_page_url(request=None):
    """The address of the live request page in the visitor's language (else the default
    language's), or "" when the site has none; kept for the content version. It is usually a
    child of the home page, which the header and footer read anyway."""
    from home.templatetags.clinic_tags import site_root

    locale = active_locale()

    def build():
        root = site_root(request)
        if root is not None and root.locale_id == locale.pk:
            page_type = ContentType.objects.get_for_model(AppointmentRequestPage).pk
            for child in root_children(request, root):
                if child.content_type_id == page_type:
                    return child.get_url(request=request) or ""
        pages = {
            page.locale_id: page
            for page in AppointmentRequestPage.objects.live()
            .filter(public_q())
            .filter(locale__in={locale, default_locale()})
        }
        page = pages.get(locale.pk) or pages.get(default_locale().pk)
        return (page.get_url(request=request) or "") if page else ""

    return caching.fragment(request, "appointment-url", [locale.language_code], build)
