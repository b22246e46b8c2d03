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
MAX_QUESTIONS = 100  # drawing one can take ~30 attempts, each a profile judged: ~5 s at most
NOT_AN_ANSWER = 3  # off a terminal, answers not understood in a row before the quiz stops


def run(*, seed: int | None, count: int, topic: str | None, fmt: str) -> int:
    from fto_check.base.errors import UsageError
    from fto_check.teaching.drills import generate, to_json

    if not 1 <= count <= MAX_QUESTIONS:
        raise UsageError(f"--count takes a number of questions from 1 to {MAX_QUESTIONS}")
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
    # A person can try again and again; input that is not typed (`yes m | fto-check quiz`)
    # would repeat the same wrong answer forever.
    tries = NOT_AN_ANSWER if not sys.stdin.isatty() else None
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
        if tries is not None:
            tries -= 1
            if tries == 0:
                out.line([("No answer understood: the quiz stops here.", "yellow")])
                return None
