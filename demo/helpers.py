"""Small tools every demo builder uses: reporting progress to the management command, finding
pages by slug, creating a page only once, and loading the committed demo images.

A builder is called as `builder(command)`. The command collects what was created in
`command.demo_created`; builders also work with any object that has `stdout` and `stderr`.
"""

import re
from pathlib import Path

from django.core.files.images import ImageFile
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from demo.content import load, source_language
from home.models import ClinicImage, HomePage

IMAGES_DIR = Path(__file__).resolve().parent / "images"


# ---------------------------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------------------------
def report_created(command, kind, label):
    """Record and print that the builder created something."""
    created = getattr(command, "demo_created", None)
    if created is not None:
        created.append((kind, label))
    if command is not None and getattr(command, "verbosity", 1) >= 1:
        command.stdout.write(f"  created {kind}: {label}")


def report_existing(command, kind, label):
    """Print, at higher verbosity only, that something was already there and was left alone."""
    if command is not None and getattr(command, "verbosity", 1) >= 2:
        command.stdout.write(f"  exists  {kind}: {label}")


def warn(command, message):
    if command is None:
        return
    style = getattr(command, "style", None)
    command.stderr.write(style.WARNING(message) if style else message)


def heading(command, text):
    if command is not None and getattr(command, "verbosity", 1) >= 1:
        command.stdout.write(text)


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------
def demo_locale():
    """The locale the demo pages are built in (their translations come after)."""
    return Locale.objects.get(language_code=source_language())


def get_home_page():
    """The home page in the demo's first language, or None before the site builder has run."""
    return HomePage.objects.filter(locale__language_code=source_language()).order_by("path").first()


def require_home_page():
    home = get_home_page()
    if home is None:
        raise LookupError("The home page does not exist yet: run demo.builders.site.build first.")
    return home


def find_child(parent, slug):
    """The page with `slug` directly under `parent`, as its specific type, or None."""
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def find_page(*slugs):
    """Follow slugs down from the home page: `find_page("locations", "stamford")`.

    Raises LookupError naming the missing page, so a builder run out of order says what it needs.
    """
    page = require_home_page()
    for depth, slug in enumerate(slugs, start=1):
        page = find_child(page, slug)
        if page is None:
            raise LookupError(f"No demo page at /{'/'.join(slugs[:depth])}/.")
    return page


def find_path(path):
    """The page at `path` below the home page ("conditions/chronic-migraine"), or None."""
    try:
        return find_page(*path.strip("/").split("/"))
    except LookupError:
        return None


def display_path(page):
    """The page's path as visitors see it: "/locations/stamford/" rather than the tree path."""
    parts = page.url_path.strip("/").split("/")[1:]
    return "/" + "".join(f"{part}/" for part in parts)


def create_page(parent, model, rows=None, **fields):
    """Add a `model` page under `parent` with `fields` and its inline rows, then publish a
    revision, so the page has a history, `first_published_at` and `last_published_at` like one
    made in the admin. `rows` maps an inline relation's name (`"location_links"`) to its rows,
    each a dict of fields, in order."""
    page = model(**fields)
    for relation, items in (rows or {}).items():
        row_model = getattr(page, relation).model
        setattr(
            page, relation, [row_model(sort_order=order, **row) for order, row in enumerate(items)]
        )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_page(command, parent, model, slug, rows=None, **fields):
    """Create the page under `parent` (see `create_page`), unless a page with `slug` is already
    there. Returns `(page, created)`; an existing page is returned as it is, never changed."""
    existing = find_child(parent, slug)
    if existing is not None:
        report_existing(command, "page", display_path(existing))
        return existing, False
    page = create_page(parent, model, rows=rows, slug=slug, **fields)
    report_created(command, "page", f"{page.title} ({display_path(page)})")
    return page, True


PAGE_LINK = re.compile(r'<a linktype="page" slug="([a-z0-9/-]+)">(.*?)</a>', re.S)


def link_pages(html):
    """Turn `<a linktype="page" slug="conditions/chronic-migraine">` in demo copy into Wagtail's
    stored form `<a linktype="page" id="…">`. A link to a page that does not exist (yet) is
    dropped and its text kept."""

    def replace(match):
        page = find_path(match.group(1))
        if page is None:
            return match.group(2)
        return f'<a linktype="page" id="{page.pk}">{match.group(2)}</a>'

    return PAGE_LINK.sub(replace, html)


def resolve_stream(blocks, images):
    """Demo copy for a StreamField, as `(block_type, value)` pairs, made ready to store.

    In struct values an `"image"` given as a file name becomes the ClinicImage and a `"page"` given
    as a path becomes the page; a block whose image or page is missing is left out. Page links in
    rich text are resolved with `link_pages`."""
    resolved = []
    for block_type, value in blocks:
        if isinstance(value, str):
            value = link_pages(value)
        elif isinstance(value, dict):
            value = {
                key: link_pages(item) if isinstance(item, str) and "<a " in item else item
                for key, item in value.items()
            }
            if isinstance(value.get("image"), str):
                value["image"] = images[value["image"]]
                if value["image"] is None:
                    continue
            if isinstance(value.get("page"), str):
                value["page"] = find_path(value["page"])
                if value["page"] is None:
                    continue
        resolved.append((block_type, value))
    return resolved


# ---------------------------------------------------------------------------------------------
# Images
# ---------------------------------------------------------------------------------------------
def image_index():
    """`demo/content/images.toml`: file name → {"title", "alt_text", "alt_text_es", "credit"}."""
    return {image["file"]: image for image in load("images")["images"]}


def default_image_title(filename):
    return Path(filename).stem.replace("-", " ").replace("_", " ").capitalize()


def get_image(filename, command=None, index=None):
    """The ClinicImage for a committed demo image, created from `demo/images/<filename>` the
    first time. Returns None, with a warning, when the file is not in the repository."""
    meta = (image_index() if index is None else index).get(filename, {})
    title = meta.get("title") or default_image_title(filename)
    image = ClinicImage.objects.filter(title=title).order_by("pk").first()
    if image is not None:
        report_existing(command, "image", title)
        return image
    path = IMAGES_DIR / filename
    if not path.is_file():
        warn(command, f"  skipped image {filename}: demo/images/{filename} is missing.")
        return None
    if not meta.get("alt_text"):
        warn(command, f"  image {filename} has no alt text in demo/content/images.toml.")
    with path.open("rb") as fh:
        file_hash = hash_filelike(fh)
        fh.seek(0)
        image = ClinicImage(
            title=title,
            alt_text=meta.get("alt_text", ""),
            alt_text_es=meta.get("alt_text_es", ""),
            credit=meta.get("credit", ""),
            file=ImageFile(fh, name=filename),
            file_size=path.stat().st_size,
            file_hash=file_hash,
        )
        image.save()
    report_created(command, "image", title)
    return image


class Images:
    """Demo images by file name, loaded on first use: `images["stamford.jpg"]` (None if absent)."""

    def __init__(self, command=None):
        self.command = command
        self.loaded = {}
        self.index = image_index()

    def __getitem__(self, filename):
        if filename not in self.loaded:
            self.loaded[filename] = get_image(filename, self.command, self.index)
        return self.loaded[filename]
