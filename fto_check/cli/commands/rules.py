"""`fto-check rules`: the criteria tree as the engine composes it, and the reference around it.

- (default) the tree of § 1189(a)(1) in force on `--as-of` (default today): each rule's id,
  title, how it combines its parts, its one-line summary, the profile fields and readings it
  consults, and the version of the law it applies; Markdown adds a Mermaid diagram.
- `--coverage`: per clause of rules/, the rules that encode it, or why none does.
- `--readings`: the contested readings.
- `--full` (Markdown): all of it plus `explain` for every clause and rule: docs/criteria.md.

The tree comes from `catalog.tree`, which reads it off the engine (see catalog.py for why).
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

from fto_check.base.errors import UsageError
from fto_check.cli.commands import parse_day
from fto_check.law.readings import all_readings
from fto_check.law.statute import FTO_STATUTE_ENACTED, load_law
from fto_check.reasoning.catalog import ROOT, Target, coverage, latest, span, tree
from fto_check.reasoning.engine import RULES
from fto_check.render.prose import anchor, wrap

REGENERATE = "fto-check rules --format markdown --full > docs/criteria.md"
COMBINE = {"all-of": "all of", "any-of": "any of", "leaf": "leaf"}


def run(*, fmt: str, as_of: str | None, coverage: bool, readings: bool, full: bool) -> int:
    if coverage + readings + full > 1:
        raise UsageError("choose one of --coverage, --readings and --full")
    if full and fmt != "markdown":
        raise UsageError(f"--full writes the Markdown reference: {REGENERATE}")
    day = parse_day(as_of)
    if day is not None and day < FTO_STATUTE_ENACTED:
        raise UsageError(
            f"--as-of {day} is before 8 U.S.C. § 1189 was enacted on {FTO_STATUTE_ENACTED}"
        )
    if full:
        out = document()
    elif coverage:
        out = _render(fmt, coverage_data(), coverage_text, coverage_markdown)
    elif readings:
        out = _render(fmt, readings_data(), readings_text, readings_markdown)
    else:
        out = _render(fmt, tree_data(day), tree_text, tree_markdown)
    sys.stdout.write(out)
    return 0


def _render(fmt: str, data: dict[str, Any], as_text, as_markdown) -> str:
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return as_markdown(data) if fmt == "markdown" else as_text(data)


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


def _when(data: dict[str, Any]) -> str:
    return f"on {data['as_of']}" if data["as_of"] else "today"


def tree_text(data: dict[str, Any]) -> str:
    rules = {r["id"]: r for r in data["rules"]}
    out = wrap(
        f"The criteria of 8 U.S.C. § 1189(a)(1) as the checker composes them, under the law in "
        f"force {_when(data)}. [all of]: every part must be met; [any of]: one part is enough; "
        "[any incident]: one incident meeting the part is enough. `fto-check explain ID` "
        "explains any of them.",
        0,
    )
    out.append("")
    shown: set[str] = set()

    def visit(rule_id: str, depth: int) -> None:
        rule = rules[rule_id]
        pad = "  " * depth
        if rule_id in shown:
            out.append(f"{pad}{rule_id}  {rule['title']}  (see above)")
            return
        shown.add(rule_id)
        out.append(f"{pad}{rule_id}  {rule['title']}  [{_combine(rule)}]")
        for line in (
            rule["summary"],
            _consults(rule, code=""),
            f"{rule['citation']}, {rule['law']}{_rule_version(rule)}",
        ):
            out.extend(wrap(line, len(pad) + 4, len(pad) + 6))
        for part in rule["parts"]:
            visit(part, depth + 1)

    visit(data["root"], 0)
    return "\n".join(out) + "\n"


def _combine(rule: dict[str, Any]) -> str:
    return "any incident" if rule["each_incident"] else COMBINE[rule["combine"]]


def _consults(rule: dict[str, Any], code: str) -> str:
    parts = []
    if rule["reads"]:
        parts.append("reads " + ", ".join(f"{code}{f}{code}" for f in rule["reads"]))
    if rule["readings"]:
        parts.append("reading " + ", ".join(f"{code}{r}{code}" for r in rule["readings"]))
    return "; ".join(parts)


def _rule_version(rule: dict[str, Any]) -> str:
    version = rule["rule_version"]
    if version["of"] == 1:
        return ""
    since = date.fromisoformat(version["since"]) if version["since"] else None
    until = date.fromisoformat(version["until"]) if version["until"] else None
    return f" (rule version for {span(since, until)}, one of {version['of']})"


def tree_markdown(data: dict[str, Any], level: int = 1) -> str:
    head = "#" * level
    out = [
        f"{head} The criteria of 8 U.S.C. § 1189(a)(1)",
        "",
        f"As the checker composes them from its rules, under the law in force {_when(data)}. "
        "Rectangles need all of their parts, hexagons any one of them, and rounded boxes are "
        "leaves decided by facts in a profile; an arrow marked *each incident* applies its "
        "part to every incident, and one incident meeting it is enough.",
        "",
        "```mermaid",
        *mermaid(data),
        "```",
        "",
        "| rule | title | combines | what it requires | fields and readings | law applied |",
        "|---|---|---|---|---|---|",
    ]
    for rule in data["rules"]:
        cells = [
            f"[{rule['id']}](#{anchor(rule['id'])})",
            rule["title"],
            _combine(rule),
            rule["summary"],
            _consults(rule, code="`"),
            f"{rule['law']}{_rule_version(rule)}",
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


def mermaid(data: dict[str, Any]) -> list[str]:
    """A Mermaid flowchart of the tree: one node per rule, an edge per part."""
    ids = {r["id"]: f"n{i}" for i, r in enumerate(data["rules"])}
    shape = {"all-of": ('["', '"]'), "any-of": ('{{"', '"}}'), "leaf": ('(["', '"])')}
    lines = ["flowchart TD"]
    for rule in data["rules"]:
        left, right = shape[rule["combine"]]
        label = f"{rule['id']}<br/>{rule['title']}"
        if rule["combine"] != "leaf":
            label += f"<br/><i>{_combine(rule)}</i>"
        label = label.replace('"', "#quot;")
        lines.append(f"  {ids[rule['id']]}{left}{label}{right}")
    for rule in data["rules"]:
        arrow = " -->|each incident| " if rule["each_incident"] else " --> "
        lines += [f"  {ids[rule['id']]}{arrow}{ids[part]}" for part in rule["parts"]]
    return lines


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


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
    kinds = ["encoded", "through subclauses", "not encoded", "structural", "uncovered"]
    totals = {kind: sum(c["kind"] == kind for c in clauses) for kind in kinds}
    return {"clauses": clauses, "totals": {"clauses": len(clauses), **totals}}


def _coverage_line(clause: dict[str, Any]) -> str:
    kind = clause["kind"]
    if kind in ("encoded", "through subclauses"):
        rules = ", ".join(f"{r['id']} ({_versions(r['versions'])})" for r in clause["rules"])
        line = f"{'encoded by' if kind == 'encoded' else 'encoded through'} {rules}"
    elif kind == "not encoded":
        line = f"not encoded: {clause['reason']}"
    elif kind == "structural":
        line = f"structural: the heading “{clause['heading']}” over its subclauses"
    else:
        line = "NOT COVERED: no rule encodes it and no reason is given"
    for past in clause["versions_not_encoded"]:
        since = date.fromisoformat(past["in_force_from"]) if past["in_force_from"] else None
        until = date.fromisoformat(past["in_force_until"]) if past["in_force_until"] else None
        line += f"; its words of {span(since, until)} not encoded: {past['reason']}"
    return line


def _versions(versions: list[dict[str, Any]]) -> str:
    spans = []
    for v in versions:
        since = date.fromisoformat(v["since"]) if v["since"] else None
        until = date.fromisoformat(v["until"]) if v["until"] else None
        spans.append(span(since, until))
    return "; ".join(spans)


def _totals(totals: dict[str, int]) -> str:
    parts = [f"{n} {kind}" for kind, n in totals.items() if kind != "clauses"]
    return f"{totals['clauses']} clauses: " + ", ".join(parts)


def coverage_text(data: dict[str, Any]) -> str:
    out = ["How the checker's rules cover the clauses of rules/ (on every date they apply).", ""]
    section = None
    for clause in data["clauses"]:
        if clause["section"] != section:
            if section is not None:
                out.append("")
            section = clause["section"]
            out.append(section)
        out.append(f"  {clause['clause']:<28}{_coverage_line(clause)}")
    out += ["", _totals(data["totals"])]
    return "\n".join(out) + "\n"


def coverage_markdown(data: dict[str, Any], level: int = 1) -> str:
    out = [
        f"{'#' * level} Coverage of the law",
        "",
        "How the checker's rules cover each clause of `rules/`: encoded (by which rules, and "
        "for which dates), encoded through its subclauses, structural (a heading), or not "
        "encoded, with the reason. " + _totals(data["totals"]) + ".",
        "",
        "| clause | coverage |",
        "|---|---|",
    ]
    for clause in data["clauses"]:
        out.append(f"| {_cell(clause['clause'])} | {_cell(_coverage_line(clause))} |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- readings


def readings_data() -> dict[str, Any]:
    return {
        "readings": [
            {
                "name": r.name,
                "clause": r.clause,
                "question": " ".join(r.question.split()),
                "default": r.default,
                "alternatives": list(r.alternatives),
            }
            for r in all_readings().values()
        ]
    }


def readings_text(data: dict[str, Any]) -> str:
    out = [
        "Contested readings: questions the statute's words do not settle. Choose one with "
        "--reading NAME=VALUE; `fto-check explain NAME` gives the arguments.",
        "",
    ]
    for r in data["readings"]:
        others = ", ".join(a for a in r["alternatives"] if a != r["default"])
        out.append(f"{r['name']}  (§ {r['clause']}; default {r['default']}; or {others})")
        out.append(f"    {r['question']}")
    return "\n".join(out) + "\n"


def readings_markdown(data: dict[str, Any], level: int = 1) -> str:
    out = [
        f"{'#' * level} Contested readings",
        "",
        "Questions the statute's words do not settle. Each has a default; "
        "`--reading NAME=VALUE` or a profile's `readings:` block chooses another.",
        "",
        "| reading | clause | question | default | alternatives |",
        "|---|---|---|---|---|",
    ]
    for r in data["readings"]:
        cells = [
            f"[`{r['name']}`](#{anchor(r['name'])})",
            f"[§ {r['clause']}](#{anchor(r['clause'])})",
            r["question"],
            f"`{r['default']}`",
            ", ".join(f"`{a}`" for a in r["alternatives"]),
        ]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the whole reference


def document() -> str:
    """docs/criteria.md: the tree, every clause and rule explained, the readings, coverage."""
    from fto_check.cli.commands import explain

    parts = [
        f"<!-- Generated by `{REGENERATE}`: do not edit; regenerate. -->",
        "",
        "# The criteria of 8 U.S.C. § 1189(a)(1), clause by clause",
        "",
        "The criteria for designating a foreign terrorist organization, as fto-check encodes "
        "them: the tree of rules, each clause verbatim with its versions, what it means, how "
        "the checker decides it, and the contested readings. Generated from `rules/` and the "
        "rule registry; regenerate with:",
        "",
        f"    {REGENERATE}",
        "",
        "`fto-check explain ID` prints any section below, with the examples that exercise it.",
        "",
        "Contents: [the tree](#the-tree) · [the clauses and rules](#the-clauses-and-rules) · "
        "[contested readings](#contested-readings) · [coverage of the law](#coverage-of-the-law)",
        "",
        '<a id="the-tree"></a>',
        "",
        tree_markdown(tree_data(), level=2),
        '<a id="the-clauses-and-rules"></a>',
        "",
        "## The clauses and rules",
        "",
    ]
    for cover in coverage():
        if cover.kind not in ("encoded", "through subclauses"):
            continue
        clause_id = cover.clause.id
        parts.append(
            explain.markdown(explain.build(Target("clause", clause_id), examples=False), level=3)
        )
        for rule_id in cover.rules:
            if rule_id != clause_id and RULES[rule_id][0].clause == clause_id:
                data = explain.build(Target("rule", rule_id), examples=False)
                parts.append(explain.markdown(data, level=3, law=False))
    parts += ['<a id="contested-readings"></a>', "", readings_markdown(readings_data(), level=2)]
    for name in all_readings():
        parts.append(
            explain.markdown(explain.build(Target("reading", name), examples=False), level=3)
        )
    parts += ['<a id="coverage-of-the-law"></a>', "", coverage_markdown(coverage_data(), level=2)]
    return "\n".join(parts).rstrip("\n") + "\n"
