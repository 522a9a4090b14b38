"""Erasing a requester's records on request (Connecticut Data Privacy Act, consumer health data;
docs/editors.md says how Intake handles such a request).

An authorised user (permission `appointments.erase_requester`: Intake and site administrators)
gives the requester's e-mail address and/or phone number; every appointment request that holds
either is deleted, and an `ErasureRecord` says when, by whom and how many, with the user's own
reference: never what the requests held, nor the e-mail or phone number searched for."""

import re

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from appointments.models import AppointmentRequest, ErasureRecord

ERASE_ACTION = "appointments.erase_requester"
# A reference that holds an e-mail address, or the phone number searched for, is refused: the
# record must not keep what was erased.
EMAIL_LIKE = re.compile(r"\S@\S")


def digits(value):
    return "".join(char for char in value if char.isascii() and char.isdigit())[-10:]


class EraseRequesterForm(forms.Form):
    email = forms.EmailField(label=_("The requester's e-mail address"), required=False)
    phone = forms.CharField(label=_("The requester's phone number"), max_length=30, required=False)
    reference = forms.CharField(
        label=_("Your reference for this request"),
        max_length=60,
        help_text=_(
            "e.g. the date the request arrived and your ticket number. Never the requester's "
            "name, e-mail address or phone number: this is kept."
        ),
    )
    identity_checked = forms.BooleanField(
        label=_("I have confirmed that the person asking is the requester (docs/editors.md)."),
    )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and len(digits(phone)) < 7:
            raise forms.ValidationError(_("Enter the whole phone number, with its area code."))
        return phone

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip()
        if EMAIL_LIKE.search(reference):
            raise forms.ValidationError(
                _("Leave the e-mail address and phone number out of the reference.")
            )
        return reference

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and not self.errors:
            raise forms.ValidationError(_("Give the requester's e-mail address or phone number."))
        phone, reference = cleaned.get("phone"), cleaned.get("reference", "")
        if phone and digits(phone)[-7:] in "".join(c for c in reference if c.isdigit()):
            self.add_error(
                "reference", _("Leave the e-mail address and phone number out of the reference.")
            )
        return cleaned


def matching_requests(email, phone):
    """The ids of the requests holding `email` (any case) or `phone` (the same digits)."""
    query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email)
    ids = set(AppointmentRequest.objects.filter(query).values_list("pk", flat=True))
    if phone:
        wanted = digits(phone)
        ids.update(
            pk
            for pk, stored in AppointmentRequest.objects.exclude(phone="").values_list(
                "pk", "phone"
            )
            if digits(stored) == wanted
        )
    return ids


def can_erase(user):
    return user.is_active and user.has_perm("appointments.erase_requester")


class EraseRequesterView(WagtailAdminTemplateMixin, FormView):
    form_class = EraseRequesterForm
    template_name = "appointments/admin/erase_requester.html"
    page_title = _("Erase a requester's records")
    header_icon = "bin"

    def dispatch(self, request, *args, **kwargs):
        if not can_erase(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("appointment_requests:index"), "label": _("Appointment requests")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["records"] = ErasureRecord.objects.select_related("erased_by")[:20]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            ids = matching_requests(data["email"], data["phone"])
            AppointmentRequest.objects.filter(pk__in=ids).delete()
            record = ErasureRecord.objects.create(
                erased_by=self.request.user,
                requests_erased=len(ids),
                reference=data["reference"],
            )
            log(record, ERASE_ACTION, user=self.request.user, data={"requests": len(ids)})
        messages.success(
            self.request,
            _("%(count)s appointment requests erased. The erasure is recorded.")
            % {"count": len(ids)},
        )
        return redirect("appointment_requests:erase")
