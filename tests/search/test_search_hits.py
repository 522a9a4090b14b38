"""Searches are counted for the editors in batches: none is lost, none is counted twice."""

import importlib.util
import time
from pathlib import Path
from unittest.mock import patch

import pytest
from django.db import OperationalError
from wagtail.contrib.search_promotions.models import Query

from home import pending_counts
from search import hits
from search.models import ZeroResultQuery

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def batched(settings):
    settings.SEARCH_HITS_FLUSH_SECONDS = 60
    hits.flush()
    yield
    hits.flush()


def later(seconds):
    """`time.monotonic` as it will read `seconds` from now, for the batch's age."""
    now = time.monotonic()
    return patch.object(pending_counts.time, "monotonic", return_value=now + seconds)


def test_searches_are_written_together_once_the_batch_is_due(client, demo):
    for _ in range(3):
        client.get("/search/?q=migraine")
    client.get("/es/search/?q=qwxyz")
    assert Query.get("migraine").hits == 0  # held in this process for now
    assert not ZeroResultQuery.objects.exists()
    client.get(demo.migraine.url)
    assert Query.get("migraine").hits == 0  # not yet due
    with later(61):
        # A minute on, the next request the process answers writes them, whatever its page.
        assert client.get(demo.migraine.url).status_code == 200
    assert Query.get("migraine").hits == 3
    assert ZeroResultQuery.objects.get(query_string="qwxyz", language_code="es").hits == 1
    client.get("/search/?q=migraine")
    hits.flush()
    assert Query.get("migraine").hits == 4  # added to, never written over


def test_counts_the_database_refused_are_written_next_time(client, demo, caplog):
    client.get("/search/?q=migraine")
    client.get("/search/?q=migraine")
    with patch.object(hits.PENDING, "write", side_effect=OperationalError("database unavailable")):
        hits.flush()
    assert "Search statistics not written" in caplog.text
    assert Query.get("migraine").hits == 0
    hits.flush()
    assert Query.get("migraine").hits == 2


def test_a_stopping_worker_writes_what_it_holds(client, demo):
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    client.get("/search/?q=ketamine")
    assert Query.get("ketamine").hits == 0
    conf.worker_exit(server=None, worker=None)
    assert Query.get("ketamine").hits == 1


def test_a_count_that_fails_for_another_reason_is_dropped_alone(client, demo, caplog):
    client.get("/search/?q=migraine")
    client.get("/search/?q=ketamine")
    real = hits.PENDING.write

    def write(key, *args):
        if key[0] == "migraine":
            raise ValueError("unexpected")
        return real(key, *args)

    with patch.object(hits.PENDING, "write", side_effect=write):
        hits.flush()
    assert "could not be written" in caplog.text and "migraine" not in caplog.text
    assert Query.get("ketamine").hits == 1
    hits.flush()
    assert Query.get("migraine").hits == 0  # dropped, not retried for ever


def test_held_searches_are_bounded(client, demo, caplog):
    with patch.object(hits.PENDING, "max_pending", 3):
        for number in range(5):
            client.get(f"/search/?q=word{number}")
        client.get("/search/?q=word0")  # one already held is still counted
    hits.flush()
    assert [Query.get(f"word{number}").hits for number in range(5)] == [2, 1, 1, 0, 0]
    assert "Search statistics: 2 counts dropped" in caplog.text
