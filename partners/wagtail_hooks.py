"""Webhooks in the admin (Settings → Webhooks), for site administrators only: the subscriptions,
each one's secret on its edit page, and its delivery log with "Redeliver"."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from partners import webhooks
from partners.models import (
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
    locale_codes,
    new_webhook_secret,
    page_type_labels,
)


class WebhookSubscriptionForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        choices=WebhookEvent.choices, widget=forms.CheckboxSelectMultiple
    )
    page_types = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every page type.",
    )
    locales = forms.MultipleChoiceField(
        label="Languages",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="None ticked: every language.",
    )
    new_secret = forms.BooleanField(
        label="Generate a new secret",
        required=False,
        help_text="The old one stops working at once: give the partner the new one.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page_types"].choices = [(label, label) for label in page_type_labels()]
        self.fields["locales"].choices = [(code, code) for code in locale_codes()]
        if not self.instance.pk:
            del self.fields["new_secret"]

    def save(self, commit=True):
        if self.cleaned_data.get("new_secret"):
            self.instance.secret = new_webhook_secret()
        if self.instance.active and "active" in self.changed_data:
            self.instance.disabled_at, self.instance.disabled_reason = None, ""
            self.instance.consecutive_failures, self.instance.failing_since = 0, None
        return super().save(commit)


class SecretPanel(Panel):
    """The subscription's secret, once it is saved (a new one has none to show yet)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "partners/secret_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["secret"] = self.instance.secret
            return context


class DisabledPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        def is_shown(self):
            return bool(self.instance and self.instance.pk and self.instance.disabled_reason)

        def render_html(self, parent_context=None):
            return format_html(
                '<div class="help-block help-warning"><p>{}</p><p>Tick "Active" to send to it '
                "again, then redeliver what it missed from its delivery log.</p></div>",
                self.instance.disabled_reason,
            )


class CreateSubscriptionView(generic.CreateView):
    def get_success_url(self):
        # Straight to its edit page, where the secret to give the partner is shown.
        return reverse("partners_webhooksubscription:edit", args=[self.object.pk])


class LinkColumn(Column):
    cell_template_name = "partners/deliveries_link_cell.html"


def deliveries_url(subscription):
    return reverse("partners_webhookdelivery:index") + f"?subscription={subscription.pk}"


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    add_view_class = CreateSubscriptionView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "url",
        Column("events", accessor=lambda s: ", ".join(s.events)),
        "active",
        "consecutive_failures",
        LinkColumn("deliveries", label="Deliveries", accessor=deliveries_url),
    ]
    list_filter = ["active"]
    search_fields = ["name", "url"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("url"),
            FieldPanel("events"),
            FieldPanel("page_types"),
            FieldPanel("locales"),
            FieldPanel("active"),
            DisabledPanel(heading="Disabled"),
            SecretPanel(heading="Secret"),
            FieldPanel("new_secret"),
        ],
        base_form_class=WebhookSubscriptionForm,
    )


class RedeliverColumn(Column):
    cell_template_name = "partners/redeliver_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is None or not request.user.has_perm("partners.change_webhookdelivery"):
            context["value"] = None
        else:
            context["csrf_token"] = get_token(request)
        return context


def redeliver_url(delivery):
    return reverse("partners_webhookdelivery:redeliver", args=[delivery.pk])


def page_id(delivery):
    return delivery.payload.get("data", {}).get("id")


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log: read only, filtered by subscription, status and event; "Redeliver"
    sends one again now with the same `webhook-id`."""

    model = WebhookDelivery
    icon = "list-ul"
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "subscription",
        "message_id",
        "event",
        "payload",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "next_attempt_at",
        "last_attempt_at",
        "created_at",
        "delivered_at",
    ]
    list_display = [
        "message_id",
        Column("event", label="Event", accessor=lambda delivery: delivery.event),
        Column("page", label="Id", accessor=page_id),
        "status",
        "attempts",
        "response_code",
        "last_error",
        "next_attempt_at",
        RedeliverColumn("redeliver", label="", accessor=redeliver_url),
    ]
    list_filter = ["subscription", "status", "event"]
    form_fields = []

    def get_common_view_kwargs(self, **kwargs):
        # Nothing to add, edit or delete: deliveries are a log.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<str:pk>/", self.inspect_view, name="inspect"),
            path("redeliver/<int:pk>/", self.redeliver_view, name="redeliver"),
        ]

    def redeliver_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        delivery = get_object_or_404(WebhookDelivery.objects.select_related("subscription"), pk=pk)
        back = (
            reverse("partners_webhookdelivery:index") + f"?subscription={delivery.subscription_id}"
        )
        if not delivery.subscription.active:
            messages.error(request, "Its subscription is disabled: enable it first.")
            return redirect(back)
        webhooks.redeliver(delivery)
        messages.success(request, f"{delivery.message_id} is sent again now.")
        return redirect(back)


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [
        WebhookSubscriptionViewSet("partners_webhooksubscription", url_prefix="partners/webhooks"),
        WebhookDeliveryViewSet("partners_webhookdelivery", url_prefix="partners/deliveries"),
    ]
