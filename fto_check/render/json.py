"""The JSON report: the finding tree as data, documented by its JSON Schema (`format_version`)."""

from __future__ import annotations

from functools import cache

from pydantic import TypeAdapter

from fto_check.reasoning.findings import Report


@cache
def adapter() -> TypeAdapter[Report]:
    return TypeAdapter(Report)


def render(report: Report, *, indent: int | None = 2) -> str:
    return adapter().dump_json(report, indent=indent).decode()


def render_many(reports: list[Report], *, indent: int | None = 2) -> str:
    return TypeAdapter(list[Report]).dump_json(reports, indent=indent).decode()


def schema() -> dict:
    """The JSON Schema that every `--format json` report validates against."""
    return adapter().json_schema()


def parse(text: str | bytes) -> Report:
    """A report read back from its JSON (round-trips `render`)."""
    return adapter().validate_json(text)
