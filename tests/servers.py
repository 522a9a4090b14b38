"""Real servers for the fault tests and the load test across faults: a PostgreSQL cluster and a
Redis of their own on spare loopback ports (never the machine's shared ones on 5432 and 6379),
the demo site served from them by gunicorn with the production settings, and a client that keeps
requesting pages and API calls and records every answer with its time.

Used by tests/test_fault_recovery.py and bench/faults.py.

    with DemoStack() as stack:
        stack.postgres.stop(); ...; stack.postgres.start()
        stack.redis.flushall()
        stack.site.request("/")
"""

import contextlib
import glob
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import redis

PROJECT = Path(__file__).resolve().parent.parent
PY = sys.executable
# The TLS proxy's header: the site answers as it does behind it, with no HTTPS redirect.
HEADERS = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
PHONE = "(203) 555-0142"  # the clinic's number, on the 503 page (FALLBACK_PHONE)
API_503 = {"message": "Temporarily unavailable."}
# What the client asks for, in turn: pages in both languages, the search page and the API. A
# query string of its own makes a request miss the page cache and so reach the database.
PATHS = [
    "/",
    "/conditions/",
    "/conditions/chronic-migraine/",
    "/locations/stamford/",
    "/about/",
    "/es/",
    "/search/?q=migraine",
    "/api/v2/pages/?fields=title&limit=20",
    "/api/v2/pages/?type=treatments.ConditionPage&fields=listing_summary",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_bin():
    """The folder of the newest installed PostgreSQL's server programs, or None."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]) if Path(path).parts[-3].isdigit() else 0,
    )
    return Path(found[-1]).parent if found else None


def missing_programs():
    """Why the servers cannot be started here, or None."""
    if postgres_bin() is None:
        return "PostgreSQL's server programs (/usr/lib/postgresql/*/bin/initdb) are not installed"
    if not shutil.which("redis-server"):
        return "redis-server is not installed"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser: initdb refuses root"
    return None


def wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.1)
    raise RuntimeError(f"{what} within {seconds} s")


class PostgreSQL:
    """A cluster in `folder` on a spare port, trust authentication, run as the `postgres` user
    when this process is root (initdb refuses root)."""

    def __init__(self, folder):
        self.bin = postgres_bin()
        self.folder = Path(folder) / "postgres"
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/clinic"

    def _run(self, *args, check=True):
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(
            command, check=check, capture_output=True, text=True, timeout=120, cwd="/"
        )

    def create(self):
        self.folder.mkdir(parents=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            # The temporary folders above are root's: postgres must reach its own.
            for parent in self.folder.parents:
                if parent == Path(tempfile.gettempdir()):
                    break
                parent.chmod(parent.stat().st_mode | 0o711)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "clinic")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode="fast"):
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def running(self):
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def sql(self, statement):
        """Runs one statement with psql; returns its output (unaligned, no headers)."""
        return self._run(
            "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", "clinic",
            "-At", "-c", statement,
        ).stdout.strip()  # fmt: skip

    def close(self):
        if self.data.exists() and self.running():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)


class Redis:
    """A Redis on a spare port that keeps nothing on disk."""

    def __init__(self, folder):
        self.folder = Path(folder) / "redis"
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.folder.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [
                "redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(self.client().ping, 20, "Redis did not answer")
        return self

    def client(self):
        return redis.Redis(port=self.port, socket_connect_timeout=1, socket_timeout=2)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def flushall(self):
        self.client().flushall()

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=20)


class Site:
    """The demo site, migrated and loaded into `database_url`, served by gunicorn with
    `cms.settings.production` and the cache in `redis_url`."""

    def __init__(self, folder, database_url, redis_url, workers=3, settings=None):
        self.settings = settings or "cms.settings.production"
        self.folder = Path(folder) / "site"
        self.database_url = database_url
        self.redis_url = redis_url
        self.workers = workers
        self.port = free_port()
        self.process = None
        self.log = None

    def environment(self):
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        env.update(
            DJANGO_SETTINGS_MODULE=self.settings,
            SECRET_KEY="fault-tests-not-secret",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            STATIC_ROOT=str(self.folder / "static"),
            MEDIA_ROOT=str(self.folder / "media"),
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            ADMIN_REQUIRE_2FA="false",
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{self.port}",
            WAGTAILAPI_BASE_URL=f"http://127.0.0.1:{self.port}",
            API_RATE_LIMIT_ANONYMOUS="1000000000",
            APPOINTMENT_RATE_LIMIT="1000",
            PAGE_CACHE_SECONDS="300",
            LOG_LEVEL="CRITICAL",
            WEB_CONCURRENCY=str(self.workers),
            GUNICORN_MAX_REQUESTS="0",  # no worker is replaced but the ones the faults kill
            PYTHONPATH=os.pathsep.join(filter(None, [str(PROJECT), os.environ.get("PYTHONPATH")])),
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args, capture=False):
        result = subprocess.run(
            [PY, "manage.py", *args],
            cwd=PROJECT,
            env=self.environment(),
            check=True,
            capture_output=True,
            text=True,
            timeout=600,
        )
        return result.stdout if capture else None

    def shell(self, code):
        """Runs Python with the site's own settings (`manage.py shell -c`); returns its output."""
        return self.manage("shell", "-c", code, capture=True).strip()

    def prepare(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        self.manage("migrate", "--no-input", "-v", "0")
        self.manage("load_demo_content", "-v", "0")
        self.manage("collectstatic", "--no-input", "-v", "0")
        return self

    def start(self):
        self.log = open(self.folder / "gunicorn.log", "ab")  # noqa: SIM115 (closed in close())
        self.process = subprocess.Popen(
            [
                PY, "-m", "gunicorn", "cms.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                "--no-control-socket",
            ],
            cwd=PROJECT,
            env=self.environment(),
            stdout=self.log,
            stderr=self.log,
        )  # fmt: skip
        wait_for(lambda: self.request("/healthz")[0] == 200, 60, "gunicorn did not start")
        wait_for(lambda: len(self.worker_pids()) == self.workers, 30, "workers did not start")
        for path in PATHS:  # renditions made, fragments cached
            self.request(path)
        return self

    def worker_pids(self):
        """The master's children: its workers."""
        pid = self.process.pid
        with open(f"/proc/{pid}/task/{pid}/children") as children:
            return sorted(int(child) for child in children.read().split())

    def request(self, path, method="GET", body=None, headers=None, timeout=30):
        """(status, headers, body text)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers={**HEADERS, **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        if self.log:
            self.log.close()


class DemoStack:
    """PostgreSQL, Redis and the site, started in a temporary folder, all stopped and the folder
    removed on leaving, whatever happened."""

    def __init__(self, workers=3, settings=None):
        self.workers = workers
        self.settings = settings

    def __enter__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="clinic-faults-"))
        self.postgres = self.redis = self.site = None
        try:
            self.postgres = PostgreSQL(self.folder).create()
            self.redis = Redis(self.folder).start()
            self.site = Site(
                self.folder, self.postgres.url, self.redis.url, self.workers, self.settings
            )
            self.site.prepare().start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        for server in (self.site, self.redis, self.postgres):
            if server is not None:
                with contextlib.suppress(Exception):
                    server.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def kill_worker(self, pid):
        os.kill(pid, signal.SIGKILL)


def classify(path, status, body):
    """What a visitor got: "ok", "503" (the styled page, or JSON for the API), "bad 503" (a 503
    without the page or the JSON), "5xx" (any other server error) or "other" (4xx, 3xx)."""
    if status == 200:
        return "ok"
    if status == 503:
        if path.startswith("/api/"):
            try:
                return "503" if json.loads(body) == API_503 else "bad 503"
            except ValueError:
                return "bad 503"
        styled = PHONE in body and "briefly unavailable" in body and "Traceback" not in body
        return "503" if styled else "bad 503"
    if status >= 500:
        return "5xx"
    return "other"


class Load:
    """`threads` clients requesting PATHS in turn until stopped; every answer is recorded as
    (time it came, path, status, kind), a failed connection as status 0, kind "error".

    `bust` adds a query string of its own to every other page request, so those miss the page
    cache and reach the database."""

    def __init__(self, site, threads=12, paths=PATHS, bust=True):
        self.site, self.threads, self.paths, self.bust = site, threads, paths, bust
        self.records = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.workers = []

    def _client(self, offset):
        n = offset
        while not self.stopping.is_set():
            path = self.paths[n % len(self.paths)]
            if self.bust and n % 2 and not path.startswith("/api/") and "?" not in path:
                path = f"{path}?n={n}"
            n += len(self.paths) + 1
            try:
                status, _, body = self.site.request(path, timeout=30)
                kind = classify(path, status, body)
            except OSError:
                status, kind = 0, "error"
                time.sleep(0.05)
            with self.lock:
                self.records.append((time.monotonic(), path, status, kind))

    def __enter__(self):
        for offset in range(self.threads):
            thread = threading.Thread(target=self._client, args=(offset,), daemon=True)
            thread.start()
            self.workers.append(thread)
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.workers:
            thread.join(timeout=60)

    def between(self, start, end=None):
        with self.lock:
            return [r for r in self.records if r[0] >= start and (end is None or r[0] <= end)]

    def count(self, start=None, end=None):
        """{kind: number} of the answers between two times."""
        counts = {}
        for record in self.between(start or 0, end):
            counts[record[3]] = counts.get(record[3], 0) + 1
        return counts

    def recovered_at(self, since):
        """The time of the last answer after `since` that was not a 200 (`since` if none)."""
        bad = [r[0] for r in self.between(since) if r[3] != "ok"]
        return max(bad) if bad else since


def form_started(site, seconds_ago=30):
    """A signed start time for the appointment form, `seconds_ago` seconds ago (the form
    refuses posts quicker than a person), signed with the site's own key."""
    return site.shell(
        "import time; from appointments.forms import form_timestamp;"
        f"print(form_timestamp(time.time() - {seconds_ago}))"
    ).splitlines()[-1]


def appointment_form(site, name, started):
    """The body and headers of a valid appointment request posted to the demo's form page: the
    form's CSRF token and cookie from a GET, `started` from `form_started`, the honeypot left
    empty."""
    import re
    import urllib.parse

    path = "/request-an-appointment/"
    status, headers, html = site.request(path)
    assert status == 200, f"{path} answered {status}"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    cookie = "; ".join(
        value.split(";")[0]
        for key, value in headers.items()
        if key.lower() == "set-cookie" and value.startswith("csrftoken")
    )
    office = re.search(r'name="office" value="(\d+)"', html).group(1)
    fields = {
        "csrfmiddlewaretoken": token,
        "name": name,
        "phone": "(203) 555-0188",
        "email": "",
        "preferred_contact_method": "phone",
        "preferred_time": "morning",
        "office": office,
        "topic": "",
        "consent": "on",
        "website": "",
        "started": started,
    }
    headers = {
        "Cookie": cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        "Origin": "https://127.0.0.1",
        "Referer": "https://127.0.0.1" + path,
    }
    return path, urllib.parse.urlencode(fields), headers


def publish(site, slug, title):
    """Publishes a new title for the English page `slug` as an editor does (a revision, then
    publish), with the site's own settings; returns the page's path."""
    return site.shell(
        "from wagtail.models import Page\n"
        f"page = Page.objects.get(slug={slug!r}, locale__language_code='en').specific\n"
        f"page.title = {title!r}\n"
        "page.save_revision().publish()\n"
        "print(page.url)"
    ).splitlines()[-1]


def worker_of_database_client(site, client_port):
    """The gunicorn worker whose connection to the database leaves from `client_port` (as
    `pg_stat_activity.client_port` shows it), or None."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table) as lines:
            for line in list(lines)[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == client_port:
                    inodes.add(f"socket:[{fields[9]}]")
    for pid in site.worker_pids():
        with contextlib.suppress(OSError):
            for fd in os.listdir(f"/proc/{pid}/fd"):
                with contextlib.suppress(OSError):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") in inodes:
                        return pid
    return None
