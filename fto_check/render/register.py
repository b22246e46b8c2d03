"""`fto-check register`: the list in force on a day, or one organization's history, in the tool's
formats. Text is lines of (text, style) segments like every report; CSV and Markdown rows go
through the batch matrix's writers (which quote and escape them); JSON is the data itself."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date

from pydantic import TypeAdapter

from fto_check.law.register import RULE, Alias, Decision, Entry, Match, OnDay, Register, Standing
from fto_check.render.matrix import WRITERS
from fto_check.render.text import TAB, Line

STANDING_STYLE = {Standing.IN_FORCE: "green", Standing.NOT_IN_FORCE: "red"}
LIST_FIELDS = ("id", "name", "standing", "designated", "since", "mark")
HISTORY_FIELDS = ("id", "effective", "precision", "kind", "citation", "dated_by", "reason", "mark")


# ---------------------------------------------------------------- the list on a day


def listing(register: Register, day: date, *, everything: bool) -> list[tuple[Entry, OnDay]]:
    """The entries in force on `day` and those the record leaves unsettled (or every entry)."""
    return [
        (entry, on)
        for entry, on in register.on(day)
        if everything or on.standing is not Standing.NOT_IN_FORCE
    ]


def list_row(entry: Entry, on: OnDay) -> dict:
    last = on.last
    return {
        "id": entry.id,
        "name": entry.title_on(on.day).label,
        "standing": on.standing.label,
        "designated": entry.designated.effective.text,
        "since": on.since,
        "mark": last.mark if last else "",
    }


def list_lines(rows: list[tuple[Entry, OnDay]], day: date, *, everything: bool) -> Iterator[Line]:
    counts = {s: sum(on.standing is s for _, on in rows) for s in Standing}
    head = "Every organization in the register" if everything else "Foreign terrorist organizations"
    yield [
        (f"{head} on {day}: ", "bold"),
        (f"{counts[Standing.IN_FORCE]} in force", "bold green"),
        *(
            [(f", {counts[Standing.UNSETTLED]} unsettled", "bold yellow")]
            if counts[Standing.UNSETTLED]
            else []
        ),
        *([(f", {counts[Standing.NOT_IN_FORCE]} not in force", "bold red")] if everything else []),
    ]
    yield [("rule: ", "dim bold"), (RULE, "dim")]
    yield []
    width = max((len(e.id) for e, _ in rows), default=2)
    dates = max((len(e.designated.effective.text) for e, _ in rows), default=10)
    for standing in Standing:
        group = [(e, on) for e, on in rows if on.standing is standing]
        if not group:
            continue
        if standing is Standing.UNSETTLED:
            yield [("Unsettled: the day falls where a decision's day is not known", "bold")]
        elif everything:
            yield [(standing.label[:1].upper() + standing.label[1:], "bold")]
        for entry, on in group:
            row = list_row(entry, on)
            yield [
                (f"{TAB}{entry.id:<{width}}  ", STANDING_STYLE.get(standing, "yellow")),
                (f"{row['designated']:<{dates}}  ", "dim"),
                (row["name"], ""),
            ]
            if standing is not Standing.IN_FORCE or everything:
                yield [(f"{TAB}{'':<{width}}  {'':<{dates}}  ↳ {on.since}", "dim")]
        yield []
    yield [
        ("Dates are effective dates: ", "dim"),
        ("a designation takes effect on its Federal Register publication.", "dim"),
    ]


def list_json(rows: list[tuple[Entry, OnDay]], day: date) -> str:
    return json.dumps(
        {
            "day": day.isoformat(),
            "rule": RULE,
            "entries": [list_row(e, on) | {"standing": on.standing.value} for e, on in rows],
        },
        ensure_ascii=False,
        indent=2,
    )


def table(fmt: str, fields: tuple[str, ...], rows: list[dict]) -> str:
    """CSV or Markdown rows through the batch matrix's writers (they quote and escape cells)."""
    out = io.StringIO()
    writer = WRITERS[fmt](out, fields)
    for row in rows:
        writer.write({k: "" if row.get(k) is None else str(row[k]) for k in fields})
    writer.close()
    return out.getvalue()


# ---------------------------------------------------------------- one organization


def history_lines(register: Register, match: Match, day: date) -> Iterator[Line]:
    entry = match.entry
    on = entry.on(day)
    yield [(entry.title_on().label, "bold"), (f" — register entry {entry.id}", "dim")]
    yield from _matched(match)
    if entry.note:
        yield [(f"{TAB}note: ", "dim bold"), (entry.note, "dim")]
    yield [("rule: ", "dim bold"), (RULE, "dim")]
    yield []
    yield [("Names", "bold")]
    for alias in entry.names:
        yield [
            (f"{TAB}{alias.label}", ""),
            (f"  {'listed under it' if alias.listed else 'alias'}, {_dates(alias)}", "dim"),
            *_mark(alias.mark),
        ]
    yield []
    yield [("Decisions", "bold")]
    width = max(len(d.effective.text) for d in entry.decisions)
    for d in entry.decisions:
        yield [
            (f"{TAB}{d.effective.text:<{width}}  ", ""),
            (d.kind, "bold"),
            (f"  {d.cite}" if d.cite else "", "cyan"),
            *_mark(d.mark),
        ]
        pad = TAB + " " * (width + 2)
        if not d.effective.exact:
            yield [(f"{pad}date: {d.effective.describe()}", "yellow")]
        if d.dated_by != "publication":
            yield [(f"{pad}dated by: {_DATED_BY[d.dated_by]}", "dim")]
        if d.into:
            yield [(f"{pad}into: {d.into}", "")]
        if d.reason:
            yield [(f"{pad}reason: {d.reason}", "")]
        for label, value in (("signed", d.signed), ("announced", d.announced)):
            if value:
                yield [(f"{pad}{label}: {value}", "dim")]
        if d.published:
            yield [(f"{pad}published in the Federal Register: {d.published.describe()}", "dim")]
        for text in (d.mark_note, d.note):
            if text:
                yield [(f"{pad}{text}", "dim")]
        if d.sources:
            yield [(f"{pad}sources: {', '.join(_source(register, k) for k in d.sources)}", "dim")]
    yield []
    yield [
        (f"On {day}: ", "bold"),
        (on.standing.label, f"bold {STANDING_STYLE.get(on.standing, 'yellow')}"),
        (f" — {on.since}", ""),
    ]


def _matched(match: Match) -> Iterator[Line]:
    if match.name is not None and match.how != "id":
        how = "the words of" if match.how == "words" else "its name"
        yield [(f"{TAB}found by {how} {match.name.name!r} ({_dates(match.name)})", "dim")]
    for other, alias in match.others:
        yield [
            (
                f"{TAB}{alias.name!r} was also a name of {other.id} "
                f"({other.title_on().label}), {_dates(alias)}",
                "dim",
            )
        ]


def _dates(alias: Alias) -> str:
    text = f"from {alias.added.describe()}"
    return text + (f" until {alias.removed.describe()}" if alias.removed else "")


def _mark(mark: str) -> list[tuple[str, str]]:
    return [("  [verified]", "green dim")] if mark == "verified" else [("  [unverified]", "yellow")]


_DATED_BY = {
    "publication": "its Federal Register publication",
    "statement": "the effective day a Department statement gives",
    "state-list": "the date State's list gives",
    "term-end": "the end of a two-year term not renewed",
}


def _source(register: Register, key: str) -> str:
    source = register.sources[key]
    return f"{source.title}" + (f" <{source.url}>" if source.url else "")


def history_rows(entry: Entry) -> list[dict]:
    return [
        {
            "id": entry.id,
            "effective": d.effective.text,
            "precision": d.effective.precision,
            "kind": d.kind,
            "citation": d.cite,
            "dated_by": d.dated_by,
            "reason": d.reason,
            "mark": d.mark,
        }
        for d in entry.decisions
    ]


def history_json(register: Register, match: Match, day: date) -> str:
    entry = match.entry
    on = entry.on(day)
    data = {
        "id": entry.id,
        "name": entry.title_on().label,
        "matched": match.name.name if match.name else entry.id,
        "note": entry.note,
        "names": TypeAdapter(list[Alias]).dump_python(list(entry.names), mode="json"),
        "decisions": TypeAdapter(list[Decision]).dump_python(list(entry.decisions), mode="json"),
        "sources": {
            key: register.sources[key].model_dump(exclude_defaults=True)
            for key in dict.fromkeys(k for d in entry.decisions for k in d.sources)
        },
        "on": {"day": day.isoformat(), "standing": on.standing.value, "since": on.since},
        "rule": RULE,
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def history_markdown(register: Register, match: Match, day: date) -> str:
    entry = match.entry
    on = entry.on(day)
    lines = [f"## {md_line(entry.title_on().label)} (register entry `{entry.id}`)", ""]
    if entry.note:
        lines += [md_line(entry.note), ""]
    lines += ["Names:", ""]
    for a in entry.names:
        role = "listed under it" if a.listed else "alias"
        lines.append(f"- {md_line(a.label)}: {role}, {_dates(a)} ({a.mark})")
    lines += ["", table("markdown", HISTORY_FIELDS[1:], history_rows(entry)).rstrip(), ""]
    lines += [f"On {day}: **{on.standing.label}** — {md_line(on.since)}.", "", f"*Rule:* {RULE}"]
    return "\n".join(lines) + "\n"


def md_line(text: str) -> str:
    """Text from the data, safe in a Markdown line: no table breaks, no stray emphasis."""
    return " ".join(text.split()).replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
