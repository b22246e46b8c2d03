"""Contested readings: named interpretive choices, loaded from `rules/readings.yaml`.

A reading is chosen, in increasing priority, by its default, a profile's `readings:` block,
and `--reading NAME=VALUE` on the command line.
"""

from __future__ import annotations

import difflib
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fto_check.base.errors import UsageError
from fto_check.base.resources import data_dir


class Reading(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    clause: str = Field(description="The clause whose words are in question.")
    question: str
    default: str
    alternatives: dict[str, str] = Field(min_length=2)
    argument: str = ""

    @model_validator(mode="after")
    def _default_is_an_alternative(self) -> Reading:
        if self.default not in self.alternatives:
            raise ValueError(f"default {self.default!r} is not one of the alternatives")
        return self


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    readings: list[Reading]


@cache
def all_readings() -> dict[str, Reading]:
    from fto_check.base.loader import load_document

    file = data_dir("rules") / "readings.yaml"
    doc = load_document(file.read_text(encoding="utf-8"), str(file))
    return {r.name: r for r in _File.model_validate(doc.data).readings}


def defaults() -> dict[str, str]:
    return {name: r.default for name, r in all_readings().items()}


def resolve(*choices: dict[str, str]) -> dict[str, str]:
    """The readings in force: defaults, overridden by each mapping of choices in turn."""
    known = all_readings()
    chosen = defaults()
    for mapping in choices:
        for name, value in mapping.items():
            reading = known.get(name)
            if reading is None:
                raise UsageError(
                    f"unknown reading {name!r}{_did_you_mean(name, known)}; "
                    "see `fto-check rules --readings`"
                )
            if value not in reading.alternatives:
                raise UsageError(
                    f"reading {name} has no alternative {value!r}"
                    f"{_did_you_mean(value, reading.alternatives)}; "
                    f"choose one of: {', '.join(reading.alternatives)}"
                )
            chosen[name] = value
    return chosen


def parse_option(values: list[str]) -> dict[str, str]:
    """`["name=value", …]` from the command line."""
    parsed = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            raise UsageError(f"--reading takes NAME=VALUE, got {item!r}")
        parsed[name.strip()] = value.strip()
    return parsed


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
