"""`make bench`: how fast the site answers under gunicorn with the production settings.

Seeds the demo content and BENCH_PAGES synthetic pages (default 500) into DATABASE_URL (a SQLite
file under .bench/ when unset), serves the site on 127.0.0.1:BENCH_PORT with two gunicorn workers
and measures, for each page:

- cold: the first request after a publish (the visitors' content version moved on, so neither the
  response nor any fragment is cached): SQL queries, p50 and p99 over BENCH_COLD_ROUNDS rounds;
- cached: p50/p99 at one connection and requests a second at 16 connections (wrk when installed,
  else a Python client), as a ratio to the floor: a trivial Django view with no middleware at all,
  served by the same gunicorn (bench/floor.py);
- editing: the share of requests answered from the cache while an editor saves a draft of the
  condition page every 2 s (what Save draft and autosave do);
- admin: the server's time to open a condition page's editor and its Spanish translation's
  (wagtail-localize's translation editor), signed in, and to answer Save draft clicked in the
  editor (in Chromium, where it is installed), p50 of BENCH_ADMIN_ROUNDS (default 10).

Every request carries the TLS proxy's `X-Forwarded-Proto: https`, so no HTTPS redirect is
measured. The cache is Redis, as in production: REDIS_URL, else the local server's database 7
(emptied first) when one answers on 127.0.0.1:6379, else local memory per worker.

Bounded: BENCH_SECONDS (default 5) of load per page, a few minutes in all.
"""

import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".bench"
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8642"))
PAGES = int(os.environ.get("BENCH_PAGES", "500"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
LOCAL_REDIS = "redis://127.0.0.1:6379/7"
CONNECTIONS = 16
LATENCY_REQUESTS = int(os.environ.get("BENCH_LATENCY_REQUESTS", "200"))
COLD_ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "25"))
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}

# Targets: the first request after a publish at most 15 queries and p50 <= 40 ms; cached pages at
# least half the floor's throughput; at least 99 % of requests cached while an editor saves drafts.
MAX_COLD_QUERIES = 15
MAX_COLD_P50_MS = 40
MIN_CACHED_RATIO = 0.5
MIN_EDITING_HIT_RATE = 0.99
MAX_SEARCH_P95_MS = 100
# A network of BENCH_PAGES pages against the demo alone (.bench/results-0.json, from
# `make bench BENCH_PAGES=0`): every page's p50, cold and cached, within this factor.
MAX_SIZE_FACTOR = 1.2
# The server's time for the admin, p50: an editor opens in half a second, a listing or chooser
# (the explorer with 1,000 children in a network) in a second.
EDITOR_MS = 500
LISTING_MS = 1000
ADMIN_ROUNDS = int(os.environ.get("BENCH_ADMIN_ROUNDS", "10"))


def environment():
    WORK.mkdir(exist_ok=True)
    # One database per size: a network's pages stay out of the demo-size measurement.
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{WORK / f'bench-{PAGES}.sqlite3'}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # The editor's browser speaks plain HTTP to the bench behind a pretend TLS proxy.
        "CSRF_TRUSTED_ORIGINS": f"http://127.0.0.1:{PORT}",
        "DATABASE_URL": database,
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "API_RATE_LIMIT_ANONYMOUS": "1000000000",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
        **({"REDIS_URL": url} if (url := redis_url()) else {}),
    }


def redis_url():
    """REDIS_URL, else the local Redis's bench database, emptied, when it answers; else None."""
    if os.environ.get("REDIS_URL"):
        return os.environ["REDIS_URL"]
    try:
        redis.Redis.from_url(LOCAL_REDIS, socket_connect_timeout=0.5).flushdb()
    except redis.RedisError:
        return None
    return LOCAL_REDIS


def manage(env, *args):
    """Runs a management command; returns its seconds."""
    started = time.monotonic()
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=900)
    return time.monotonic() - started


def seed(env):
    """The demo content, the network's PAGES synthetic pages and the search index, timed."""
    print(f"Seeding {env['DATABASE_URL'].split('@')[-1]}: demo content and {PAGES} pages…")
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo_content")
    timings = {}
    if PAGES:
        timings["add_synthetic_pages"] = manage(env, "add_synthetic_pages", "--count", str(PAGES))
    timings["update_index"] = manage(env, "update_index", "-v", "0")
    for name, seconds in timings.items():
        print(f"  {name}: {seconds:.1f} s", flush=True)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    detail = subprocess.run(
        [
            PY,
            "manage.py",
            "shell",
            "-c",
            "from wagtail.models import Page;"
            "print(Page.objects.get(slug='chronic-migraine', locale__language_code='en').pk)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return int(detail.stdout.strip().splitlines()[-1]), timings


def targets(detail_id):
    """The demo's own pages of every type (the same addresses at any BENCH_PAGES)."""
    return [
        ("home", "/"),
        ("condition page", "/conditions/chronic-migraine/"),
        ("treatment page", "/treatments/ketamine-infusion-therapy/"),
        ("location page", "/locations/stamford/"),
        ("physician page", "/physicians/peter-mcallister/"),
        ("article", "/articles/ketamine-infusion-for-chronic-migraine/"),
        ("Spanish condition", "/es/afecciones/migrana-cronica/"),
        ("articles index", "/articles/"),
        ("physician directory", "/physicians/?accepting=1"),
        ("office finder", "/locations/?near=06880"),
        ("search", "/search/?q=migraine"),
        ("search, misspelled", "/search/?q=migrane"),
        ("sitemap index", "/sitemap.xml"),
        ("API listing, 20", "/api/v2/pages/?fields=*&limit=20"),
        ("API listing, 100", "/api/v2/pages/?fields=*&limit=100"),
        ("API finder", "/api/v2/pages/?type=locations.LocationPage&near=06880&fields=title"),
        ("API detail", f"/api/v2/pages/{detail_id}/"),
    ]


def get(path, method="GET", port=None, headers=None, body=False):
    connection = http.client.HTTPConnection("127.0.0.1", port or PORT, timeout=30)
    try:
        connection.request(method, path, headers={**HEADERS, **(headers or {})})
        response = connection.getresponse()
        content = response.read()
        if body:
            return response.status, dict(response.getheaders()), content
        return response.status, dict(response.getheaders())
    finally:
        connection.close()


def admin(env):
    """Opening a clinical page's editor and its translation's, signed in: p50 over
    ADMIN_ROUNDS requests and the SQL queries of one (the editor's HTML only, as the server
    makes it; the browser's own work is not measured)."""
    results = {}
    with Server(env):
        status, headers, content = get("/bench/admin-session", method="POST", body=True)
        ids = json.loads(content)
        cookies = "; ".join(
            value.split(";")[0] for name, value in headers.items() if name.lower() == "set-cookie"
        )
        session = {"Cookie": cookies}
        for name, path, target in (
            ("open the condition editor", f"/admin/pages/{ids['condition']}/edit/", EDITOR_MS),
            (
                "open the translation editor",
                f"/admin/pages/{ids['translation']}/edit/",
                EDITOR_MS,
            ),
            ("explorer: the physicians", f"/admin/pages/{ids['physicians']}/", LISTING_MS),
            (
                "page chooser: the physicians",
                f"/admin/choose-page/{ids['physicians']}/",
                LISTING_MS,
            ),
            ("page chooser: search", "/admin/choose-page/search/?q=migraine", LISTING_MS),
            ("image chooser", "/admin/images/chooser/", LISTING_MS),
            ("medical review due report", "/admin/reports/review-due/", LISTING_MS),
        ):
            timings, queries = [], 0
            for _ in range(2 + ADMIN_ROUNDS):
                start = time.perf_counter()
                status, headers = get(path, headers=session)
                timings.append((time.perf_counter() - start) * 1000)
                queries = int(headers.get("X-DB-Queries", -1))
            timings = timings[2:]  # the first requests read content types and templates
            results[name] = {
                "status": status,
                "p50": statistics.median(timings),
                "queries": queries,
                "target": target,
            }
            print(
                f"  admin: {name:32} p50 {results[name]['p50']:6.1f} ms, {queries} queries "
                f"(HTTP {status})",
                flush=True,
            )
        saved = save_drafts_in_chromium(session, ids["condition"])
        if saved:
            results["save a condition page's draft"] = saved
            print(
                f"  admin: {'save a condition page' + chr(39) + 's draft':32} p50 "
                f"{saved['p50']:6.1f} ms, {saved['queries']} queries (HTTP {saved['status']})",
                flush=True,
            )
    return results


def save_drafts_in_chromium(session, page_id):
    """Save draft, clicked in the page editor as an editor does (Chromium builds the form the
    editor's scripts make): the server's time for the POST (from sending it to the first byte of
    the answer) and its queries. None, with a note, where Chromium is not installed."""
    chromium = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    if not chromium.exists():
        print(f"  admin: save draft not measured: no Chromium at {chromium}", flush=True)
        return None
    from playwright.sync_api import sync_playwright

    cookies = [
        {"name": name, "value": value, "url": f"http://127.0.0.1:{PORT}"}
        for name, value in (part.split("=", 1) for part in session["Cookie"].split("; "))
    ]
    timings, queries, status = [], 0, None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=["--no-sandbox"])
        context = browser.new_context(extra_http_headers={"X-Forwarded-Proto": "https"})
        context.add_cookies(cookies)
        page = context.new_page()
        for round_number in range(2 + ADMIN_ROUNDS):
            page.goto(f"http://127.0.0.1:{PORT}/admin/pages/{page_id}/edit/")
            page.fill("#id_title", f"Chronic migraine · draft {round_number}")
            with page.expect_response(
                lambda response: response.request.method == "POST" and "/edit/" in response.url
            ) as answer:
                page.get_by_role("button", name="Save draft").first.click()
            response = answer.value
            timing = response.request.timing
            timings.append(timing["responseStart"] - timing["requestStart"])
            queries = int(response.headers.get("x-db-queries", -1))
            status = response.status
        browser.close()
    return {"status": status, "p50": statistics.median(timings[2:]), "queries": queries}


class Server:
    def __init__(self, env, page_cache_seconds=300, port=None, settings=None):
        self.env = {**env, "PAGE_CACHE_SECONDS": str(page_cache_seconds)}
        if settings:
            self.env["DJANGO_SETTINGS_MODULE"] = settings
        self.port = port or PORT

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                PY,
                "-m",
                "gunicorn",
                "-c",
                str(ROOT / "gunicorn.conf.py"),
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--max-requests",
                "0",
            ],
            cwd=ROOT,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get("/bench/floor", port=self.port)[0] == 200:
                    return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise SystemExit("gunicorn did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def latency(path, port=None):
    """p50 and p99 in milliseconds at one connection, and the number of failed requests."""
    timings, failures = [], 0
    deadline = time.monotonic() + SECONDS
    while len(timings) < LATENCY_REQUESTS and time.monotonic() < deadline:
        start = time.perf_counter()
        status, _ = get(path, port=port)
        timings.append((time.perf_counter() - start) * 1000)
        failures += status != 200
    timings.sort()
    p99 = timings[min(len(timings) - 1, int(len(timings) * 0.99))]
    return statistics.median(timings), p99, failures


def throughput(path, port=None):
    """Requests a second at 16 connections, and the number of failed requests."""
    port = port or PORT
    if shutil.which("wrk"):
        header_args = [arg for name, value in HEADERS.items() for arg in ("-H", f"{name}: {value}")]
        result = subprocess.run(
            [
                "wrk",
                "-t2",
                f"-c{CONNECTIONS}",
                f"-d{int(SECONDS)}s",
                # A slow answer is measured, not counted as an error (wrk gives up after 2 s).
                "--timeout",
                "10s",
                *header_args,
                f"http://127.0.0.1:{port}{path}",
            ],
            capture_output=True,
            text=True,
            timeout=SECONDS + 30,
            check=True,
        )
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
        bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
        errors = re.search(
            r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", result.stdout
        )
        failures = (int(bad.group(1)) if bad else 0) + (
            sum(int(n) for n in errors.groups()) if errors else 0
        )
        return rate, failures
    counts, failures, lock = [0], [0], threading.Lock()
    deadline = time.monotonic() + SECONDS

    def worker():
        while time.monotonic() < deadline:
            status, _ = get(path, port=port)
            with lock:
                counts[0] += 1
                failures[0] += status != 200

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return counts[0] / (time.monotonic() - start), failures[0]


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))]


def measure_floor(env):
    port = PORT + 1
    with Server(env, port=port, settings="bench.floor"):
        for _ in range(20):
            get("/bench/floor", port=port)
        p50, p99, failures = latency("/bench/floor", port=port)
        rate, load_failures = throughput("/bench/floor", port=port)
    print(f"  floor (no middleware)     p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  {rate:7.0f} req/s")
    return {"p50": p50, "p99": p99, "rps": rate, "failures": failures + load_failures}


def cold(path):
    """The first request after a publish, COLD_ROUNDS times: queries (median), p50, p95."""
    timings, queries, failures = [], [], 0
    for _ in range(COLD_ROUNDS):
        get("/bench/changed", method="POST")
        start = time.perf_counter()
        status, headers = get(path)
        timings.append((time.perf_counter() - start) * 1000)
        queries.append(int(headers.get("X-DB-Queries", -1)))
        failures += status != 200 or headers.get("X-Cache") == "hit"
    return (
        statistics.median(queries),
        statistics.median(timings),
        percentile(timings, 0.95),
        failures,
    )


def editing(paths, draft_page_id):
    """The share of requests answered from the cache while a draft is saved every 2 s."""
    stop = threading.Event()
    saves = [0]

    def editor():
        while not stop.wait(2):
            get(f"/bench/save-draft/{draft_page_id}", method="POST")
            saves[0] += 1

    for path in paths:
        get(path)  # kept
    thread = threading.Thread(target=editor)
    thread.start()
    hits = total = 0
    deadline = time.monotonic() + max(SECONDS * 2, 10)
    try:
        while time.monotonic() < deadline:
            for path in paths:
                status, headers = get(path)
                total += 1
                hits += status == 200 and headers.get("X-Cache") == "hit"
    finally:
        stop.set()
        thread.join()
    return hits, total, saves[0]


def measure(env, pages, draft_page_id):
    results = {}
    with Server(env):
        for _, path in pages:
            for _ in range(3):  # renditions made, content types read
                get(path)
        for name, path in pages:
            cold_queries, cold_p50, cold_p95, cold_failures = cold(path)
            for _ in range(3):
                get(path)
            status, headers = get(path)
            p50, p99, slow_failures = latency(path)
            rate, load_failures = throughput(path)
            results[name] = {
                "status": status,
                "cold_queries": cold_queries,
                "cold_p50": cold_p50,
                "cold_p95": cold_p95,
                "p50": p50,
                "p99": p99,
                "rps": rate,
                "failures": cold_failures + slow_failures + load_failures,
                "cache": headers.get("X-Cache", "-"),
            }
            print(
                f"  {name:17} cold: {cold_queries:3.0f} queries p50 {cold_p50:6.1f} ms "
                f"p95 {cold_p95:6.1f} ms | cached: p50 {p50:5.1f} ms {rate:7.0f} req/s "
                f"({results[name]['cache']})",
                flush=True,
            )
        hits, total, saves = editing([path for _, path in pages], draft_page_id)
        print(
            f"  editing: {hits} of {total} requests from the cache while {saves} drafts were saved"
        )
    return results, (hits, total, saves)


def report(floor, results, edited, pages, admin_results):
    print()
    print(
        "| page | queries cold | p50 ms cold | p95 ms cold | p50 ms cached | req/s @16 cached"
        " | ratio to floor |"
    )
    print("|---|---|---|---|---|---|---|")
    print(f"| floor (no middleware) | 0 | | | {floor['p50']:.1f} | {floor['rps']:.0f} | 1.00 |")
    for name, _ in pages:
        r = results[name]
        print(
            f"| {name} | {r['cold_queries']:.0f} | {r['cold_p50']:.1f} | {r['cold_p95']:.1f} | "
            f"{r['p50']:.1f} | {r['rps']:.0f} | {r['rps'] / floor['rps']:.2f} |"
        )
    hits, total, saves = edited
    print(
        f"| editing ({saves} drafts saved) | hit rate {hits / max(total, 1):.1%} of {total} | |||||"
    )
    for name, r in admin_results.items():
        print(f"| admin: {name} | {r['queries']} | {r['p50']:.1f} | | | | |")
    print()
    problems = []
    for name, r in admin_results.items():
        if r["status"] not in (200, 302):
            problems.append(f"admin: the {name} answered {r['status']}")
        if r["p50"] > r.get("target", EDITOR_MS):
            problems.append(
                f"admin: {name} in {r['p50']:.0f} ms (target {r.get('target', EDITOR_MS)})"
            )
    for name, _ in pages:
        r = results[name]
        if r["failures"] or r["status"] != 200:
            problems.append(f"{name}: {r['failures']} failed requests")
        if r["cold_queries"] > MAX_COLD_QUERIES:
            problems.append(
                f"{name}: {r['cold_queries']:.0f} queries cold (target {MAX_COLD_QUERIES})"
            )
        if r["cold_p50"] > MAX_COLD_P50_MS:
            problems.append(f"{name}: p50 {r['cold_p50']:.1f} ms cold (target {MAX_COLD_P50_MS})")
        if r["rps"] / floor["rps"] < MIN_CACHED_RATIO:
            problems.append(
                f"{name}: cached at {r['rps'] / floor['rps']:.2f} of the floor (target "
                f"{MIN_CACHED_RATIO})"
            )
    listing = (
        results["API listing, 20"]["cold_queries"],
        results["API listing, 100"]["cold_queries"],
    )
    if listing[0] != listing[1]:
        problems.append(
            f"API listing: {listing[0]:.0f} queries for 20 items, {listing[1]:.0f} for 100"
        )
    search = results.get("search")
    if search and search["cold_p95"] > MAX_SEARCH_P95_MS:
        problems.append(
            f"search: p95 {search['cold_p95']:.0f} ms cold (target {MAX_SEARCH_P95_MS})"
        )
    if hits / max(total, 1) < MIN_EDITING_HIT_RATE:
        problems.append(f"editing: hit rate {hits / max(total, 1):.1%} (target 99 %)")
    print("Targets met." if not problems else "Targets not met:\n  " + "\n  ".join(problems))
    return problems


def compare_with_demo_size(results, admin_results, seed_timings):
    """Keeps this run's figures in .bench/results-<BENCH_PAGES>.json and, for a network, prints
    them beside the demo-size run's; returns the pages slower by more than MAX_SIZE_FACTOR."""
    (WORK / f"results-{PAGES}.json").write_text(
        json.dumps(
            {"pages": PAGES, "results": results, "admin": admin_results, "seed": seed_timings},
            indent=2,
        )
    )
    baseline_file = WORK / "results-0.json"
    if not PAGES or not baseline_file.exists():
        return []
    baseline = json.loads(baseline_file.read_text())
    print(f"\nAt demo size (BENCH_PAGES=0) and at {PAGES} pages:\n")
    print(
        f"| page | p50 ms cold, demo | p50 ms cold, {PAGES} | ratio | p50 ms cached, demo | "
        f"p50 ms cached, {PAGES} | ratio |"
    )
    print("|---|---|---|---|---|---|---|")
    problems = []
    for name, r in results.items():
        base = baseline["results"].get(name)
        if not base:
            continue
        cold_ratio = r["cold_p50"] / base["cold_p50"]
        cached_ratio = r["p50"] / base["p50"]
        print(
            f"| {name} | {base['cold_p50']:.1f} | {r['cold_p50']:.1f} | {cold_ratio:.2f} | "
            f"{base['p50']:.1f} | {r['p50']:.1f} | {cached_ratio:.2f} |"
        )
        for kind, ratio in (("cold", cold_ratio), ("cached", cached_ratio)):
            if ratio > MAX_SIZE_FACTOR:
                problems.append(
                    f"{name}: p50 {kind} {ratio:.2f}x the demo size's (target {MAX_SIZE_FACTOR})"
                )
    for name, r in admin_results.items():
        base = baseline["admin"].get(name)
        if base:
            print(
                f"| admin: {name} | {base['p50']:.1f} | {r['p50']:.1f} | "
                f"{r['p50'] / base['p50']:.2f} | | | |"
            )
    for name, seconds in seed_timings.items():
        print(f"| {name} | {baseline['seed'].get(name, 0):.1f} s | {seconds:.1f} s | | | | |")
    if problems:
        print("\nSlower at this size:\n  " + "\n  ".join(problems))
    return problems


def main():
    started = time.monotonic()
    env = environment()
    detail_id, seed_timings = seed(env)
    pages = targets(detail_id)
    print(f"\nServing on 127.0.0.1:{PORT}, {SECONDS:g} s of load per page…")
    floor = measure_floor(env)
    results, edited = measure(env, pages, detail_id)
    admin_results = admin(env)
    problems = report(floor, results, edited, pages, admin_results)
    problems += compare_with_demo_size(results, admin_results, seed_timings)
    print(
        f"\n{time.monotonic() - started:.0f} s in all; cache: "
        f"{'Redis' if env.get('REDIS_URL') else 'local memory per worker'}; database: "
        f"{env['DATABASE_URL'].split(':')[0]}."
    )
    failures = floor["failures"] + sum(r["failures"] for r in results.values())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
