"""What `fto-check rules` shows, gathered as data: the criteria tree as the engine composes it,
how the rules cover the clauses of rules/, the contested readings, and the whole reference of
docs/criteria.md (all of it, with `explain` for every clause, rule and reading).

The tree comes from `catalog.tree`, which reads it off the engine (see catalog.py for why);
`render/rules.py` writes it all as text and Markdown.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fto_check.law.readings import all_readings
from fto_check.law.statute import load_law
from fto_check.reasoning.catalog import ROOT, Target, coverage, latest, tree
from fto_check.reasoning.engine import RULES
from fto_check.teaching.explain import build

# ---------------------------------------------------------------- the tree


def tree_data(day: date | None = None) -> dict[str, Any]:
    """The tree in force on `day` (None: today, without naming the date), as data."""
    on = day or latest()
    law = load_law()
    rules = []
    for rule_id, node in tree(on).items():
        rule = node.rule
        rules.append(
            {
                "id": rule_id,
                "citation": rule.citation,
                "title": rule.title,
                "summary": rule.summary,
                "combine": node.combine,
                "each_incident": node.each_incident,
                "parts": list(node.parts),
                "reads": list(rule.reads),
                "readings": list(rule.readings),
                "rule_version": {
                    "since": rule.since.isoformat() if rule.since else None,
                    "until": rule.until.isoformat() if rule.until else None,
                    "of": len(RULES[rule_id]),
                },
                "law": law.clauses[rule.clause].label_on(on),
            }
        )
    return {"as_of": day.isoformat() if day else None, "root": ROOT, "rules": rules}


# ---------------------------------------------------------------- coverage


def coverage_data() -> dict[str, Any]:
    law = load_law()
    clauses = []
    for cover in coverage():
        clause = cover.clause
        clauses.append(
            {
                "clause": clause.id,
                "section": law.section_of[clause.id].section,
                "heading": clause.heading,
                "kind": cover.kind,
                "rules": [
                    {
                        "id": rule_id,
                        "versions": [
                            {
                                "since": r.since.isoformat() if r.since else None,
                                "until": r.until.isoformat() if r.until else None,
                            }
                            for r in RULES[rule_id]
                        ],
                    }
                    for rule_id in cover.rules
                ],
                "reason": cover.reason,
                "versions_not_encoded": [
                    {
                        "in_force_from": v.in_force_from.isoformat() if v.in_force_from else None,
                        "in_force_until": v.in_force_until.isoformat()
                        if v.in_force_until
                        else None,
                        "reason": reason,
                    }
                    for v, reason in cover.versions_not_encoded
                ],
            }
        )
    kinds = ["encoded", "through-subclauses", "not-encoded", "structural", "uncovered"]
    totals = {kind: sum(c["kind"] == kind for c in clauses) for kind in kinds}
    return {"clauses": clauses, "totals": {"clauses": len(clauses), **totals}}


# ---------------------------------------------------------------- readings


def readings_data() -> dict[str, Any]:
    return {
        "readings": [
            {
                "name": r.name,
                "clause": r.clause,
                "question": " ".join(r.question.split()),
                "default": r.current_default,
                "alternatives": list(r.alternatives),
            }
            for r in all_readings().values()
        ]
    }


# ---------------------------------------------------------------- the whole reference


def reference() -> dict[str, Any]:
    """docs/criteria.md as data: the tree, every encoded clause and its rules explained (an
    element's explanation links to its clause rather than quoting it again: `quote_law`), the
    readings, and coverage."""
    explained = []
    for cover in coverage():
        if cover.kind not in ("encoded", "through-subclauses"):
            continue
        clause_id = cover.clause.id
        explained.append({"quote_law": True, **build(Target("clause", clause_id), examples=False)})
        for rule_id in cover.rules:
            if rule_id != clause_id and RULES[rule_id][0].clause == clause_id:
                data = build(Target("rule", rule_id), examples=False)
                explained.append({"quote_law": False, **data})
    return {
        "tree": tree_data(),
        "explained": explained,
        "readings": readings_data(),
        "readings_explained": [
            build(Target("reading", name), examples=False) for name in all_readings()
        ],
        "coverage": coverage_data(),
    }
