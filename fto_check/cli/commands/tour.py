"""`fto-check tour PROFILE`: one profile, walked through criterion by criterion in the statute's
order. Each step quotes the clause (and the definitions that decided it), shows the facts that
decided it as the profile has them (the text report's snippets: line, caret), gives the
reasoning, and says what follows; the last step gives the verdict and what would change it.

On a terminal it waits for Enter between steps; `--no-pause`, or input that is not a terminal,
prints every step at once.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from fto_check.render.prose import cited
from fto_check.render.text import LETTER, MARK, STYLE, TAB


def run(path: Path, *, pause: bool, as_of: str | None, readings: list[str]) -> int:
    from fto_check.cli.commands import parse_day
    from fto_check.law.readings import parse_option
    from fto_check.profile.read import read_profile
    from fto_check.reasoning import whynot
    from fto_check.reasoning.evaluate import evaluate
    from fto_check.render.console import Out

    loaded = read_profile(path)
    report = evaluate(
        loaded.profile,
        loaded.source,
        as_of=parse_day(as_of),
        readings=parse_option(readings),
        sha256=loaded.sha256,
    )
    report.source = loaded.source
    whynot.attach(report, loaded.profile)
    out = Out()
    waits = pause and sys.stdin.isatty()
    steps = [_opening, *(_step(letter) for letter in "ABC"), _verdict]
    for number, step in enumerate(steps):
        if number:
            if waits and not _wait(out):
                return 0
            out.line([])
        step(out, report)
    return 0


def _wait(out) -> bool:
    """Wait for Enter; False when the reader wants to stop (q, or end of input)."""
    out.line([])
    sys.stdout.write("— Enter: next step · q: stop — ")
    sys.stdout.flush()
    answer = sys.stdin.readline()
    return bool(answer) and answer.strip().lower() not in ("q", "quit")


def _opening(out, report) -> None:
    from fto_check.teaching.lesson import quote

    day = date.fromisoformat(report.as_of)
    out.line([("A tour of ", "bold"), (report.name, "bold cyan")])
    out.line([(f"{report.path}, as of {report.as_of}", "dim")])
    out.line([])
    out.wrapped(
        "The question: may the Secretary of State designate this organization as a foreign "
        "terrorist organization? The statute allows it only on three findings, all of them:",
        0,
        0,
    )
    lead = quote("1189(a)(1)", day)
    if lead:
        out.line([(TAB + cited(lead.citation, lead.version), "dim")])
        out.wrapped(f"“{lead.text}”", 8, 9, style="italic")
    for criterion in report.criteria.children:
        out.line([(f"{TAB}{LETTER[criterion.rule]} ", "bold"), (criterion.title, "")])
    out.wrapped(
        "The tour takes them in the statute's order: for each, the law's words, the facts in "
        "the profile that decided its parts, and the reasoning; then the verdict.",
        0,
        0,
    )


def _step(letter: str):
    def step(out, report) -> None:
        _criterion(out, report, report.criterion(letter))

    return step


def _criterion(out, report, criterion) -> None:
    from fto_check.render.text import Source, note_lines, snippet, to_decide
    from fto_check.teaching.lesson import closure, quotes, reasoning

    letter = LETTER[criterion.rule]
    status = criterion.status
    number = "ABC".index(letter[1]) + 1
    out.line([(f"── Step {number} of 3: {letter} {criterion.title} ", "bold"), ("─" * 20, "dim")])
    out.line([])
    out.line([("The law", "bold")])
    for q in quotes(criterion, date.fromisoformat(report.as_of), lead_in=False):
        out.line([(TAB + cited(q.citation, q.version), "dim")])
        if q.note:
            out.line([(f"{TAB}({q.note})", "dim")])
        out.wrapped(f"“{q.text}”", 8, 9, style="italic")
    out.line([])
    out.line([("The facts that decided its parts", "bold")])
    # As the reasoning gives them: each part of the criterion, and what decided each part.
    decided = [criterion, *(f for part in criterion.children for f in closure(part))]
    facts = list({(f.path, f.line, f.col): f for g in decided for f in g.facts}.values())
    if facts:
        out.lines(snippet(facts, 1, Source(report), status))
    else:
        out.line([(f"{TAB}none recorded", "")])
    out.lines(to_decide(criterion))
    out.line([])
    out.line([("The reasoning", "bold")])
    out.lines(reasoning(criterion, levels=4))
    out.lines(note_lines(criterion))
    out.line([])
    out.line(
        [
            ("So ", "bold"),
            (f"{MARK[status]} {letter} is {status.label}", f"bold {STYLE[status]}"),
            (f": {criterion.reason}.", ""),
        ]
    )


def _verdict(out, report) -> None:
    from fto_check.render.text import what_would_meet

    verdict = report.verdict
    out.line([("── The verdict ", "bold"), ("─" * 20, "dim")])
    out.line([])
    parts = ", ".join(f"{LETTER[c.rule]} {c.status.label}" for c in report.criteria.children)
    out.wrapped(
        f"{parts}. § 1189(a)(1) needs all three findings: one not met decides against "
        "designation, and one undetermined (with none not met) leaves the question open.",
        0,
        0,
    )
    out.line(
        [
            ("Verdict: ", "bold"),
            (f"{MARK[verdict]} {verdict.label}", f"bold {STYLE[verdict]}"),
        ]
    )
    for criterion in report.criteria.children:
        out.lines(what_would_meet(report, criterion))
    out.line([])
    out.line(
        [
            ("Next: ", "dim bold"),
            (
                f"`fto-check check --why-not {report.path}` gives the full report; "
                "`fto-check explain ID` teaches any clause.",
                "dim",
            ),
        ]
    )
