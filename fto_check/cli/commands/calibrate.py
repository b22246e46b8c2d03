"""`fto-check calibrate`: the checker's verdict on the facts against the register, per profile.

Profiles are collected as `batch` collects them (files, directories, `-`); those that name no
register entry are skipped and counted. Each is judged as `check` judges it, then compared with
its record: a measurement, so disagreements are its result, not a failure (exit 0; 2 when an
input cannot be read).
"""

from __future__ import annotations

import sys

from fto_check.base.errors import InputError, UsageError
from fto_check.base.resources import data_dir
from fto_check.batch.collect import collect
from fto_check.cli.commands import EXIT_INPUT, EXIT_OK, parse_day
from fto_check.law.readings import parse_option
from fto_check.profile.read import parse_profile, read_profile
from fto_check.reasoning import record
from fto_check.reasoning.evaluate import evaluate
from fto_check.render import calibration
from fto_check.render.safe import terminal


def run(
    paths: list[str], *, fmt: str, as_of: str | None, readings: list[str], max_bytes: int
) -> int:
    day = parse_day(as_of)
    chosen = parse_option(readings)
    inputs = collect(paths or [str(data_dir("examples"))], max_bytes=max_bytes)
    if inputs.first() is None:
        raise UsageError("no profiles found: give YAML files, directories, or - for stdin")
    rows, skipped, errors = [], 0, 0
    for item in inputs.items:
        label, raw, offset = item.label, item.raw, item.offset
        if item.problem is not None:  # a folder without profiles, a document over the limit
            print(item.problem, file=sys.stderr)
            errors += 1
            continue
        try:
            if raw is None:
                loaded = read_profile(item.path, max_bytes=max_bytes, name=label)
            else:
                loaded = parse_profile(raw, "<stdin>", max_bytes=max_bytes, line_offset=offset)
            if loaded.profile.register_entry is None:
                skipped += 1
                continue
            report = evaluate(loaded.profile, loaded.source, as_of=day, readings=chosen)
        except InputError as e:
            print("\n".join(terminal(str(p)) for p in e.problems), file=sys.stderr)
            errors += 1
            continue
        record.attach(report, loaded.profile)
        rows.append(record.calibration_row(report, label))
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
