"""What each address of the API takes: a single page, image or document (v2 and v3) refuses a
parameter it would ignore, naming it, as listings do; API v3 refuses the filters only v2 has,
pointing to v2, and any other parameter it would silently ignore."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def refused(client, url, parameter, *, v3=False):
    answer = client.get(url)
    assert answer.status_code == 400, (url, answer.status_code, answer.content[:300])
    body = answer.json()
    assert body["parameter"] == parameter
    if v3:
        assert answer["Content-Type"] == "application/problem+json"
        return body["detail"]
    assert answer["Content-Type"] == "application/json"
    return body["message"]


def a_document():
    document = get_document_model()(title="Price list")
    document.file.save("price-list.txt", ContentFile(b"Self-pay prices"), save=False)
    document.save()
    return document.pk


@pytest.mark.parametrize("parameter", ["colour", "type", "limit", "search", "near", "child_of"])
def test_a_single_page_refuses_what_it_would_ignore(client, demo, parameter):
    url = f"/api/v2/pages/{demo.stamford.pk}/?{parameter}=1"
    message = refused(client, url, parameter)
    assert message.startswith(f"{parameter} is not a parameter of a single item")
    assert "fields" in message and "locale" in message


def test_a_single_page_keeps_the_parameters_it_takes(client, demo):
    url = f"/api/v2/pages/{demo.migraine.pk}/"
    answer = client.get(f"{url}?fields=summary&locale=en&rich_text_format=html&format=json")
    assert answer.status_code == 200, answer.content[:300]
    assert answer.json()["id"] == demo.migraine.pk
    assert client.get(f"{url}?fields=-body").json()["id"] == demo.migraine.pk
    # Found by its address, the page is answered as its own address answers...
    found = client.get(f"/api/v2/pages/find/?html_path={demo.migraine.url}&fields=summary")
    assert found.status_code == 302
    assert client.get(found["Location"]).status_code == 200
    # ...and what that refuses is refused once it arrives there.
    found = client.get(f"/api/v2/pages/find/?html_path={demo.migraine.url}&colour=red")
    assert found.status_code == 302
    assert client.get(found["Location"]).json()["parameter"] == "colour"


def test_a_single_image_and_document_refuse_what_they_would_ignore(client, demo):
    image = client.get("/api/v2/images/?limit=1").json()["items"][0]["id"]
    assert client.get(f"/api/v2/images/{image}/?fields=alt").status_code == 200
    refused(client, f"/api/v2/images/{image}/?width=640", "width")
    document = a_document()
    assert client.get(f"/api/v2/documents/{document}/").status_code == 200
    refused(client, f"/api/v2/documents/{document}/?page=2", "page")


def test_the_partner_preview_refuses_what_it_would_ignore(client):
    message = refused(client, "/api/v2/page_preview/?content_type=x&token=y&id=3", "id")
    assert message.startswith("id is not a parameter of a single item")
    # Its own parameters are read (and this token refused), not reported as unknown.
    answer = client.get("/api/v2/page_preview/?content_type=articles.articlepage&token=y")
    assert answer.status_code == 403


@pytest.mark.parametrize(
    "query",
    [
        "type=locations.LocationPage&near=06880",
        "type=locations.PhysicianPage&specialty=Neurology",
        "type=locations.PhysicianPage&language=es",
        "type=locations.PhysicianPage&location=3",
        "type=treatments.TreatmentPage&condition=3",
        "type=articles.ArticlePage&treatment=3",
        "changed_since=2026-11-01T00:00:00Z",
    ],
)
def test_v3_refuses_the_filters_only_v2_has_and_points_to_v2(client, query):
    name = query.rsplit("&", 1)[-1].split("=")[0]
    detail = refused(client, f"/api/v3/pages/?{query}", name, v3=True)
    assert detail.startswith(f"{name} is a filter of API v2 only") and "/api/v2/pages/" in detail
    # The same question in v2 is answered.
    assert client.get(f"/api/v2/pages/?{query}").status_code == 200
    # In the partner's language.
    spanish = refused(client, f"/api/v3/pages/?{query}&locale=es", name, v3=True)
    assert spanish.startswith(f"{name} es un filtro solo de la API v2")


def test_v3_refuses_a_parameter_it_would_silently_ignore(client, demo):
    detail = refused(
        client, "/api/v3/pages/?type=treatments.ConditionPage&colour=red", "colour", v3=True
    )
    assert "not a parameter of API v3" in detail
    refused(client, "/api/v3/pages/?fields=title", "fields", v3=True)
    refused(client, f"/api/v3/pages/{demo.migraine.pk}/?fields=title", "fields", v3=True)
    # A field of the type asked for is a filter v3 has: a physician's field, not a condition's.
    physicians = "/api/v3/pages/?type=locations.PhysicianPage&accepting_new_patients=true"
    assert client.get(physicians).status_code == 200
    refused(
        client,
        "/api/v3/pages/?type=treatments.ConditionPage&accepting_new_patients=true",
        "accepting_new_patients",
        v3=True,
    )


def test_v3_keeps_the_parameters_it_takes(client, demo):
    for url in (
        "/api/v3/pages/?type=treatments.ConditionPage&locale=es&order=title&limit=5&offset=0",
        f"/api/v3/pages/?slug={demo.migraine.slug}&locale=en",
        f"/api/v3/pages/?child_of={demo.conditions.pk}&search=migraine",
        f"/api/v3/pages/?translation_of={demo.migraine.pk}&locale=es",
        f"/api/v3/pages/{demo.migraine.pk}/?version=live&rich_text_format=html&locale=en",
    ):
        assert client.get(url).status_code == 200, url
    listed = client.get(f"/api/v3/pages/?slug={demo.migraine.slug}&locale=en").json()["items"]
    assert [item["id"] for item in listed] == [demo.migraine.pk]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/images/",
        "/api/v3/images/{image}/",
        "/api/v3/documents/",
        "/api/v3/redirects/",
        "/api/v3/redirects/find/",
        "/api/v3/sites/",
        "/api/v3/snippets/notices.PatientNotices/",
        "/api/v3/pages/{page}/revisions/",
        "/api/v3/pages/find/",
        "/api/v3/whoami/",
    ],
)
def test_every_v3_address_refuses_what_it_would_ignore(client, demo, path):
    url = path.format(image=1, page=demo.migraine.pk)
    detail = refused(client, f"{url}?colour=red", "colour", v3=True)
    assert detail == "colour is not a parameter of API v3 here, nor a field it can filter by"
    spanish = refused(client, f"{url}?colour=red&locale=es", "colour", v3=True)
    assert spanish.startswith("colour no es un parámetro de la API v3")


def test_every_v3_address_keeps_its_parameters_and_its_items_fields(client, demo):
    image = client.get("/api/v2/images/?limit=1").json()["items"][0]
    document = a_document()
    for url in (
        f"/api/v3/images/?title={image['title']}&order=title&limit=5&search=clinic",
        f"/api/v3/images/{image['id']}/?locale=en",
        "/api/v3/documents/?title=Price%20list&search_operator=and&offset=0",
        f"/api/v3/documents/{document}/",
        f"/api/v3/pages/find/?html_path={demo.migraine.url}",
        "/api/v3/redirects/?old_path=/old&is_permanent=true&order=old_path",
    ):
        answer = client.get(url)
        assert answer.status_code in (200, 302), (url, answer.status_code, answer.content[:300])
    listed = client.get(f"/api/v3/images/?title={image['title']}").json()["items"]
    assert image["id"] in [item["id"] for item in listed]
    # What only an editor's token may read gets past the check to ask for the token.
    for url in (
        "/api/v3/sites/?limit=1",
        "/api/v3/snippets/notices.PatientNotices/?locale=en&id=1&order=id",
        f"/api/v3/pages/{demo.migraine.pk}/revisions/?created_at_from=2026-01-01T00:00:00Z",
    ):
        assert client.get(url).status_code == 401, url
