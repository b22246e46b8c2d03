"""The human report: each criterion with its mark, citation and reason, down to the facts.

Compiler-style: where a criterion or one of its elements is not met or undetermined, the report
shows the facts that decided it as a snippet of the profile (`path:line:col`, the line, a caret
under the value, "because …"); facts still missing are named once per criterion, as the fields
to add and the clauses they would decide. Every part of (A), (B) and (C) is listed, so a reader
sees why each route to (B) failed even when another succeeded; below a part, only what decided
it is shown (the whole tree is in `--format json`).

The renderer yields lines of (text, style) segments; `render` prints them plain and
`print_rich` in colour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fto_check.reasoning.findings import Change, FactUse, Finding, Fix, Report, SourceInfo
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status
from fto_check.render.prose import cited, cites, law_summary, readings_summary
from fto_check.render.safe import terminal

Segment = tuple[str, str]  # (text, rich style name or "")
Line = list[Segment]

MARK = {MET: "✓", NOT_MET: "✗", UNDETERMINED: "?"}
STYLE = {MET: "green", NOT_MET: "red", UNDETERMINED: "yellow"}
LETTER = {"1189(a)(1)(A)": "(A)", "1189(a)(1)(B)": "(B)", "1189(a)(1)(C)": "(C)"}
TAB = "    "


def decisive(finding: Finding) -> list[Finding]:
    """The children that decided `finding`'s status (for a not-met any-of: all of them)."""
    status, children = finding.status, finding.children
    if finding.combine == "all-of":
        return children if status is MET else [c for c in children if c.status is status]
    if finding.combine == "any-of":
        return children if status is NOT_MET else [c for c in children if c.status is status]
    return []


def lines(report: Report, *, why_not: bool = False, brief: bool = False) -> Iterator[Line]:
    """The report, line by line: a summary at a glance, then each criterion and what decided
    it. With `why_not`, what would meet each criterion not met; `brief`, the summary alone."""
    source = Source(report)
    yield [(report.name, "bold"), (f" — {report.path}, as of {report.as_of}", "dim")]
    yield from glance(report)
    if brief:
        return
    yield []
    contested = _contested(report)
    for criterion in report.criteria.children:
        yield from _criterion(criterion, source, contested.get(criterion.rule, []))
        if why_not:
            yield from what_would_meet(report, criterion)
        yield []
    for warning in report.warnings:
        where = f"{report.path}:{warning.line}:{warning.col}: " if warning.line else ""
        yield [("warning: ", "yellow bold"), (f"{where}{warning.message}", "")]
    verdict = report.verdict
    asserted = [
        c for c in report.criteria.children if c.basis == "asserted" and c.on_the_facts() is not MET
    ]
    met_summary = (
        "all three findings of § 1189(a)(1) are supported by the facts"
        if not asserted
        else "all three findings of § 1189(a)(1) are met, "
        + ", ".join(_letter(c) for c in asserted)
        + " only on the Secretary's asserted finding, not on the facts"
    )
    summary = {
        MET: met_summary,
        NOT_MET: "not designable: " + _failing(report, NOT_MET),
        UNDETERMINED: "undetermined: " + _failing(report, UNDETERMINED),
    }[verdict]
    line: Line = [
        ("Verdict: ", "bold"),
        (f"{MARK[verdict]} {verdict.label}", f"bold {STYLE[verdict]}"),
        (f" — {summary}", ""),
    ]
    if report.criteria.rule in contested:
        line.append(("  (contested: it depends on the readings)", "magenta bold"))
    yield line
    yield from _contested_verdict(report, contested.get(report.criteria.rule, []))
    yield from _all_readings(report)
    yield []
    yield from record_lines(report)
    yield from receipt(report)


def render(report: Report, *, why_not: bool = False, brief: bool = False) -> str:
    return "\n".join(to_plain(line) for line in lines(report, why_not=why_not, brief=brief)) + "\n"


def safe_line(line: Line) -> Line:
    """The line with what came from input made harmless to a terminal (render/safe.py)."""
    return [(terminal(text), style) for text, style in line]


def print_rich(
    reports: list[Report], console, *, why_not: bool = False, brief: bool = False
) -> None:
    from rich.text import Text

    for i, report in enumerate(reports):
        if i and not brief:
            console.print()
        for line in lines(report, why_not=why_not, brief=brief):
            console.print(Text.assemble(*safe_line(line)), soft_wrap=True, highlight=False)


def to_plain(line: Line) -> str:
    return terminal("".join(text for text, _ in line)).rstrip()


# ---------------------------------------------------------------- at a glance


def glance(report: Report) -> Iterator[Line]:
    """The report at a glance: each criterion's mark and the verdict; then, for a verdict not
    met, the first reason, and for one undetermined, the fact that would decide each criterion
    still open (the one its nearest path to a decision lacks)."""
    from fto_check.render.matrix import descend

    line: Line = []
    asserted: list[Finding] = []  # decided on the Secretary's finding, where the facts differ
    for criterion in report.criteria.children:
        star = ""
        if criterion.basis == "asserted" and criterion.on_the_facts() is not criterion.status:
            asserted.append(criterion)
            star = "*"
        mark = (f"{MARK[criterion.status]}{star}", STYLE[criterion.status])
        line += [(f"{LETTER[criterion.rule]} ", "bold"), mark, (" " if star else "  ", "")]
    verdict = report.verdict
    line += [("→ ", ""), (f"{MARK[verdict]} {verdict.label}", f"bold {STYLE[verdict]}")]
    yield line
    yield from _decide(report)
    for criterion in asserted:
        if verdict is NOT_MET and descend(criterion)[1] is criterion:
            continue  # the reason just given is this very finding of the Secretary's
        yield [
            (f"{TAB}* ", "cyan bold"),
            (
                f"{LETTER[criterion.rule]} {criterion.status.label} on the Secretary's asserted "
                f"finding; on the facts alone, {criterion.on_the_facts().label}",
                "cyan",
            ),
        ]


def _decide(report: Report) -> Iterator[Line]:
    """Why a verdict is not met (one reason), or what would decide each criterion still open."""
    from fto_check.render.matrix import descend

    verdict = report.verdict
    if verdict is MET:
        return
    for criterion in report.criteria.children:
        if criterion.status is not verdict:
            continue
        subject, leaf = descend(criterion)
        where = f"{subject}: " if subject and subject != leaf.subject else ""
        what = f"{where}{leaf.subject or leaf.title}"
        if verdict is UNDETERMINED and leaf.missing:
            yield [
                (f"{TAB}to decide {LETTER[criterion.rule]}: ", "bold"),
                ("add ", ""),
                (f"`{leaf.missing[0]}`", "cyan"),
                (f" — {what}  [{cites([leaf.rule])}]", ""),
            ]
        elif verdict is UNDETERMINED:
            yield [
                (f"{TAB}open: ", "bold"),
                (f"{LETTER[criterion.rule]} {what} — {leaf.reason}", ""),
            ]
        else:
            yield [
                (f"{TAB}because: ", "bold"),
                (f"{LETTER[criterion.rule]} {what} — {leaf.reason}", ""),
            ]
            return  # one reason is enough to be not met


# ---------------------------------------------------------------- criteria


def _failing(report: Report, status: Status) -> str:
    names = [LETTER[c.rule] for c in report.criteria.children if c.status is status]
    return f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} {status.label}"


def _criterion(finding: Finding, source: Source, contested: list[Line]) -> Iterator[Line]:
    head = [
        (f"{MARK[finding.status]} ", STYLE[finding.status]),
        (f"{LETTER.get(finding.rule, '')} {finding.title}", "bold"),
        (f"  {finding.status.label}", STYLE[finding.status]),
    ]
    if finding.basis == "asserted":
        head.append(("  on the Secretary's asserted finding", "cyan bold"))
    yield head
    yield [(TAB + cited(finding.citation, finding.version), "dim")]
    yield from contested
    if finding.basis == "asserted":
        yield from _asserted(finding, source)
    for child in grouped(finding.children):
        yield from _node(child, 1, source)
    yield from to_decide(finding)
    yield from note_lines(finding)


def _asserted(finding: Finding, source: Source) -> Iterator[Line]:
    """The assertion itself: met (or not) because the Secretary so found, not on derived facts."""
    yield from snippet(finding.facts, 1, source, finding.status)
    yield [(f"{TAB}   = because {finding.reason}", "")]
    yield from _sources(finding.facts, 1)


def _node(group: list[Finding], depth: int, source: Source) -> Iterator[Line]:
    """One part of a criterion (or several sibling leaves decided alike), and what decided it."""
    finding = group[0]
    pad = TAB * depth
    chain = decisive_chain(finding) if len(group) == 1 else [finding]
    if len(chain) > 1:
        finding = chain[-1]
        group = [finding]
        label = " › ".join(f.subject or f.title for f in chain)
    else:
        label = " · ".join(f.subject or f.title for f in group)
    head: Line = [
        (pad, ""),
        (f"{MARK[finding.status]} ", STYLE[finding.status]),
        (label, ""),
        (f"  [{cites([f.rule for f in group])}]", "dim"),
    ]
    reason = "; ".join(dict.fromkeys(f.reason for f in group))
    if finding.status is MET:
        if finding.combine == "leaf" or finding.subject:
            head.append((f": {reason}", ""))
        yield head
        yield from _facts_inline(finding, depth)
        for child in grouped(decisive(finding)):
            yield from _node(child, depth + 1, source)
        return

    facts = [use for f in group for use in f.facts]
    below = [use for f in group for g in f.walk() for use in g.facts]
    if finding.children and not below:  # nothing known below it: one line; fields listed later
        yield [*head, (": nothing about it is recorded yet", "")]
        return
    # A list the profile gives but does not say is complete is both a fact used and a fact
    # missing: the caret goes under the value it gives, not where a fact would be written.
    given = {use.path for use in facts}
    missing = [path for f in group for path in f.missing if path not in given]
    if finding.children or not facts:
        yield [*head, (f": {reason}", "")]
    elif finding.status is UNDETERMINED and missing and source.map is not None:
        # Undecided for want of a fact: the caret goes where that fact is, or would be written,
        # not under the facts the profile does give.
        yield head
        yield from snippet_missing(missing, depth, source)
        yield [(f"{pad}   = because {reason}", "")]
    else:
        yield head
        yield from snippet(facts, depth, source, finding.status)
        yield [(f"{pad}   = because {reason}", "")]
        yield from _sources(facts, depth)
    yield from _readings(finding, depth)
    for child in grouped(decisive(finding)):
        yield from _node(child, depth + 1, source)


def decisive_chain(finding: Finding) -> list[Finding]:
    """A part not met and the single parts that decided it, down to where the facts branch:
    'terrorist activity › involves one of (I)–(VI) › …' is one line, not five."""
    chain = [finding]
    if finding.subject:  # an incident keeps its own line: it is what the reader looks for
        return chain
    while chain[-1].status is not MET and chain[-1].children and not chain[-1].facts:
        below = decisive(chain[-1])
        if len(below) != 1 or below[0].subject:
            break
        chain.append(below[0])
    return chain


def grouped(children: list[Finding]) -> list[list[Finding]]:
    """Siblings decided alike (leaves with one status, on the same facts) share one entry."""
    groups: list[list[Finding]] = []
    for child in children:
        last = groups[-1][0] if groups else None
        if last is not None and _alike(last, child):
            groups[-1].append(child)
        else:
            groups.append([child])
    return groups


def _alike(a: Finding, b: Finding) -> bool:
    return (
        a.combine == b.combine == "leaf"
        and a.status is b.status is not MET
        and a.subject == b.subject
        and [f.path for f in a.facts] == [f.path for f in b.facts]
        and a.missing == b.missing
        and a.readings == b.readings
    )


def _facts_inline(finding: Finding, depth: int) -> Iterator[Line]:
    pad = TAB * depth
    for fact in finding.facts:
        where = f"line {fact.line}" if fact.line else "profile"
        yield [(f"{pad}  ↳ {fact.path} = {_value(fact.value)}", "cyan"), (f"  ({where})", "dim")]
    yield from _readings(finding, depth)


def _readings(finding: Finding, depth: int) -> Iterator[Line]:
    for drawn in finding.inferred:
        yield [(f"{TAB * depth}  ↳ inferred ({drawn.rule}): {drawn.says}", "magenta")]
    for name, value in finding.readings.items():
        yield [(f"{TAB * depth}  ↳ reading {name}={value}", "magenta")]


def _letter(criterion: Finding) -> str:
    return criterion.citation.removeprefix("8 U.S.C. § 1189(a)(1)")


# ---------------------------------------------------------------- snippets


class Source:
    """The profile's lines, for snippets (none when the report was read back from JSON)."""

    def __init__(self, report: Report) -> None:
        source = report.source
        self.path = report.path
        self.map = source  # where each value and key is (a SourceMap), or None
        self.lines = source.text.splitlines() if source is not None else []

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


def snippet(facts: list[FactUse], depth: int, source: Source, status: Status) -> Iterator[Line]:
    """The facts as the profile has them: `path:line:col`, each line, a caret under each value."""
    pad = TAB * depth
    placed = sorted({(f.line, f.col): f for f in facts if f.line}.values(), key=_position)
    for fact in facts:
        if not fact.line or not source.line(fact.line):
            yield [(f"{pad}  ↳ {fact.path} = {_value(fact.value)}", "cyan")]
    placed = [f for f in placed if source.line(f.line)]
    if not placed:
        return
    width = len(str(placed[-1].line))
    gutter = pad + " " * (width + 1)
    first = placed[0]
    yield [(f"{gutter[:-1]}--> ", "blue"), (f"{source.path}:{first.line}:{first.col}", "")]
    yield [(f"{gutter}|", "blue")]
    shown: set[int] = set()
    for fact in placed:
        text = source.line(fact.line)
        if fact.line not in shown:
            yield [(f"{pad}{fact.line:>{width}} | ", "blue"), (text, "")]
            shown.add(fact.line)
        start, end = _span(text, fact.col)
        yield [
            (f"{gutter}| ", "blue"),
            (" " * start + "^" * max(1, end - start), STYLE[status]),
        ]


def snippet_missing(paths: list[str], depth: int, source: Source) -> Iterator[Line]:
    """Where each missing fact is (a null value) or would be written (under the nearest key the
    profile has: its section, or its incident), a caret there saying so."""
    pad = TAB * depth
    places: dict[tuple[int, int], list[str]] = {}
    unknown: set[tuple[int, int]] = set()
    entries: dict[tuple[int, int], str] = {}  # places that are an item of a list: which kind
    for path in dict.fromkeys(paths):
        loc = _loc(path)
        if loc in source.map.keys:  # written, as null: point at it
            at = source.map.key_position(loc)
            unknown.add(at)
            places.setdefault(at, []).append(loc[-1] if isinstance(loc[-1], str) else path)
            continue
        parent = loc[:-1]
        while parent and parent not in source.map.keys and parent not in source.map.values:
            parent = parent[:-1]
        at = source.map.key_position(parent) if parent else source.map.position(())
        places.setdefault(at, []).append(field_name(loc, parent))
        if parent and isinstance(parent[-1], int):
            entries[at] = "incident" if parent[0] == "incidents" else "entry"
    placed = sorted((at for at in places if source.line(at[0])), key=lambda at: at)
    if not placed:
        return
    width = len(str(placed[-1][0]))
    gutter = pad + " " * (width + 1)
    first = placed[0]
    yield [(f"{gutter[:-1]}--> ", "blue"), (f"{source.path}:{first[0]}:{first[1]}", "")]
    yield [(f"{gutter}|", "blue")]
    for line, col in placed:
        text = source.line(line)
        yield [(f"{pad}{line:>{width}} | ", "blue"), (text, "")]
        start = max(0, col - 1)
        word = re.match(r"[^\s:{}\[\],]+", text[start:])
        names = ", ".join(f"`{n}`" for n in places[(line, col)])
        if (line, col) in unknown:
            label = f"{names} {'is' if len(places[(line, col)]) == 1 else 'are'} unknown here"
        elif (line, col) in entries:
            label = f"{names} would go in this {entries[(line, col)]}"
        else:
            label = f"{names} would go here"
        yield [
            (f"{gutter}| ", "blue"),
            (" " * start + "^" * max(1, len(word[0]) if word else 1), STYLE[UNDETERMINED]),
            (f" {label}", STYLE[UNDETERMINED]),
        ]


def _loc(path: str) -> tuple:
    """`incidents[2].motives` → `("incidents", 2, "motives")`: a report's field as a location."""
    loc: list = []
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        loc.append(int(index) if index else name)
    return tuple(loc)


def field_name(loc: tuple, parent: tuple) -> str:
    """The part of a field's name below `parent`: `us_nationals_harmed`, `foreign.formed_in`."""
    text = ""
    for part in loc[len(parent) :]:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _position(fact: FactUse) -> tuple[int, int]:
    return fact.line, fact.col


def _span(text: str, col: int) -> tuple[int, int]:
    """Where the value that starts at 1-based `col` of a YAML line ends: brackets, quotes, or
    the rest of the line before a comment."""
    start = max(0, col - 1)
    rest = text[start:]
    if not rest:
        return start, start + 1
    opener = rest[0]
    closer = {"[": "]", "{": "}", '"': '"', "'": "'"}.get(opener)
    if closer:
        depth = 0
        for i, char in enumerate(rest):
            if i and char == closer and opener in "\"'":
                return start, start + i + 1
            if opener in "[{":
                depth += char == opener
                depth -= char == closer
                if depth == 0:
                    return start, start + i + 1
        return start, len(text)
    plain = re.split(r"\s+#", rest, maxsplit=1)[0].rstrip()
    return start, start + max(1, len(plain))


def _sources(facts: list[FactUse], depth: int) -> Iterator[Line]:
    """The sources of the facts shown: once if they share them, else for each fact."""
    pad = TAB * depth
    kinds = {tuple(_source_text(s) for s in f.sources) for f in facts}
    if len(kinds) == 1:
        for text in next(iter(kinds)):
            yield [(f"{pad}   = source: ", "dim"), (text, "dim")]
        return
    for fact in facts:
        for source in fact.sources:
            yield [(f"{pad}   = source of {fact.path}: ", "dim"), (_source_text(source), "dim")]


def _source_text(source: SourceInfo) -> str:
    parts = [source.title]
    if source.date:
        parts.append(source.date)
    if source.url:
        parts.append(source.url)
    return ", ".join(parts)


# ---------------------------------------------------------------- what is missing, notes


def to_decide(criterion: Finding) -> Iterator[Line]:
    """'help: add `field` to decide § …': one line per missing fact (see `missing_fields`)."""
    for field, where, rules in missing_fields(criterion):
        yield [
            (f"{TAB}help: ", "cyan bold"),
            ("add ", ""),
            (field, "cyan"),
            (f"{where} to decide {rules}", ""),
        ]


def missing_fields(criterion: Finding) -> list[tuple[str, str, str]]:
    """Each missing fact that would help decide an undetermined criterion, named once:
    (field, where it is missing, the clauses it would decide). The same field missing from
    several incidents, for the same clauses, is said once."""
    wanted: dict[str, list[str]] = {}  # path → rules it would decide
    titles: dict[str, str] = {}

    def visit(finding: Finding) -> None:
        if finding.status is not UNDETERMINED:
            return
        titles[finding.rule] = finding.title
        for path in finding.missing:
            wanted.setdefault(path, []).append(finding.rule)
        for child in finding.children:
            visit(child)

    visit(criterion)
    # Fields of one section (or of the same section of several incidents) that would decide
    # the same clauses are named together.
    groups: dict[tuple[str, tuple[str, ...]], dict[str, list[str]]] = {}
    for path, rules in wanted.items():
        section, _, name = path.rpartition(".")
        key = (re.sub(r"\[\d+\]", "[]", section), tuple(dict.fromkeys(rules)))
        groups.setdefault(key, {}).setdefault(name, []).append(section)
    out = []
    for (generic, rules), names in groups.items():
        sections = list(dict.fromkeys(s for found in names.values() for s in found))
        base = sections[0] if len(sections) == 1 else generic
        first, *others = names
        fields = f"`{base + '.' if base else ''}{first}`" + "".join(f", `.{n}`" for n in others)
        where = f" (in {len(sections)} incidents)" if len(sections) > 1 else ""
        out.append((fields, where, cites(rules, titles)))
    return out


def note_lines(criterion: Finding) -> Iterator[Line]:
    """The notes of a criterion and its parts, once each; a boundary case marked as one."""
    seen = dict.fromkeys(note for finding in criterion.walk() for note in finding.notes)
    for note in seen:
        if note.startswith("Boundary: "):
            yield [(f"{TAB}boundary: ", "magenta bold"), (note.removeprefix("Boundary: "), "")]
        else:
            yield [(f"{TAB}note: ", "dim bold"), (note, "dim")]


# ---------------------------------------------------------------- the reasoning, in short


def reasoning(
    finding: Finding, *, depth: int = 1, levels: int = 4, every: bool = True
) -> Iterator[Line]:
    """The findings that decided `finding`, one line each (mark, what, clause, why), down
    `levels` levels: the argument without the evidence (the snippets show that). With `every`,
    all of its own parts, so that a reader sees why each route failed, not only the one that
    decided; below them, what decided each."""
    pad = TAB * depth
    for group in grouped(finding.children if every else decisive(finding)):
        chain = decisive_chain(group[0]) if len(group) == 1 else group[:1]
        last = chain[-1]
        label = (
            " › ".join(f.subject or f.title for f in chain)
            if len(group) == 1
            else " · ".join(f.subject or f.title for f in group)
        )
        said = [last] if len(chain) > 1 else group  # a chain ends where the facts decided
        reason = "; ".join(dict.fromkeys(f.reason for f in said))
        readings = {name: value for f in said for name, value in f.readings.items()}
        if readings:
            reason += " (reading " + ", ".join(f"{k}={v}" for k, v in readings.items()) + ")"
        yield [
            (pad, ""),
            (f"{MARK[last.status]} ", STYLE[last.status]),
            (label, ""),
            (f"  [{cites([f.rule for f in group])}]", "dim"),
            (f": {reason}", ""),
        ]
        if levels > 1 and len(group) == 1:
            yield from reasoning(last, depth=depth + 1, levels=levels - 1, every=False)


# ---------------------------------------------------------------- readings


def _contested(report: Report) -> dict[str, list[Line]]:
    """For each contested verdict, criterion or route: a line naming what flips it."""
    if report.all_readings is None:
        return {}
    out: dict[str, list[Line]] = {}
    for item in report.all_readings.contested:
        flips = "; ".join(f"{f.status.label} with {f.reading}={f.value}" for f in item.flips)
        others = ", ".join(s.label for s in item.statuses if s is not item.status)
        text = flips or f"other combinations of readings give: {others}"
        label = "" if item.rule in LETTER or item.rule == report.criteria.rule else item.title
        out.setdefault(item.rule, []).append(
            [
                (f"{TAB}contested{': ' + label if label else ''} — ", "magenta bold"),
                (f"{item.status.label} on the readings in force; {text}", "magenta"),
            ]
        )
    # A contested route is said under its criterion, unless the criterion's own line already
    # names the readings that flip it.
    named = {item.rule: {f.reading for f in item.flips} for item in report.all_readings.contested}
    for criterion in report.criteria.children:
        for route in criterion.children:
            if route.rule in out and not named[route.rule] <= named.get(criterion.rule, set()):
                out.setdefault(criterion.rule, []).extend(out[route.rule])
    return out


def _contested_verdict(report: Report, contested: list[Line]) -> Iterator[Line]:
    yield from contested


def _all_readings(report: Report) -> Iterator[Line]:
    result = report.all_readings
    if result is None:
        return
    varied = ", ".join(f"{name} ({len(values)})" for name, values in result.varied.items())
    if not varied:
        yield [("All readings: no finding of this profile depends on a reading.", "dim")]
        return
    top = [c for c in result.contested if c.rule in LETTER or c.rule == "1189(a)(1)"]
    what = ", ".join(LETTER.get(c.rule, "the verdict") for c in top)
    # A part contested below a criterion that is not (printed above, under its criterion).
    within = {
        rule: LETTER[criterion.rule]
        for criterion in report.criteria.children
        for rule in (f.rule for f in criterion.walk())
    }
    named = {c.rule for c in top}
    parts = [
        f"{within[c.rule]} {c.title}"
        for c in result.contested
        if c.rule not in named and c.rule in within and _criterion_of(within[c.rule]) not in named
    ]
    if parts:
        what = (what + "; " if what else "not the verdict nor any criterion, but ") + (
            "within them " + ", ".join(parts)
        )
    judged = f"{result.combinations} combinations"
    if result.not_judged:
        judged = f"{result.combinations} of {result.combinations + result.not_judged} combinations"
    yield [
        ("All readings: ", "bold"),
        (f"{judged} of {varied}; contested: {what or 'nothing'}", ""),
    ]
    if result.not_judged:
        yield [
            (
                f"{TAB}{result.not_judged} combinations not judged: past the budget for a "
                "profile this large",
                "dim",
            )
        ]


def _criterion_of(letter: str) -> str:
    return next(rule for rule, name in LETTER.items() if name == letter)


# ---------------------------------------------------------------- what would meet it


def what_would_meet(report: Report, criterion: Finding) -> Iterator[Line]:
    """For a criterion not met or undetermined, the changes of the facts that would meet it
    (the report's why-not answer, in words); nothing for one already met."""
    answer = next((w for w in report.why_not if w.rule == criterion.rule), None)
    if answer is None or criterion.status is MET:
        return
    letter = LETTER.get(criterion.rule, "")
    if not answer.fixes:
        yield [
            (
                f"{TAB}what would meet {letter}: no fact the record leaves open (a date or a "
                "place it gives is a matter of record, and is not offered for change)",
                "dim",
            )
        ]
        return
    yield [(f"{TAB}{letter} would be met by any one of these changes:", "bold")]
    for fix in answer.fixes:
        for i, text in enumerate(fix_lines(fix, incident_names(report))):
            yield [(f"{TAB}  {'•' if i == 0 else ' '} ", "green"), (text, "")]
        yield [(f"{TAB}      → {_via(fix)}", "dim")]
    if answer.more:
        yield [(f"{TAB}  … and {answer.more} more in --format json", "dim")]
    if answer.exhausted:
        yield [(f"{TAB}  … and perhaps more: the search stopped at its budget", "dim")]


def fix_lines(fix: Fix, incidents: dict[int, str] | None = None) -> list[str]:
    """A fix in words, one step a line: "add `political` to `motives`", "and set …".
    `incidents` names incidents by index (see `incident_names`)."""
    paths = [c.path for step in fix.steps for c in step]
    where, strip = "", ""
    if any(p.startswith("incidents[+].") for p in paths):  # its facts, then any others
        where, strip = "add a new incident: ", "incidents[+]."
    else:
        found = {_incident_of(p) for p in paths}
        if len(found) == 1 and None not in found:
            index = found.pop()
            strip = f"incidents[{index}]."
            name = (incidents or {}).get(index)
            where = f"in `incidents[{index}]`" + (f" ({name})" if name else "") + ": "
    steps = [_step_text(step, strip) for step in fix.steps]
    return [where + steps[0], *(f"and {step}" for step in steps[1:])]


def incident_names(report: Report) -> dict[int, str]:
    """Each incident's name in the report ("incident ambush (2024-09-17)"), by index."""
    names: dict[int, str] = {}
    for finding in report.criteria.walk():
        if finding.subject.startswith("incident "):
            for below in finding.walk():
                for fact in below.facts:
                    index = _incident_of(fact.path)
                    if index is not None:
                        names.setdefault(index, finding.subject)
                        break
    return names


def _incident_of(path: str) -> int | None:
    m = re.match(r"incidents\[(\d+)\]\.", path)
    return int(m[1]) if m else None


def _step_text(step: list[Change], strip: str) -> str:
    """One step: its alternatives grouped by field ("add one of `a`, `b` to `involves`")."""
    adds: dict[str, list[str]] = {}
    sets: dict[tuple[str, str], list[str]] = {}  # (section, value) → fields
    texts: dict[str, str] = {}
    for change in step:
        field = change.path.removeprefix(strip)
        if change.op == "add":
            adds.setdefault(field, []).extend(str(v) for v in change.value)
            if change.text:
                texts[field] = change.text
        else:
            value = change.text or f"{_value(change.value)}"
            sets.setdefault((field.rpartition(".")[0], value), []).append(field)
    parts = []
    for field, items in adds.items():
        what = ", ".join(f"`{i}`" for i in dict.fromkeys(items))
        what = f"one of {what}" if len(items) > 1 else what
        parts.append(f"add {what} to `{field}`" + (f" ({texts[field]})" if field in texts else ""))
    for (_, value), fields in sets.items():
        names = f"`{fields[0]}`"
        if len(fields) > 1:
            names += " (or " + ", ".join(f"`{f.rpartition('.')[2]}`" for f in fields[1:]) + ")"
        parts.append(f"set {names} to {value}")
    return "; or ".join(parts)


def _via(fix: Fix) -> str:
    titles = {route.rule: route.title for route in fix.via}
    return cites([route.rule for route in fix.via], titles)


# ---------------------------------------------------------------- values


def _value(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)


# ---------------------------------------------------------------- the record

AGREEMENT_STYLE = {"agree": "green", "disagree": "red"}  # undetermined, unsettled: yellow


def record_lines(report: Report) -> Iterator[Line]:
    """The register's entry, when the profile names one: beside the verdict, never under it."""
    rec = report.record
    if rec is None:
        return
    where = f"rules/register.yaml, entry {rec.entry}" + (f": {rec.name}" if rec.name else "")
    yield [("The record: ", "bold"), (where, "dim")]
    yield [(TAB + rec.summary, "")]
    standing = rec.standing.replace("_", " ")
    yield [(f"{TAB}{standing[:1].upper()}{standing[1:]} on {rec.day}: {rec.since}.", "")]
    yield [(TAB, ""), (rec.comparison, AGREEMENT_STYLE.get(rec.agreement, "yellow"))]
    yield [
        (f"{TAB}The record sits beside the reasoning: no finding above was decided by it.", "dim")
    ]
    yield []


# ---------------------------------------------------------------- the receipt


def receipt(report: Report) -> Iterator[Line]:
    """What the report was decided under, so that two reports can be compared and reproduced."""
    yield [("receipt: ", "dim bold"), (f"fto-check {report.fto_check_version}", "dim")]
    yield [(f"{TAB}profile sha256 {report.sha256 or '(not read from a file)'}", "dim")]
    for text in law_summary(report):
        yield [(f"{TAB}law: {text}", "dim")]
    yield [(f"{TAB}readings in force: {readings_summary(report)}", "dim")]
