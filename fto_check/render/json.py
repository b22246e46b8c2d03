"""The JSON report: the finding tree as data, documented by its JSON Schema (`format_version`)."""

from __future__ import annotations

from functools import cache

from pydantic import TypeAdapter

from fto_check.reasoning.findings import Report
from fto_check.render import safe


@cache
def adapter() -> TypeAdapter[Report]:
    return TypeAdapter(Report)


def render(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON; what JSON leaves raw and a reader would act on, escaped."""
    return safe.json(adapter().dump_json(report, indent=indent).decode())


def render_many(reports: list[Report], *, indent: int | None = 2) -> str:
    """Reports as a JSON array: each written as `render` writes it, one level deeper."""
    items = "".join(array_item(render(r), i) for i, r in enumerate(reports))
    return "[" + items + ("\n]" if reports else "]")


def array_item(rendered: str, index: int) -> str:
    """A report rendered by `render` as the `index`th element of a JSON array (after its "["):
    element by element, many reports are streamed, never held."""
    return ("," if index else "") + "\n  " + rendered.replace("\n", "\n  ")


def schema() -> dict:
    """The JSON Schema that every `--format json` report validates against."""
    return adapter().json_schema()


def parse(text: str | bytes) -> Report:
    """A report read back from its JSON (round-trips `render`)."""
    return adapter().validate_json(text)
