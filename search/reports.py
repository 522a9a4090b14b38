"""The "Searches with no results" report: what visitors looked for and did not find, so editors
can add a synonym, promote a page or write the missing content. Only the query text is kept."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from search.models import ZeroResultQuery


class ZeroResultQueriesReportView(ReportView):
    page_title = _("Searches with no results")
    header_icon = "search"
    index_url_name = "zero_result_queries_report"
    index_results_url_name = "zero_result_queries_report_results"
    model = ZeroResultQuery
    any_permission_required = ["add", "change", "publish"]
    columns = [
        Column("query_string", label=_("Query")),
        Column("language_code", label=_("Language")),
        Column("hits", label=_("Times searched")),
        DateColumn("last_searched", label=_("Last searched")),
    ]
    list_export = ["query_string", "language_code", "hits", "last_searched"]
    export_headings = {
        "query_string": _("Query"),
        "language_code": _("Language"),
        "hits": _("Times searched"),
        "last_searched": _("Last searched"),
    }

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-hits", "-last_searched", "query_string")
