"""What `fto-check explain ID` says about one clause, rule or reading, gathered as data.

For a clause or rule: the words of the law (every version, with dates and the enacting law, and
the Code's footnotes), how the checker reads them, what they mean in plain English, the profile
fields that decide them, how the checker decides them (its parts, its versions, the readings it
may consult), common mistakes, and the examples that exercise it. For a reading: the question,
the alternatives, the default, who argues what, and the rules that consult it.

Everything is gathered into one JSON-ready dict (`build`), so the text, Markdown and JSON of
`render/explain.py` say the same; the wording comes from rules/ (the law, the readings, the
teaching text in catalog.yaml), the rule registry, and the example reports.
"""

from __future__ import annotations

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
    teaching,
    tree,
    version_days,
)
from fto_check.reasoning.engine import RULES

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
        # a lead-in such as (iv)(IV) "to solicit funds … for—" has element rules of its own
        "encoded": "encoded by its elements: " + ", ".join(cover.rules)
        if cover.rules
        else "encoded",
        "through-subclauses": "encoded through its subclauses: " + ", ".join(cover.rules),
        "structural": "a heading: its subclauses carry the law",
        "not-encoded": f"not encoded: {cover.reason}",
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
            "default": known[name].current_default,
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
        "default": reading.current_default,
        "alternatives": [
            {"name": alt, "text": text, "default": alt == reading.current_default}
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
