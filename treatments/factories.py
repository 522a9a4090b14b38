"""Factories for conditions and treatments, for the tests."""

import factory

from home.factories import PublishedPageFactory
from treatments import models


class ConditionIndexPageFactory(PublishedPageFactory):
    title = "Conditions"
    slug = "conditions"

    class Meta:
        model = models.ConditionIndexPage


class TreatmentIndexPageFactory(PublishedPageFactory):
    title = "Treatments"
    slug = "treatments"

    class Meta:
        model = models.TreatmentIndexPage


class ConditionPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Condition {n}")
    summary = "A condition the clinic treats."
    overview = "<p>What the condition is.</p>"

    class Meta:
        model = models.ConditionPage

    @factory.post_generation
    def treatments(obj, create, extracted, **kwargs):
        """`treatments=[treatment_page, …]`: chosen on the condition's page, in order."""
        if create and extracted:
            for order, treatment in enumerate(extracted):
                models.ConditionTreatment.objects.create(
                    condition=obj, treatment=treatment, sort_order=order
                )


class TreatmentPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = "A treatment the clinic offers."
    how_it_works = "<p>How the treatment works.</p>"
    side_effects = "<p>Side effects and risks.</p>"

    class Meta:
        model = models.TreatmentPage

    @factory.post_generation
    def conditions(obj, create, extracted, **kwargs):
        """`conditions=[condition_page, …]`, in order."""
        if create and extracted:
            for order, condition in enumerate(extracted):
                models.TreatmentCondition.objects.create(
                    treatment=obj, condition=condition, sort_order=order
                )

    @factory.post_generation
    def locations(obj, create, extracted, **kwargs):
        """`locations=[location_page, …]`, in order."""
        if create and extracted:
            for order, location in enumerate(extracted):
                models.TreatmentLocation.objects.create(
                    treatment=obj, location=location, sort_order=order
                )
