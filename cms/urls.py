from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.cache import never_cache
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from cms import api_changes, api_images, api_preview, two_factor, views
from cms.api import api_v2, api_v3
from insights import views as insights_views
from search import views as search_views
from seo import views as seo_views

# Outside the language prefixes: the admin, documents, the API, machine-readable endpoints.
# The admin's second login factor, for signed-in admin users only, as the admin's own pages.
two_factor_urls = decorate_urlpatterns(
    decorate_urlpatterns(two_factor.urlpatterns, require_admin_access), never_cache
)

# The draft a partner's front end previews, with the editor's preview token (docs/api.md).
api_v2.register_endpoint("page_preview", api_preview.PagePreviewAPIViewSet)

urlpatterns = [
    path("admin/two-factor/", include(two_factor_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/changes/", api_changes.changes, name="api_v2_changes"),
    path("api/v3/changes/", api_changes.changes, name="api_v3_changes"),
    # Another size or format of an image, from the allow-list (docs/api.md, "Images").
    path(
        "api/v2/images/<int:pk>/rendition/",
        api_images.rendition,
        name="api_v2_image_rendition",
    ),
    path("api/v2/", api_v2.urls),
    path("api/v3/", api_v3.urls),
    path("healthz", views.healthz, name="healthz"),
    # The page-view beacon of the site traffic report (insights/views.py).
    path("insights/hit", insights_views.hit, name="insights_hit"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Visitor-facing pages: English unprefixed, Spanish under /es/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
