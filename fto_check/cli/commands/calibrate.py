"""`fto-check calibrate`: the checker's verdict on the facts against the register, per profile.

Profiles are collected as `batch` collects them (files, directories, `-`); those that name no
register entry are skipped and counted. Each is judged as `check` judges it, then compared with
its record (`batch.jobs.Calibration`): a measurement, so disagreements are its result, not a
failure (exit 0; 2 when an input cannot be read).
"""

from __future__ import annotations

import sys

from fto_check.base.errors import UsageError
from fto_check.base.resources import data_dir
from fto_check.batch.collect import collect
from fto_check.batch.jobs import Calibration
from fto_check.cli.commands import EXIT_INPUT, EXIT_OK, parse_day
from fto_check.law.readings import parse_option
from fto_check.render import calibration


def run(
    paths: list[str], *, fmt: str, as_of: str | None, readings: list[str], max_bytes: int
) -> int:
    judge = Calibration(parse_day(as_of), parse_option(readings), max_bytes)
    inputs = collect(paths or [str(data_dir("examples"))], max_bytes=max_bytes)
    if inputs.first() is None:
        raise UsageError("no profiles found: give YAML files, directories, or - for stdin")
    rows, skipped, errors = [], 0, 0
    for row, error in map(judge, inputs.items):
        if error is not None:
            print(error, file=sys.stderr)
            errors += 1
        elif row is None:
            skipped += 1
        else:
            rows.append(row)
    if fmt == "json":
        sys.stdout.write(calibration.to_json(rows, skipped))
    elif fmt == "markdown":
        sys.stdout.write(calibration.markdown(rows, skipped))
    elif fmt == "csv":
        sys.stdout.write(calibration.csv(rows))
    else:
        from fto_check.render.console import Out

        Out().lines(calibration.lines(rows, skipped))
    return EXIT_INPUT if errors else EXIT_OK
