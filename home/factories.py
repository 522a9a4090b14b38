"""Factories for the site's base content, for the tests."""

import factory
import wagtail_factories
from django.utils import timezone

from home import models


class ClinicImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Image {n}")
    alt_text = factory.LazyAttribute(lambda obj: f"{obj.title}.")
    file = factory.django.ImageField(width=1200, height=800, color="#7aa6a1", format="JPEG")

    class Meta:
        model = models.ClinicImage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Creates the page, lets post-generation hooks add its inline rows, then publishes a revision,
    so every built page has a history, `first_published_at` and `last_published_at` like one made
    in the admin."""

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save_revision().publish()


class HomePageFactory(PublishedPageFactory):
    title = "Home"
    slug = "home"
    hero_heading = "Relief when other treatments have not worked"

    class Meta:
        model = models.HomePage


class StandardPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "<p>An introduction.</p>"

    class Meta:
        model = models.StandardPage


class SiteAlertFactory(factory.django.DjangoModelFactory):
    title = "Stamford office closed today"
    message = "<p>Snow has closed the Stamford office. Westport is open as usual.</p>"
    starts_at = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(hours=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(days=1))

    class Meta:
        model = models.SiteAlert


class FooterContentFactory(factory.django.DjangoModelFactory):
    about = "A physician-led ketamine-infusion clinic in Stamford and Westport, Connecticut."
    medical_notice = (
        "<p>This website does not give medical advice. In a crisis, call or text 988, "
        "or call 911.</p>"
    )

    class Meta:
        model = models.FooterContent
