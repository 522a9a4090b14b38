"""Factories for articles, topics and their links (tests and the demo content)."""

import factory

from articles import models
from home.factories import PublishedPageFactory


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
