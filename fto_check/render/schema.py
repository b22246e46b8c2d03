"""The profile's JSON Schema as published by `fto-check schema`, for editors' YAML servers.

An editor validates the YAML as it reads it (YAML 1.2's core schema: `2024-06-30` and `yes` are
strings, `true` a boolean, `2020` an integer), before any of fto-check's own validators run. So
the schema must describe what a profile *may be written as*, not the Python types it becomes:

- a boolean fact may be written `true`/`false` or `yes`/`no`/`on`/`off` (as the reader accepts);
- a whole number may be quoted;
- a date is a `YYYY-MM-DD` string (an incident's also `YYYY-MM`, `YYYY`, or a bare year);
- a fact is bare or `{value, sources, note}` (the `Fact()` union), its sourced form named
  after its value (`sourced-boolean`, `sourced-Act-list`) rather than by pydantic's generics;
- an `expect:` block names the keys it may state, each a status spelled `met`, `not_met` or
  `undetermined` (docs/vocabulary.md), or as people write it (`not met`, `Not-Met`).

These rules are written once here, against JSON Schema's types rather than the model's fields,
so the schema keeps accepting every valid profile as the model changes (tests/test_schema.py
validates every example, and every profile `fto-check new` writes, against it).
"""

from __future__ import annotations

import re
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from fto_check.render.prose import table_cell

DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLE = "fto-check organization profile"
STATUSES = ("met", "not_met", "undetermined")  # Status's values: the one machine spelling

# The strings pydantic reads as booleans, in any case.
_BOOLEAN_WORDS = ("true", "false", "yes", "no", "on", "off", "y", "n", "t", "f", "1", "0")


def _any_case(word: str) -> str:
    """A regular expression matching `word` in any case, without flags (editors' regular
    expressions are ECMA 262's, which have no inline `(?i)`)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


BOOLEAN_TEXT = {
    "type": "string",
    "pattern": "^(?:" + "|".join(_any_case(w) for w in _BOOLEAN_WORDS) + ")$",
}
STATUS_INPUT = {
    "anyOf": [
        {"enum": list(STATUSES)},
        {
            "type": "string",
            "pattern": r"^\s*(?:"
            + "|".join(_any_case(s).replace("_", r"[\s_-]+") for s in STATUSES)
            + r")\s*$",
        },
    ],
    "description": "met, not_met or undetermined (also written `not met`, `not-met`, …)",
}


class _ProfileSchema(GenerateJsonSchema):
    """Pydantic's schema of the model, widened to what the YAML may be written as."""

    def bool_schema(self, schema) -> dict[str, Any]:
        return {"anyOf": [{"type": "boolean"}, BOOLEAN_TEXT]}

    def int_schema(self, schema) -> dict[str, Any]:
        number = super().int_schema(schema)
        return {"anyOf": [number, {"type": "string", "pattern": r"^\s*[+-]?\d+\s*$"}]}

    def date_schema(self, schema) -> dict[str, Any]:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

    def literal_schema(self, schema) -> dict[str, Any]:
        if set(schema["expected"]) == set(STATUSES):
            return dict(STATUS_INPUT)
        return super().literal_schema(schema)


def profile_schema() -> dict[str, Any]:
    """The JSON Schema of a profile file (Draft 2020-12)."""
    from fto_check.profile.model import EXPECT_KEYS, Profile

    schema = Profile.model_json_schema(schema_generator=_ProfileSchema, mode="validation")
    _name_sourced_facts(schema)
    expect = schema["properties"].get("expect")
    if expect is not None:  # the keys an expect: block may state, and only those
        expect["properties"] = {key: {"$ref": "#/$defs/Status"} for key in EXPECT_KEYS}
        expect["additionalProperties"] = False
        schema.setdefault("$defs", {})["Status"] = STATUS_INPUT
    return {"$schema": DIALECT, **schema, "title": TITLE}


def _name_sourced_facts(schema: dict[str, Any]) -> None:
    """`SourcedFact_Annotated_int__FieldInfo_…` → `sourced-integer`, titled for a reader."""
    defs = schema.get("$defs", {})
    renames = {}
    for name, definition in defs.items():
        if not name.startswith(("SourcedFact", "SourcedList")):
            continue
        value = definition.get("properties", {}).get("value", {})
        new = f"sourced-{_kind(value)}"
        while new in renames.values():
            new += "-"
        renames[name] = new
        definition["title"] = f"a fact with its sources ({_kind(value).replace('-', ' ')})"
        definition["description"] = (
            "The fact's value with the sources it comes from: {value: …, sources: […], note: …}."
        )
    for old, new in renames.items():
        defs[new] = defs.pop(old)
    _replace_refs(schema, {f"#/$defs/{o}": f"#/$defs/{n}" for o, n in renames.items()})


def _kind(value: dict[str, Any]) -> str:
    """A short name for the type a schema describes: boolean, integer, Act-list, …"""
    options = [o for o in value.get("anyOf", [value]) if o.get("type") != "null"]
    if len(options) != 1:
        # the type's own form first, then what else it may be written as (a quoted number)
        return _kind(options[0]) if options else "value"
    option = options[0]
    if "$ref" in option:
        return option["$ref"].rpartition("/")[2]
    if option.get("type") == "array":
        return f"{_kind(option.get('items', {}))}-list"
    return option.get("type", "value")


def _replace_refs(node: Any, renames: dict[str, str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref in renames:
            node["$ref"] = renames[ref]
        for child in node.values():
            _replace_refs(child, renames)
    elif isinstance(node, list):
        for child in node:
            _replace_refs(child, renames)


def report_schema() -> dict[str, Any]:
    """The JSON Schema every `check --format json` report validates against."""
    from fto_check.render.json import schema

    return schema()


# ---------------------------------------------------------------- the profile reference

REGENERATE = "fto-check schema --format markdown > docs/profile.md"
INTRO = """\
A profile is one YAML file about one organization. Every fact is optional: **a fact left out is
unknown**, and a criterion that depends on it is *undetermined*, never silently failed. An
explicit `false`, `none` or an empty list such as `incidents: []` is a known negative ("no
incidents are known").

A fact is written bare (`formed_in: MX`) or with its own sources
(`formed_in: {value: MX, sources: [press-2024]}`); a section's `sources:` apply to all its
facts. Sources are listed once under the top-level `sources:` and cited by their key.

The YAML is read as YAML 1.2 and typed by the field it fills, so YAML 1.1's traps do not apply:
`NO` is Norway, `yes`/`no` are accepted for true/false, and a date is written `YYYY-MM-DD`.
Anchors, aliases and tags are refused (a profile never needs them); so are tabs for
indentation, two incidents with one id, and facts that cannot all be true (docs/vocabulary.md
lists the spellings of every value).

`fto-check schema > fto-check.schema.json` writes the JSON Schema this page is generated from;
point your editor's YAML language server at it (`# yaml-language-server:
$schema=fto-check.schema.json` as a profile's first line) for completion and checking as you
type. `fto-check new --template` writes a blank profile with every field commented, and
`examples/` has profiles with every field in use."""


def reference(schema: dict[str, Any] | None = None) -> str:
    """docs/profile.md: every field of a profile, section by section, from the JSON Schema."""
    schema = schema or profile_schema()
    defs = schema.get("$defs", {})
    out = [
        f"<!-- Generated by `{REGENERATE}`: do not edit; regenerate. -->",
        "",
        "# The profile, field by field",
        "",
        INTRO,
        "",
        "## The top level",
        "",
        *_fields(schema, defs),
    ]
    shown = set()
    queue = _sections(schema, defs)
    while queue:
        name = queue.pop(0)
        if name in shown:
            continue
        shown.add(name)
        definition = defs[name]
        out += ["", f'<a id="{name.lower()}"></a>', "", f"## {name}", ""]
        if definition.get("description"):
            out += [" ".join(definition["description"].split()), ""]
        out += _fields(definition, defs)
        queue += [n for n in _sections(definition, defs) if n not in shown]
    values = [n for n, d in defs.items() if "enum" in d]
    if values:
        out += ["", "## Values", "", "| list | its values |", "|---|---|"]
        for name in values:
            words = ", ".join(f"`{v}`" for v in defs[name]["enum"])
            out.append(f'| <a id="{name.lower()}"></a>{name} | {words} |')
    return "\n".join(out) + "\n"


def _fields(definition: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", ()))
    rows = ["| field | what it holds | written as |", "|---|---|---|"]
    for name, field in definition.get("properties", {}).items():
        what = field.get("description") or _described(field, defs)
        mark = " (required)" if name in required else ""
        rows.append(
            f"| `{name}`{mark} | {table_cell(what)} | {table_cell(_written(field, defs))} |"
        )
    return rows


def _described(field: dict[str, Any], defs: dict[str, Any]) -> str:
    """A field without its own description: its section's."""
    for option in field.get("anyOf", [field]):
        ref = option.get("$ref")
        if ref:
            return defs[ref.rpartition("/")[2]].get("description", "")
    return ""


def _written(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """How a value may be written, in words: '`true` or `false`', 'a list of Act values', …"""
    if "$ref" in node:
        name = node["$ref"].rpartition("/")[2]
        target = defs[name]
        if name.startswith("sourced-"):
            return "`{value, sources, note}`"
        if "enum" in target:
            return f"[{name}](#{name.lower()}) values"
        if name == "Status":
            return "`met`, `not_met` or `undetermined`"
        return f"[{name}](#{name.lower()})"
    if "oneOf" in node:  # a fact: bare, or with its sources
        return ", or ".join(_written(o, defs) for o in node["oneOf"])
    options = [o for o in node.get("anyOf", []) if o.get("type") != "null"]
    if options:
        kinds = {o.get("type") for o in options}
        if "boolean" in kinds:
            return "`true` or `false` (`yes`, `no`)"
        if "integer" in kinds and any("\\d{4}" in o.get("pattern", "") for o in options):
            return "a date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"
        if "integer" in kinds:
            return "a whole number"
        return " or ".join(_written(o, defs) for o in options)
    kind = node.get("type")
    if kind == "array":
        return f"a list of {_written(node.get('items', {}), defs)}"
    if kind == "object":
        keys = node.get("properties")
        if keys:
            return "a mapping of " + ", ".join(f"`{k}`" for k in keys)
        values = node.get("additionalProperties")
        return f"a mapping of names to {_written(values, defs)}" if values else "a mapping"
    if kind == "string" and node.get("format") == "date":
        return "a date, `YYYY-MM-DD`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    return {"string": "text", "integer": "a whole number", "boolean": "`true` or `false`"}.get(
        kind, "a value"
    )


def _sections(definition: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    """The sections (objects of the model) a definition's fields refer to, in order."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            name = ref.rpartition("/")[2]
            if name and "properties" in defs.get(name, {}) and not name.startswith("sourced-"):
                found.append(name)
            for child in node.values():
                visit(child)
        elif isinstance(node, list):
            for child in node:
                visit(child)

    visit(definition.get("properties", {}))
    return list(dict.fromkeys(found))
