from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from home import caching


def floor(request):
    """A trivial view through the site's whole middleware stack (shown for comparison)."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
def changed(request):
    """What a publish does to the visitors' cache: the content version moves on."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    caching.content_changed()
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
def save_draft(request, page_id):
    """What the editor's Save draft and autosave do: a new revision of the page, not published."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = Page.objects.get(pk=page_id).specific
    user = get_user_model().objects.filter(is_superuser=True).first()
    page.title = f"{page.title.split(' · ')[0]} · draft"
    page.save_revision(user=user)
    return HttpResponse("ok", content_type="text/plain")


class QueryCountMiddleware:
    """Adds `X-DB-Queries`: how many SQL queries the request made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-DB-Queries"] = str(count)
        return response
