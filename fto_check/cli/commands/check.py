"""`fto-check check`: judge each profile and print its report."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fto_check.base.errors import InputError
from fto_check.cli.commands import exit_code, parse_day
from fto_check.law.readings import parse_option
from fto_check.profile.read import read_profile
from fto_check.reasoning.evaluate import evaluate


def run(
    paths: list[Path],
    *,
    fmt: str,
    as_of: str | None,
    readings: list[str],
    max_bytes: int,
    why_not: bool = False,
    all_readings: bool = False,
) -> int:
    from fto_check.reasoning import contest, whynot

    day = parse_day(as_of)
    chosen = parse_option(readings)
    reports, errors = [], 0
    for path in paths:
        try:
            loaded = read_profile(path, max_bytes=max_bytes)
            report = evaluate(
                loaded.profile, loaded.source, as_of=day, readings=chosen, sha256=loaded.sha256
            )
        except InputError as e:
            print(e, file=sys.stderr)
            errors += 1
            continue
        report.source = loaded.source  # for snippets of the profile in the text report
        whynot.attach(report, loaded.profile)  # always in JSON and memos; text: --why-not
        if loaded.profile.register_entry:  # the register is read only for a profile that names one
            from fto_check.reasoning import record

            record.attach(report, loaded.profile)
        if all_readings:
            contest.attach(report, loaded.profile)
        reports.append(report)
    if reports:
        _emit(reports, fmt, why_not=why_not)
    return exit_code([r.verdict for r in reports], errors)


def _emit(reports, fmt: str, *, why_not: bool) -> None:
    if fmt == "json":
        from fto_check.render import json

        text = json.render(reports[0]) if len(reports) == 1 else json.render_many(reports)
        sys.stdout.write(text + "\n")
        return
    if fmt == "markdown":
        from fto_check.render import memo

        sys.stdout.write(memo.render_many(reports))
        return
    from fto_check.render import text

    if sys.stdout.isatty() or os.environ.get("FORCE_COLOR"):
        from rich.console import Console

        text.print_rich(reports, Console(), why_not=why_not)
    else:
        sys.stdout.write("\n".join(text.render(r, why_not=why_not) for r in reports))
