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


class ArticleIndexPageFactory(PublishedPageFactory):
    title = "Articles"
    slug = "articles"

    class Meta:
        model = models.ArticleIndexPage


class ArticleTopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")

    class Meta:
        model = models.ArticleTopic


class ArticlePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "What the reader will learn."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>An article written by one of the clinic's physicians.</p>")]
    )

    class Meta:
        model = models.ArticlePage

    @factory.post_generation
    def topics(obj, create, extracted, **kwargs):
        """`topics=[topic, …]`, in order."""
        if create and extracted:
            for order, topic in enumerate(extracted):
                models.ArticleTopicLink.objects.create(article=obj, topic=topic, sort_order=order)

    @factory.post_generation
    def conditions(obj, create, extracted, **kwargs):
        """`conditions=[condition_page, …]`, in order."""
        if create and extracted:
            for order, condition in enumerate(extracted):
                models.ArticleCondition.objects.create(
                    article=obj, condition=condition, sort_order=order
                )

    @factory.post_generation
    def treatments(obj, create, extracted, **kwargs):
        """`treatments=[treatment_page, …]`, in order."""
        if create and extracted:
            for order, treatment in enumerate(extracted):
                models.ArticleTreatment.objects.create(
                    article=obj, treatment=treatment, sort_order=order
                )
