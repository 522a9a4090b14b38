"""What editors keep for site search: synonyms applied to queries, and the queries that found
nothing. Only query text is stored, never anything about the visitor."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index


class SearchSynonym(TranslatableMixin, index.Indexed, models.Model):
    """A word or abbreviation visitors type, and the words the site's pages use for it, e.g.
    "TRD" → "treatment-resistant depression". Each language keeps its own list."""

    term = models.CharField(
        _("term"),
        max_length=100,
        help_text=_('What visitors type, e.g. "TRD" or "Spravato". Case does not matter.'),
    )
    expansion = models.CharField(
        _("expansion"),
        max_length=255,
        help_text=_('The words the pages use, e.g. "treatment-resistant depression".'),
    )

    search_fields = [index.SearchField("term"), index.SearchField("expansion")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["term"]

    def __str__(self):
        return f"{self.term} → {self.expansion}"


class ZeroResultQuery(models.Model):
    """A query that found no page, how often it was run and when last. No visitor data."""

    query_string = models.CharField(_("query"), max_length=255)
    language_code = models.CharField(_("language"), max_length=20)
    hits = models.PositiveIntegerField(_("times searched"), default=0)
    last_searched = models.DateField(_("last searched"))

    class Meta:
        verbose_name = _("search with no results")
        verbose_name_plural = _("searches with no results")
        ordering = ["-hits", "query_string"]
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language_code"], name="unique_zero_result_query"
            )
        ]

    def __str__(self):
        return self.query_string
