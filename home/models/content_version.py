from django.db import models


class ContentVersion(models.Model):
    """The visitors' content version: one row, whose number moves on whenever something visitors
    can see changes (home/caching.py). Every cached response and fragment is keyed by it."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "visitors' content version"

    def __str__(self):
        return str(self.number)
