"""`fto-check quiz`: drills generated from the rules and the examples (see drills.py).

In text, one question at a time: the case's facts in plain words, a prompt, then right or wrong
and the engine's explanation with the law quoted; a score at the end, with the clauses missed
most (written by `render/quiz.py`). With `--format json`, no prompts: the questions with their
answers and explanations.
"""

from __future__ import annotations

import json
import secrets
import sys
from typing import TYPE_CHECKING

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
    from fto_check.render import quiz
    from fto_check.render.console import Out
    from fto_check.teaching.drills import missed_most

    out = Out()
    out.lines(quiz.header(len(questions), seed=seed, topic=topic))
    if len(questions) == 0:
        return 0
    right, missed, asked = 0, [], 0
    for number, question in enumerate(questions, 1):
        out.line([])
        out.lines(quiz.question(question, number, len(questions)))
        verdict = _ask(out, question)
        if verdict is None:
            break
        asked += 1
        right += verdict
        if not verdict:
            missed.append(question)
        out.lines(quiz.answered(question, verdict))
    out.lines(quiz.score(right, asked, missed_most(missed)))
    return 0


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
