"""The appointment request form, with spam protection a real visitor never notices: a honeypot
field that only robots fill in, and a signed timestamp that refuses posts sent faster than a
person could fill the form in."""

import time
import unicodedata

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from appointments.models import AppointmentRequest
from home.localization import active_locale
from locations.models import LocationPage

TIMESTAMP_SALT = "locations.appointment-form-started"
# A form left open longer than this must be sent again (the page is reloaded with what was typed).
TIMESTAMP_MAX_AGE = 24 * 60 * 60
# Characters a name may contain besides letters and combining marks.
NAME_PUNCTUATION = set(" '’-.,")


def form_timestamp(issued_at=None):
    """The signed value of the hidden `started` field: when the form was shown."""
    return signing.dumps(time.time() if issued_at is None else issued_at, salt=TIMESTAMP_SALT)


def topic_choices(locale):
    """The site's live conditions and treatments in `locale`, grouped, by title."""
    groups = [
        (_("Conditions"), apps.get_model("treatments", "ConditionPage")),
        (_("Treatments"), apps.get_model("treatments", "TreatmentPage")),
    ]
    content_types = ContentType.objects.get_for_models(*(model for _label, model in groups))
    type_ids = {model: content_types[model].pk for _label, model in groups}
    pages = (
        Page.objects.live()
        .public()
        .filter(locale=locale, content_type_id__in=type_ids.values())
        .order_by("title")
        .values_list("pk", "title", "content_type_id")
    )
    pages = list(pages)
    choices = [("", _("Not sure yet, or something else"))]
    for label, model in groups:
        options = [(pk, title) for pk, title, type_id in pages if type_id == type_ids[model]]
        if options:
            choices.append((label, options))
    return choices


# The largest id a database column holds (PostgreSQL's bigint, SQLite's INTEGER).
MAX_ID = 2**63 - 1


class PageChoiceField(forms.ModelChoiceField):
    """A page chosen by its id. Anything but a whole number a database can hold is an invalid
    choice: a 20-digit "id" must not reach the database (SQLite raises OverflowError)."""

    def to_python(self, value):
        if value not in self.empty_values:
            text = str(value)
            if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                )
        return super().to_python(value)


class AppointmentRequestForm(forms.ModelForm):
    """What a visitor sends to ask for an appointment. Never medical details: the page says so."""

    email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)
    topic = forms.TypedChoiceField(
        label=_("What would you like to talk about?"), coerce=int, required=False, empty_value=None
    )
    consent = forms.BooleanField(
        required=True, error_messages={"required": _("Please tick the box to agree.")}
    )
    # Hidden from people by the stylesheet and from screen readers; robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = AppointmentRequest
        field_classes = {"office": PageChoiceField}
        fields = [
            "name",
            "phone",
            "email",
            "preferred_contact_method",
            "preferred_time",
            "office",
            "topic",
            "wants_good_faith_estimate",
        ]
        labels = {
            "name": _("Your name"),
            "phone": _("Phone"),
            "preferred_contact_method": _("How should we contact you?"),
            "preferred_time": _("When is the best time to reach you?"),
            "office": _("Which office would you like to visit?"),
            "wants_good_faith_estimate": _(
                "I will pay myself (I have no insurance, or will not use it): please send me a "
                "Good Faith Estimate of the expected charges."
            ),
        }
        help_texts = {
            "phone": _("A number we can call or leave a message on."),
            "email": _("We write only to arrange your appointment."),
            "wants_good_faith_estimate": _(
                "Free, and in writing within three business days. You can also ask us for one "
                "at any time."
            ),
        }
        widgets = {
            "preferred_contact_method": forms.RadioSelect,
            "preferred_time": forms.RadioSelect,
            "office": forms.RadioSelect,
        }

    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        locale = active_locale()
        self.fields["email"].help_text = self._meta.help_texts["email"]
        self.fields["wants_good_faith_estimate"].help_text = self._meta.help_texts[
            "wants_good_faith_estimate"
        ]
        # The keyboard each field needs on a phone, and what the browser may fill in.
        self.fields["name"].widget.attrs.update(
            autocomplete="name", autocapitalize="words", enterkeyhint="next", maxlength=100
        )
        self.fields["phone"].widget = forms.TextInput(
            attrs={
                "type": "tel",
                "autocomplete": "tel",
                "inputmode": "tel",
                "enterkeyhint": "next",
                "maxlength": 30,
            }
        )
        self.fields["email"].widget.attrs.update(
            autocomplete="email",
            inputmode="email",
            autocapitalize="off",
            spellcheck="false",
            enterkeyhint="next",
        )
        self.fields["preferred_contact_method"].choices = AppointmentRequest.ContactMethod.choices
        self.fields["preferred_time"].choices = AppointmentRequest.ContactTime.choices
        offices = self.fields["office"]
        offices.queryset = (
            LocationPage.objects.live().public().filter(locale=locale).order_by("path")
        )
        offices.empty_label = None
        offices.error_messages["invalid_choice"] = _("Choose one of our offices.")
        offices.error_messages["required"] = _("Choose the office you would like to visit.")
        self.fields["topic"].choices = topic_choices(locale)
        self.fields["consent"].label = page.consent_text
        self.describe_fields()
        if not self.is_bound:
            self.initial["started"] = form_timestamp()
            self.initial.setdefault("preferred_time", AppointmentRequest.ContactTime.ANY)

    def describe_fields(self):
        """Point each input at its help text and error message (`aria-describedby`)."""
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.HiddenInput) or name == "website":
                continue
            auto_id = self[name].auto_id
            ids = []
            if self.is_bound and name in self.errors:
                ids.append(f"{auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if field.help_text:
                ids.append(f"{auto_id}-help")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)

    @property
    def visible_fields_for_visitors(self):
        return [field for field in self.visible_fields() if field.name != "website"]

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        for char in name:
            category = unicodedata.category(char)
            if char not in NAME_PUNCTUATION and category[0] not in "LM":
                raise forms.ValidationError(
                    _("Use letters only, with spaces, hyphens or apostrophes where needed.")
                )
        if len(name) < 2:
            raise forms.ValidationError(_("Enter your name."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if not phone:
            return ""
        digits = sum(char.isdigit() for char in phone)
        allowed = set("0123456789+()-. ")
        if any(char not in allowed for char in phone) or not 10 <= digits <= 15:
            raise forms.ValidationError(
                _("Enter a phone number with area code, e.g. (203) 555-0142.")
            )
        return phone

    def clean_topic(self):
        pk = self.cleaned_data["topic"]
        if pk is None:
            return None
        return Page.objects.get(pk=pk)  # the choices above hold only live pages' ids

    @property
    def source_page_id(self):
        """The page the visitor came from (`?from=`, then the hidden `source` input), for the
        site traffic report only: never stored with the request, never a form error."""
        value = self.data.get("source", "") if self.is_bound else self.initial.get("source", "")
        value = str(value)
        if value.isascii() and value.isdigit() and 0 < len(value) < 12:
            return int(value)
        return None

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data["started"], salt=TIMESTAMP_SALT, max_age=TIMESTAMP_MAX_AGE
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _(
                    "This form was open for a long time. Please check your details and send it again."
                )
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Something went wrong. Please check your details and send the form again.")
            ) from None
        elapsed = time.time() - float(started)
        if elapsed > TIMESTAMP_MAX_AGE:
            raise forms.ValidationError(
                _(
                    "This form was open for a long time. Please check your details and send it again."
                )
            )
        if elapsed < settings.APPOINTMENT_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was very quick. Please check your details and send the form again.")
            )
        return started

    def clean(self):
        cleaned = super().clean()
        phone, email = cleaned.get("phone"), cleaned.get("email")
        method = cleaned.get("preferred_contact_method")
        if "phone" in cleaned and "email" in cleaned and not phone and not email:
            self.add_error("phone", _("Give a phone number or an e-mail address."))
        elif method == AppointmentRequest.ContactMethod.PHONE and not phone and "phone" in cleaned:
            self.add_error("phone", _("Give a phone number, or choose to be contacted by e-mail."))
        elif method == AppointmentRequest.ContactMethod.EMAIL and not email and "email" in cleaned:
            self.add_error("email", _("Give an e-mail address, or choose to be called."))
        return cleaned

    def full_clean(self):
        super().full_clean()
        self.describe_fields()
        if self.is_bound and "started" in self.errors:
            # A forged or stale timestamp is replaced by a fresh one when the form is shown again,
            # so the visitor can send it once they have checked it. A valid one is kept: a post
            # that was too quick stays counted from when the form was first shown.
            try:
                signing.loads(
                    self.data.get("started", ""), salt=TIMESTAMP_SALT, max_age=TIMESTAMP_MAX_AGE
                )
            except signing.BadSignature:
                data = self.data.copy()
                data["started"] = form_timestamp()
                self.data = data
