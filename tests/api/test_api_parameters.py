"""What each address of the API takes: a single page, image or document refuses a parameter it
would ignore, naming it, as listings do."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def refused(client, url, parameter):
    answer = client.get(url)
    assert answer.status_code == 400, (url, answer.status_code, answer.content[:300])
    body = answer.json()
    assert body["parameter"] == parameter
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
