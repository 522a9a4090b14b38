"""Two-factor authentication for the admin (django-otp, time-based one-time passwords).

With `ADMIN_REQUIRE_2FA` on (production), superusers, Site administrators and Medical reviewers
reach the admin only after entering a code from their authenticator app in this session; one who
has no authenticator yet is sent to set one up first. Everyone else may add one voluntarily.
"""

from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

GROUPS_REQUIRING_2FA = ("Site administrators", "Medical reviewers")
DEVICE_NAME = "Authenticator app"


def requires_second_factor(user):
    if not getattr(settings, "ADMIN_REQUIRE_2FA", False) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=GROUPS_REQUIRING_2FA).exists()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not valid. Try the current one."))
        return token


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def qr_code_svg(data):
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def setup(request):
    """Add an authenticator: scan the code (or type the key), then confirm with a code."""
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(reverse("two_factor_verify") + f"?next={next_url(request)}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(next_url(request))
    return render(
        request,
        "wagtailadmin/two_factor/setup.html",
        {
            "form": form,
            "qr_code": qr_code_svg(device.config_url),
            "secret": _base32(device.bin_key),
            "next": next_url(request),
        },
    )


def verify(request):
    """Enter the current code of an authenticator already set up."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(reverse("two_factor_setup") + f"?next={next_url(request)}")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(next_url(request))
    return render(
        request, "wagtailadmin/two_factor/verify.html", {"form": form, "next": next_url(request)}
    )


def _base32(key):
    from base64 import b32encode

    return b32encode(key).decode().rstrip("=")


urlpatterns = [
    path("setup/", setup, name="two_factor_setup"),
    path("verify/", verify, name="two_factor_verify"),
]


class AdminTwoFactorMiddleware:
    """Send users who need a second factor to set one up or enter it before any admin view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if (
            user is not None
            and request.path.startswith(admin)
            and not request.path.startswith(admin + "two-factor/")
            and request.path not in (reverse("wagtailadmin_login"), reverse("wagtailadmin_logout"))
            and requires_second_factor(user)
            and not user.is_verified()
        ):
            has_device = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
            target = "two_factor_verify" if has_device else "two_factor_setup"
            return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)
