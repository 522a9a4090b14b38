from django.urls import path

from bench import views
from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("bench/floor", views.floor), *site_urlpatterns]
