"""The "Site traffic" report: views over time, the most viewed pages, the sites visitors came
from, searches, and the appointment requests each page and topic led to. Aggregates only (the
tables hold nothing else); a fixed number of queries whatever the period or the site's size."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from insights.models import PageViewCount, ReferrerCount, RequestCount, SearchCount

PERIODS = {"7": 7, "30": 30, "90": 90, "365": 365}
TOP = 20


def can_view_traffic(user):
    return user.is_active and user.has_perm("insights.view_site_traffic")


def with_share(rows, field):
    """Each row with `share`: its `field` as a percentage of the largest (for the bars)."""
    largest = max((row[field] for row in rows), default=0) or 1
    return [{**row, "share": round(100 * row[field] / largest)} for row in rows]


class SiteTrafficView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "insights/site_traffic.html"
    page_title = _("Site traffic")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_traffic(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.request.GET.get("days", "30")
        if period not in PERIODS:
            period = "30"
        days = PERIODS[period]
        today = timezone.localdate()
        start = today - datetime.timedelta(days=days - 1)

        per_day = dict(
            PageViewCount.objects.filter(day__gte=start)
            .values_list("day")
            .annotate(total=Sum("views"))
            .values_list("day", "total")
        )
        searches = {
            row["day"]: row
            for row in SearchCount.objects.filter(day__gte=start)
            .values("day")
            .annotate(searches=Sum("searches"), empty=Sum("without_results"))
        }
        timeline = []
        for offset in range(days):
            day = start + datetime.timedelta(days=offset)
            found = searches.get(day, {})
            timeline.append(
                {
                    "day": day,
                    "views": per_day.get(day, 0),
                    "searches": found.get("searches", 0),
                    "empty": found.get("empty", 0),
                }
            )
        peak = max((row["views"] for row in timeline), default=0) or 1
        for index, row in enumerate(timeline):
            row["height"] = round(100 * row["views"] / peak, 1)
            row["y"] = round(100 - row["height"], 1)
            row["x"] = index + 0.1

        top_pages = list(
            PageViewCount.objects.filter(day__gte=start)
            .values("page_id", "page__title", "page__url_path", "page__locale__language_code")
            .annotate(views=Sum("views"))
            .order_by("-views", "page__title")[:TOP]
        )
        referrers = list(
            ReferrerCount.objects.filter(day__gte=start)
            .values("domain")
            .annotate(visits=Sum("visits"))
            .order_by("-visits", "domain")[:TOP]
        )
        by_source = list(
            RequestCount.objects.filter(day__gte=start)
            .values("source_page_id", "source_page__title", "source_page__locale__language_code")
            .annotate(requests=Sum("requests"))
            .order_by("-requests", "source_page__title")[:TOP]
        )
        source_ids = [row["source_page_id"] for row in by_source if row["source_page_id"]]
        source_views = dict(
            PageViewCount.objects.filter(day__gte=start, page_id__in=source_ids)
            .values_list("page_id")
            .annotate(total=Sum("views"))
            .values_list("page_id", "total")
        )
        for row in by_source:
            views = source_views.get(row["source_page_id"], 0)
            row["views"] = views
            row["rate"] = round(100 * row["requests"] / views, 1) if views else None
        by_topic = list(
            RequestCount.objects.filter(day__gte=start)
            .values("topic_id", "topic__title")
            .annotate(requests=Sum("requests"))
            .order_by("-requests", "topic__title")[:TOP]
        )
        context.update(
            period=period,
            periods=list(PERIODS),
            start=start,
            today=today,
            timeline=timeline,
            peak=peak,
            total_views=sum(row["views"] for row in timeline),
            total_searches=sum(row["searches"] for row in timeline),
            total_empty=sum(row["empty"] for row in timeline),
            total_requests=RequestCount.objects.filter(day__gte=start).aggregate(
                total=Sum("requests")
            )["total"]
            or 0,
            top_pages=with_share(top_pages, "views"),
            referrers=with_share(referrers, "visits"),
            by_source=with_share(by_source, "requests"),
            by_topic=with_share(by_topic, "requests"),
        )
        return context
