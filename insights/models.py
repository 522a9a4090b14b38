"""What marketing learns about the site's use: counts per day, and nothing else.

No row names a visitor: no address, cookie, identifier, browser or time of day. A page view is
a page and a day; a referrer is the other site's domain and a day; a search is a language and a
day (the query texts are `search`'s); an appointment request is the page the visitor came from,
the condition or treatment chosen (never the visitor's details) and a day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageViewCount(models.Model):
    day = models.DateField(_("day"))
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    views = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views on a day")
        verbose_name_plural = _("page views")
        constraints = [models.UniqueConstraint(fields=["day", "page"], name="unique_page_day")]
        # Site administrators and marketing editors see the "Site traffic" report.
        permissions = [("view_site_traffic", "Can view the site traffic report")]

    def __str__(self):
        return f"{self.page_id} on {self.day}: {self.views}"


class ReferrerCount(models.Model):
    day = models.DateField(_("day"))
    domain = models.CharField(_("referring site"), max_length=253)
    visits = models.PositiveBigIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("visits from a site on a day")
        constraints = [
            models.UniqueConstraint(fields=["day", "domain"], name="unique_referrer_day")
        ]

    def __str__(self):
        return f"{self.domain} on {self.day}: {self.visits}"


class SearchCount(models.Model):
    day = models.DateField(_("day"))
    language_code = models.CharField(_("language"), max_length=20)
    searches = models.PositiveBigIntegerField(_("searches"), default=0)
    without_results = models.PositiveBigIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("searches on a day")
        constraints = [
            models.UniqueConstraint(fields=["day", "language_code"], name="unique_search_day")
        ]

    def __str__(self):
        return f"{self.language_code} on {self.day}: {self.searches}"


class RequestCount(models.Model):
    """Appointment requests sent on a day after arriving from a page, about a topic."""

    day = models.DateField(_("day"))
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    topic = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requests = models.PositiveBigIntegerField(_("requests"), default=0)

    class Meta:
        verbose_name = _("appointment requests on a day")

    def __str__(self):
        return f"{self.source_page_id}/{self.topic_id} on {self.day}: {self.requests}"
