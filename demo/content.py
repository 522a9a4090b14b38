"""The demo copy, read from the TOML files in `demo/content/` (how they are written: its README)."""

import tomllib
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def fold(text):
    """Join the lines of a long string as the README says: directly between a tag that ends a
    line and a tag that starts the next, with one space otherwise."""
    joined = ""
    for line in filter(None, (line.strip() for line in text.split("\n"))):
        if not joined:
            joined = line
        elif joined.endswith(">") and line.startswith("<"):
            joined += line
        else:
            joined += " " + line
    return joined


def unfold(value):
    """`value` with every string that spans several lines folded back into one."""
    if isinstance(value, str):
        return fold(value) if "\n" in value else value
    if isinstance(value, list):
        return [unfold(item) for item in value]
    if isinstance(value, dict):
        return {key: unfold(item) for key, item in value.items()}
    return value


def load(name):
    """The contents of `demo/content/<name>.toml`, long strings folded."""
    with (CONTENT_DIR / f"{name}.toml").open("rb") as fh:
        return unfold(tomllib.load(fh))


def languages():
    """The demo's languages: the first builds the pages, each other one translates them."""
    return load("site")["languages"]


def source_language():
    return languages()[0]


def translation_languages():
    return languages()[1:]


def stream(blocks):
    """A body's blocks as StreamField data: `(type, value)` pairs, a struct's fields as a dict."""
    pairs = []
    for block in blocks:
        fields = {key: item for key, item in block.items() if key != "type"}
        pairs.append((block["type"], fields["value"] if set(fields) == {"value"} else fields))
    return pairs


def faqs(items):
    """Questions and answers as the `faqs` StreamField's blocks."""
    return [("faq", {"question": item["question"], "answer": item["answer"]}) for item in items]


def references(keys):
    """The references of `references.toml` with these keys, as the `references` StreamField's
    blocks (a reference without a date has none)."""
    known = load("references")
    return [
        (
            "reference",
            {
                "title": known[key]["title"],
                "publisher": known[key]["publisher"],
                "date": known[key].get("date"),
                "url": known[key]["url"],
            },
        )
        for key in keys
    ]


def page_path(path):
    """A page path as the builders' `find_page` takes it: "physicians/peter-mcallister"."""
    return tuple(path.strip("/").split("/"))
