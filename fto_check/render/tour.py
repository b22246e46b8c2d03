"""`fto-check tour` as text: the steps of a walk through one profile, each as lines of (text,
style) segments. The command gathers what each step quotes (`teaching.lesson`) and decides when
to pause; these functions only say it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fto_check.reasoning.findings import Finding, Report
from fto_check.render.console import wrapped
from fto_check.render.prose import cited
from fto_check.render.text import (
    LETTER,
    MARK,
    STYLE,
    TAB,
    Line,
    Source,
    note_lines,
    reasoning,
    snippet,
    to_decide,
    what_would_meet,
)


def opening(report: Report, lead: Any | None) -> Iterator[Line]:
    """The question, § 1189(a)(1)'s lead-in (`lead`, a `teaching.lesson.Quote`), the three
    criteria, and the plan of the tour."""
    yield [("A tour of ", "bold"), (report.name, "bold cyan")]
    yield [(f"{report.path}, as of {report.as_of}", "dim")]
    yield []
    yield from wrapped(
        "The question: may the Secretary of State designate this organization as a foreign "
        "terrorist organization? The statute allows it only on three findings, all of them:",
        0,
        0,
    )
    if lead:
        yield [(TAB + cited(lead.citation, lead.version), "dim")]
        yield from wrapped(f"“{lead.text}”", 8, 9, style="italic")
    for criterion in report.criteria.children:
        yield [(f"{TAB}{LETTER[criterion.rule]} ", "bold"), (criterion.title, "")]
    yield from wrapped(
        "The tour takes them in the statute's order: for each, the law's words, the facts in "
        "the profile that decided its parts, and the reasoning; then the verdict.",
        0,
        0,
    )


def step(
    report: Report, criterion: Finding, quotes: list[Any], decided: list[Finding]
) -> Iterator[Line]:
    """One criterion: the law it applied (`quotes`), the facts that decided it and its parts
    (`decided`: the findings its status rests on), the fields still missing, the reasoning,
    and what follows."""
    letter = LETTER[criterion.rule]
    status = criterion.status
    number = "ABC".index(letter[1]) + 1
    yield [(f"── Step {number} of 3: {letter} {criterion.title} ", "bold"), ("─" * 20, "dim")]
    yield []
    yield [("The law", "bold")]
    for q in quotes:
        yield [(TAB + cited(q.citation, q.version), "dim")]
        if q.note:
            yield [(f"{TAB}({q.note})", "dim")]
        yield from wrapped(f"“{q.text}”", 8, 9, style="italic")
    yield []
    yield [("The facts that decided its parts", "bold")]
    facts = list({(f.path, f.line, f.col): f for g in decided for f in g.facts}.values())
    if facts:
        yield from snippet(facts, 1, Source(report), status)
    else:
        yield [(f"{TAB}none recorded", "")]
    yield from to_decide(criterion)
    yield []
    yield [("The reasoning", "bold")]
    yield from reasoning(criterion, levels=4)
    yield from note_lines(criterion)
    yield []
    yield [
        ("So ", "bold"),
        (f"{MARK[status]} {letter} is {status.label}", f"bold {STYLE[status]}"),
        (f": {criterion.reason}.", ""),
    ]


def verdict(report: Report) -> Iterator[Line]:
    """The verdict, why all three findings are needed, what would change it, and what next."""
    yield [("── The verdict ", "bold"), ("─" * 20, "dim")]
    yield []
    parts = ", ".join(f"{LETTER[c.rule]} {c.status.label}" for c in report.criteria.children)
    yield from wrapped(
        f"{parts}. § 1189(a)(1) needs all three findings: one not met decides against "
        "designation, and one undetermined (with none not met) leaves the question open.",
        0,
        0,
    )
    found = report.verdict
    yield [("Verdict: ", "bold"), (f"{MARK[found]} {found.label}", f"bold {STYLE[found]}")]
    for criterion in report.criteria.children:
        yield from what_would_meet(report, criterion)
    yield []
    yield [
        ("Next: ", "dim bold"),
        (
            f"`fto-check check --why-not {report.path}` gives the full report; "
            "`fto-check explain ID` teaches any clause.",
            "dim",
        ),
    ]
