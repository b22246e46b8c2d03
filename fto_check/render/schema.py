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
        if not name.startswith("SourcedFact"):
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
