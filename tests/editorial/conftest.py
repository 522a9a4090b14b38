import pytest

from locations.models import PhysicianPage
from tests.editorial.roles import member


@pytest.fixture
def marketing(django_user_model):
    return member(django_user_model, "dana", "Marketing editors")


@pytest.fixture
def reviewer(django_user_model, demo):
    user, client = member(django_user_model, "dr-reviewer", "Medical reviewers")
    PhysicianPage.objects.filter(pk=demo.mcallister.pk).update(user=user)
    return user, client
