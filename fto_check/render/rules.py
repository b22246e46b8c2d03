"""`fto-check rules` as text and Markdown, from the data of `teaching/reference.py`.

- the tree of § 1189(a)(1): each rule's id, title, how it combines its parts, its one-line
  summary, the profile fields and readings it consults, and the version of the law it applies;
  Markdown adds a Mermaid diagram.
- coverage: per clause of rules/, the rules that encode it, or why none does.
- the contested readings.
- the whole reference (docs/criteria.md): all of it plus `explain` for every clause and rule.
"""

from __future__ import annotations

import json
from typing import Any

from fto_check.render import explain
from fto_check.render.prose import anchor, span_iso, table_cell, wrap

REGENERATE = "fto-check rules --format markdown --full > docs/criteria.md"
COMBINE = {"all-of": "all of", "any-of": "any of", "leaf": "leaf"}


def render(fmt: str, data: dict[str, Any], as_text, as_markdown) -> str:
    """`data` as JSON, or through one of this module's text and Markdown renderers."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return as_markdown(data) if fmt == "markdown" else as_text(data)


# ---------------------------------------------------------------- the tree


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
    when = span_iso(version["since"], version["until"])
    return f" (rule version for {when}, one of {version['of']})"


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
        out.append("| " + " | ".join(table_cell(c) for c in cells) + " |")
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


# ---------------------------------------------------------------- coverage


def _coverage_line(clause: dict[str, Any]) -> str:
    kind = clause["kind"]
    if kind in ("encoded", "through-subclauses"):
        rules = ", ".join(f"{r['id']} ({_versions(r['versions'])})" for r in clause["rules"])
        line = f"{'encoded by' if kind == 'encoded' else 'encoded through'} {rules}"
    elif kind == "not-encoded":
        line = f"not encoded: {clause['reason']}"
    elif kind == "structural":
        line = f"structural: the heading “{clause['heading']}” over its subclauses"
    else:
        line = "NOT COVERED: no rule encodes it and no reason is given"
    for past in clause["versions_not_encoded"]:
        when = span_iso(past["in_force_from"], past["in_force_until"])
        line += f"; its words of {when} not encoded: {past['reason']}"
    return line


def _versions(versions: list[dict[str, Any]]) -> str:
    return "; ".join(span_iso(v["since"], v["until"]) for v in versions)


def _totals(totals: dict[str, int]) -> str:
    parts = [f"{n} {kind.replace('-', ' ')}" for kind, n in totals.items() if kind != "clauses"]
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
        out.append(f"| {table_cell(clause['clause'])} | {table_cell(_coverage_line(clause))} |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- readings


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
        out.append("| " + " | ".join(table_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- the whole reference


def document(reference: dict[str, Any]) -> str:
    """docs/criteria.md: the tree, every clause and rule explained, the readings, coverage."""
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
        tree_markdown(reference["tree"], level=2),
        '<a id="the-clauses-and-rules"></a>',
        "",
        "## The clauses and rules",
        "",
    ]
    for data in reference["explained"]:
        parts.append(explain.markdown(data, level=3, law=data["quote_law"]))
    parts += [
        '<a id="contested-readings"></a>',
        "",
        readings_markdown(reference["readings"], level=2),
    ]
    for data in reference["readings_explained"]:
        parts.append(explain.markdown(data, level=3))
    parts += [
        '<a id="coverage-of-the-law"></a>',
        "",
        coverage_markdown(reference["coverage"], level=2),
    ]
    return "\n".join(parts).rstrip("\n") + "\n"
