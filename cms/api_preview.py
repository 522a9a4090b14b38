"""`/api/v2/page_preview/?content_type=<app.model>&token=<token>`: the draft an editor is
previewing in a partner's front end (`home/partner_preview.py`), in the shape of the page's API
detail. The token is the only credential: it names one draft, for `PARTNER_PREVIEW_SECONDS`, and
an API token never opens a draft. The answer is never cached.
"""

from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import Http404
from django.urls import path
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail_headless_preview.models import PagePreview

from cms.api import ClinicPagesAPIViewSet
from home.blocks import chosen_objects_scope
from home.localization import locale_code
from home.partner_preview import PartnerPreviewMixin


class PagePreviewAPIViewSet(ClinicPagesAPIViewSet):
    known_query_parameters = ClinicPagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"]
    )
    # One draft, as a page's own address shows it: only its token says which.
    detail_query_parameters = ClinicPagesAPIViewSet.detail_query_parameters.union(
        ["content_type", "token"]
    )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "preview_view"}), name="listing")]

    def preview_view(self, request):
        self.check_detail_query()
        page = self.get_object()
        # The draft's own relations (inline rows kept with it) are read from the draft itself.
        with chosen_objects_scope(), translation.override(locale_code(page.locale_id)):
            response = Response(self.get_serializer(page).data)
        response["Cache-Control"] = "private, no-store"
        return response

    def handle_exception(self, exc):
        # The API's own error shape, {"message": …}, for a refused token too.
        if isinstance(exc, PermissionDenied):
            return Response({"message": str(exc.detail)}, status=exc.status_code)
        return super().handle_exception(exc)

    def get_object(self):
        if getattr(self, "preview_page", None) is None:
            self.preview_page = self.find_preview()
        return self.preview_page

    def find_preview(self):
        query = self.request.GET
        if not query.get("content_type") or not query.get("token"):
            raise BadRequestError(_("content_type and token are both required"))
        model = None
        app_label, _dot, model_name = query["content_type"].partition(".")
        content_type = ContentType.objects.filter(
            app_label=app_label, model=model_name.lower()
        ).first()
        if content_type is not None:
            model = content_type.model_class()
        if model is None or not issubclass(model, PartnerPreviewMixin):
            raise BadRequestError(
                _("content_type must name a page type, e.g. treatments.conditionpage")
            )
        try:
            model.check_preview_token(query["token"])
        except signing.SignatureExpired:
            raise PermissionDenied(
                _("this preview token has expired: open the preview again in the admin")
            ) from None
        except signing.BadSignature:
            raise PermissionDenied(_("this is not a preview token of this site")) from None
        preview = PagePreview.objects.filter(
            content_type=content_type, token=query["token"]
        ).first()
        if preview is None:
            raise Http404(_("no draft is stored for this token: open the preview again"))
        page = preview.as_page()
        if page.pk is None:  # a page not created yet
            page.pk = 0
        return page
