"""Translating never puts unreviewed text live.

- "Sync translated pages" never publishes a clinical translation (`ReviewedUpdateTranslationsView`);
- "Convert to alias page", which shows the source's text, only by those who may publish a clinical
  page (`convert_to_alias`);
- what visitors see of a live page stays unchanged when a draft of it is saved (below).

Wagtail serves a page from its row and keeps drafts in revisions; its own "Save draft" never
writes the row of a live page. wagtail-localize's "Sync translated pages" without "Publish" does:
it saves the translation with the new source strings (still in English) and then its draft
revision, so a live Spanish page would show the untranslated update before anyone reviewed or
published it. When a new revision of a live page is created, the row is put back to the page's
live revision, so the update stays a draft until it is published.
"""

import contextlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page, Revision
from wagtail_localize.views import convert
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

from editorial.models import MedicalReviewMixin

KEPT_FROM_ROW = (
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
)


def keep_live_content(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    page = instance.content_object
    if not isinstance(page, Page) or not page.live:
        return
    live_revision_id = page.live_revision_id
    if live_revision_id is None or live_revision_id == instance.pk:
        return
    live_revision = Revision.objects.filter(pk=live_revision_id).first()
    if live_revision is None:
        return
    # `as_object` takes the content, inline rows included, from the live revision and keeps most
    # of the row's own bookkeeping (live, latest revision, tree position); the rest is kept here.
    restored = live_revision.as_object()
    for name in KEPT_FROM_ROW:
        setattr(restored, name, getattr(page, name))
    restored.save(clean=False)


def connect():
    post_save.connect(
        keep_live_content, sender=Revision, dispatch_uid="editorial.keep_live_content"
    )


class ReviewedUpdateTranslationsForm(UpdateTranslationsForm):
    """wagtail-localize's sync form, where a clinical page cannot be published immediately."""

    def __init__(self, *args, clinical=False, **kwargs):
        super().__init__(*args, **kwargs)
        if clinical:
            self.fields["publish_translations"].disabled = True  # always False


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """ "Sync translated pages", served at wagtail-localize's own address.

    wagtail-localize's view publishes every translation of the page when "Publish immediately" is
    ticked, as nobody in particular and without asking whether the user may publish them. Here a
    clinical page's translations are never published by a sync: each gets a draft with the new
    strings (still in the source language until translated), which goes live only through the
    Medical review. For any other page, publishing needs the right to publish every translation.
    """

    template_name = "editorial/update_translations.html"

    def is_clinical(self):
        return isinstance(self.object.get_source_instance(), MedicalReviewMixin)

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return ReviewedUpdateTranslationsForm(data, clinical=self.is_clinical())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["clinical"] = self.is_clinical()
        return context

    def form_valid(self, form):
        translations = self.object.translations.filter(enabled=True).select_related("target_locale")
        if self.is_clinical():
            with transaction.atomic():
                response = super().form_valid(form)
                for translation in translations:
                    with contextlib.suppress(ValidationError):
                        translation.save_target(user=self.request.user, publish=False)
            return response
        if form.cleaned_data.get("publish_translations"):
            for translation in translations:
                target = translation.get_target_instance()
                if (
                    isinstance(target, Page)
                    and not target.permissions_for_user(self.request.user).can_publish()
                ):
                    raise PermissionDenied
        return super().form_valid(form)


def convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page", at its own address, for pages whose
    translation only needs editing rights there. An alias shows the source page's text: a
    clinical translation becomes one only by someone who may publish it (a reviewer)."""
    page = get_object_or_404(Page, id=page_id).specific
    if (
        isinstance(page, MedicalReviewMixin)
        and not page.permissions_for_user(request.user).can_publish()
    ):
        messages.error(
            request,
            _(
                "A clinical page in this language shows only text a medical reviewer approved "
                "in it: only a reviewer can turn it into a copy of the original page."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return convert.convert_to_alias(request, page_id)
