"""The memo (`check --format markdown`): a reasoned memorandum per profile, for a reader who
wants the argument rather than the tree — the question, the statute's words, the facts relied
on with their sources, each criterion analysed, the readings, the conclusion, and what facts
would change it. Built from the same finding tree as every other format.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from fto_check.reasoning.findings import FactUse, Finding, Report
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED
from fto_check.render.prose import cited, cites, law_summary, readings_summary
from fto_check.render.safe import markdown as md
from fto_check.render.safe import markdown_code as md_code
from fto_check.render.safe import markdown_link as md_link
from fto_check.render.text import (
    LETTER,
    decisive,
    decisive_chain,
    fix_lines,
    grouped,
    incident_names,
    missing_fields,
)

STATUS = {MET: "met", NOT_MET: "not met", UNDETERMINED: "undetermined"}
PARSE_NOTE = (
    "The Code marks (B) “so in original”: its first parenthesis does not close where it "
    "should. Read as the Code's note and the State Department read it, (B) offers three "
    "alternatives: the organization engages in terrorist activity (8 U.S.C. § 1182(a)(3)(B)), "
    "or engages in terrorism (22 U.S.C. § 2656f(d)(2)), or retains the capability and intent "
    "to engage in either."
)


def render_many(reports: list[Report]) -> str:
    return "\n\n---\n\n".join(render(report) for report in reports)


def render(report: Report) -> str:
    return "\n".join(_memo(report)).rstrip() + "\n"


def _memo(report: Report) -> Iterator[str]:
    memo = _Memo(report)
    yield f"# Memorandum: {md(report.name)}"
    yield ""
    yield from memo.receipt()
    yield "## Question presented"
    yield ""
    yield (
        f"On the facts recorded in {md_code(report.path)}, as of {_day(report.as_of)}, may the "
        f"Secretary of State designate the organization profiled there (*{md(report.name)}*) as a "
        "foreign terrorist organization under 8 U.S.C. § 1189(a)(1)?"
    )
    yield ""
    yield "## Short answer"
    yield ""
    yield memo.short_answer()
    yield ""
    yield "## The statute"
    yield ""
    yield from memo.statute()
    yield "## Facts relied on"
    yield ""
    yield from memo.facts()
    yield "## Analysis"
    yield ""
    for criterion in report.criteria.children:
        yield from memo.criterion(criterion)
    yield from memo.readings()
    yield "## Conclusion"
    yield ""
    yield from memo.conclusion()
    yield from memo.record()


class _Memo:
    def __init__(self, report: Report) -> None:
        from fto_check.law.statute import load_law

        self.report = report
        self.day = date.fromisoformat(report.as_of)
        self.law = load_law()
        self.quoted: set[str] = set()
        self.sources: dict[tuple, int] = {}  # (title, date, url) → footnote number
        self.facts_used = _facts(report.criteria)
        self.incidents = {i: md(name) for i, name in incident_names(report).items()}

    # -- header ------------------------------------------------------------------------------

    def receipt(self) -> Iterator[str]:
        r = self.report
        yield "| | |"
        yield "|---|---|"
        yield f"| Profile | {md_code(r.path, table=True)}, SHA-256 `{r.sha256 or 'n/a'}` |"
        yield f"| Assessed as of | {_day(r.as_of)} |"
        # a row for each wording, under one label: a line break in a cell would need HTML
        first, *more = law_summary(r) or [""]
        yield f"| Law applied | {first} |"
        yield from (f"| | {line} |" for line in more)
        yield f"| Readings in force | {readings_summary(r)} |"
        tool = f"fto-check {r.fto_check_version}"
        yield f"| Prepared by | {tool}: a teaching tool, not legal advice |"
        yield ""

    def short_answer(self) -> str:
        r = self.report
        parts = [
            f"{LETTER[c.rule]} is {STATUS[c.status]}"
            + (" on the Secretary's asserted finding" if c.basis == "asserted" else "")
            for c in r.criteria.children
        ]
        asserted = [
            c for c in r.criteria.children if c.basis == "asserted" and c.on_the_facts() is not MET
        ]
        head = {
            MET: "Yes, on these facts."
            if not asserted
            else "Yes, but only with the Secretary's asserted finding on "
            + _join([LETTER[c.rule] for c in asserted])
            + ": on the facts alone it is not established.",
            NOT_MET: "No, on these facts.",
            UNDETERMINED: "Not on these facts alone: the question cannot yet be decided.",
        }[r.verdict]
        text = f"{head} Of the three findings § 1189(a)(1) requires, {_join(parts)}."
        if r.all_readings and any(c.rule == "1189(a)(1)" for c in r.all_readings.contested):
            text += " The answer is contested: it depends on how the statute is read (below)."
        return text

    def statute(self) -> Iterator[str]:
        lead = self._text("1189(a)(1)")
        yield f"> {lead}"
        for rule, letter in LETTER.items():
            yield ">"
            yield f"> {letter} {self._text(rule)}"
            self.quoted.add(rule)
        yield ""
        yield (
            "All three findings are required: (A), (B) *and* (C). A finding the facts leave "
            "open is undetermined, never assumed. " + PARSE_NOTE
        )
        yield ""

    # -- facts -------------------------------------------------------------------------------

    def facts(self) -> Iterator[str]:
        if not self.facts_used:
            yield "The profile records no facts that any criterion used."
            yield ""
            return
        for fact in self.facts_used:
            notes = [f"[{n}]" for n in sorted({self._source(s) for s in fact.sources})]
            where = f" (line {fact.line})" if fact.line else ""
            cited = f" {''.join(notes)}" if notes else ""
            yield f"- `{fact.path}`: {md(_value(fact.value))}{where}{cited}"
        yield ""
        if self.sources:
            yield "Sources:"
            yield ""
            for (title, day, url), number in self.sources.items():
                parts = [f"{number}. {md(title)}"]
                if day:
                    parts.append(md(day))
                if url:
                    parts.append(md_link(url))
                yield ", ".join(parts)
            yield ""

    def _source(self, source) -> int:
        key = (source.title, source.date, source.url)
        return self.sources.setdefault(key, len(self.sources) + 1)

    # -- analysis ----------------------------------------------------------------------------

    def criterion(self, finding: Finding) -> Iterator[str]:
        letter = LETTER[finding.rule]
        basis = " on the Secretary's asserted finding" if finding.basis == "asserted" else ""
        title = finding.title[:1].upper() + finding.title[1:]
        yield f"### {letter} {title}: {STATUS[finding.status]}{basis}"
        yield ""
        yield f"*{cited(finding.citation, finding.version)}.*"
        yield ""
        if finding.basis == "asserted":
            yield (
                f"The profile records the Secretary's own finding: {md(finding.reason)}. Courts "
                "have treated this finding as the Secretary's foreign-policy judgment and "
                "declined to review it (*People's Mojahedin Org. of Iran v. Dep't of State*, "
                "182 F.3d 17 (D.C. Cir. 1999)), so the memo reports it as asserted rather than "
                "derived from the facts."
            )
            yield ""
        yield from self._contested(finding)
        for group in grouped(finding.children):
            yield from self._part(group, 0)
        yield ""
        missing = missing_fields(finding)
        if missing:
            yield "The profile leaves open facts that would decide it:"
            yield ""
            for field, where, rules in missing:
                yield f"- {field}{where}, for {rules}"
            yield ""
        notes = list(dict.fromkeys(n for f in finding.walk() for n in f.notes))
        boundary = [n.removeprefix("Boundary: ") for n in notes if n.startswith("Boundary: ")]
        if boundary:
            yield "On the boundary (where an argument could go either way):"
            yield ""
            yield from (f"- {note}" for note in boundary)
            yield ""
        others = [n for n in notes if not n.startswith("Boundary: ")]
        if others:
            yield from (f"*Note.* {note}" for note in others)
            yield ""
        yield from self._what_would(finding)

    def _part(self, group: list[Finding], depth: int) -> Iterator[str]:
        """One element, as a sentence: its status, why, the facts, the words of the clause."""
        chain = decisive_chain(group[0]) if len(group) == 1 else group[:1]
        last = chain[-1]
        if len(group) > 1:
            label = md(" · ".join(f.title for f in group))
        else:
            label = md(" › ".join(f.subject or f.title for f in chain))
        cite = cites([f.rule for f in group] if len(group) > 1 else [last.rule])
        text = f"**{label}** ({cite}): {STATUS[last.status]}"
        below = [use for f in group for g in f.walk() for use in g.facts]
        if last.status is not MET and last.children and not below:
            text += ": nothing about it is recorded yet"
        elif not last.children:
            reasons = [f.reason for f in group] if len(group) > 1 else [last.reason]
            text += ", because " + md("; ".join(dict.fromkeys(reasons)))
        else:  # a composite: say which parts decided it; they are set out below
            text += _composite(last)
        facts = "; ".join(
            f"`{f.path}`: {md(_value(f.value))}" + (f" (line {f.line})" if f.line else "")
            for f in last.facts
        )
        if facts:
            text += f" [{facts}]"
        if last.readings:
            readings = ", ".join(f"`{k}={v}`" for k, v in last.readings.items())
            text += f"; on the reading {readings}"
        yield f"{'  ' * depth}- {text}."
        for finding in group if len(group) > 1 else chain:
            quote = self._quote(finding.rule)
            if quote:
                yield f"{'  ' * depth}  > {quote}"
        if last.status is not MET and last.children and not below:
            return
        for child in grouped(decisive(last)):
            yield from self._part(child, depth + 1)

    def _quote(self, rule: str) -> str:
        """The clause's words, the first time the memo relies on it."""
        clause = rule.partition("/")[0]
        if clause in self.quoted or clause not in self.law.clauses:
            return ""
        self.quoted.add(clause)
        text = self._text(clause)
        return f"§ {clause}: “{text}”" if text else ""

    def _text(self, clause_id: str) -> str:
        clause = self.law.clauses.get(clause_id)
        version = clause.version_on(self.day) if clause else None
        if version is None or not version.text:
            return ""
        return version.text + (f" … {version.flush_text}" if version.flush_text else "")

    def _contested(self, finding: Finding) -> Iterator[str]:
        if self.report.all_readings is None:
            return
        items = {c.rule: c for c in self.report.all_readings.contested}
        own = items.get(finding.rule)
        named = {f.reading for f in own.flips} if own else set()
        for rule in (finding.rule, *(c.rule for c in finding.children)):
            item = items.get(rule)
            if item is None or (item is not own and {f.reading for f in item.flips} <= named):
                continue
            what = "It" if item is own else f"The route “{item.title}”"
            flips = "; ".join(
                f"{STATUS[f.status]} on `{f.reading}={f.value}`" for f in item.flips
            ) or ", ".join(STATUS[s] for s in item.statuses)
            yield (
                f"**Contested.** {what} is {STATUS[item.status]} on the readings in force, "
                f"but {flips}."
            )
            yield ""

    def _what_would(self, finding: Finding) -> Iterator[str]:
        answer = next((w for w in self.report.why_not if w.rule == finding.rule), None)
        if answer is None or not answer.fixes:
            return
        yield f"What would make {LETTER[finding.rule]} met (any one of these):"
        yield ""
        for fix in answer.fixes:
            lines = fix_lines(fix, self.incidents)
            yield f"- {' '.join(lines)}."
        if answer.exhausted:
            yield "- … and perhaps more: the search for them stopped at its budget."
        yield ""

    # -- readings and conclusion --------------------------------------------------------------

    def readings(self) -> Iterator[str]:
        from fto_check.law.readings import all_readings
        from fto_check.reasoning.contest import consulted

        names = consulted(self.report)
        if not names:
            return
        result = self.report.all_readings
        known = all_readings()
        yield "## The readings this memo depends on"
        yield ""
        yield (
            "Where the statute's words do not settle a question, the memo does not settle it "
            "silently. These readings decided parts of the analysis above; "
            "`fto-check explain READING` sets out each one."
        )
        yield ""
        for name in names:
            reading = known[name]
            chosen = self.report.readings[name]
            yield f"**{name}** (§ {reading.clause}). {_one_line(reading.question)}"
            yield ""
            yield f"- Applied here, `{chosen}`: {_one_line(reading.alternatives[chosen])}"
            for value, text in reading.alternatives.items():
                if value != chosen:
                    yield f"- Alternatively, `{value}`: {_one_line(text)}"
            yield ""
            if reading.argument:
                yield _one_line(reading.argument)
                yield ""
        if result is not None and result.not_judged:
            yield (
                f"Of the {result.combinations + result.not_judged} combinations of these "
                f"readings, {result.not_judged} were not judged: past the budget for a profile "
                "this large, so a contest among them would not be shown."
            )
            yield ""
        yield ""

    def conclusion(self) -> Iterator[str]:
        r = self.report
        criteria = r.criteria.children
        met = [LETTER[c.rule] for c in criteria if c.status is MET]
        failing = [LETTER[c.rule] for c in criteria if c.status is NOT_MET]
        open_ = [LETTER[c.rule] for c in criteria if c.status is UNDETERMINED]
        if r.verdict is MET:
            text = (
                "On the facts recorded, each of the three findings of § 1189(a)(1) is "
                "supported, so the statutory criteria for designation are satisfied."
            )
        elif r.verdict is NOT_MET:
            text = (
                f"The criteria for designation are not satisfied: {_join(failing)} "
                f"{'is' if len(failing) == 1 else 'are'} not met, and all three findings are "
                "required."
            )
        else:
            text = (
                f"The question cannot be decided on these facts: {_join(open_)} "
                f"{'is' if len(open_) == 1 else 'are'} undetermined"
                + (f", while {_join(met)} {'is' if len(met) == 1 else 'are'} met" if met else "")
                + ". The facts listed under each criterion would decide it."
            )
        yield text
        yield ""
        yield (
            "Designation remains the Secretary's decision on an administrative record, much of "
            "it classified; this memo tests only whether the recorded facts meet the statute's "
            "words."
        )

    def record(self) -> Iterator[str]:
        """The register's entry, when the profile names one, apart from the analysis."""
        rec = self.report.record
        if rec is None:
            return
        yield ""
        yield "## Beside the reasoning: the public record"
        yield ""
        listed = f", listed as {rec.name}" if rec.name else ""
        yield (
            f"The register of designations (`rules/register.yaml`, entry `{rec.entry}`{listed}): "
            f"{rec.summary} On {_day(rec.day)} it was {rec.standing.replace('_', ' ')}: "
            f"{rec.since}. "
            f"{rec.comparison}"
        )
        yield ""
        yield (
            "The record took no part in the analysis above: the Secretary's decision is not "
            "evidence that the criteria are met, and it is shown only to compare the statute's "
            "words, as read here, with the government's practice."
        )


def _composite(finding: Finding) -> str:
    names = md("; ".join(dict.fromkeys(c.subject or c.title for c in decisive(finding))))
    if finding.combine == "any-of":
        return {
            MET: f", through {names}",
            NOT_MET: ": none of the alternatives is met",
            UNDETERMINED: f": none is met, and {names} {'is' if ';' not in names else 'are'} "
            "still open",
        }[finding.status]
    return {
        MET: "",
        NOT_MET: f", for want of: {names}",
        UNDETERMINED: f": still open: {names}",
    }[finding.status]


def _facts(root: Finding) -> list[FactUse]:
    seen: dict[str, FactUse] = {}
    for finding in root.walk():
        for fact in finding.facts:
            seen.setdefault(fact.path, fact)
    return sorted(seen.values(), key=lambda f: (f.line or 10**9, f.path))


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _day(iso: str) -> str:
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B %Y}"


def _value(value) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items() if v is not None)
    return str(value)
