"""Every piece of interface text has a Spanish translation, committed and compiled.

The check reads the templates and the project's Python code with Django's own template lexer
(`templatize`) and Python's `ast`, and the committed catalogue as plain text, so it runs (and
fails) on a machine that has only Python: no gettext tools needed. It fails when a string marked
for translation is missing from `locale/es/LC_MESSAGES/django.po`, when a translation is empty or
fuzzy, when a translation drops or invents a placeholder, or when `django.mo` was not recompiled.

To fix a failure:

    .venv/bin/python manage.py makemessages -l es --no-obsolete --no-location
    (translate the new or fuzzy entries in locale/es/LC_MESSAGES/django.po)
    .venv/bin/python manage.py compilemessages -l es
"""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.translation.template import templatize

PROJECT_APPS = [
    "cms",
    "home",
    "locations",
    "editorial",
    "treatments",
    "articles",
    "appointments",
    "notices",
    "insights",
    "seo",
    "search",
]
LANGUAGE = "es"
CATALOGUE = Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")

# name: (has a context argument, has a plural argument)
GETTEXT_FUNCTIONS = {
    "_": (False, False),
    "gettext": (False, False),
    "gettext_lazy": (False, False),
    "gettext_noop": (False, False),
    "pgettext": (True, False),
    "pgettext_lazy": (True, False),
    "ngettext": (False, True),
    "ngettext_lazy": (False, True),
    "npgettext": (True, True),
    "npgettext_lazy": (True, True),
}
CALL = re.compile(r"(?<![\w.])(" + "|".join(GETTEXT_FUNCTIONS) + r")\(")
STRING = re.compile(r"""\s*(u?(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"))""")
SEPARATOR = re.compile(r"\s*([,)])")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w*)\}")


# ---------------------------------------------------------------------------------------------
# What the code asks to be translated
# ---------------------------------------------------------------------------------------------
def _leading_string_args(text, pos):
    """The string-literal arguments at the start of a call's argument list (adjacent literals
    joined), stopping at the first argument that is not a literal."""
    args, current = [], None
    while True:
        literal = STRING.match(text, pos)
        if literal:
            current = (current or "") + ast.literal_eval(literal.group(1))
            pos = literal.end()
            continue
        if current is not None:
            args.append(current)
            current = None
        separator = SEPARATOR.match(text, pos)
        if not separator or separator.group(1) == ")":
            return args
        pos = separator.end()


def _message(name, args):
    """(context, msgid, msgid_plural) from a gettext call's literal arguments, or None."""
    has_context, has_plural = GETTEXT_FUNCTIONS[name]
    needed = 1 + has_context + has_plural
    if len(args) < needed:
        return None
    context = args[0] if has_context else None
    msgid = args[1 if has_context else 0]
    plural = args[needed - 1] if has_plural else None
    return (context, msgid, plural)


def messages_in_template(source, origin="template"):
    """The messages a Django template marks for translation, as `makemessages` would find them."""
    text = templatize(source, origin=origin)
    found = set()
    for call in CALL.finditer(text):
        message = _message(call.group(1), _leading_string_args(text, call.end()))
        if message:
            found.add(message)
    return found


def messages_in_python(source, origin="module"):
    found = set()
    for node in ast.walk(ast.parse(source, filename=origin)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in GETTEXT_FUNCTIONS:
            continue
        args = []
        for arg in node.args:
            if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
                break
            args.append(arg.value)
        message = _message(name, args)
        if message:
            found.add(message)
    return found


def template_files():
    base = Path(settings.BASE_DIR)
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    folders += [base / app / "templates" for app in PROJECT_APPS]
    return sorted(path for folder in folders if folder.is_dir() for path in folder.rglob("*.html"))


def python_files():
    base = Path(settings.BASE_DIR)
    return sorted(
        path
        for app in PROJECT_APPS
        for path in (base / app).rglob("*.py")
        if "migrations" not in path.parts
    )


def messages_in_project():
    """{(context, msgid, msgid_plural): first file that uses it} for the whole project."""
    found = {}
    for path in template_files():
        for message in messages_in_template(path.read_text(encoding="utf-8"), str(path)):
            found.setdefault(message, path)
    for path in python_files():
        for message in messages_in_python(path.read_text(encoding="utf-8"), str(path)):
            found.setdefault(message, path)
    return found


# ---------------------------------------------------------------------------------------------
# What the catalogue says
# ---------------------------------------------------------------------------------------------
def read_po(text):
    """The entries of a .po file as dicts (msgctxt, msgid, msgid_plural, msgstr: list, fuzzy),
    the header and obsolete (#~) entries left out. Enough of the format for files written by
    `makemessages`; no gettext tools needed."""
    entries, entry, key = [], None, None

    def finish():
        if entry and "msgid" in entry and entry["msgid"]:
            entries.append(entry)

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if entry and entry.get("msgstr"):
                finish()
                entry, key = None, None
            entry = entry or {"fuzzy": False, "msgstr": []}
            if line.startswith("#,") and "fuzzy" in line:
                entry["fuzzy"] = True
            continue
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if key == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[key] += value
            continue
        keyword, _, literal = line.partition(" ")
        value = ast.literal_eval(literal)
        if keyword in ("msgctxt", "msgid") and entry and entry.get("msgstr"):
            finish()
            entry = None
        entry = entry or {"fuzzy": False, "msgstr": []}
        if keyword.startswith("msgstr"):
            entry["msgstr"].append(value)
            key = "msgstr"
        else:
            entry[keyword] = value
            key = keyword
    finish()
    return entries


def catalogue_problems(used, entries):
    """What is wrong with a catalogue for the messages `used` ({message: where}), as sentences."""
    problems = []
    by_key = {(entry.get("msgctxt"), entry["msgid"]): entry for entry in entries}
    for (context, msgid, plural), where in sorted(used.items(), key=lambda item: str(item[0])):
        if (context, msgid) not in by_key:
            problems.append(f"not in the catalogue: {msgid!r} (used in {where})")
        elif plural and not by_key[(context, msgid)].get("msgid_plural"):
            problems.append(f"no plural forms in the catalogue: {msgid!r}")
    for entry in entries:
        msgid = entry["msgid"]
        if entry["fuzzy"]:
            problems.append(f"fuzzy, needs checking: {msgid!r}")
        if not entry["msgstr"] or not all(entry["msgstr"]):
            problems.append(f"not translated: {msgid!r}")
            continue
        wanted = set(PLACEHOLDER.findall(msgid + entry.get("msgid_plural", "")))
        for translation in entry["msgstr"]:
            if set(PLACEHOLDER.findall(translation)) - wanted:
                problems.append(f"placeholders that the original lacks: {translation!r}")
        if set(PLACEHOLDER.findall(entry["msgstr"][0])) != set(PLACEHOLDER.findall(msgid)):
            problems.append(f"placeholders differ from the original: {entry['msgstr'][0]!r}")
    return problems


# ---------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------
def test_the_spanish_catalogue_translates_every_interface_string():
    used = messages_in_project()
    assert len(used) >= 60, "the scan should find the templates' interface strings"
    problems = catalogue_problems(used, read_po(CATALOGUE.read_text(encoding="utf-8")))
    assert not problems, "Spanish interface translations:\n" + "\n".join(problems)


def test_the_compiled_catalogue_matches_the_translations():
    """`django.mo` is what the site reads: it must hold exactly what `django.po` says."""
    assert COMPILED.is_file(), f"{COMPILED} is missing: run compilemessages"
    with COMPILED.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for entry in read_po(CATALOGUE.read_text(encoding="utf-8")):
        msgid, context = entry["msgid"], entry.get("msgctxt")
        if entry.get("msgid_plural"):
            plural = entry["msgid_plural"]
            got = (
                compiled.npgettext(context, msgid, plural, 1)
                if context
                else compiled.ngettext(msgid, plural, 1)
            )
        else:
            got = compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)
        assert got == entry["msgstr"][0], f"django.mo is out of date for {msgid!r}"


def test_the_check_catches_a_missing_a_fuzzy_and_a_broken_translation():
    """Guards the checks above: each kind of mistake is reported."""
    used = messages_in_template(
        '{% load i18n %}<p>{% translate "Brand-new words" %}</p>'
        "{% blocktranslate with name=page.title %}Hello {{ name }}{% endblocktranslate %}"
        '<h2>{{ heading|default:_("Fallback heading") }}</h2>'
    )
    assert used == {
        (None, "Brand-new words", None),
        (None, "Hello %(name)s", None),
        (None, "Fallback heading", None),
    }
    catalogue = read_po(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#, fuzzy\nmsgid "Hello %(name)s"\nmsgstr "Hola %(nombre)s"\n\n'
        'msgid "Fallback heading"\nmsgstr ""\n'
    )
    problems = "\n".join(catalogue_problems(dict.fromkeys(used, "test"), catalogue))
    assert "not in the catalogue: 'Brand-new words'" in problems
    assert "fuzzy, needs checking: 'Hello %(name)s'" in problems
    assert "placeholders that the original lacks: 'Hola %(nombre)s'" in problems
    assert "not translated: 'Fallback heading'" in problems


def test_python_strings_shown_to_visitors_are_found():
    found = messages_in_python(
        "from django.utils.translation import gettext_lazy, pgettext_lazy\n"
        'A = gettext_lazy("Off-label")\n'
        'B = pgettext_lazy("month", "May")\n'
        "C = gettext_lazy(variable)\n"
    )
    assert found == {(None, "Off-label", None), ("month", "May", None)}


@pytest.mark.parametrize("path", template_files(), ids=lambda path: path.name)
def test_templates_have_no_unmarked_words_in_headings_buttons_and_labels(path):
    """Literal words between tags in a template are interface text that would stay in English.
    Everything a visitor reads comes from a translation tag, a page or a snippet."""
    if path.name in ("500.html", "503.html"):
        return  # rendered without the database or a request: written in both languages
    source = path.read_text(encoding="utf-8")
    stripped = re.sub(
        r"{%\s*(blocktranslate|blocktrans|comment)\b.*?{%\s*end\1\s*%}", " ", source, flags=re.S
    )
    # CSS class names given to the page's body are not words visitors read.
    stripped = re.sub(r"{%\s*block body_class\s*%}.*?{%\s*endblock", " ", stripped, flags=re.S)
    attributes = re.findall(r'\b(?:alt|title|placeholder|aria-label)="([^"]*)"', stripped)
    stripped = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}|&\w+;", " ", stripped, flags=re.S)
    stripped = re.sub(r"<(script|style)\b.*?</\1>", " ", stripped, flags=re.S)
    stripped = re.sub(r"<[^>]*>", " ", stripped)
    words = re.findall(r"[A-Za-z]{2,}", stripped)
    words += [value for value in attributes if "{" not in value and re.search("[A-Za-z]", value)]
    assert not words, f"{path.name} has words outside translation tags: {words}"
