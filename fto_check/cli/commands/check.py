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
    brief: bool = False,
) -> int:
    from fto_check.base.errors import UsageError
    from fto_check.reasoning import contest, whynot

    if brief and fmt != "text":
        raise UsageError("--brief is the text report's summary; it takes no --format")
    day = parse_day(as_of)
    chosen = parse_option(readings)
    reports, errors = [], 0
    inputs = list(_inputs(paths, max_bytes))
    for read in inputs:
        try:
            loaded = read()
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
    if reports or (fmt == "json" and len(inputs) > 1):
        _emit(reports, fmt, why_not=why_not, many=len(inputs) > 1, brief=brief)
    return exit_code([r.verdict for r in reports], errors)


def _inputs(paths: list[Path], max_bytes: int):
    """A reader for each profile: each file, and each document of standard input (`-`)."""
    from functools import partial

    for path in paths:
        if str(path) != "-":
            yield partial(read_profile, path, max_bytes=max_bytes)
            continue
        from fto_check.base.loader import split_documents
        from fto_check.profile.read import parse_profile

        raw = sys.stdin.buffer.read()
        documents = list(split_documents(raw))
        if len(documents) <= 1:  # one profile (or nothing, an error of its own)
            yield partial(parse_profile, raw, "<stdin>", max_bytes=max_bytes)
            continue
        for line, chunk in documents:
            yield partial(parse_profile, chunk, "<stdin>", max_bytes=max_bytes, line_offset=line)


def _emit(reports, fmt: str, *, why_not: bool, many: bool, brief: bool = False) -> None:
    """The reports in `fmt`; JSON is one object for one profile, an array for several (even
    when some of them could not be read: their errors are on standard error)."""
    if fmt == "json":
        from fto_check.render import json

        text = json.render_many(reports) if many else json.render(reports[0])
        sys.stdout.write(text + "\n")
        return
    if fmt == "markdown":
        from fto_check.render import memo

        sys.stdout.write(memo.render_many(reports))
        return
    from fto_check.render import text

    if sys.stdout.isatty() or os.environ.get("FORCE_COLOR"):
        from rich.console import Console

        text.print_rich(reports, Console(), why_not=why_not, brief=brief)
    else:
        joined = "" if brief else "\n"
        sys.stdout.write(joined.join(text.render(r, why_not=why_not, brief=brief) for r in reports))
