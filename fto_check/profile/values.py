"""The value types of a profile: country codes, days, and dates as the record gives them.

A country is an ISO 3166-1 alpha-2 code, checked against the code list pycountry maintains
(read from its data file: importing pycountry itself costs ~40 ms of start-up). A day is
`YYYY-MM-DD`. A `When` is what a source says about when something happened: a day, a month,
a year, a decade, a range, "before 1997", "since 2010" (and continuing), or "ongoing".
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from fto_check.base.dates import bounds

# ---------------------------------------------------------------- countries

UNKNOWN_COUNTRY = "XX"  # ISO 3166-1 user-assigned: "a country other than the US, not known which"


def user_assigned(code: str) -> bool:
    """ISO 3166-1 leaves AA, QM–QZ, XA–XZ and ZZ to its users: fto-check reads each as a place
    outside the United States that has no code of its own (XK: Kosovo), XX when not known."""
    return (
        code == "AA"
        or code == "ZZ"
        or (code[0] in "X" and code[1].isalpha())
        or (code[0] == "Q" and "M" <= code[1] <= "Z")
    )


# ISO 3166-1's exceptionally reserved codes people write for a country: hints, not values.
_RESERVED = {"UK": "GB", "EL": "GR", "EU": None, "UN": None, "SU": "RU", "YU": "RS"}


@cache
def country_names() -> dict[str, str]:
    """Every ISO 3166-1 alpha-2 code and its country's name, from pycountry's data file."""
    spec = importlib.util.find_spec("pycountry")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a dependency
        raise RuntimeError("fto-check needs the pycountry package for the ISO 3166 code list")
    path = Path(spec.submodule_search_locations[0]) / "databases" / "iso3166-1.json"
    entries = json.loads(path.read_text(encoding="utf-8"))["3166-1"]
    return {entry["alpha_2"]: entry["name"] for entry in entries}


def _country(value: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a two-letter ISO 3166-1 country code such as MX, got {value!r}")
    code = value.strip()
    if code.isascii() and len(code) == 2 and code.isalpha():
        code = code.upper()
        if code in country_names() or user_assigned(code):
            return code
    raise ValueError(_not_a_country(value))


def _not_a_country(value: str) -> str:
    text = value.strip()
    upper = text.upper()
    message = f"{text!r} is not an ISO 3166-1 country code"
    if upper in _RESERVED:
        meant = _RESERVED[upper]
        return message + (
            f" (it is reserved for other uses; the ISO code is {meant}, {country_names()[meant]})"
            if meant
            else " (it names no single country); write the code of the country"
        )
    names = country_names()
    by_name = {name.casefold(): code for code, name in names.items()}
    close = difflib.get_close_matches(text.casefold(), list(by_name), n=1, cutoff=0.75)
    if close:
        code = by_name[close[0]]
        return message + f" (did you mean {code}, {names[code]}?)"
    # ASCII only: 'ß'.upper() is 'SS' (South Sudan), one letter from US, and neither was meant.
    if (
        text.isascii()
        and len(upper) == 2
        and sum(a != b for a, b in zip(upper, "US", strict=True)) == 1
    ):
        return message + " (did you mean US, the United States? The letters are one apart)"
    return message + (
        "; write two letters such as MX or US, or XX for a country outside the United States "
        "that is not known"
    )


Country = Annotated[
    str,
    AfterValidator(_country),
    Field(json_schema_extra={"pattern": "^[A-Za-z]{2}$"}),
]

# ---------------------------------------------------------------- days

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits only, not any \d
# What YAML reads as a number (1.2's ints and floats, 1.1's sexagesimal 1:30): `20240630`, not
# `30.06.2024`.
_NUMBER = re.compile(
    r"[-+]?(?:[0-9]+|(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+(?::[0-5]?[0-9])+)"
)


def _strict_day(value: Any) -> Any:
    """Accept a date or an ISO `YYYY-MM-DD` string, nothing looser."""
    if isinstance(value, date) or not isinstance(value, str):
        return value
    text = value.strip()
    if not _ISO_DAY.fullmatch(text):
        looks_numeric = _NUMBER.fullmatch(text) is not None
        raise ValueError(
            f"expected a date as YYYY-MM-DD, got {value!r}"
            + (
                " (YAML would read this as a number: write the date in full)"
                if looks_numeric
                else ""
            )
        )
    return _real_day(text)


def _real_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as e:
        raise ValueError(f"{text!r} is not a real date ({e})") from None


Day = Annotated[date, BeforeValidator(_strict_day)]

# ---------------------------------------------------------------- dates as the record gives them


class When(BaseModel):
    """When something happened, as precisely as the record says: the interval [first, last].

    `first` None: no earlier bound is known ("before 1997"). `last` None with `ongoing`: it
    continues up to the date judged ("since 2010", "ongoing").
    """

    model_config = ConfigDict(frozen=True)
    text: str
    first: date | None
    last: date | None
    ongoing: bool = False

    def __str__(self) -> str:
        return self.text

    def end(self, as_of: date) -> date | None:
        """The last day it may have happened, judged on `as_of` (ongoing: `as_of`)."""
        return as_of if self.ongoing else self.last


_POINT = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{3}0s")
_RANGE = re.compile(r"(.+?)\s*(?:/|–|—|\.\.|\bto\b)\s*(.+)")
_YEARS = re.compile(r"([0-9]{4})-([0-9]{4})")
_WORDED = re.compile(r"(before|after|since|until)\s+(.+)", re.IGNORECASE)

WHEN_FORMS = (
    "a day (2019-11-30), a month (2019-11), a year (2019), a decade (1990s), a range "
    "(2017/2018, 2017-03/2018-05), 'before 1997', 'after 2001', 'since 2010' (continuing), "
    "'ongoing', or {from: …, to: …}"
)


def _bounds(text: str) -> tuple[date, date]:
    """The first and last day of a day, month, year or decade written as text."""
    text = text.strip()
    if not _POINT.fullmatch(text):
        raise ValueError(f"{text!r} is not a date; expected {WHEN_FORMS}")
    if text.endswith("s"):  # a decade: 1990s
        start = int(text[:4])
        return date(start, 1, 1), date(start + 9, 12, 31)
    return bounds(text)


def _when(value: Any) -> Any:
    if isinstance(value, When):
        return value
    if isinstance(value, date):
        return When(text=value.isoformat(), first=value, last=value)
    if isinstance(value, dict):
        return _when_mapping(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # `date: 2019` in YAML is a year
    if not isinstance(value, str):
        raise ValueError(f"expected a date: {WHEN_FORMS}")
    text = " ".join(value.split())
    if text.lower() == "ongoing":
        return When(text="ongoing", first=None, last=None, ongoing=True)
    worded = _WORDED.fullmatch(text)
    if worded:
        word, point = worded[1].lower(), worded[2]
        first, last = _bounds(point)
        if word == "before":
            return When(text=text, first=None, last=first - timedelta(days=1))
        if word == "until":
            return When(text=text, first=None, last=last)
        if word == "after":
            return When(text=text, first=last + timedelta(days=1), last=None, ongoing=True)
        return When(text=text, first=first, last=None, ongoing=True)  # since
    years = _YEARS.fullmatch(text)  # 2017-2018: two years, not a month
    if years:
        return _interval(text, _bounds(years[1])[0], _bounds(years[2])[1])
    ranged = _RANGE.fullmatch(text)
    if ranged and not _POINT.fullmatch(text):
        return _interval(text, _bounds(ranged[1])[0], _bounds(ranged[2])[1])
    first, last = _bounds(text)
    return When(text=text, first=first, last=last)


def _when_mapping(value: dict) -> When:
    unknown = set(value) - {"from", "to"}
    if unknown or not value:
        raise ValueError(
            f"a date written as a mapping takes `from` and `to` (either may be left out), "
            f"not {', '.join(sorted(map(str, unknown))) or 'nothing'}"
        )
    start, end = value.get("from"), value.get("to")
    first = _bounds(_text(start))[0] if start is not None else None
    if end is None:
        text = f"since {_text(start)}"
        return When(text=text, first=first, last=None, ongoing=True)
    last = _bounds(_text(end))[1]
    text = f"{_text(start)}/{_text(end)}" if start is not None else f"until {_text(end)}"
    return _interval(text, first, last)


def _text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _interval(text: str, first: date | None, last: date) -> When:
    if first is not None and last < first:
        raise ValueError(f"{text!r} ends before it begins")
    return When(text=text, first=first, last=last)


# The forms `_when` reads, for the JSON Schema: an editor flags `date: 24-1` as the reader does.
_P = r"(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{3}0s)"
WHEN_PATTERN = (
    rf"^\s*(?:[Oo][Nn][Gg][Oo][Ii][Nn][Gg]"
    rf"|(?:(?:[Bb]efore|[Aa]fter|[Ss]ince|[Uu]ntil)\s+)?{_P}"
    rf"|[0-9]{{4}}-[0-9]{{4}}"
    rf"|{_P}\s*(?:/|–|—|\.\.|\bto\b)\s*{_P})\s*$"
)

WhenDate = Annotated[
    When,
    BeforeValidator(_when),
    WithJsonSchema(
        {
            "description": "When it happened: " + WHEN_FORMS + ".",
            "anyOf": [
                {"type": "string", "pattern": WHEN_PATTERN},
                {"type": "integer"},
                {
                    "type": "object",
                    "properties": {
                        "from": {"type": ["string", "integer"]},
                        "to": {"type": ["string", "integer"]},
                    },
                    "additionalProperties": False,
                },
            ],
        }
    ),
]
