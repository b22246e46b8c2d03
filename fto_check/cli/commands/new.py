"""`fto-check new`: write a profile by answering questions (interview.py decides which), or,
with `--template`, a blank profile with every field commented.

The conversation goes to standard error, so that `fto-check new > profile.yaml` works; the
profile goes to standard output or `--output FILE`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from datetime import date

from fto_check.base.errors import UsageError
from fto_check.law.statute import FTO_STATUTE_ENACTED
from fto_check.render.safe import terminal

QUIT = ("q", "quit", "exit")


def run(*, output: str | None, template: bool, name: str | None, as_of: str | None) -> int:
    from fto_check.cli.commands import parse_day

    if output is not None:
        _writable(output)  # before any question is asked
    if template:
        from fto_check.teaching.interview import template as blank

        _write(blank(), output)
        return 0
    day = parse_day(as_of)
    interview = _interview(name, day)
    if interview is None:
        _say("Nothing written.")
        return 0
    from fto_check.teaching.interview import to_yaml

    _write(to_yaml(interview), output)
    verdict = interview.final().verdict
    where = f" to {terminal(output)}" if output else ""
    _say(f"Wrote the profile{where}: on these facts the verdict is {verdict.label}.")
    return 0


def _interview(name: str | None, day: date | None):
    """Ask, one question at a time, until the verdict is settled, nothing left could change it,
    or the user quits. None if they quit before the profile has a name and a date."""
    from fto_check.base.errors import InputError
    from fto_check.reasoning.logic import UNDETERMINED
    from fto_check.teaching.interview import Interview, parse

    _say(
        "Answer in plain words; ? when you do not know (the fact stays unknown), q to stop "
        "and write what you have. Only questions whose answer could still change the "
        "verdict are asked."
    )
    try:
        while not name:
            name = _prompt("The organization's name")
        day = day or _date()
    except _Quit:
        return None
    interview = Interview(name=name, as_of=day)
    while (question := interview.next()) is not None:
        _say("")
        _say(f"[{question.decides}]")
        for i, choice in enumerate(question.choices, 1):
            _say(f"  {i:>2}. {choice}")
        hint = _hint(question)
        while True:
            try:
                text = _prompt(f"{question.text} [{hint}]")
            except _Quit:
                return interview
            try:
                interview.answer(question, parse(question, text))
                break
            except ValueError as e:
                _say(f"  {e}")
            except InputError as e:
                _say(f"  that contradicts an earlier answer: {e.problems[0].message}")
    report = interview.final()
    _say("")
    if report.verdict is UNDETERMINED:
        _say("Nothing left to ask could settle the verdict: it stays undetermined.")
    else:
        _say(f"The verdict is settled: {report.verdict.label}.")
    return interview


class _Quit(Exception):
    """The user typed q, or the input ended."""


def _prompt(text: str, default: str | None = None) -> str:
    """A line typed in answer to `text`. The prompt goes to standard error and the answer is
    read from standard input directly: a prompt helper that writes to standard output (as
    `input()` does) would put stray text before the YAML of `fto-check new > profile.yaml`."""
    sys.stderr.write(f"{text}{f' [{default}]' if default else ''}: ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line or line.strip().lower() in QUIT:
        raise _Quit
    return line.strip() or default or ""


def _date() -> date:
    while True:
        text = _prompt("The date the profile speaks for (YYYY-MM-DD)", date.today().isoformat())
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            _say("  a date as YYYY-MM-DD, please")
            continue
        if day >= FTO_STATUTE_ENACTED:
            return day
        _say(f"  § 1189 was enacted on {FTO_STATUTE_ENACTED}: a date from then on, please")


def _hint(question) -> str:
    return {
        "yes-no": "y/n/?",
        "country": "country code, e.g. MX; ?",
        "countries": "country codes, e.g. MX, GT; ?",
        "date": "e.g. 2019-11-30, 2019, 2017/2018, since 2010; ?",
        "day": "YYYY-MM-DD; ?",
        "demand": "on whom: " + ", ".join(question.choices) + "; none; ?",
    }.get(question.kind, "numbers or names, comma-separated; none; ?")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _writable(output: str) -> None:
    """Refuse an output that could not be written, before the interview rather than after."""
    shown = terminal(output)
    if not output:
        raise UsageError("--output needs a file name")
    if os.path.lexists(output):
        raise UsageError(f"{shown} exists; choose another file, or remove it first")
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {shown}: no folder {terminal(folder)}")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {shown}: the folder is not writable")


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    shown = terminal(output)
    try:  # created, never replaced: a file that appeared meanwhile is kept
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        raise UsageError(f"{shown} exists; choose another file, or remove it first") from None
    except OSError as e:
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(output)
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
