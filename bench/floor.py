"""The bench's floor: a trivial Django view with no middleware at all, served by the same gunicorn
as the site (`DJANGO_SETTINGS_MODULE=bench.floor`). Every cached page is compared with it."""

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-floor-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.floor"
MIDDLEWARE = []
INSTALLED_APPS = []
DATABASES = {}


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor", floor)]
