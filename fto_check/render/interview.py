"""`fto-check new`'s side of the conversation, as lines for standard error: how to answer, each
question with its choices and a hint of the forms an answer may take, and how it ended. The
interview (`teaching/interview.py`) decides what to ask; this only says it.
"""

from __future__ import annotations

from typing import Any

from fto_check.reasoning.logic import UNDETERMINED, Status
from fto_check.render.safe import terminal

INTRO = (
    "Answer in plain words; ? when you do not know (the fact stays unknown), q to stop "
    "and write what you have. Only questions whose answer could still change the "
    "verdict are asked."
)
NOTHING_WRITTEN = "Nothing written."


def question(q: Any) -> list[str]:
    """What is said before a question (`teaching.interview.Question`) is asked: what its
    answer could decide, and its choices, numbered."""
    return ["", f"[{q.decides}]", *(f"  {i:>2}. {choice}" for i, choice in enumerate(q.choices, 1))]


def prompt(q: Any) -> str:
    """The question, with the forms its answer may take."""
    return f"{q.text} [{_hint(q)}]"


def _hint(q: Any) -> str:
    return {
        "yes-no": "y/n/?",
        "country": "country code, e.g. MX; ?",
        "countries": "country codes, e.g. MX, GT; ?",
        "date": "e.g. 2019-11-30, 2019, 2017/2018, since 2010; ?",
        "day": "YYYY-MM-DD; ?",
        "demand": "on whom: " + ", ".join(q.choices) + "; none; ?",
    }.get(q.kind, "numbers or names, comma-separated; none; ?")


def contradiction(message: str) -> str:
    return f"  that contradicts an earlier answer: {message}"


def ended(verdict: Status) -> list[str]:
    """What is said when nothing is left to ask."""
    if verdict is UNDETERMINED:
        return ["", "Nothing left to ask could settle the verdict: it stays undetermined."]
    return ["", f"The verdict is settled: {verdict.label}."]


def wrote(output: str | None, verdict: Status) -> str:
    where = f" to {terminal(output)}" if output else ""
    return f"Wrote the profile{where}: on these facts the verdict is {verdict.label}."
