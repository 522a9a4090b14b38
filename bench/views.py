import django_otp
from django.contrib.auth import get_user_model, login
from django.db import connection
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django_otp.plugins.otp_totp.models import TOTPDevice
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


@csrf_exempt
def admin_session(request):
    """Signs the bench in as a superuser with a verified second factor (what an editor's login
    does) and names the pages whose editors and listings it opens: a condition, its translation
    and the physicians' index (1,000 children in a network of 10,000 pages)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    django_otp.login(request, device)
    condition = Page.objects.get(slug="chronic-migraine", locale__language_code="en")
    translation = Page.objects.get(
        translation_key=condition.translation_key, locale__language_code="es"
    )
    physicians = Page.objects.get(slug="physicians", depth=3, locale__language_code="en")
    return JsonResponse(
        {"condition": condition.pk, "translation": translation.pk, "physicians": physicians.pk}
    )


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
