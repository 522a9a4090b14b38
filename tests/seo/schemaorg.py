"""Checks structured data against the schema.org vocabulary itself.

The vocabulary is `tests/data/schemaorg-vocabulary.json`, extracted from a stated schema.org
release (see `tests/data/make_schemaorg_vocabulary.py`). A property is accepted on a node when one
of the property's domains is one of the node's types or an ancestor of one of them; a value when
it fits one of the property's ranges the same way (a typed node, a reference, an enumeration
member, or a literal of a data type the range allows).
"""

import datetime
import json
import re
from functools import cache
from pathlib import Path

VOCABULARY = json.loads(
    (Path(__file__).parent.parent / "data" / "schemaorg-vocabulary.json").read_text("utf-8")
)
CLASSES = VOCABULARY["classes"]
PROPERTIES = VOCABULARY["properties"]
MEMBERS = VOCABULARY["enumeration_members"]
SCHEMA = "https://schema.org/"
TEXT_TYPES = {"Text", "URL"}
NUMBER_TYPES = {"Number", "Integer", "Float"}


@cache
def lineage(name):
    """`name` and every class it inherits from."""
    found, queue = set(), [name]
    while queue:
        current = queue.pop()
        if current in found or current not in CLASSES:
            continue
        found.add(current)
        queue.extend(CLASSES[current]["parents"])
    return frozenset(found)


def types_of(node):
    value = node.get("@type")
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def problems(data):
    """Every way `data` (a JSON-LD document) strays from the vocabulary, as readable lines."""
    found = []
    if data.get("@context") != "https://schema.org":
        found.append(f"@context is {data.get('@context')!r}, not https://schema.org")
    for node in data.get("@graph", [data]):
        _check_node(node, node.get("@type", "?"), found)
    return found


def _check_node(node, where, found):
    types = types_of(node)
    if not types:
        if set(node) - {"@id"}:
            found.append(f"{where}: a node without @type")
        return
    allowed = set()
    for name in types:
        if name not in CLASSES:
            found.append(f"{where}: {name} is not a schema.org type")
        elif "superseded_by" in CLASSES[name]:
            found.append(f"{where}: {name} is superseded by {CLASSES[name]['superseded_by']}")
        allowed |= lineage(name)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = PROPERTIES.get(key)
        if prop is None:
            found.append(f"{where}.{key}: not a schema.org property")
            continue
        if "superseded_by" in prop:
            found.append(f"{where}.{key}: superseded by {prop['superseded_by']}")
        if not allowed & set(prop["domains"]):
            found.append(f"{where}.{key}: not a property of {'/'.join(types)}")
        for item in value if isinstance(value, list) else [value]:
            _check_value(item, set(prop["ranges"]), f"{where}.{key}", found)


def _fits(type_name, ranges):
    return bool(lineage(type_name) & ranges)


def _check_value(value, ranges, where, found):
    if isinstance(value, dict):
        if set(value) == {"@id"}:
            if ranges <= set(VOCABULARY["datatypes"]) - {"URL"}:
                found.append(f"{where}: a reference where only literals are allowed")
            return
        types = types_of(value)
        if types and not any(_fits(name, ranges) for name in types):
            found.append(f"{where}: a {'/'.join(types)} is not one of {sorted(ranges)}")
        _check_node(value, f"{where}<{'/'.join(types)}>", found)
    elif isinstance(value, bool):
        if "Boolean" not in ranges:
            found.append(f"{where}: a boolean is not one of {sorted(ranges)}")
    elif isinstance(value, int | float):
        if not any(_fits(name, NUMBER_TYPES) for name in ranges):
            found.append(f"{where}: a number is not one of {sorted(ranges)}")
    elif isinstance(value, str):
        if value.startswith(SCHEMA) and value.removeprefix(SCHEMA) in MEMBERS:
            member_types = MEMBERS[value.removeprefix(SCHEMA)]
            if not any(_fits(name, ranges) for name in member_types):
                found.append(f"{where}: {value} is not a member of {sorted(ranges)}")
        elif not _literal_fits(value, ranges):
            found.append(f"{where}: {value[:40]!r} is not one of {sorted(ranges)}")
    else:
        found.append(f"{where}: unexpected value {value!r}")


def _literal_fits(value, ranges):
    if any(lineage(name) & TEXT_TYPES for name in ranges):
        return True
    for parse, name in (
        (datetime.date.fromisoformat, "Date"),
        (datetime.datetime.fromisoformat, "DateTime"),
    ):
        if name in ranges:
            try:
                parse(value)
                return True
            except ValueError:
                pass
    return "Time" in ranges and bool(re.fullmatch(r"\d\d:\d\d(:\d\d)?", value))
