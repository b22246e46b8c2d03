"""`fto-check tour PROFILE`: one profile, walked through criterion by criterion in the statute's
order. Each step quotes the clause (and the definitions that decided it), shows the facts that
decided it as the profile has them (the text report's snippets: line, caret), gives the
reasoning, and says what follows; the last step gives the verdict and what would change it.

On a terminal it waits for Enter between steps; `--no-pause`, or input that is not a terminal,
prints every step at once. The steps are written by `render/tour.py`.
"""

from __future__ import annotations

import os
import sys
from datetime import date


def run(path: str | os.PathLike, *, pause: bool, as_of: str | None, readings: list[str]) -> int:
    from fto_check.cli.commands import parse_day
    from fto_check.law.readings import parse_option
    from fto_check.profile.read import read_profile
    from fto_check.reasoning import whynot
    from fto_check.reasoning.evaluate import evaluate
    from fto_check.render import tour
    from fto_check.render.console import Out
    from fto_check.render.safe import terminal
    from fto_check.teaching.lesson import closure, quote, quotes

    path = os.fspath(path)
    loaded = read_profile(path, name=terminal(path))
    report = evaluate(
        loaded.profile,
        loaded.source,
        as_of=parse_day(as_of),
        readings=parse_option(readings),
        sha256=loaded.sha256,
    )
    report.source = loaded.source
    whynot.attach(report, loaded.profile)
    day = date.fromisoformat(report.as_of)

    def step(letter: str):
        criterion = report.criterion(letter)
        # As the reasoning gives them: each part of the criterion, and what decided each part.
        decided = [criterion, *(f for part in criterion.children for f in closure(part))]
        return tour.step(report, criterion, quotes(criterion, day, lead_in=False), decided)

    out = Out()
    waits = pause and sys.stdin.isatty()
    steps = [
        lambda: tour.opening(report, quote("1189(a)(1)", day)),
        *(lambda letter=letter: step(letter) for letter in "ABC"),
        lambda: tour.verdict(report),
    ]
    for number, lines in enumerate(steps):
        if number:
            if waits and not _wait(out):
                return 0
            out.line([])
        out.lines(lines())
    return 0


def _wait(out) -> bool:
    """Wait for Enter; False when the reader wants to stop (q, or end of input)."""
    out.line([])
    sys.stdout.write("— Enter: next step · q: stop — ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    return bool(answer) and answer.strip().lower() not in ("q", "quit")
