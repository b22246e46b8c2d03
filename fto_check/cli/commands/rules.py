"""`fto-check rules`: the criteria tree as the engine composes it, and the reference around it.

- (default) the tree of § 1189(a)(1) in force on `--as-of` (default today);
- `--coverage`: per clause of rules/, the rules that encode it, or why none does;
- `--readings`: the contested readings;
- `--full` (Markdown): all of it plus `explain` for every clause and rule: docs/criteria.md.

The data is gathered in `teaching/reference.py` and written by `render/rules.py`.
"""

from __future__ import annotations

import sys

from fto_check.base.errors import UsageError
from fto_check.cli.commands import parse_day
from fto_check.law.statute import FTO_STATUTE_ENACTED


def run(*, fmt: str, as_of: str | None, coverage: bool, readings: bool, full: bool) -> int:
    from fto_check.render import rules as render
    from fto_check.teaching import reference

    if coverage + readings + full > 1:
        raise UsageError("choose one of --coverage, --readings and --full")
    if full and fmt != "markdown":
        raise UsageError(f"--full writes the Markdown reference: {render.REGENERATE}")
    day = parse_day(as_of, judging=False)
    if day is not None and day < FTO_STATUTE_ENACTED:
        raise UsageError(
            f"--as-of {day} is before 8 U.S.C. § 1189 was enacted on {FTO_STATUTE_ENACTED}"
        )
    if full:
        out = render.document(reference.reference())
    elif coverage:
        out = render.render(
            fmt, reference.coverage_data(), render.coverage_text, render.coverage_markdown
        )
    elif readings:
        out = render.render(
            fmt, reference.readings_data(), render.readings_text, render.readings_markdown
        )
    else:
        out = render.render(fmt, reference.tree_data(day), render.tree_text, render.tree_markdown)
    sys.stdout.write(out)
    return 0
