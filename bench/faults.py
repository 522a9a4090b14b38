"""The load test across faults: 64 connections for 30 s while an editor publishes, once across
each fault, against a PostgreSQL cluster and a Redis of its own on spare ports (tests/servers.py,
the same servers as tests/test_fault_recovery.py), the demo site served by gunicorn with the
production settings:

- PostgreSQL restarted (`pg_ctl stop -m fast`, down FAULTS_OUTAGE seconds, `pg_ctl start`);
- Redis restarted (stopped, down FAULTS_OUTAGE seconds, started empty);
- Redis emptied (FLUSHALL);
- a gunicorn worker killed (SIGKILL) while it answers.

Every answer is recorded with its time, so each fault gets: requests, answers by kind, 5xx other
than the styled or JSON 503 (must be none), every 503 inside the fault's window (from the fault to
FAULTS_RECOVERY seconds after the repair; outside it, or in a fault that leaves the database up, a
503 is a violation), connection errors (only the killed worker's own request may fail), the time
from the repair to the last answer that was not a 200, and the editor's publishes: after each one
an anonymous request must show it (a 503 while the database is down excepted). Exits non-zero on
any violation.

The client is Python (threads on http.client): wrk counts answers but cannot say when each came.

    .venv/bin/python bench/faults.py    # FAULTS_SECONDS=30 FAULTS_CONNECTIONS=64 by default
"""

import os
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import DemoStack, Load, missing_programs  # noqa: E402

SECONDS = float(os.environ.get("FAULTS_SECONDS", "30"))
CONNECTIONS = int(os.environ.get("FAULTS_CONNECTIONS", "64"))
WORKERS = int(os.environ.get("FAULTS_WORKERS", "4"))
OUTAGE = float(os.environ.get("FAULTS_OUTAGE", "5"))  # seconds a server stays down
RECOVERY = float(os.environ.get("FAULTS_RECOVERY", "5"))  # seconds allowed after the repair
FAULT_AT = 8.0  # seconds into the run


def restart_postgres(stack):
    stack.postgres.stop()
    time.sleep(OUTAGE)
    stack.postgres.start()


def restart_redis(stack):
    stack.redis.stop()
    time.sleep(OUTAGE)
    stack.redis.start()


def empty_redis(stack):
    stack.redis.flushall()


def kill_worker(stack):
    stack.kill_worker(random.choice(stack.site.worker_pids()))


# (name, how, whether the database is down meanwhile, connection errors allowed)
FAULTS = [
    ("PostgreSQL restart", restart_postgres, True, 0),
    ("Redis restart", restart_redis, False, 0),
    ("Redis FLUSHALL", empty_redis, False, 0),
    ("worker killed", kill_worker, False, 1),  # a sync worker holds one request at a time
]


class Editor:
    """Publishes a change every second or so with the site's own settings, and checks that the
    next anonymous requests show it, on the page and on the section page or API that lists it."""

    def __init__(self, site):
        self.site = site
        self.stop = threading.Event()
        self.published, self.refused, self.checks = 0, [], []
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self):
        from django.db import DatabaseError, close_old_connections
        from wagtail.models import Page

        number = 0
        while not self.stop.wait(1.0):
            number += 1
            marker = f"Fault run revision {number} {time.time_ns()}"
            close_old_connections()  # as every request does: a connection the restart broke goes
            try:
                if number % 2:
                    page = Page.objects.get(slug="about", locale__language_code="en").specific
                    page.title = marker
                    page.save_revision().publish()
                    paths = ["/about/"]
                else:
                    page = Page.objects.get(
                        slug="chronic-migraine", locale__language_code="en"
                    ).specific
                    page.listing_summary = marker
                    page.save_revision().publish()
                    paths = [
                        "/conditions/",
                        "/api/v2/pages/?type=treatments.ConditionPage&fields=listing_summary",
                    ]
            except DatabaseError as error:
                self.refused.append((time.monotonic(), type(error).__name__))
                continue
            self.published += 1
            for path in paths:
                try:
                    status, _, body = self.site.request(path)
                except OSError as error:
                    status, body = type(error).__name__, ""
                self.checks.append((time.monotonic(), path, status, marker in body))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=60)


def run_fault(stack, name, inject, database_down, errors_allowed):
    site = stack.site
    master, workers_before = site.process.pid, site.worker_pids()
    with Load(site, CONNECTIONS) as load, Editor(site) as editor:
        began = time.monotonic()
        time.sleep(FAULT_AT)
        fault = time.monotonic()
        inject(stack)
        repaired = time.monotonic()
        time.sleep(max(0.0, began + SECONDS - time.monotonic()))
    ended = time.monotonic()
    window_end = repaired + RECOVERY
    records = load.between(began)
    counts = load.count(began)
    in_window = [r for r in records if fault <= r[0] <= window_end]
    outside = [r for r in records if not fault <= r[0] <= window_end]
    unavailable = [r for r in records if r[3] == "503"]
    bad = [r for r in records if r[3] in ("5xx", "bad 503")]
    errors = [r for r in records if r[3] == "error"]
    recovered = load.recovered_at(repaired) - repaired
    workers_after = site.worker_pids()
    problems = []
    if site.process.poll() is not None or site.process.pid != master:
        problems.append("the gunicorn master stopped")
    if len(workers_after) != len(workers_before):
        problems.append(f"{len(workers_after)} workers after the run, {len(workers_before)} before")
    if bad:
        statuses = sorted({r[2] for r in bad})
        problems.append(f"{len(bad)} server errors other than the 503 page ({statuses})")
    if not database_down and unavailable:
        problems.append(f"{len(unavailable)} answers 503 while the database was up")
    if any(r[3] == "503" for r in outside):
        problems.append(f"{sum(r[3] == '503' for r in outside)} answers 503 outside the window")
    if len(errors) > errors_allowed or any(not fault <= r[0] <= window_end for r in errors):
        problems.append(f"{len(errors)} failed connections (allowed: {errors_allowed}, in window)")
    if recovered > RECOVERY:
        problems.append(f"recovered {recovered:.1f} s after the repair (limit {RECOVERY:g} s)")
    stale = [
        c
        for c in editor.checks
        if not (c[2] == 200 and c[3]) and not (database_down and c[2] == 503)
    ]
    if stale:
        problems.append(f"{len(stale)} checks after a publish did not show it: {stale[:3]}")
    if [r for r in editor.refused if not (database_down and fault <= r[0] <= window_end)]:
        problems.append(f"publishes refused outside the outage: {editor.refused}")
    if not editor.published:
        problems.append("no publish went through")
    result = {
        "name": name,
        "requests": len(records),
        "rate": len(records) / (ended - began),
        "counts": counts,
        "503": len(unavailable),
        "503 in window": sum(r[3] == "503" for r in in_window),
        "5xx": len(bad),
        "errors": len(errors),
        "repair": repaired - fault,
        "recovered": recovered,
        "publishes": editor.published,
        "refused": len(editor.refused),
        "checks": len(editor.checks),
        "problems": problems,
    }
    print(
        f"  {name}: {len(records)} requests ({result['rate']:.0f}/s) {counts}; fault took "
        f"{result['repair']:.1f} s; every answer 200 again {recovered:.2f} s after the repair; "
        f"{editor.published} publishes ({len(editor.refused)} refused), {len(editor.checks)} "
        f"checks; workers {workers_before} -> {workers_after}"
        + ("" if not problems else "\n    " + "\n    ".join(problems)),
        flush=True,
    )
    return result


def main():
    reason = missing_programs()
    if reason:
        print(f"Cannot run: {reason}.")
        return 1
    started = time.monotonic()
    print(
        f"Starting PostgreSQL, Redis and the demo site ({WORKERS} workers); then {len(FAULTS)} "
        f"runs of {CONNECTIONS} connections for {SECONDS:g} s, the fault {FAULT_AT:g} s in…",
        flush=True,
    )
    with DemoStack(workers=WORKERS) as stack:
        os.environ.update(stack.site.environment())  # the editor publishes with the site's settings
        import django

        django.setup()
        results = [run_fault(stack, *fault) for fault in FAULTS]
    print()
    print(
        "| fault | requests | req/s | 503 (all in the window) | other 5xx | failed connections "
        "| s to recover after the repair | publishes (refused) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['name']} | {r['requests']} | {r['rate']:.0f} | {r['503']} "
            f"({r['503 in window']}) | {r['5xx']} | {r['errors']} | {r['recovered']:.2f} | "
            f"{r['publishes']} ({r['refused']}) |"
        )
    problems = [f"{r['name']}: {p}" for r in results for p in r["problems"]]
    print()
    print("No violation." if not problems else "Violations:\n  " + "\n  ".join(problems))
    print(f"{time.monotonic() - started:.0f} s in all.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
