"""The notices in the admin: the patient notices (one per language) and the language taglines,
under Snippets."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from notices.models import LanguageTagline, PatientNotices, Testimonial


class PatientNoticesViewSet(SnippetViewSet):
    model = PatientNotices
    icon = "warning"
    list_display = ["__str__", "gfe_heading"]


class LanguageTaglineViewSet(SnippetViewSet):
    model = LanguageTagline
    icon = "globe"
    list_display = ["language", "native_name", "language_code", "direction", "sort_order"]
    ordering = ["sort_order", "language"]


class TestimonialViewSet(SnippetViewSet):
    model = Testimonial
    icon = "openquote"
    list_display = [
        "attribution",
        "topic",
        "authorization_expires",
        "authorization_revoked",
        "live",
    ]
    list_filter = ["authorization_revoked", "live"]


register_snippet(PatientNoticesViewSet)
register_snippet(TestimonialViewSet)
register_snippet(LanguageTaglineViewSet)


@hooks.register("after_edit_snippet")
def unpublish_a_revoked_testimonial(request, instance):
    """Ticking "revoked" and saving takes a live testimonial off the site at once: a draft
    saved in the admin leaves the live object as it was."""
    if isinstance(instance, Testimonial) and instance.live and instance.authorization_revoked:
        live = Testimonial.objects.get(pk=instance.pk)
        live.unpublish(user=request.user)
