"""`fto-check quiz` in the terminal: the header, each question (the case's facts in plain words
and the prompt), the engine's explanation with the law quoted, and the score, as lines of
(text, style) segments. The command draws the questions and reads the answers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fto_check.render.console import wrapped
from fto_check.render.prose import cited
from fto_check.render.text import TAB, Line


def count(n: int) -> str:
    return f"{n} question{'' if n == 1 else 's'}"


def header(n: int, *, seed: int, topic: str | None) -> Iterator[Line]:
    about = f" on {topic}" if topic else ""
    yield [
        (f"fto-check quiz: {count(n)}{about}, seed {seed} ", "bold"),
        (f"(`fto-check quiz --seed {seed}` asks them again). Type q to stop.", "dim"),
    ]
    if n == 0:
        yield [("No question could be drawn for this topic from the examples.", "")]


def question(q: Any, number: int, total: int) -> Iterator[Line]:
    """A question (`teaching.drills.Question`): the case in plain words, then the prompt."""
    from fto_check.profile.plain import statements

    case = q.case
    yield [(f"── Question {number} of {total} ", "bold"), ("─" * 40, "dim")]
    yield [(case.profile.name, "bold"), (f", as of {case.report.as_of}", "")]
    source = f"From the example {case.based_on}"
    if case.variation:
        yield [(f"{source}, with one change:", "dim")]
        yield [(f"{TAB}{case.variation}", "cyan")]
    else:
        yield [(f"{source}.", "dim")]
    for title, facts in statements(case.profile):
        yield [(title, "bold")]
        for fact in facts:
            yield from wrapped(f"• {fact}", 4, 6)
    yield [("Anything not listed is unknown.", "dim")]
    yield []
    yield from wrapped(q.prompt, 0, 0, style="bold")
    for choice in q.choices:
        if q.kind == "status":
            continue
        yield from wrapped(f"{choice.key}) {choice.text}", 4, 6 + len(choice.key))


def answered(q: Any, right: bool) -> Iterator[Line]:
    """Right or wrong, and the engine's explanation with the law it applied, quoted."""
    if right:
        yield [("✓ Right: ", "green bold"), (q.verdict + ".", "")]
    else:
        yield [("✗ Wrong: ", "red bold"), (q.verdict + ".", "")]
    for line in q.explanation:
        yield [(TAB, ""), *line]
    for quote in q.law:
        yield [(f"{TAB}The law: ", "bold"), (cited(quote.citation, quote.version), "dim")]
        if quote.note:
            yield [(f"{TAB * 2}({quote.note})", "dim")]
        yield from wrapped(f"“{quote.text}”", 8, 9, style="italic")


def score(right: int, asked: int, worst: list[tuple[str, int]]) -> Iterator[Line]:
    """The score, and the clauses missed most (`worst`: clause and how many questions)."""
    yield []
    share = f" ({round(100 * right / asked)}%)" if asked else ""
    yield [("Score: ", "bold"), (f"{right} of {asked} right{share}.", "")]
    if worst:
        listed = ", ".join(f"§ {clause} (in {count(n)})" for clause, n in worst)
        yield [("Clauses missed most: ", "bold"), (listed, "")]
        yield [(f"{TAB}`fto-check explain {worst[0][0]}` teaches the first of them.", "dim")]
