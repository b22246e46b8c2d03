"""The human report: each criterion with its mark, citation and reason, down to the facts.

Below each part of a criterion, only the findings that decided it are shown (the full tree is
in `--format json`); every part of (A), (B) and (C) is listed, so a reader sees why each route
to (B) failed even when another succeeded.
The renderer yields lines of (text, style) segments; `to_plain` and `to_rich` print them.
"""

from __future__ import annotations

from collections.abc import Iterator

from fto_check.findings import Finding, Report
from fto_check.logic import MET, NOT_MET, UNDETERMINED, Status

Segment = tuple[str, str]  # (text, rich style name or "")
Line = list[Segment]

MARK = {MET: "✓", NOT_MET: "✗", UNDETERMINED: "?"}
STYLE = {MET: "green", NOT_MET: "red", UNDETERMINED: "yellow"}
LETTER = {"1189(a)(1)(A)": "(A)", "1189(a)(1)(B)": "(B)", "1189(a)(1)(C)": "(C)"}


def decisive(finding: Finding) -> list[Finding]:
    """The children that decided `finding`'s status (for a not-met any-of: all of them)."""
    status, children = finding.status, finding.children
    if finding.combine == "all-of":
        return children if status is MET else [c for c in children if c.status is status]
    if finding.combine == "any-of":
        return children if status is NOT_MET else [c for c in children if c.status is status]
    return []


def lines(report: Report) -> Iterator[Line]:
    yield [(report.name, "bold"), (f" — {report.path}, as of {report.as_of}", "dim")]
    yield []
    for criterion in report.criteria.children:
        yield from _criterion(criterion)
        yield []
    for warning in report.warnings:
        where = f"{report.path}:{warning.line}:{warning.col}: " if warning.line else ""
        yield [("warning: ", "yellow bold"), (f"{where}{warning.message}", "")]
    verdict = report.verdict
    summary = {
        MET: "all three findings of § 1189(a)(1) are supported by the facts",
        NOT_MET: "not designable: " + _failing(report, NOT_MET),
        UNDETERMINED: "undetermined: " + _failing(report, UNDETERMINED),
    }[verdict]
    yield [
        ("Verdict: ", "bold"),
        (f"{MARK[verdict]} {verdict.label}", f"bold {STYLE[verdict]}"),
        (f" — {summary}", ""),
    ]
    readings = ", ".join(f"{k}={v}" for k, v in report.readings.items())
    yield [(f"Law in force on {report.as_of}; readings: {readings}", "dim")]


def _failing(report: Report, status: Status) -> str:
    names = [LETTER[c.rule] for c in report.criteria.children if c.status is status]
    return f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} {status.label}"


def _criterion(finding: Finding) -> Iterator[Line]:
    head = [
        (f"{MARK[finding.status]} ", STYLE[finding.status]),
        (f"{LETTER.get(finding.rule, '')} {finding.title}", "bold"),
        (f"  {finding.status.label}", STYLE[finding.status]),
        (f"  {finding.citation}", "dim"),
    ]
    if finding.basis == "asserted":
        head.append(("  (on the Secretary's asserted finding)", "cyan"))
    yield head
    if finding.version:
        yield [("    " + finding.version, "dim")]
    yield from _body(finding, depth=1)
    # Every part of a criterion is shown with what decided it, so a report says why each route
    # to (B) failed, not only that one succeeded.
    for child in finding.children:
        yield from _node(child, depth=1)


def _node(finding: Finding, depth: int) -> Iterator[Line]:
    yield _headline(finding, depth)
    yield from _body(finding, depth + 1)
    for child in decisive(finding):
        yield from _node(child, depth + 1)


def _headline(finding: Finding, depth: int) -> Line:
    label = finding.subject or finding.title
    line: Line = [
        ("    " * depth, ""),
        (f"{MARK[finding.status]} ", STYLE[finding.status]),
        (label, ""),
        (f"  [{_short(finding)}]", "dim"),
    ]
    if finding.combine == "leaf" or finding.subject or finding.status is not MET:
        line.append((f": {finding.reason}", ""))
    return line


def _body(finding: Finding, depth: int) -> Iterator[Line]:
    pad = "    " * depth
    for fact in finding.facts:
        where = f"line {fact.line}" if fact.line else "profile"
        yield [(f"{pad}  ↳ {fact.path} = {_value(fact.value)}", "cyan"), (f"  ({where})", "dim")]
    for path in finding.missing:
        yield [(f"{pad}  ↳ {path} is not given", "yellow")]
    for name, value in finding.readings.items():
        yield [(f"{pad}  ↳ reading {name}={value}", "magenta")]
    for note in finding.notes:
        yield [(f"{pad}  note: {note}", "dim")]


def _short(finding: Finding) -> str:
    """'§ 2656f(d)(2)' style citation, with the element if any."""
    section = finding.citation.split(" ", 2)[-1]
    element = finding.rule.partition("/")[2]
    return f"{section} {element}".strip()


def _value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


def to_plain(line: Line) -> str:
    return "".join(text for text, _ in line).rstrip()


def render(report: Report) -> str:
    return "\n".join(to_plain(line) for line in lines(report)) + "\n"


def print_rich(reports: list[Report], console) -> None:
    from rich.text import Text

    for i, report in enumerate(reports):
        if i:
            console.print()
        for line in lines(report):
            console.print(Text.assemble(*line), soft_wrap=True, highlight=False)
