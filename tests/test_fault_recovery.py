"""Faults heal without a restart, with real servers: a PostgreSQL cluster and a Redis of this
module's own (spare ports, a temporary folder), the demo site served by gunicorn with the
production settings, and clients that keep requesting pages and API calls while:

- PostgreSQL is stopped and started again: pages answer the styled 503 and the API a JSON 503,
  never a 500, and the same gunicorn workers serve 200 again within seconds;
- Redis is stopped and started again, or emptied: the site keeps serving, and a change published
  while Redis was down shows on the next anonymous request, never the page cached before;
- a gunicorn worker is killed in the middle of an appointment request: the request is stored
  whole or not at all (and the visitor got an error and can send it again), and the site keeps
  serving.

Each prints what it measured (`pytest -s` shows it). About two minutes, most of it setting up.
"""

import threading
import time

import psycopg
import pytest

from tests.servers import (
    DemoStack,
    Load,
    appointment_form,
    form_started,
    missing_programs,
    publish,
    worker_of_database_client,
)

pytestmark = pytest.mark.faults

CLIENTS = 12
RECOVERY_LIMIT = 5  # seconds from the database answering again to every request answering 200


@pytest.fixture(scope="module")
def stack():
    reason = missing_programs()
    if reason:
        pytest.skip(reason)
    with DemoStack(workers=3) as stack:
        yield stack


def report(text):
    print(f"\n[faults] {text}", flush=True)


def wait_for_calm(load, since, seconds=2.0, limit=20.0):
    """Waits until every answer for `seconds` has been a 200 (at most `limit` seconds)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(0.25)
        if time.monotonic() - load.recovered_at(since) >= seconds:
            return
    raise AssertionError(f"still failing {limit:.0f} s after the repair: {load.count(since)}")


def assert_no_server_errors(load):
    counts = load.count()
    for kind in ("5xx", "bad 503", "error"):
        assert kind not in counts, f"{counts.get(kind)} answers of kind {kind!r}: {counts}"


def test_postgres_restart_heals_without_restarting_gunicorn(stack):
    site, postgres = stack.site, stack.postgres
    master, workers = site.process.pid, site.worker_pids()
    with Load(site, CLIENTS) as load:
        time.sleep(2)
        stopped = time.monotonic()
        postgres.stop()
        down = time.monotonic()
        time.sleep(4)
        repairing = time.monotonic()
        postgres.start()
        answering = time.monotonic()
        wait_for_calm(load, answering)
    before, during = load.count(0, stopped), load.count(stopped, answering)
    outage = load.between(stopped, answering)
    outage_503 = [r for r in outage if r[3] == "503"]
    last_ok = max((r[0] for r in load.between(down, repairing) if r[3] == "ok"), default=down)
    last_503 = max(r[0] for r in outage_503) if outage_503 else repairing
    seconds = load.recovered_at(answering) - answering
    report(
        f"PostgreSQL stopped (pg_ctl stop -m fast: {down - stopped:.1f} s), down "
        f"{repairing - down:.1f} s, started (pg_ctl start: {answering - repairing:.1f} s). "
        f"Answers before: {before}; from the stop to the start: {during}, of which "
        f"{sum(r[1].startswith('/api/') for r in outage_503)} JSON 503s from the API; first 503 "
        f"{min((r[0] for r in outage_503), default=stopped) - stopped:.2f} s after the stop "
        f"began, last 200 (from the page cache) {last_ok - down:.2f} s after it was down; "
        f"last 503 {last_503 - repairing:.2f} s after the start began; every answer 200 again "
        f"{seconds:.2f} s after PostgreSQL answered; after: {load.count(answering)}; "
        f"{len(load.records)} requests, {CLIENTS} clients"
    )
    assert set(before) == {"ok"}
    assert_no_server_errors(load)
    assert any(r[1].startswith("/api/") for r in outage_503), "no API request met the outage"
    assert any(not r[1].startswith("/api/") for r in outage_503), "no page met the outage"
    assert seconds <= RECOVERY_LIMIT
    # Healed in place: the same master and the same workers.
    assert (site.process.pid, site.worker_pids()) == (master, workers)


def test_connections_opened_before_a_restart_are_replaced_on_first_use(stack):
    """CONN_HEALTH_CHECKS: each worker keeps its connection (CONN_MAX_AGE); after PostgreSQL
    restarts while no request comes, the first request of each worker checks the connection it
    holds, finds it closed and opens another one, instead of failing on it."""
    site, postgres = stack.site, stack.postgres
    with Load(site, CLIENTS, paths=["/healthz"], bust=False):
        time.sleep(1)  # every worker has answered and kept its connection
    held = int(
        postgres.sql(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'clinic' "
            "AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        )
    )
    postgres.stop()
    postgres.start()
    answers = [site.request(path)[0] for path in ["/healthz", "/conditions/?first=1"] * 12]
    report(
        f"{held} connections held before the restart; then {answers.count(200)} of 24 answered 200"
    )
    assert held == len(site.worker_pids())
    assert answers == [200] * len(answers)


def test_redis_restarted_or_emptied_keeps_serving_and_shows_what_was_published(stack):
    site, cache = stack.site, stack.redis
    path = "/about/"
    original = site.shell(
        "from wagtail.models import Page;"
        "print(Page.objects.get(slug='about', locale__language_code='en').title)"
    ).splitlines()[-1]
    site.request(path)
    before = site.request(path)
    assert before[0] == 200 and original in before[2]
    assert before[1].get("X-Cache") == "hit"  # kept in Redis before the outage
    with Load(site, CLIENTS) as load:
        time.sleep(1)
        down = time.monotonic()
        cache.stop()
        title = f"About us, published while Redis was down {time.time_ns()}"
        publish(site, "about", title)
        while_down = site.request(path)
        time.sleep(1)
        cache.start()
        back = time.monotonic()
        after = site.request(path)
        again = site.request(path)
        time.sleep(2)
        flushed_at = time.monotonic()
        cache.flushall()
        flushed_title = f"About us, published before Redis was emptied {time.time_ns()}"
        publish(site, "about", flushed_title)
        cache.flushall()
        after_flush = site.request(path)
        time.sleep(2)
    report(
        f"Redis down {back - down:.1f} s: {load.count(down, back)}; after it came back: "
        f"{load.count(back, flushed_at)}; around FLUSHALL: {load.count(flushed_at)}; "
        f"the page after the restart: HTTP {after[0]} X-Cache {after[1].get('X-Cache')}, then "
        f"{again[1].get('X-Cache')}"
    )
    assert_no_server_errors(load)
    assert set(load.count()) == {"ok"}
    assert while_down[0] == 200 and title in while_down[2]
    for answer in (after, again):
        assert answer[0] == 200 and title in answer[2]
    assert after_flush[0] == 200 and flushed_title in after_flush[2]
    publish(site, "about", original)


def test_a_worker_killed_in_the_middle_of_an_appointment_request(stack):
    """Two requests wait on a lock held on the requests' table, each in its own worker (a sync
    worker takes one request at a time); one worker is killed there. The other request is stored
    when the lock goes; the killed one is not stored at all, its visitor got an error and sends
    it again, and then it is stored once, whole."""
    site, postgres = stack.site, stack.postgres
    master, workers = site.process.pid, site.worker_pids()
    started = form_started(site)
    names = ["Killed Midrequest", "Survived Midrequest"]
    forms = {name: appointment_form(site, name, started) for name in names}
    answers = {}

    def send(name):
        path, body, headers = forms[name]
        try:
            answers[name] = site.request(path, "POST", body, headers)[0]
        except OSError as error:
            answers[name] = type(error).__name__

    table = "appointments_appointmentrequest"
    database = {"host": "127.0.0.1", "port": postgres.port, "user": "postgres", "dbname": "clinic"}
    lock = psycopg.connect(**database)
    watch = psycopg.connect(**database, autocommit=True)
    posts = [threading.Thread(target=send, args=(name,)) for name in names]
    try:
        lock.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        with Load(site, 4) as load:
            time.sleep(0.5)
            for post in posts:
                post.start()
            waiting = []
            deadline = time.monotonic() + 20
            while len(waiting) < 2 and time.monotonic() < deadline:
                time.sleep(0.1)
                waiting = watch.execute(
                    "SELECT client_port FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                    f"AND query ILIKE 'INSERT INTO \"{table}\"%%'"
                ).fetchall()
            assert len(waiting) == 2, f"the requests did not reach the insert: {waiting}"
            victim = worker_of_database_client(site, waiting[0][0])
            assert victim in workers
            killed = time.monotonic()
            stack.kill_worker(victim)
            time.sleep(1)
            lock.rollback()  # the other request goes on
            for post in posts:
                post.join(timeout=30)
            time.sleep(2)
    finally:
        lock.close()
        watch.close()
    rows = postgres.sql(
        f"SELECT name, phone, preferred_contact_method, preferred_time, consent_text <> '', "
        f"page_id IS NOT NULL, office_id IS NOT NULL FROM {table} WHERE name LIKE '%Midrequest'"
    ).splitlines()
    failed = [name for name in names if answers[name] != 302]
    stored = sorted(row.split("|")[0] for row in rows)
    report(
        f"worker {victim} killed while both requests waited on the insert: answers {answers}; "
        f"stored before retrying: {stored}; load while it happened: {load.count()} "
        f"({load.count(killed)} after the kill); workers {workers} -> {site.worker_pids()}"
    )
    assert len(failed) == 1, answers  # exactly the killed worker's request failed
    assert answers[failed[0]] != 500
    assert stored == sorted(name for name in names if answers[name] == 302)
    for row in rows:
        assert row.split("|")[1:] == ["(203) 555-0188", "phone", "morning", "t", "t", "t"]
    # The visitor sends it again: stored once, whole.
    path, body, headers = forms[failed[0]]
    assert site.request(path, "POST", body, headers)[0] == 302
    count = postgres.sql(f"SELECT count(*) FROM {table} WHERE name = '{failed[0]}'")
    assert count == "1"
    assert_no_server_errors(load)
    assert site.process.pid == master
    now = site.worker_pids()
    assert len(now) == len(workers) and victim not in now
    assert all(site.request(path)[0] == 200 for path in ["/", "/api/v2/pages/", "/healthz"])
