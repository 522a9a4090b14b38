import logging

from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness and readiness for load balancers: 200 when the database answers, 503 otherwise."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # any failure of the database is a failed check, not a crash
        logger.exception("Health check: database unavailable")
        checks["database"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )


def page_not_found(request, exception=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"message": "Not found."}, status=404)
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: whatever failed may be what a context processor needs.
    return HttpResponseServerError(loader.get_template("500.html").render())
