"""`fto-check explain` as text and Markdown, from the data of `teaching/explain.py`."""

from __future__ import annotations

import json
from typing import Any

from fto_check.reasoning.logic import Status
from fto_check.render.prose import anchor, in_force, sentence, span_iso, wrap


def render(data: dict[str, Any], fmt: str) -> str:
    """The explanation in `fmt`: text, markdown or json."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return markdown(data) if fmt == "markdown" else text(data)


# ---------------------------------------------------------------- text


def text(data: dict[str, Any]) -> str:
    if data["kind"] == "reading":
        return _text_reading(data)
    out = [f"§ {data['id']}: {data['title']}" if data["title"] else f"§ {data['id']}"]
    out.append(data["citation"])
    out += _section("The law", _text_law(data["law"]))
    if data["parsing"]:
        out += _section("How the checker reads the words", wrap(data["parsing"], 2))
    if data["plain"]:
        out += _section("In plain English", wrap(data["plain"], 2))
    if data["fields"]:
        out += _section("Decided by these profile fields", wrap(", ".join(data["fields"]), 2))
    out += _section("How the checker decides it", _text_decision(data))
    if data["mistakes"]:
        out += _section("Common mistakes", [line for m in data["mistakes"] for line in _bullet(m)])
    if "examples" in data:
        out += _section("Examples that exercise it", _text_examples(data["examples"]))
    return "\n".join(out) + "\n"


def _text_law(law: dict[str, Any]) -> list[str]:
    *earlier, current = law["versions"]
    lines = _text_version(current, 2, current=True)
    for note in law["footnotes"]:
        lines += wrap(f"Footnote: {note}", 2, 6)
    if earlier:
        lines.append("  Earlier versions:")
        for version in reversed(earlier):
            lines += _text_version(version, 4)
    return lines


def _text_version(version: dict[str, Any], indent: int, *, current: bool = False) -> list[str]:
    when = _when(version)
    head = f"{'In force ' if current else ''}{when}, {version['label']}:"
    lines = wrap(head[0].upper() + head[1:], indent)
    if version["text"] is None:
        lines += wrap(f"(wording not retrieved: {version['note']})", indent + 2)
    elif version["text"] == "":
        lines += wrap("(a heading only: the words are in its subclauses)", indent + 2)
    else:
        lines += wrap(f"“{version['text']}”", indent + 2)
        if version["flush_text"]:
            lines += wrap(f"… “{version['flush_text']}”", indent + 2)
    if version["not_encoded"]:
        lines += wrap(f"Not encoded: {version['not_encoded']}", indent + 2)
    return lines


def _text_decision(data: dict[str, Any]) -> list[str]:
    lines = [] if data["encoded"] == "encoded" else wrap(sentence(data["encoded"]), 2)
    several = len(data["decision"]) > 1
    for version in reversed(data["decision"]):
        prefix = f"{_span(version).capitalize()} (“{version['title']}”): " if several else ""
        lines += wrap(f"{prefix}{version['summary']}", 2, 4)
        if version["parts"]:
            lines.append(f"    {_combine(version)}:")
            for part in version["parts"]:
                lines += wrap(f"- {part['id']} ({part['title']}): {part['summary']}", 6, 8)
    if data["readings"]:
        lines.append("  Readings it may consult:")
        for reading in data["readings"]:
            others = ", ".join(a for a in reading["alternatives"] if a != reading["default"])
            lines += wrap(
                f"- {reading['name']} (default {reading['default']}; or {others}), via "
                f"{', '.join(reading['via'])}: {reading['question']}",
                4,
                6,
            )
        lines.append("  (`fto-check explain NAME` gives a reading's alternatives and arguments.)")
    return lines


def _combine(version: dict[str, Any]) -> str:
    if version["each_incident"]:
        return "any of the incidents, each judged by"
    return {"all-of": "all of", "any-of": "any of"}.get(version["combine"], "")


def _when(version: dict[str, Any]) -> str:
    """When a version of the law was in force."""
    return in_force(version["in_force_from"], version["in_force_until"])


def _span(version: dict[str, Any]) -> str:
    return span_iso(version["since"], version["until"])


def _text_examples(uses: list[dict[str, Any]]) -> list[str]:
    if not uses:
        return ["  none"]
    return [f"  {u['example']} (as of {u['as_of']}): {_outcomes(u)}" for u in uses]


def _outcomes(use: dict[str, Any]) -> str:
    """What an example's report decided, in words: 'met, not met', or a reading's value."""
    return ", ".join(Status(o).label if o in _STATUSES else o for o in use["outcomes"])


_STATUSES = frozenset(Status)


def _text_reading(data: dict[str, Any]) -> str:
    out = [f"Reading {data['id']}: a contested reading of § {data['clause']}", data["citation"]]
    out += _section("The question", wrap(data["question"], 2))
    alternatives = []
    for alt in data["alternatives"]:
        mark = " (default)" if alt["default"] else ""
        alternatives += wrap(f"- {alt['name']}{mark}: {alt['text']}", 2, 4)
    out += _section("The alternatives", alternatives)
    if data["argument"]:
        out += _section("Who argues what", wrap(data["argument"], 2))
    consulted = [
        line for r in data["consulted_by"] for line in _bullet(f"{r['id']} ({r['title']})")
    ]
    out += _section("Consulted by", consulted or ["  no rule yet"])
    choose = (
        f"--reading {data['id']}=VALUE on the command line, or `readings: {{{data['id']}: "
        "VALUE}` in a profile."
    )
    out += _section("Choose another", wrap(choose, 2))
    if "examples" in data:
        out += _section("Examples where it decided a finding", _text_examples(data["examples"]))
    return "\n".join(out) + "\n"


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", title, *lines]


def _bullet(words: str) -> list[str]:
    return wrap(f"- {words}", 2, 4)


# ---------------------------------------------------------------- Markdown


def markdown(data: dict[str, Any], *, level: int = 1, law: bool = True) -> str:
    """The explanation as Markdown; `law=False` links an element to its clause instead of
    quoting the clause again (docs/criteria.md)."""
    head = "#" * level
    sub = "#" * (level + 1)
    if data["kind"] == "reading":
        return _markdown_reading(data, head, sub)
    title = f"§ {data['id']}" + (f": {data['title']}" if data["title"] else "")
    out = [f'<a id="{anchor(data["id"])}"></a>', "", f"{head} {title}", "", data["citation"], ""]
    if law or data["law"]["clause"] == data["id"]:
        out += [f"{sub} The law", "", *_markdown_law(data["law"])]
    else:
        clause = data["law"]["clause"]
        out += [f"The law: see [§ {clause}](#{anchor(clause)}).", ""]
    if data["parsing"]:
        out += [f"{sub} How the checker reads the words", "", data["parsing"], ""]
    if data["plain"]:
        out += [f"{sub} In plain English", "", data["plain"], ""]
    if data["fields"]:
        fields = ", ".join(f"`{f}`" for f in data["fields"])
        out += [f"{sub} Decided by these profile fields", "", fields, ""]
    out += [f"{sub} How the checker decides it", "", *_markdown_decision(data)]
    if data["mistakes"]:
        out += [f"{sub} Common mistakes", "", *(f"- {m}" for m in data["mistakes"]), ""]
    if "examples" in data:
        out += [f"{sub} Examples that exercise it", ""]
        uses = data["examples"]
        out += [f"- `{u['example']}` (as of {u['as_of']}): {_outcomes(u)}" for u in uses] or [
            "None."
        ]
        out.append("")
    return "\n".join(out) + "\n"


def _markdown_law(law: dict[str, Any]) -> list[str]:
    *earlier, current = law["versions"]
    out = _markdown_version(current, current=True)
    for note in law["footnotes"]:
        out += [f"Footnote: {note}", ""]
    if earlier:
        out += ["Earlier versions:", ""]
        for version in reversed(earlier):
            out += _markdown_version(version)
    return out


def _markdown_version(version: dict[str, Any], *, current: bool = False) -> list[str]:
    head = f"{'In force ' if current else ''}{_when(version)}, {version['label']}:"
    out = [f"*{head[0].upper() + head[1:]}*", ""]
    if version["text"] is None:
        out += [f"> (wording not retrieved: {version['note']})", ""]
    elif version["text"] == "":
        out += ["> (a heading only: the words are in its subclauses)", ""]
    else:
        out += [f"> {version['text']}", ""]
        if version["flush_text"]:
            out += [f"> … {version['flush_text']}", ""]
    if version["not_encoded"]:
        out += [f"Not encoded: {version['not_encoded']}", ""]
    return out


def _markdown_decision(data: dict[str, Any]) -> list[str]:
    out = [] if data["encoded"] == "encoded" else [sentence(data["encoded"]), ""]
    several = len(data["decision"]) > 1
    for version in reversed(data["decision"]):
        prefix = f"**{_span(version)}** (“{version['title']}”): " if several else ""
        out += [f"{prefix}{version['summary']}", ""]
        if version["parts"]:
            out += [f"{_combine(version).capitalize()}:", ""]
            out += [
                f"- [{p['id']}](#{anchor(p['id'])}) ({p['title']}): {p['summary']}"
                for p in version["parts"]
            ]
            out.append("")
    if data["readings"]:
        out += ["Readings it may consult:", ""]
        for reading in data["readings"]:
            others = ", ".join(f"`{a}`" for a in reading["alternatives"] if a != reading["default"])
            out.append(
                f"- [`{reading['name']}`](#{anchor(reading['name'])}) (default "
                f"`{reading['default']}`; or {others}), via {', '.join(reading['via'])}: "
                f"{reading['question']}"
            )
        out.append("")
    return out


def _markdown_reading(data: dict[str, Any], head: str, sub: str) -> str:
    out = [
        f'<a id="{anchor(data["id"])}"></a>',
        "",
        f"{head} Reading `{data['id']}`",
        "",
        f"A contested reading of [§ {data['clause']}](#{anchor(data['clause'])}).",
        "",
        f"{sub} The question",
        "",
        data["question"],
        "",
        f"{sub} The alternatives",
        "",
    ]
    for alt in data["alternatives"]:
        mark = " (default)" if alt["default"] else ""
        out.append(f"- `{alt['name']}`{mark}: {alt['text']}")
    out.append("")
    if data["argument"]:
        out += [f"{sub} Who argues what", "", data["argument"], ""]
    out += [f"{sub} Consulted by", ""]
    out += [f"- [{r['id']}](#{anchor(r['id'])}) ({r['title']})" for r in data["consulted_by"]]
    out += ["", f"Choose another with `--reading {data['id']}=VALUE` or a `readings:` block.", ""]
    if "examples" in data:
        out += [f"{sub} Examples where it decided a finding", ""]
        out += [
            f"- `{u['example']}` (as of {u['as_of']}): {_outcomes(u)}" for u in data["examples"]
        ] or ["None."]
        out.append("")
    return "\n".join(out) + "\n"
