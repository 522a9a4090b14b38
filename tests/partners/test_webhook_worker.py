"""The real worker process (`manage.py db_worker --backend webhooks`), the real command
(`manage.py webhooks add`) and an editor's publishes in processes of their own, against a scratch
database of the suite's engine (a SQLite file, or a PostgreSQL database beside the test database)
migrated for this module: the receiver is down while pages are published, the worker is stopped
(SIGTERM, as systemd and `make run` stop it) and started again in the middle, more pages are
published while no worker runs, and once the receiver is back every event arrives, signed, none
lost.

About a minute, most of it migrating the scratch database."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from standardwebhooks import Webhook

from tests.partners.receiver import Receiver, free_port

PROJECT = Path(__file__).resolve().parents[2]
# Retries every 2 s for about a minute: longer than the receiver's outage here, which lasts as
# long as two Django processes take to start (15 s or more on two busy cores).
SCHEDULE = ",".join(["0.5"] + ["2"] * 30)
PUBLISH = """
import sys
from wagtail.models import Site
from home.models import StandardPage
root = Site.objects.get(is_default_site=True).root_page
for name in sys.argv[1:]:
    page = root.add_child(instance=StandardPage(title=name, slug=name, live=False))
    page.save_revision().publish()
    print(page.pk)
"""


class Scratch:
    """A database of the suite's engine for processes outside the test's transaction."""

    def __init__(self, folder):
        database = settings.DATABASES["default"]
        self.postgres = database["ENGINE"].endswith("postgresql")
        if self.postgres:
            self.name = f"{database['TEST']['NAME']}_worker"
            host, port = database.get("HOST") or "127.0.0.1", database.get("PORT") or 5432
            user = database.get("USER") or "postgres"
            password = database.get("PASSWORD") or ""
            auth = f"{user}:{password}" if password else user
            self.server = f"postgres://{auth}@{host}:{port}"
            self.url = f"{self.server}/{self.name}"
        else:
            self.path = Path(folder) / "webhooks.sqlite3"
            # The worker and the publishing processes write to it at once. Their transactions
            # take the write lock when they begin (a deferred one that reads first cannot wait
            # for it: "database is locked" at once), and wait up to 60 s for it.
            self.url = f"sqlite:///{self.path}?timeout=60&transaction_mode=IMMEDIATE"

    def admin_sql(self, statement):
        import psycopg

        with psycopg.connect(f"{self.server}/postgres", autocommit=True) as connection:
            connection.execute(statement)

    def create(self):
        if self.postgres:
            self.admin_sql(f'DROP DATABASE IF EXISTS "{self.name}"')
            self.admin_sql(f'CREATE DATABASE "{self.name}"')
        run("migrate", "--no-input", "-v", "0", database=self.url, timeout=300)
        return self

    def drop(self):
        if self.postgres:
            self.admin_sql(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def rows(self, sql):
        if self.postgres:
            import psycopg

            with psycopg.connect(self.url.replace("postgres://", "postgresql://")) as connection:
                return connection.execute(sql).fetchall()
        with sqlite3.connect(self.path) as connection:
            return connection.execute(sql).fetchall()


def environment(database):
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=database,
        WEBHOOK_RETRY_SCHEDULE=SCHEDULE,
        PYTHONUNBUFFERED="1",
    )
    return env


def run(*args, database, timeout=120):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment(database),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def start_worker(database, log):
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--interval", "0.1"]
        + ["--no-startup-delay", "--no-reload", "-v", "0"],
        cwd=PROJECT,
        env=environment(database),
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def stop(process):
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=30)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    database = Scratch(tmp_path_factory.mktemp("webhook-worker")).create()
    yield database
    database.drop()


def wait_until(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} within {seconds} s")


def test_every_event_arrives_after_an_outage_across_a_worker_restart(scratch, tmp_path):
    port = free_port()  # nothing listens there yet: the partner is down
    url = f"http://127.0.0.1:{port}/hooks/clinic"
    out = run("webhooks", "add", url, "--events", "page.published", database=scratch.url)
    secret = out.split("secret: ")[1].strip()
    script = tmp_path / "publish.py"
    script.write_text(
        "import django, os, sys\nsys.path.insert(0, os.getcwd())\ndjango.setup()\n" + PUBLISH
    )

    def publish(*names):
        done = subprocess.run(
            [sys.executable, str(script), *names],
            cwd=PROJECT,
            env=environment(scratch.url),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return [int(pk) for pk in done.stdout.split()]

    log = open(tmp_path / "worker.log", "w")  # noqa: SIM115
    worker = start_worker(scratch.url, log)
    try:
        first = publish("during-outage-1", "during-outage-2", "during-outage-3")
        # The worker tries each, fails (connection refused) and schedules retries.
        wait_until(
            lambda: (
                scratch.rows(
                    "SELECT COUNT(*) FROM partners_webhookdelivery WHERE status = 'failed'"
                )[0][0]
                == 3
            ),
            60,
            "three failed first attempts",
        )
        assert stop(worker) == 0  # a graceful stop, between attempts
        worker = None
        second = publish("while-no-worker-1", "while-no-worker-2")  # queued, nobody to send
        with Receiver(port=port) as receiver:
            log.write("--- restarted ---\n")
            log.flush()
            worker = start_worker(scratch.url, log)
            requests = receiver.wait_for(5, seconds=60)
            time.sleep(0.5)  # anything more would be a duplicate
            requests = list(receiver.requests)
    finally:
        if worker is not None:
            stop(worker)
        log.close()

    received = {}
    for request in requests:
        payload = Webhook(secret).verify(request.body, request.headers)
        received.setdefault(payload["data"]["id"], set()).add(request.headers["webhook-id"])
    assert set(received) == set(first + second), (tmp_path / "worker.log").read_text()[-3000:]
    assert all(len(ids) == 1 for ids in received.values())  # one message per event
    assert len(requests) == 5  # each received once: the worker sends again only on failure
    rows = scratch.rows("SELECT status, attempts FROM partners_webhookdelivery")
    assert sorted(status for status, _ in rows) == ["succeeded"] * 5
    failed_first = scratch.rows(
        "SELECT COUNT(*) FROM partners_webhookdelivery WHERE attempts >= 2"
    )[0][0]
    assert failed_first >= 3  # the outage's deliveries were retried, not sent once
