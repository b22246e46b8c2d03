"""`fto-check check`: judge each profile and print its report.

Profiles are files, or `-` for standard input: one profile, or a `---` stream of them. Many
go through the batch engine (`fto_check.batch`): each report is rendered as it is decided (by
worker processes, for many), written, and dropped, so memory does not grow with the number of
profiles. JSON is one object for one profile, an array for several (even when some of them
could not be read: their errors are on standard error).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from itertools import chain, islice

from fto_check.base.errors import UsageError
from fto_check.batch import STDIN, Item
from fto_check.batch.jobs import Outcome, Reports
from fto_check.cli.commands import exit_code, jobs_option, max_bytes_option, parse_day
from fto_check.law.readings import parse_option, resolve
from fto_check.reasoning.logic import Status
from fto_check.render.safe import terminal

SEPARATORS = {"text": "\n", "rich": "\n", "markdown": "\n\n---\n\n"}  # between two reports


def run(
    paths: list[str],
    *,
    fmt: str,
    as_of: str | None,
    readings: list[str],
    max_bytes: int,
    why_not: bool = False,
    all_readings: bool = False,
    brief: bool = False,
    jobs: int | None = None,
) -> int:
    if brief and fmt != "text":
        raise UsageError("--brief is the text report's summary; it takes no --format")
    jobs = jobs_option(jobs)
    job = _job(fmt, as_of, readings, max_bytes, why_not, all_readings, brief)
    items = _items(paths, job.max_bytes)
    ahead = list(islice(items, 2))  # enough to know whether JSON is one object or an array
    array = job.fmt == "json" and (len(paths) > 1 or len(ahead) > 1)
    verdicts: list[Status] = []
    errors = 0
    total = None if "-" in paths else len(paths)  # a stream's length is not known
    for outcome in _outcomes(chain(ahead, items), job, jobs, total):
        if outcome.error is not None:
            errors += 1
            print(outcome.error, file=sys.stderr)
            continue
        _write(outcome, job, len(verdicts), array=array)
        verdicts.append(Status(outcome.verdict))
    if array:
        sys.stdout.write("\n]\n" if verdicts else "[]\n")
    return exit_code(verdicts, errors)


def _job(fmt, as_of, readings, max_bytes, why_not, all_readings, brief) -> Reports:
    from fto_check.render.console import use_color

    options = {"why_not": why_not, "all_readings": all_readings, "brief": brief}
    day, chosen, max_bytes = parse_day(as_of), parse_option(readings), max_bytes_option(max_bytes)
    resolve(chosen)  # a bad --reading is a usage error before any work is done
    if fmt == "text" and use_color(sys.stdout.isatty()):
        from rich.console import Console

        console = Console()  # the terminal's width and colours, for reports rendered elsewhere
        return Reports(
            "rich", day, chosen, max_bytes, width=console.width,
            color_system=console.color_system, **options,
        )  # fmt: skip
    return Reports(fmt, day, chosen, max_bytes, **options)


def _items(paths: list[str], max_bytes: int) -> Iterator[Item]:
    """Each file, and each document of standard input (`-`), read as it comes."""
    for path in map(os.fspath, paths):
        if path != "-":
            yield Item(terminal(path), path)
            continue
        from fto_check.batch.collect import stream

        documents = stream(sys.stdin.buffer, max_bytes)
        first = next(documents, None)
        if first is None:  # nothing but blank lines and comments
            first = Item(STDIN, problem=f"{STDIN}:1:1: empty file: a profile is a YAML mapping")
        yield first
        yield from documents


def _outcomes(
    items: Iterator[Item], job: Reports, jobs: int | None, total: int | None
) -> Iterator[Outcome]:
    if total == 1:  # one file: no engine to start (nor its modules to import)
        yield from map(job, items)
        return
    from fto_check.batch.collect import Inputs
    from fto_check.batch.pool import judge_all
    from fto_check.batch.signals import exit_on_signals

    with exit_on_signals():  # the workers stop through `finally` blocks, whatever the signal
        for outcomes in judge_all(Inputs(items, total), job, jobs=jobs):
            yield from outcomes


def _write(outcome: Outcome, job: Reports, written: int, *, array: bool) -> None:
    """A report, after those already written: as an array element, or after a separator."""
    if array:
        from fto_check.render.json import array_item

        sys.stdout.write(("" if written else "[") + array_item(outcome.text, written))
    elif job.fmt == "json":
        sys.stdout.write(outcome.text + "\n")
    else:
        separator = "" if job.brief else SEPARATORS[job.fmt]
        sys.stdout.write((separator if written else "") + outcome.text)
    sys.stdout.flush()
