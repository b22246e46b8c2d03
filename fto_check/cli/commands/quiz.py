"""`fto-check quiz`: drills generated from the rules and the examples (see drills.py).

In text, one question at a time: the case's facts in plain words, a prompt, then right or wrong
and the engine's explanation with the law quoted; a score at the end, with the clauses missed
most. With `--format json`, no prompts: the questions with their answers and explanations.
"""

from __future__ import annotations

import json
import secrets
import sys
from typing import TYPE_CHECKING

from fto_check.render.prose import cited
from fto_check.render.text import TAB

if TYPE_CHECKING:
    from fto_check.render.console import Out

QUIT = ("q", "quit", "exit")


def run(*, seed: int | None, count: int, topic: str | None, fmt: str) -> int:
    from fto_check.base.errors import UsageError
    from fto_check.teaching.drills import generate, to_json

    if count < 1:
        raise UsageError("--count takes a number of questions of at least 1")
    seed = secrets.randbelow(100_000) if seed is None else seed
    questions = generate(seed=seed, count=count, topic=topic)
    if fmt == "json":
        data = {
            "seed": seed,
            "topic": topic,
            "count": len(questions),
            "questions": [to_json(q, i + 1) for i, q in enumerate(questions)],
        }
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return 0
    return _interactive(questions, seed=seed, topic=topic)


def _interactive(questions, *, seed: int, topic: str | None) -> int:
    from fto_check.render.console import Out
    from fto_check.teaching.drills import missed_most

    out = Out()
    about = f" on {topic}" if topic else ""
    out.line(
        [
            (f"fto-check quiz: {_count(len(questions))}{about}, seed {seed} ", "bold"),
            (f"(`fto-check quiz --seed {seed}` asks them again). Type q to stop.", "dim"),
        ]
    )
    if len(questions) == 0:
        out.line([("No question could be drawn for this topic from the examples.", "")])
        return 0
    right, missed, asked = 0, [], 0
    for number, question in enumerate(questions, 1):
        out.line([])
        _show(out, question, number, len(questions))
        verdict = _ask(out, question)
        if verdict is None:
            break
        asked += 1
        if verdict:
            right += 1
            out.line([("✓ Right: ", "green bold"), (question.verdict + ".", "")])
        else:
            missed.append(question)
            out.line([("✗ Wrong: ", "red bold"), (question.verdict + ".", "")])
        _explain(out, question)
    out.line([])
    share = f" ({round(100 * right / asked)}%)" if asked else ""
    out.line([("Score: ", "bold"), (f"{right} of {asked} right{share}.", "")])
    worst = missed_most(missed)
    if worst:
        listed = ", ".join(f"§ {clause} (in {_count(n)})" for clause, n in worst)
        out.line([("Clauses missed most: ", "bold"), (listed, "")])
        out.line([(f"{TAB}`fto-check explain {worst[0][0]}` teaches the first of them.", "dim")])
    return 0


def _count(n: int) -> str:
    return f"{n} question{'' if n == 1 else 's'}"


def _show(out: Out, question, number: int, total: int) -> None:
    from fto_check.profile.plain import statements

    case = question.case
    out.line([(f"── Question {number} of {total} ", "bold"), ("─" * 40, "dim")])
    out.line([(case.profile.name, "bold"), (f", as of {case.report.as_of}", "")])
    source = f"From the example {case.based_on}"
    if case.variation:
        out.line([(f"{source}, with one change:", "dim")])
        out.line([(f"{TAB}{case.variation}", "cyan")])
    else:
        out.line([(f"{source}.", "dim")])
    for title, facts in statements(case.profile):
        out.line([(title, "bold")])
        for fact in facts:
            out.wrapped(f"• {fact}", 4, 6)
    out.line([("Anything not listed is unknown.", "dim")])
    out.line([])
    out.wrapped(question.prompt, 0, 0, style="bold")
    for choice in question.choices:
        if question.kind == "status":
            continue
        out.wrapped(f"{choice.key}) {choice.text}", 4, 6 + len(choice.key))


def _ask(out: Out, question) -> bool | None:
    """The answer read from the user: right or wrong; None to stop (q, or end of input)."""
    import typer

    hint = {
        "status": "met (m) / not met (n) / undetermined (u or ?)",
        "route": "numbers, or none",
        "change": "a letter",
    }[question.kind]
    while True:
        try:
            text = typer.prompt(f"Your answer [{hint}]", prompt_suffix=": ")
        except typer.Abort:
            out.line([])
            return None
        if text.strip().lower() in QUIT:
            return None
        verdict = question.check(text)
        if verdict is not None:
            return verdict
        out.line([("Not an answer here: ", "yellow"), (f"type {hint}, or q to stop.", "")])


def _explain(out: Out, question) -> None:
    for line in question.explanation:
        out.line([(TAB, ""), *line])
    for quote in question.law:
        out.line([(f"{TAB}The law: ", "bold"), (cited(quote.citation, quote.version), "dim")])
        if quote.note:
            out.line([(f"{TAB * 2}({quote.note})", "dim")])
        out.wrapped(f"“{quote.text}”", 8, 9, style="italic")
