"""Dates as far as they are known: a day, a month or a year, each the interval of days it may be.

A profile's incident dates (`fto_check.profile.values.When`, which adds decades, ranges and
open intervals) and the register's effective dates are both built on this, and both stand for
some one day in [first, last].
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# ASCII digits only: `\d` would accept Arabic-Indic and other Unicode digits.
PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2}))?(?:-([0-9]{2}))?$")


def bounds(text: str) -> tuple[date, date]:
    """`2025-03` → (2025-03-01, 2025-03-31); `2013` → the year; a day → itself.

    Raises ValueError for any other form, or a day or month that does not exist."""
    m = PARTIAL_DATE.match(text)
    if not m:
        raise ValueError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got {text!r}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            first = last = date(year, int(month), int(day))
        elif month:
            first = date(year, int(month), 1)
            last = date(year, int(month), calendar.monthrange(year, int(month))[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError as e:
        raise ValueError(f"{text!r} is not a real date ({e})") from None
    return first, last
