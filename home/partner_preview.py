"""Previewing a draft in a partner's front end, with wagtail-headless-preview's conventions.

Where `PARTNER_PREVIEW_URL` is set, every page's preview offers a second mode, "Partner app", beside
the site's own. Choosing it stores the draft as the editor sees it (wagtail-headless-preview's
`PagePreview`) under a signed token and shows the partner's address with `?content_type=…&token=…`
in the preview panel; the partner's front end reads the draft from `/api/v2/page_preview/` with
that token (`cms/api_preview.py`) until `PARTNER_PREVIEW_SECONDS` after the editor opened it.
The site's own preview stays the default.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail_headless_preview.models import HeadlessPreviewMixin

PARTNER_MODE = "partner"


def partner_preview_enabled():
    return bool(settings.PARTNER_PREVIEW_URL)


class PartnerPreviewMixin(HeadlessPreviewMixin):
    @property
    def preview_modes(self):
        modes = list(super().preview_modes)
        if partner_preview_enabled():
            modes.append((PARTNER_MODE, _("Partner app")))
        return modes

    def serve_preview(self, request, mode_name):
        if mode_name == PARTNER_MODE and partner_preview_enabled():
            return super().serve_preview(request, mode_name)
        # The site's own preview: the page's template, as Wagtail renders it.
        return super(HeadlessPreviewMixin, self).serve_preview(request, mode_name)

    @classmethod
    def check_preview_token(cls, token):
        """Raise `signing.SignatureExpired` for a token older than `PARTNER_PREVIEW_SECONDS`
        and `signing.BadSignature` for one this site did not sign."""
        cls.get_preview_signer().unsign(token, max_age=settings.PARTNER_PREVIEW_SECONDS)
