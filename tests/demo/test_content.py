"""The demo copy as data files: how they are read, and what loading them needs."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Page

from demo.content import fold

DEVELOPMENT_PACKAGES = ["factory", "wagtail_factories", "pytest", "pytest_django", "schemathesis"]


def test_line_breaks_in_the_copy_files_are_only_for_reading():
    text = """
    <p>Migraine is a neurological
    condition.</p>
    <h2>Episodic and chronic migraine</h2>
    <p>Call or text <b>988</b>
    (Suicide &amp; Crisis Lifeline).</p>
    """
    assert fold(text) == (
        "<p>Migraine is a neurological condition.</p><h2>Episodic and chronic migraine</h2>"
        "<p>Call or text <b>988</b> (Suicide &amp; Crisis Lifeline).</p>"
    )


@pytest.mark.django_db
def test_no_line_break_of_the_copy_files_reaches_a_page():
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.filter(locale__language_code="es").exists()
    for page in pages:
        content = json.dumps(page.get_latest_revision().content)
        assert "\\n" not in content, page.url_path


def test_the_demo_content_needs_no_development_package():
    """`load_demo_content` and its builders import only what a production install has."""
    blocked = "".join(f"sys.modules[{name!r}] = None\n" for name in DEVELOPMENT_PACKAGES)
    code = (
        "import sys\n"
        f"{blocked}"
        "import django\n"
        "django.setup()\n"
        "from django.core.management import load_command_class\n"
        "load_command_class('demo', 'load_demo_content')\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
