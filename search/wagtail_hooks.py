from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchSynonym
from search.reports import ZeroResultQueriesReportView


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = gettext_lazy("Search synonyms")
    list_display = ["term", "expansion", "locale"]
    list_filter = ["locale"]


register_snippet(SearchSynonymViewSet)


class ZeroResultQueriesMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy(Page).user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_zero_result_queries_menu_item():
    return ZeroResultQueriesMenuItem(
        gettext_lazy("Searches with no results"),
        reverse("zero_result_queries_report"),
        name="searches-with-no-results",
        icon_name="search",
        order=760,
    )


@hooks.register("register_admin_urls")
def register_zero_result_queries_urls():
    return [
        path(
            "reports/searches-with-no-results/",
            ZeroResultQueriesReportView.as_view(),
            name="zero_result_queries_report",
        ),
        path(
            "reports/searches-with-no-results/results/",
            ZeroResultQueriesReportView.as_view(results_only=True),
            name="zero_result_queries_report_results",
        ),
    ]
