"""API v3's OpenAPI document is valid, and the API keeps to it under generated requests."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.generation.hypothesis.reporting import UnsatisfiableSchema
from wagtail.models import APIToken

from cms.wsgi import application

pytestmark = pytest.mark.django_db

OPENAPI_URL = "/api/v3/openapi.json"


def test_openapi_document_describes_the_clinic_page_types(client):
    response = client.get(OPENAPI_URL)
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    names = " ".join(document["components"]["schemas"])
    for model in ("TreatmentPage", "ConditionPage", "LocationPage", "PhysicianPage"):
        assert model in names
    text = response.content.decode()
    assert "intake_email" not in text
    assert "opening_hours" in text and "renditions" in text
    assert client.get("/api/v3/docs/").status_code == 200


@pytest.fixture
def keep_test_connection():
    """Calls into the WSGI application would close the test's database connection after each
    request (as a server should); Django's test client avoids that the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(request, django_user_model):
    """No token, a partner's (it reads what the public reads) or an editor's (it also reads
    drafts and revisions, Wagtail's authenticated operations)."""
    if request.param == "anonymous":
        return request.param, None
    user = django_user_model.objects.create_user(username=f"{request.param}-token-user")
    if request.param == "editor":
        user.is_superuser = True
        user.save()
    return request.param, APIToken.create_token(user=user, name=request.param)[1]


@pytest.mark.parametrize("token", ["anonymous", "partner", "editor"], indirect=True)
def test_generated_requests_get_no_5xx_and_keep_to_the_schema(client, keep_test_connection, token):
    """A bounded property-based run of every read operation, in-process (no network), with a
    fixed seed (`derandomize`): a failure reproduces."""
    role, token = token
    headers = {"Host": "testserver"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    schema = schemathesis.openapi.from_wsgi(OPENAPI_URL, application).include(method="GET")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10
    failures, unsatisfiable, statuses, reached = [], [], [], set()
    for operation in operations:
        strategy = operation.as_strategy()

        @settings(
            max_examples=20,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def run(case):
            cache.clear()  # keep the anonymous rate limit out of the way
            response = case.call(headers=headers)
            statuses.append(response.status_code)
            if response.status_code == 200:
                reached.add(case.formatted_path)
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} {case.query}: {response.status_code}"
                )
                return
            try:
                case.validate_response(
                    response, checks=[schemathesis.checks.response_schema_conformance]
                )
            except Exception as error:  # noqa: BLE001 - collect every break of the schema
                failures.append(f"{case.method} {case.formatted_path} {case.query}: {error}"[:500])

        try:
            run()
        except UnsatisfiableSchema:
            unsatisfiable.append(operation.label)
    print(  # the run's summary (pytest -s)
        f"schemathesis, {role}: {len(operations)} operations, "
        f"{len(statuses)} cases, {len(failures)} failures, "
        f"{sum(status < 300 for status in statuses)} answered 2xx"
    )
    assert not failures, "\n".join(failures[:20])
    assert len(statuses) >= 10 * (len(operations) - len(unsatisfiable))
    for listing in ("/api/v3/pages/", "/api/v3/images/", "/api/v3/documents/"):
        assert listing in reached, f"no generated request to {listing} reached real content"
    # Wagtail documents snippet operations whose `type` may only be a snippet exposed to the
    # API; the clinic exposes none, so nothing valid can be generated for them.
    assert all("/snippets/" in label for label in unsatisfiable), unsatisfiable
