import logging
import sys
import uuid

from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext

from cms.api_query import API_PREFIX, api_error

logger = logging.getLogger(__name__)

# Errors that mean the database cannot be reached (down, restarting, refusing connections), as
# opposed to a bug in a query.
DATABASE_DOWN = (OperationalError, InterfaceError)


def healthz(request):
    """Readiness for load balancers. 503 when the database does not answer, since no page can be
    built without it; a cache outage is reported (`"status": "degraded"`) with a 200, because
    the site keeps serving from the database."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except DatabaseError:
        logger.exception("Health check: database unavailable")
        checks["database"] = "unavailable"
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz", probe, 30)
        checks["cache"] = "ok" if cache.get("healthz") == probe else "unavailable"
    except Exception:  # django-redis raises only when IGNORE_EXCEPTIONS is off
        checks["cache"] = "unavailable"
    if checks["cache"] != "ok":
        logger.error("Health check: cache unavailable")
    if checks["database"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    response = JsonResponse({"status": status, "checks": checks}, status=code)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable(request=None):
    """The static 503 page (JSON for the API): no database, no context processors, no stack
    trace."""
    from django.conf import settings

    if request is not None and request.path.startswith(API_PREFIX):
        response = api_error(request, 503, gettext("Temporarily unavailable."))
    else:
        html = loader.get_template("503.html").render({"phone": settings.FALLBACK_PHONE})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers the styled 503 page when a view or template fails because the database is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN):
            logger.error("Database unavailable: %s answered 503", request.path)
            return database_unavailable(request)
        return None


def page_not_found(request, exception=None):
    if request.path.startswith(API_PREFIX):
        return api_error(request, 404, gettext("Not found."))
    return render(request, "404.html", status=404)


def server_error(request):
    # A database outage met outside a view (in a middleware) gets the 503 page, not a 500.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    # Rendered without a request context: whatever failed may be what a context processor needs.
    return HttpResponseServerError(loader.get_template("500.html").render())
