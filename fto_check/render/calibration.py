"""`fto-check calibrate`: the agreement table, the checker's verdict on the facts against the
register of designations, for the terminal (text), a paper (Markdown), scripts (JSON, CSV)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict

from fto_check.law.register import RULE
from fto_check.reasoning.logic import Status
from fto_check.reasoning.record import Difference, Row
from fto_check.render.register import md_line, table
from fto_check.render.text import AGREEMENT_STYLE, TAB, Line

AGREEMENT_MARK = {"agree": "✓", "disagree": "✗", "undetermined": "?", "unsettled": "~"}
FIELDS = ("path", "name", "as_of", "entry", "verdict", "standing", "agreement", "differences")


def summary(rows: list[Row], skipped: int = 0) -> dict:
    counts = Counter(row.agreement for row in rows)
    decided = counts["agree"] + counts["disagree"]
    return {
        "profiles": len(rows),
        "skipped": skipped,  # profiles that name no register entry
        **{k: counts[k] for k in AGREEMENT_MARK},
        "rate": round(counts["agree"] / decided, 4) if decided else None,
    }


def summary_sentence(rows: list[Row], skipped: int = 0) -> str:
    s = summary(rows, skipped)
    decided = s["agree"] + s["disagree"]
    rate = f" ({s['rate']:.0%})" if s["rate"] is not None else ""
    text = (
        f"The verdict on the facts agrees with the record for {s['agree']} of the {decided} "
        f"profile{'s' * (decided != 1)} it decides{rate}"
    )
    if s["undetermined"]:
        text += f"; {s['undetermined']} undetermined on the facts"
    if s["unsettled"]:
        text += f"; for {s['unsettled']}, the record does not fix the day"
    return text + "."


def why(row: Row, text=str, code=str) -> list[str]:
    """Each difference in a sentence: the criterion and the leaves that made it. `text` and
    `code` format the data's words and its field names (Markdown escapes one, quotes the other)."""
    return [_difference(d, text, code) for d in row.differences] + (
        [text(row.note)] if row.note else []
    )


def _difference(d: Difference, text, code) -> str:
    parts = []
    for leaf in d.leaves:
        part = f"{text(leaf.label)}: {text(leaf.reason)}"
        if leaf.missing:
            part += f" (missing {', '.join(map(code, leaf.missing))})"
        if leaf.readings:
            part += f" [reading {', '.join(code(f'{k}={v}') for k, v in leaf.readings.items())}]"
        parts.append(part)
    more = f"; and {d.more} more" if d.more else ""
    status = Status(d.status).label
    return f"({d.criterion}) {text(d.title)} is {status} on the facts: " + "; ".join(parts) + more


# ---------------------------------------------------------------- text


def lines(rows: list[Row], skipped: int) -> Iterator[Line]:
    yield [("Calibration: ", "bold"), ("the verdict on the facts against the register", "")]
    yield [(summary_sentence(rows, skipped), "bold")]
    if skipped:
        profiles = f"{skipped} profile{'s' * (skipped != 1)}"
        yield [(f"{profiles} named no register entry (skipped)", "dim")]
    yield [("rule: ", "dim bold"), (RULE, "dim")]
    yield []
    width = max((len(r.name) for r in rows), default=10)
    width = min(width, 48)
    for r in rows:
        style = AGREEMENT_STYLE.get(r.agreement, "yellow")
        yield [
            (f"{AGREEMENT_MARK[r.agreement]} ", style),
            (f"{r.name[:width]:<{width}}  ", ""),
            (f"{r.as_of}  ", "dim"),
            (f"{Status(r.verdict).label:<12}  ", ""),
            (f"{r.standing.replace('_', ' '):<12}  ", ""),
            (r.agreement, style),
        ]
        for sentence in why(r):
            yield [(f"{TAB}↳ {sentence}", "dim")]
    yield []
    yield [
        (
            "The record sits beside the reasoning: it never decides a criterion. `fto-check "
            "check PROFILE` shows each profile's reasoning and its record.",
            "dim",
        )
    ]


# ---------------------------------------------------------------- markdown, json, csv


def markdown(rows: list[Row], skipped: int) -> str:
    head = ("Profile", "As of", "Register entry", "Verdict on the facts", "Record", "Agreement")
    out = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for r in rows:
        out.append(
            f"| {md_line(r.name)} | {r.as_of} | `{r.entry}` | {Status(r.verdict).label} "
            f"| {r.standing.replace('_', ' ')} | {r.agreement} |"
        )
    out += ["", summary_sentence(rows, skipped)]
    parting = [r for r in rows if r.differences or r.note]
    if parting:
        out += ["", "Where they part, or the facts leave the verdict open, and why:", ""]
        for r in parting:
            out.append(
                f"- *{md_line(r.name)}* ({r.as_of}): {Status(r.verdict).label} on the facts, "
                f"{r.standing.replace('_', ' ')} in the record. "
                + " ".join(s + ("" if s.endswith(".") else ".") for s in why(r, md_line, _code))
            )
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    return f"`{text.replace('`', '')}`"


def to_json(rows: list[Row], skipped: int) -> str:
    data = {"summary": summary(rows, skipped), "rule": RULE, "rows": [asdict(r) for r in rows]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def csv(rows: list[Row]) -> str:
    flat = [
        {**asdict(r), "differences": " | ".join(why(r))} for r in rows
    ]  # the writer quotes each cell
    return table("csv", FIELDS, flat)
