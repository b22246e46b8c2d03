"""`fto-check explain ID`: one clause, rule or reading, taught in full.

For a clause or rule: the words of the law (every version, with dates and the enacting law, and
the Code's footnotes), how the checker reads them, what they mean in plain English, the profile
fields that decide them, how the checker decides them (its parts, its versions, the readings it
may consult), common mistakes, and the examples that exercise it. For a reading: the question,
the alternatives, the default, who argues what, and the rules that consult it.

Everything is gathered into one JSON-ready dict (`build`), so text, Markdown and JSON say the
same; the wording comes from rules/ (the law, the readings, the teaching text in catalog.yaml),
the rule registry, and the example reports.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from fto_check.law.readings import all_readings
from fto_check.law.statute import Version, load_law
from fto_check.reasoning.catalog import (
    Cover,
    Target,
    below,
    coverage,
    examples_consulting,
    examples_deciding,
    in_force,
    latest,
    resolve,
    span,
    teaching,
    tree,
    version_days,
)
from fto_check.reasoning.engine import RULES
from fto_check.render.prose import anchor, wrap


def run(query: str, *, fmt: str) -> int:
    """Print the explanation of `query`; an unknown id raises UsageError (exit 2)."""
    data = build(resolve(query))
    if fmt == "json":
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        sys.stdout.write(markdown(data))
    else:
        sys.stdout.write(text(data))
    return 0


# ---------------------------------------------------------------- gathering


def build(target: Target, *, examples: bool = True) -> dict[str, Any]:
    """Everything `explain` says about `target`, as data."""
    if target.kind == "reading":
        return _reading(target.id, examples=examples)
    return _clause_or_rule(target, examples=examples)


def _clause_or_rule(target: Target, *, examples: bool) -> dict[str, Any]:
    law = load_law()
    rule_id = target.id if target.id in RULES else None
    clause_id = RULES[rule_id][0].clause if rule_id else target.id
    clause = law.clauses[clause_id]
    entry = teaching().get(target.id)
    cover = next(c for c in coverage() if c.clause.id == clause_id)
    deciding = [rule_id] if rule_id else list(cover.rules)
    current = RULES[rule_id][-1] if rule_id else None
    data: dict[str, Any] = {
        "kind": target.kind,
        "id": target.id,
        "citation": law.citation(clause_id)
        + (f", element {target.id.partition('/')[2]}" if "/" in target.id else ""),
        "title": current.title if current else clause.heading,
        "law": {
            "clause": clause_id,
            "heading": clause.heading,
            "versions": [_version(clause, v) for v in clause.versions],
            "footnotes": list(clause.footnotes),
        },
        "plain": entry.plain if entry else (current.summary if current else ""),
        "parsing": entry.parsing if entry else "",
        "encoded": "encoded" if rule_id else _encoding(cover),
        "fields": _fields(deciding),
        "decision": [_rule_version(rule_id, i) for i in range(len(RULES[rule_id]))]
        if rule_id
        else [],
        "readings": _readings_under(deciding),
        "mistakes": list(entry.mistakes) if entry else [],
    }
    if examples:
        data["examples"] = [_use(u) for u in examples_deciding(deciding)]
    return data


def _version(clause, version: Version) -> dict[str, Any]:
    day = version.in_force_from or version.in_force_until
    return {
        "in_force_from": _iso(version.in_force_from),
        "in_force_until": _iso(version.in_force_until),
        "label": clause.label_on(day) if day else version.label,
        "enacted_by": version.enacted_by,
        "act": version.act,
        "text": version.text,
        "flush_text": version.flush_text,
        "source": version.source,
        "note": version.note,
        "not_encoded": version.not_encoded,
    }


def _encoding(cover: Cover) -> str:
    """How a clause without a rule of its own is covered, as a phrase."""
    return {
        "encoded": "encoded",
        "through subclauses": "encoded through its subclauses: " + ", ".join(cover.rules),
        "structural": "a heading: its subclauses carry the law",
        "not encoded": f"not encoded: {cover.reason}",
        "uncovered": "not encoded, and no reason is given",
    }[cover.kind]


def _days(rule_ids: list[str]) -> list:
    return sorted({day for rule_id in rule_ids for day in version_days(rule_id)} | {latest()})


def _fields(rule_ids: list[str]) -> list[str]:
    """The profile fields read by these rules and every rule they are composed of."""
    fields: dict[str, None] = {}
    for day in _days(rule_ids):
        nodes = tree(day)
        for rule_id in rule_ids:
            for part in below(nodes, rule_id):
                fields.update(dict.fromkeys(nodes[part].rule.reads))
    return list(fields)


def _readings_under(rule_ids: list[str]) -> list[dict[str, Any]]:
    """The readings these rules (or their parts) consult, each with the rules consulting it."""
    via: dict[str, dict[str, None]] = {}
    for day in _days(rule_ids):
        nodes = tree(day)
        for rule_id in rule_ids:
            for part in below(nodes, rule_id):
                for name in nodes[part].rule.readings:
                    via.setdefault(name, {})[part] = None
    known = all_readings()
    return [
        {
            "name": name,
            "question": known[name].question,
            "default": known[name].default,
            "alternatives": list(known[name].alternatives),
            "via": list(rules),
        }
        for name, rules in via.items()
    ]


def _rule_version(rule_id: str, index: int) -> dict[str, Any]:
    rule = RULES[rule_id][index]
    day = version_days(rule_id)[index]
    node = tree(day).get(rule_id)
    parts = []
    for part in node.parts if node else ():
        impl = in_force(part, day)
        parts.append({"id": part, "title": impl.title, "summary": impl.summary})
    return {
        "since": _iso(rule.since),
        "until": _iso(rule.until),
        "title": rule.title,
        "summary": rule.summary,
        "combine": node.combine if node else "leaf",
        "each_incident": bool(node and node.each_incident),
        "parts": parts,
        "reads": list(rule.reads),
        "readings": list(rule.readings),
    }


def _reading(name: str, *, examples: bool) -> dict[str, Any]:
    reading = all_readings()[name]
    law = load_law()
    consulted = [
        {"id": rule_id, "title": impls[-1].title}
        for rule_id, impls in RULES.items()
        if any(name in impl.readings for impl in impls)
    ]
    data: dict[str, Any] = {
        "kind": "reading",
        "id": name,
        "citation": law.citation(reading.clause) if reading.clause in law.clauses else "",
        "clause": reading.clause,
        "question": reading.question,
        "default": reading.default,
        "alternatives": [
            {"name": alt, "text": text, "default": alt == reading.default}
            for alt, text in reading.alternatives.items()
        ],
        "argument": reading.argument,
        "consulted_by": consulted,
    }
    if examples:
        data["examples"] = [_use(u) for u in examples_consulting(name)]
    return data


def _use(use) -> dict[str, Any]:
    return {"example": use.example, "as_of": use.as_of, "outcomes": list(use.outcomes)}


def _iso(day) -> str | None:
    return day.isoformat() if day else None


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
    when = span_text(version)
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


def span_text(version: dict[str, Any]) -> str:
    since, until = version["in_force_from"], version["in_force_until"]
    if since and until:
        return f"from {since} to {until}"
    if since:
        return f"since {since}"
    return f"until {until}" if until else "always"


def _text_decision(data: dict[str, Any]) -> list[str]:
    lines = [] if data["encoded"] == "encoded" else wrap(_sentence(data["encoded"]), 2)
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


def _sentence(words: str) -> str:
    return words[0].upper() + words[1:] + ("" if words.endswith(".") else ".")


def _combine(version: dict[str, Any]) -> str:
    if version["each_incident"]:
        return "any of the incidents, each judged by"
    return {"all-of": "all of", "any-of": "any of"}.get(version["combine"], "")


def _span(version: dict[str, Any]) -> str:
    since = date.fromisoformat(version["since"]) if version["since"] else None
    until = date.fromisoformat(version["until"]) if version["until"] else None
    return span(since, until)


def _text_examples(uses: list[dict[str, Any]]) -> list[str]:
    if not uses:
        return ["  none"]
    return [f"  {u['example']} (as of {u['as_of']}): {', '.join(u['outcomes'])}" for u in uses]


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
        out += [
            f"- `{u['example']}` (as of {u['as_of']}): {', '.join(u['outcomes'])}" for u in uses
        ] or ["None."]
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
    head = f"{'In force ' if current else ''}{span_text(version)}, {version['label']}:"
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
    out = [] if data["encoded"] == "encoded" else [_sentence(data["encoded"]), ""]
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
            f"- `{u['example']}` (as of {u['as_of']}): {', '.join(u['outcomes'])}"
            for u in data["examples"]
        ] or ["None."]
        out.append("")
    return "\n".join(out) + "\n"
