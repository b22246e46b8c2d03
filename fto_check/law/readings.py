"""Contested readings: named interpretive choices, loaded from `rules/readings.yaml`.

A reading is chosen, in increasing priority, by its default, a profile's `readings:` block,
and `--reading NAME=VALUE` on the command line.
"""

from __future__ import annotations

import difflib
from datetime import date
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fto_check.base.errors import UsageError
from fto_check.base.resources import data_dir, read_data


class DatedDefault(BaseModel):
    """The default of a reading for one period of the law, and what justified it then."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    since: date = Field(description="First day of the period this default is for.")
    value: str
    because: str = Field(description="Why this is the default then: a source of that period.")


class Reading(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    clause: str = Field(description="The clause whose words are in question.")
    question: str
    default: str | list[DatedDefault] = Field(
        description="The alternative applied unless another is chosen; or, where what the law "
        "of the day supports differs, one per period, each with its justification."
    )
    alternatives: dict[str, str] = Field(min_length=2)
    argument: str = ""

    @model_validator(mode="after")
    def _default_is_an_alternative(self) -> Reading:
        for value in self.defaults_by_period():
            if value.value not in self.alternatives:
                raise ValueError(f"default {value.value!r} is not one of the alternatives")
        return self

    @property
    def current_default(self) -> str:
        """The default under today's law."""
        return self.default_on(date.today()).value

    def defaults_by_period(self) -> list[DatedDefault]:
        if isinstance(self.default, str):
            return [DatedDefault(since=date.min, value=self.default, because="")]
        return sorted(self.default, key=lambda d: d.since)

    def default_on(self, day: date) -> DatedDefault:
        """The default in force on `day`: the last period that began on or before it."""
        periods = self.defaults_by_period()
        found = periods[0]
        for period in periods:
            if period.since <= day:
                found = period
        return found


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    readings: list[Reading]


@cache
def all_readings() -> dict[str, Reading]:
    from fto_check.base.loader import load_document

    file = data_dir("rules") / "readings.yaml"
    doc = load_document(read_data(file).decode("utf-8"), str(file))
    return {r.name: r for r in _File.model_validate(doc.data).readings}


def defaults(day: date | None = None) -> dict[str, str]:
    """Every reading's default on `day` (today's law when no day is given)."""
    return dict(_defaults_on(day or date.today()))


@cache
def _defaults_on(day: date) -> dict[str, str]:
    # A batch judges thousands of profiles on a handful of days: work each day out once.
    return {name: r.default_on(day).value for name, r in all_readings().items()}


def resolve(*choices: dict[str, str], day: date | None = None) -> dict[str, str]:
    """The readings in force: the defaults on `day`, overridden by each mapping in turn."""
    known = all_readings()
    chosen = defaults(day)
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
