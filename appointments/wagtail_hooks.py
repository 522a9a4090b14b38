"""Appointment requests in the admin: only for users with the model's view permission (the Intake
group and superusers). Every reading of a request and every export is recorded in the audit log."""

from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.log_actions import log

from appointments.erasure import ERASE_ACTION, EraseRequesterView, can_erase
from appointments.models import AppointmentRequest

# Stored in the audit log: the names keep the app the requests were first kept in.
VIEW_ACTION = "locations.appointment_request.view"
EXPORT_ACTION = "locations.appointment_request.export"


@hooks.register("register_log_actions")
def register_appointment_log_actions(actions):
    actions.register_action(
        VIEW_ACTION, _("View appointment request"), _("Appointment request viewed")
    )
    actions.register_action(
        EXPORT_ACTION, _("Export appointment request"), _("Appointment request exported")
    )
    actions.register_action(
        ERASE_ACTION, _("Erase a requester's records"), _("Requester's records erased")
    )


def local_time(value):
    """A time as the clinic reads it: in its time zone (`TIME_ZONE`), with the zone's name."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M %Z")


def how_to_contact(appointment):
    """How and when the visitor wants to be called back, in one column: "Phone, Morning (8 a.m. –
    noon)"."""
    return ", ".join(
        part
        for part in (
            appointment.get_preferred_contact_method_display(),
            appointment.get_preferred_time_display(),
        )
        if part
    )


def good_faith_estimate(appointment):
    """Only the requests that asked for one say so (a cross on every other row read as an error)."""
    return _("Asked for one") if appointment.wants_good_faith_estimate else ""


def local_naive_time(value):
    """For spreadsheets, which hold no time zone: the clinic's wall-clock time."""
    return timezone.make_naive(value, timezone.get_current_timezone())


class AppointmentRequestIndexView(generic.IndexView):
    """The list shows no contact details; the export (which does) is recorded per request. Its
    times are the clinic's (Wagtail exports UTC)."""

    custom_field_preprocess = {
        "created_at": {
            generic.IndexView.FORMAT_CSV: local_time,
            generic.IndexView.FORMAT_XLSX: local_naive_time,
        }
    }

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_erase(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Erase a requester's records"),
                    url=reverse("appointment_requests:erase"),
                    icon_name="bin",
                )
            )
        return buttons

    def as_spreadsheet(self, queryset, spreadsheet_format):
        rows = list(queryset)
        for appointment in rows:
            log(
                appointment,
                EXPORT_ACTION,
                user=self.request.user,
                data={"format": spreadsheet_format},
            )
        return super().as_spreadsheet(rows, spreadsheet_format)


class AppointmentRequestEditView(generic.EditView):
    """A request opens here: what the visitor sent, read-only, and its status to change."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEW_ACTION, user=request.user)
        return response


class AppointmentRequestInspectView(generic.InspectView):
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        log(self.object, VIEW_ACTION, user=request.user)
        return response


class AppointmentRequestViewSet(ModelViewSet):
    model = AppointmentRequest
    icon = "mail"
    menu_label = _("Appointment requests")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "appointment-requests"
    url_namespace = "appointment_requests"
    index_view_class = AppointmentRequestIndexView
    edit_view_class = AppointmentRequestEditView
    inspect_view_class = AppointmentRequestInspectView
    inspect_view_enabled = True
    # Staff change only the status; what the visitor sent is shown above it, read-only.
    panels = [
        HelpPanel(
            template="appointments/admin/request_details.html",
            heading=_("What the visitor sent"),
        ),
        FieldPanel("status"),
    ]
    # Fits a laptop's screen beside the menu (1280 px): how and when to call in one column.
    list_display = [
        "__str__",
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
        Column("office", label=_("Office"), sort_key="office__title"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("contact", label=_("Contact"), accessor=how_to_contact),
        Column(
            "wants_good_faith_estimate",
            label=_("Good Faith Estimate"),
            accessor=good_faith_estimate,
            sort_key="wants_good_faith_estimate",
        ),
    ]
    list_filter = [
        "status",
        "office",
        "preferred_contact_method",
        "wants_good_faith_estimate",
        "created_at",
    ]
    list_export = [
        "pk",
        "created_at",
        "status",
        "name",
        "phone",
        "email",
        "preferred_contact_method",
        "preferred_time",
        "office_title",
        "topic_title",
        "wants_good_faith_estimate",
        "consent_language",
        "consent_text",
        "privacy_notice_version",
    ]
    export_headings = {
        "pk": "Request",
        "created_at": "Received",
        "office_title": "Office",
        "topic_title": "About",
    }
    export_filename = "appointment-requests"
    inspect_view_fields = [
        "created_at",
        "status",
        "name",
        "phone",
        "email",
        "preferred_contact_method",
        "preferred_time",
        "office",
        "topic",
        "wants_good_faith_estimate",
        "consent_text",
        "consent_language",
        "privacy_notice_version",
    ]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return AppointmentRequest.objects.select_related("office", "topic")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("erase/", EraseRequesterView.as_view(), name="erase"),
        ]


appointment_request_viewset = AppointmentRequestViewSet("appointment_requests")


@hooks.register("register_admin_viewset")
def register_appointment_request_viewset():
    return appointment_request_viewset
