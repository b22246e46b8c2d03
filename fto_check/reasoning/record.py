"""The public record beside the reasoning: a profile's register entry, and whether they agree.

A profile may name its entry in the register of designations (`register: farc`). The record is
attached to the report *after* every finding is decided, and only the verdict is compared with
it: the Secretary's decision is not evidence that the organization is foreign, engages in
terrorist activity or threatens the United States, so it never decides a criterion. What the
comparison yields is calibration: where the statute's words, as the checker reads them, and the
government's practice part ways, and which facts or readings make the difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fto_check.law.register import NO_ENTRY, RULE, Standing, describe, history, load_register
from fto_check.profile.model import Profile
from fto_check.reasoning.findings import Finding, Record, RecordEvent, Report
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status

# What the record implies of the verdict: a designation in force means the Secretary found all
# of (A)-(C); an organization not designated, or no longer, met at least one of them not.
IMPLIED = {Standing.IN_FORCE: MET, Standing.NOT_IN_FORCE: NOT_MET}
MAX_LEAVES = 4  # per criterion in a calibration row: the first that decided it


def attach(report: Report, profile: Profile) -> None:
    """Set `report.record` from the profile's `register:` (nothing when it names none)."""
    if profile.register_entry:
        day = date.fromisoformat(report.as_of)
        report.record = record(profile.register_entry, day, report.verdict_on_the_facts())


def record(entry_id: str, day: date, verdict: Status) -> Record:
    """The register's entry `entry_id` on `day`, compared with the checker's `verdict`."""
    if entry_id == NO_ENTRY:
        return Record(
            entry=NO_ENTRY,
            name="",
            day=day.isoformat(),
            standing=Standing.NOT_IN_FORCE.value,
            summary="The Secretary has never designated it (the profile says `register: none`).",
            since="never designated",
            agreement=agreement(verdict, Standing.NOT_IN_FORCE),
            comparison=comparison(verdict, Standing.NOT_IN_FORCE),
            rule=RULE,
        )
    entry = load_register().entries[entry_id]
    on = entry.on(day)
    return Record(
        entry=entry.id,
        name=entry.title_on(day).label,
        day=day.isoformat(),
        standing=on.standing.value,
        summary=history(entry),
        since=on.since,
        agreement=agreement(verdict, on.standing),
        comparison=comparison(verdict, on.standing),
        history=[
            RecordEvent(
                kind=d.kind,
                effective=d.effective.text,
                precision=d.effective.precision,
                text=describe(d),
                citation=d.cite,
                mark=d.mark,
            )
            for d in entry.decisions
        ],
        rule=RULE,
    )


def agreement(verdict: Status, standing: Standing) -> str:
    """'agree' when met ⇔ in force and not met ⇔ not in force; 'undetermined' when the checker
    cannot decide on the facts; 'unsettled' when the record does not fix the day."""
    if standing is Standing.UNSETTLED:
        return "unsettled"
    if verdict is UNDETERMINED:
        return "undetermined"
    return "agree" if IMPLIED[standing] is verdict else "disagree"


def comparison(verdict: Status, standing: Standing) -> str:
    found = agreement(verdict, standing)
    if found == "unsettled":
        return (
            f"The record does not say on which day its decision took effect, so it neither "
            f"agrees nor disagrees with the verdict on the facts ({verdict.label})."
        )
    if found == "undetermined":
        return (
            f"The verdict on the facts is undetermined: the profile's facts neither bear out "
            f"nor contradict the record ({standing.label})."
        )
    verb = "agrees" if found == "agree" else "disagrees"
    return f"The verdict on the facts ({verdict.label}) {verb} with the record ({standing.label})."


# ---------------------------------------------------------------- calibration


@dataclass(slots=True)
class Leaf:
    """A part of the finding tree that made a criterion differ from the record."""

    rule: str
    label: str  # its subject or title
    status: str
    reason: str
    missing: list[str] = field(default_factory=list)
    readings: dict[str, str] = field(default_factory=dict)
    facts: list[str] = field(default_factory=list)  # the fact paths it was decided on


@dataclass(slots=True)
class Difference:
    """A criterion whose status on the facts is not what the record implies."""

    criterion: str  # "A", "B" or "C"
    title: str
    status: str  # on the facts
    implied: str  # by the record
    leaves: list[Leaf]
    more: int = 0  # leaves left out


@dataclass(slots=True)
class Row:
    """One profile of a calibration: the verdict on the facts against the register."""

    path: str
    name: str
    as_of: str
    entry: str
    verdict: str
    standing: str
    agreement: str
    record: str  # the record on as_of, in a sentence
    differences: list[Difference] = field(default_factory=list)
    note: str = ""  # why, when no criterion differs alone (met, yet not designated)


def calibration_row(report: Report, path: str) -> Row:
    """The row of `report` (which has its record attached) in the agreement table."""
    rec = report.record
    assert rec is not None, "calibrate judges only profiles that name their register entry"
    row = Row(
        path=path,
        name=report.name,
        as_of=report.as_of,
        entry=rec.entry,
        verdict=report.verdict_on_the_facts().value,
        standing=rec.standing,
        agreement=rec.agreement,
        record=f"{Standing(rec.standing).label}: {rec.since}",
    )
    implied = IMPLIED.get(Standing(rec.standing))
    verdict = report.verdict_on_the_facts()
    if implied is MET or (implied is NOT_MET and verdict is UNDETERMINED):
        # The Secretary found (A)-(C): each criterion not met on the facts differs. Or the
        # record says not designated and the facts leave it open: what is still open.
        for criterion in report.criteria.children:
            if criterion.on_the_facts() is not MET:
                row.differences.append(_difference(criterion, implied))
    elif implied is NOT_MET and verdict is MET:
        row.note = (
            "(A), (B) and (C) are all met on the facts; the record does not say which finding "
            "the Secretary did not make" + _stated_reason(rec.entry, date.fromisoformat(rec.day))
        )
    return row


def _difference(criterion: Finding, implied: Status) -> Difference:
    # leaves decided alike (the same reason, the same facts missing) are said once
    alike: dict[tuple, Finding] = {}
    for f in _deciding(criterion):
        alike.setdefault((f.subject, f.reason, tuple(f.missing)), f)
    leaves = list(alike.values())
    return Difference(
        criterion=criterion.rule.removeprefix("1189(a)(1)(").rstrip(")"),  # "A", "B", "C"
        title=criterion.title,
        status=criterion.on_the_facts().value,
        implied=implied.value,
        leaves=[_leaf(f) for f in leaves[:MAX_LEAVES]],
        more=max(0, len(leaves) - MAX_LEAVES),
    )


def _deciding(finding: Finding) -> list[Finding]:
    """The leaves that gave `finding` its status: below an all-of, the parts with that status;
    below an any-of not met, every alternative (each failed)."""
    status = finding.on_the_facts()
    if finding.combine == "any-of" and status is NOT_MET:
        parts = finding.children
    else:
        parts = [c for c in finding.children if c.status is status]
    if not parts:  # a leaf, or a finding its parts do not explain (an asserted one)
        return [finding]
    return [leaf for part in parts for leaf in _deciding(part)]


def _leaf(finding: Finding) -> Leaf:
    return Leaf(
        rule=finding.rule,
        label=finding.subject or finding.title,
        status=finding.status.value,
        reason=finding.reason,
        missing=list(finding.missing),
        readings=dict(finding.readings),
        facts=list(dict.fromkeys(f.path for f in finding.facts)),
    )


def _stated_reason(entry_id: str, day: date) -> str:
    if entry_id == NO_ENTRY:
        return "; it was never designated."
    last = load_register().entries[entry_id].on(day).last
    if last is None or last.maintains or not last.reason:
        return "."
    return f"; the reason stated for its {last.kind}: {last.reason}."
