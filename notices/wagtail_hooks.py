"""The notices in the admin: the patient notices (one per language) and the language taglines,
under Snippets."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from notices.models import LanguageTagline, PatientNotices


class PatientNoticesViewSet(SnippetViewSet):
    model = PatientNotices
    icon = "warning"
    list_display = ["__str__", "gfe_heading"]


class LanguageTaglineViewSet(SnippetViewSet):
    model = LanguageTagline
    icon = "globe"
    list_display = ["language", "native_name", "language_code", "direction", "sort_order"]
    ordering = ["sort_order", "language"]


register_snippet(PatientNoticesViewSet)
register_snippet(LanguageTaglineViewSet)
