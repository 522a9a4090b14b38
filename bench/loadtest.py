"""`make loadtest`: 64 connections for 30 s on loopback while an editor publishes pages.

Serves the site as `make bench` does (same seeding, gunicorn, production settings, page cache on),
with the cache in Redis (REDIS_URL, by default database 5 of the local Redis) so that a publish
reaches every worker. While wrk (or, without it, a Python client) keeps 64 connections busy on a
mix of pages and API calls, an editor publishes a change to a page every second or so; right after
each publish an anonymous request must show it, on the page and on the section page that lists
it. Exits non-zero on any failed request, any 5xx and any stale page.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import HEADERS, PORT, Server, environment, get, seed  # noqa: E402

LOAD_CONNECTIONS = 64
SECONDS = int(os.environ.get("LOADTEST_SECONDS", "30"))
PATHS = [
    "/",
    "/conditions/",
    "/conditions/chronic-migraine/",
    "/locations/stamford/",
    "/about/",
    "/about/synthetic-page-1/",
    "/about/synthetic-page-2/",
    "/es/",
    "/api/v2/pages/?fields=*&limit=20",
    "/api/v2/pages/?type=treatments.ConditionPage&fields=listing_summary",
]
LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def fetch(path):
    request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers=HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode()


def load_with_wrk(results):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA % ", ".join(f'"{path}"' for path in PATHS))
    header_args = [arg for name, value in HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{LOAD_CONNECTIONS}",
            f"-d{SECONDS}s",
            "--timeout",
            "10s",
            "-s",
            script.name,
            *header_args,
            f"http://127.0.0.1:{PORT}",
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 60,
    ).stdout
    os.unlink(script.name)
    results["requests"] = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    results["failed"] = (int(bad.group(1)) if bad else 0) + (
        sum(int(n) for n in errors.groups()) if errors else 0
    )
    results["rate"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def load_with_python(results):
    deadline = time.monotonic() + SECONDS
    lock = threading.Lock()
    results.update(requests=0, failed=0)

    def worker(offset):
        n = offset
        while time.monotonic() < deadline:
            try:
                status, _ = get(PATHS[n % len(PATHS)])
            except OSError:
                status = 0
            n += 1
            with lock:
                results["requests"] += 1
                results["failed"] += status != 200

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(LOAD_CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results["rate"] = results["requests"] / SECONDS


def editor(stop, problems, published):
    """Publishes a change every second or so and checks the next anonymous requests show it."""
    from wagtail.models import Page

    condition = Page.objects.get(slug="chronic-migraine", locale__language_code="en").specific
    synthetic = Page.objects.get(slug="synthetic-page-1", locale__language_code="en").specific
    number = 0
    while not stop.is_set():
        number += 1
        marker = f"Load test revision {number} {time.time_ns()}"
        if number % 2:
            synthetic.title = marker
            synthetic.save_revision().publish()
            checks = [("/about/synthetic-page-1/", marker)]
        else:
            condition.listing_summary = marker
            condition.save_revision().publish()
            checks = [
                ("/conditions/", marker),
                ("/api/v2/pages/?type=treatments.ConditionPage&fields=listing_summary", marker),
            ]
        published.append(marker)
        for path, expected in checks:
            try:
                status, body = fetch(path)
            except Exception as error:  # noqa: BLE001 (any failure is a finding)
                problems.append(f"{path}: {error}")
                continue
            if status != 200:
                problems.append(f"{path}: HTTP {status} after publish {number}")
            elif expected not in body:
                problems.append(f"{path}: stale after publish {number} (no {expected!r})")
        stop.wait(1.0)


def main():
    env = environment()
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/5")
    env["REDIS_URL"] = os.environ.get("REDIS_URL", env["REDIS_URL"])
    seed(env)
    os.environ.update(env)  # the editor below publishes with the server's own settings
    import django

    django.setup()
    problems, published, results = [], [], {}
    with Server(env, 300):
        for path in PATHS:
            status, _ = get(path)
            if status != 200:
                raise SystemExit(f"{path} answered {status} before the load started")
        stop = threading.Event()
        publisher = threading.Thread(target=editor, args=(stop, problems, published))
        publisher.start()
        started = time.monotonic()
        (load_with_wrk if shutil.which("wrk") else load_with_python)(results)
        stop.set()
        publisher.join(timeout=60)
        elapsed = time.monotonic() - started
    print(
        f"\n{results['requests']} requests in {elapsed:.0f} s at {LOAD_CONNECTIONS} connections "
        f"({results['rate']:.0f} req/s), {results['failed']} failed or non-2xx; "
        f"{len(published)} publishes, {len(problems)} stale or failed checks."
    )
    for problem in problems:
        print("  " + problem)
    return 1 if results["failed"] or problems or not published else 0


if __name__ == "__main__":
    sys.exit(main())
