from django.urls import path

from bench import views
from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns

# Bench-only addresses, served on loopback by `make bench` and never by the site's own URLs.
urlpatterns = [
    path("bench/floor", views.floor),
    path("bench/changed", views.changed),
    path("bench/save-draft/<int:page_id>", views.save_draft),
    path("bench/admin-session", views.admin_session),
    *site_urlpatterns,
]
