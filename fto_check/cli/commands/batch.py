"""`fto-check batch`: judge many profiles, one matrix row each, written as each is decided.

Inputs are files, directories (searched for *.yaml and *.yml, in sorted order) and `-` for a
`---`-separated stream on stdin. Every input becomes exactly one row, in input order: a bad
file is an error row with its `path:line:col` problems, and the rest go on. The engine is
`fto_check.batch`: collecting inputs, the worker pool, writing the output safely, signals.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fto_check.base.errors import UsageError
from fto_check.batch.collect import collect
from fto_check.batch.jobs import Rows
from fto_check.batch.output import destination
from fto_check.batch.pool import judge_all
from fto_check.batch.signals import exit_on_signals
from fto_check.cli.commands import (
    EXIT_NOT_MET,
    EXIT_OK,
    exit_code,
    jobs_option,
    max_bytes_option,
    parse_day,
)
from fto_check.law.readings import parse_option, resolve
from fto_check.reasoning.logic import Status
from fto_check.render import matrix
from fto_check.render.console import use_color
from fto_check.render.safe import terminal

SUFFIX_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}


def run(
    paths: list[str],
    *,
    fmt: str | None,
    output: str | None,
    jobs: int | None,
    as_of: str | None,
    readings: list[str],
    check_expected: bool,
    max_bytes: int,
) -> int:
    job = Rows(
        parse_day(as_of), parse_option(readings), max_bytes_option(max_bytes), check_expected
    )
    jobs = jobs_option(jobs)
    resolve(job.readings)  # a bad --reading is a usage error before any work is done
    inputs = collect(paths, max_bytes=max_bytes)
    if inputs.first() is None:
        raise UsageError("no profiles found: give YAML files, directories, or - for stdin")
    fmt = fmt or default_format(output)
    tally = Tally(check_expected)
    started = time.perf_counter()
    with exit_on_signals(), destination(output, inputs=inputs.files) as (out, is_terminal):
        color = use_color(is_terminal)
        writer = matrix.writer(fmt, out, check=check_expected, color=color, paths=inputs.labels)
        for rows in judge_all(inputs, job, jobs=jobs, progress=not is_terminal):
            for row in rows:
                writer.write(row)
                tally.add(row)
            out.flush()  # rows are out as soon as they are decided (`| head`, `tail -f`)
        writer.close()
    print(tally.summary(time.perf_counter() - started), file=sys.stderr)
    if check_expected:
        return EXIT_NOT_MET if tally.mismatched else EXIT_OK
    return exit_code([Status(v) for v in tally.verdicts], tally.errors)


def default_format(output: str | os.PathLike | None) -> str:
    """table on a terminal; otherwise from --output's suffix; else jsonl (streams, one per line)."""
    if output is not None:
        return SUFFIX_FORMATS.get(os.path.splitext(os.fspath(output))[1].lower(), "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


@dataclass
class Tally:
    """What a batch decided, counted as its rows go by; each problem said on stderr as it comes."""

    check: bool
    verdicts: Counter[str] = field(default_factory=Counter)
    total: int = 0
    errors: int = 0
    mismatched: int = 0
    warned: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.total += 1
        if row["error"]:
            self.errors += 1
            print(row["error"], file=sys.stderr)  # escaped where it was made
        else:
            self.verdicts[row["verdict"]] += 1
            self.warned += len(row["warnings"] or ())
        if self.check and row.get("expected") != "ok":
            self.mismatched += 1
            print(terminal(f"{row['path']}: {row['diff']}"), file=sys.stderr)

    def summary(self, elapsed: float) -> str:
        total = self.total
        counts = ", ".join(f"{self.verdicts[s.value]} {s.label}" for s in Status)
        rate = f", {total / elapsed:,.0f} profiles/s" if elapsed > 0 else ""
        warned = self.warned
        warned = (
            f"{warned} warning{'s' * (warned != 1)} (in the rows' warnings); " if warned else ""
        )
        text = (
            f"{total} profile{'s' * (total != 1)}: {counts}; "
            f"{self.errors} error{'s' * (self.errors != 1)}; {warned}{elapsed:.2f} s{rate}"
        )
        if self.check:
            text += f"; {total - self.mismatched} of {total} as expected"
        return text
