"""The demo site served on loopback the way production serves it, for the browser tools.

A fresh SQLite database in a temporary folder gets the migrations and the demo content; static
files are collected (hashed and compressed); gunicorn serves `cms.settings.production` with
`DEBUG` off, WhiteNoise and the Content-Security-Policy, on a free loopback port. Only the HTTPS
redirect and secure cookies are off, because the site is reached over plain HTTP on 127.0.0.1.

Used by the browser tests (tests/browser/conftest.py), `make lighthouse` and `make screenshots`.
"""

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

# Debian's Chromium, started the way the browser tests, Lighthouse and the screenshots need it.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = {"phone": PHONE, "desktop": DESKTOP}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DemoSite:
    """Context manager: `with DemoSite() as site: site.url("/")`."""

    def __init__(self, workers=2, log=None, folder=None, with_admin=False):
        self.workers = workers
        self.log = log
        # A folder to keep between runs (BROWSER_SITE_FOLDER): prepared once, then reused. A
        # site whose content the tests change (with_admin) is always made afresh.
        self.keep = None if with_admin else folder or os.environ.get("BROWSER_SITE_FOLDER")
        # The demo's login for each editorial role ("clinic-demo-<username>").
        self.with_admin = with_admin
        self.folder = None
        self.process = None
        self.port = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return self.base_url + path

    def environment(self):
        env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
        env.update(
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY="local-browser-run-not-secret",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            DATABASE_URL=f"sqlite:///{self.folder}/site.sqlite3",
            MEDIA_ROOT=str(self.folder / "media"),
            STATIC_ROOT=str(self.folder / "static"),
            SECURE_SSL_REDIRECT="false",
            SECURE_HSTS_SECONDS="0",
            ADMIN_REQUIRE_2FA="false",
            WAGTAILADMIN_BASE_URL=self.base_url,
            WAGTAILAPI_BASE_URL=self.base_url,
            LOG_LEVEL="WARNING",
            APPOINTMENT_RATE_LIMIT="1000",  # the browser tests post the form many times
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=PROJECT,
            env=self.environment(),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def __enter__(self):
        if self.keep:
            self.folder = Path(self.keep).resolve()
            self.folder.mkdir(parents=True, exist_ok=True)
        else:
            self.folder = Path(tempfile.mkdtemp(prefix="clinic-browser-"))
        self.port = free_port()
        try:
            ready = self.folder / "ready"
            if not ready.exists():
                self.manage("migrate", "--no-input")
                self.manage("load_demo_content", *(["--with-admin"] if self.with_admin else []))
            self.manage("collectstatic", "--no-input")
            ready.touch()
            self.process = subprocess.Popen(
                [
                    sys.executable, "-m", "gunicorn", "tests.browser.wsgi:application",
                    "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                    "--no-control-socket", "--log-level", "info" if self.log else "warning",
                    "--access-logfile", "-" if self.log else "/dev/null",
                ],
                cwd=PROJECT,
                env=self.environment(),
                stdout=self.log or subprocess.DEVNULL,
                stderr=self.log or None,
            )  # fmt: skip
            self.wait_until_up()
            self.warm_up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.folder and not self.keep:
            shutil.rmtree(self.folder, ignore_errors=True)

    def wait_until_up(self, seconds=60):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited while starting")
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=20):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.2)
        raise RuntimeError(f"the site did not answer on {self.base_url} within {seconds} s")

    def page_urls(self):
        """Every live page's path, with its type and language, read from the database."""
        script = (
            "import json, django; django.setup()\n"
            "from wagtail.models import Page\n"
            "pages = Page.objects.live().public().filter(depth__gt=1).specific()"
            ".select_related('locale')\n"
            "print(json.dumps([{'path': p.url, 'type': p._meta.model_name, "
            "'language': p.locale.language_code} for p in pages]))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=PROJECT,
            env=self.environment(),
            check=True,
            capture_output=True,
            text=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])

    def paths(self, page_type, language):
        """The paths of the live pages of a type (a model name) in a language."""
        paths = [
            p["path"] for p in self.pages if p["type"] == page_type and p["language"] == language
        ]
        assert paths, f"the demo site has no {page_type} in {language}"
        return paths

    def warm_up(self):
        """Request every page once, so image renditions exist before a browser asks for them."""
        self.pages = self.page_urls()
        for page in self.pages:
            with urllib.request.urlopen(self.url(page["path"]), timeout=60) as response:
                response.read()


if __name__ == "__main__":
    with DemoSite(log=sys.stderr) as site:
        print(f"Serving the demo site on {site.base_url} (Ctrl-C stops it)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            site.process.wait()
