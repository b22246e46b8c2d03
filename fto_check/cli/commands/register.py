"""`fto-check register`: the register of designations, on a day or for one organization."""

from __future__ import annotations

import sys
from datetime import date

from fto_check.cli.commands import EXIT_OK, parse_day
from fto_check.law.register import load_register
from fto_check.render import register as render


def run(query: str | None, *, fmt: str, as_of: str | None, everything: bool) -> int:
    day = parse_day(as_of) or date.today()
    register = load_register()
    if query is None:
        rows = render.listing(register, day, everything=everything)
        if fmt == "json":
            text = render.list_json(rows, day) + "\n"
        elif fmt in ("csv", "markdown"):
            text = render.table(fmt, render.LIST_FIELDS, [render.list_row(*r) for r in rows])
        else:
            return _print(render.list_lines(rows, day, everything=everything))
    else:
        match = register.find(query, day if as_of else None)  # UsageError: exit 2
        if fmt == "json":
            text = render.history_json(register, match, day) + "\n"
        elif fmt == "csv":
            text = render.table("csv", render.HISTORY_FIELDS, render.history_rows(match.entry))
        elif fmt == "markdown":
            text = render.history_markdown(register, match, day)
        else:
            return _print(render.history_lines(register, match, day))
    sys.stdout.write(text)
    return EXIT_OK


def _print(lines) -> int:
    from fto_check.render.console import Out

    Out().lines(lines)
    return EXIT_OK
