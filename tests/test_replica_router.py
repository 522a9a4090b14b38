"""The visitors' reads go to the read replica; editors, forms, API tokens and sign-ins read the
primary; every write goes to the primary (cms/db_router.py).

The test settings give the database a second alias, `replica`, as a replica would be (Django's
test mirror: the same database under another connection), so which connection ran each query
shows where the router sent it.
"""

import re

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from cms.db_router import ReplicaRouter

pytestmark = pytest.mark.django_db(databases=["default", "replica"])


@pytest.fixture(autouse=True, scope="module")
def close_the_second_connection():
    """These tests open a second connection to the test database (the mirror): close it when they
    are done, or the test database cannot be dropped at the end of the run ("being accessed by
    other users") and is left on a PostgreSQL server."""
    yield
    connections["replica"].close()


@pytest.fixture
def replica(settings):
    settings.READ_REPLICA = "replica"


def tables_read(captured):
    return {
        table
        for query in captured
        for table in re.findall(r'(?:FROM|JOIN) "?(\w+)"?', query["sql"])
    }


# SQLite's in-memory test database is shared by the two connections with table locks: a test that
# writes (a sign-in, a token) cannot read from the other connection before it is rolled back.
# Replicas are a PostgreSQL deployment; those tests run there.
writes_in_test = pytest.mark.skipif(
    connections["default"].vendor == "sqlite",
    reason="two connections to SQLite's shared in-memory test database lock each other's tables",
)


class Queries:
    def __init__(self):
        self.default = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections["replica"])

    def __enter__(self):
        self.default.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc):
        self.replica.__exit__(*exc)
        self.default.__exit__(*exc)


def test_a_visitors_page_is_read_from_the_replica(client, demo, replica):
    url = demo.migraine.url
    with Queries() as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Chronic migraine" in response.content.decode()
    # The page, its content and its links come from the replica; the primary answers only the
    # site settings' get-or-create (a write if the row is missing, so Django sends it there).
    assert tables_read(queries.replica) >= {"wagtailcore_page", "treatments_conditionpage"}
    assert tables_read(queries.default) <= {"wagtailcore_site", "home_clinicsettings"}


def test_without_a_replica_everything_reads_the_primary(client, demo):
    url = demo.migraine.url
    with Queries() as queries:
        assert client.get(url).status_code == 200
    assert len(queries.replica) == 0
    assert len(queries.default) >= 3


@writes_in_test
def test_an_editor_reads_the_primary(client, demo, replica, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(user)
    url = demo.migraine.url
    with Queries() as queries:
        assert client.get(url).status_code == 200
        assert client.get("/admin/pages/").status_code == 200
    assert len(queries.replica) == 0
    assert len(queries.default) >= 3


def test_the_admin_and_forms_being_sent_read_the_primary(client, demo, replica):
    with Queries() as queries:
        client.get("/admin/login/")
        client.post("/search/", {"q": "migraine"})
    assert len(queries.replica) == 0


@writes_in_test
def test_a_partners_token_is_checked_on_the_primary_and_the_pages_read_from_the_replica(
    client, demo, replica, django_user_model
):
    user = django_user_model.objects.create_user("directory", "directory@example.com", "pw")
    _token, key = APIToken.create_token(user=user, name="Referral directory")
    with Queries() as queries:
        response = client.get(
            "/api/v2/pages/?type=treatments.ConditionPage",
            headers={"Authorization": f"Bearer {key}"},
        )
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 1
    assert any("apitoken" in q["sql"].lower() for q in queries.default)
    assert not any("apitoken" in q["sql"].lower() for q in queries.replica)
    assert any("treatments_conditionpage" in q["sql"].lower() for q in queries.replica)


def test_writes_and_migrations_go_to_the_primary_only():
    router = ReplicaRouter()
    assert router.db_for_write(APIToken) == "default"
    assert router.allow_migrate("default", "home") is True
    assert router.allow_migrate("replica", "home") is False
    assert router.db_for_read(APIToken) is None  # outside a visitor's request: the primary
