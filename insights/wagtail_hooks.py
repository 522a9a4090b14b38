"""The "Site traffic" report under Reports, for users with `insights.view_site_traffic`
(marketing editors and site administrators)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from insights.reports import SiteTrafficView, can_view_traffic


class SiteTrafficMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_traffic(request.user)


@hooks.register("register_reports_menu_item")
def register_site_traffic_menu_item():
    return SiteTrafficMenuItem(
        gettext_lazy("Site traffic"),
        reverse("site_traffic_report"),
        name="site-traffic",
        icon_name="view",
        order=770,
    )


@hooks.register("register_admin_urls")
def register_site_traffic_urls():
    return [path("reports/site-traffic/", SiteTrafficView.as_view(), name="site_traffic_report")]
