"""The result of a check: a tree of findings, the single source of every output format.

Plain dataclasses, not pydantic models: a batch builds thousands of findings a second, and
`TypeAdapter(Report)` still gives the JSON Schema, JSON output and round-trip validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, NoReturn

from pydantic import Field
from pydantic.json_schema import SkipJsonSchema

from fto_check.profile.lint import Warning_
from fto_check.reasoning.logic import Status, all_of, any_of

REPORT_FORMAT_VERSION = 2  # 2: inferences, the evidence model; no law_notes


class _Nothing(list):
    """The empty list that every finding shares for a field it has nothing in.

    A profile's ~55 findings have ~300 such fields (no facts, no fixes, no notes, no parts):
    making and freeing a list for each was 1.6 % of a batch's instructions. Being shared, it
    must never grow: it refuses to, loudly, rather than lend its items to every finding.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("this empty list is shared by findings: assign a new list instead")

    append = extend = insert = __setitem__ = __iadd__ = _refuse


NOTHING: list = _Nothing()


@dataclass(slots=True)
class SourceInfo:
    """A source of a fact, resolved from its key in the profile's `sources:`."""

    title: str
    url: str | None = None
    date: str | None = None
    key: str | None = None


@dataclass(slots=True)
class FactUse:
    """A fact a finding relied on: where it is in the profile and where it comes from."""

    path: str  # e.g. "incidents[2].motives"
    value: Any
    line: int = 0
    col: int = 0
    sources: list[SourceInfo] = field(default_factory=list)


@dataclass(slots=True)
class Inferred:
    """A fact not given but inferred from others by an explicit rule (`reasoning/evidence.py`),
    which a report shows as such and the `inferences` reading can turn off."""

    rule: str  # "intention-from-lethal-acts"
    says: str  # "a killing shows circumstances indicating an intention to cause death"
    cites: str  # what supports the inference
    fact: str = ""  # the fact inferred: "incidents[0].intent_to_kill_or_injure"
    value: Any = None


@dataclass(slots=True)
class Change:
    """One change to a profile's facts: a step towards making a finding met (`whynot.py`)."""

    path: str  # "incidents[0].motives"; "incidents[+]" adds a new incident
    value: Any  # the new value; with op "add", the items to add to the list
    op: Literal["set", "add"] = "set"
    text: str = ""  # how to say it when the value is only an example: "a country other than US"


@dataclass(slots=True)
class Finding:
    """One rule applied: its status, why, and the findings it was composed from."""

    rule: str  # e.g. "2656f(d)(2)/politically-motivated"
    citation: str  # e.g. "22 U.S.C. § 2656f(d)(2)"
    title: str  # e.g. "politically motivated"
    status: Status
    reason: str
    combine: Literal["all-of", "any-of", "leaf"] = "leaf"
    basis: Literal["derived", "asserted"] = "derived"
    subject: str = ""  # what it was applied to, e.g. "incident 2 (villa-union, 2019-11-30)"
    version: str = ""  # the version of the law applied, e.g. "as amended by Pub. L. 107-56, …"
    facts: list[FactUse] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # fields to add to decide it
    readings: dict[str, str] = field(default_factory=dict)  # readings that decided it
    notes: list[str] = field(default_factory=list)
    children: list[Finding] = field(default_factory=list)
    # A leaf not met: alternative sets of changes, each of which would make it met
    would_meet: list[list[Change]] = field(default_factory=list)
    inferred: list[Inferred] = field(default_factory=list)  # facts it inferred, and by what rule

    def walk(self):
        """This finding and all below it, depth first, in statute order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def on_the_facts(self) -> Status:
        """The status the facts alone give: for a finding decided on the Secretary's asserted
        finding, what its parts (the checker's reasoning, kept below it) come to."""
        if self.basis != "asserted":
            return self.status
        statuses = [c.status for c in self.children]
        return all_of(statuses) if self.combine == "all-of" else any_of(statuses)

    def find(self, rule: str) -> Finding | None:
        return next((f for f in self.walk() if f.rule == rule), None)


@dataclass(slots=True)
class Route:
    """A clause a fix would satisfy, and what it is applied to."""

    rule: str  # "2656f(d)(2)/politically-motivated"
    citation: str
    title: str
    subject: str = ""  # "incident highway-ambush (2024-09-17)"


@dataclass(slots=True)
class Fix:
    """A smallest set of fact changes that, made together, would make a criterion met.

    Make one change of each step; where a step lists several, any one of them will do.
    """

    steps: list[list[Change]]
    via: list[Route]  # the clauses it would meet on the way


@dataclass(slots=True)
class WhyNot:
    """What would make a criterion that is not met (or undetermined) met."""

    rule: str  # "1189(a)(1)(B)"
    status: Status
    fixes: list[Fix]  # smallest first
    more: int = 0  # further fixes left out of `fixes`
    exhausted: bool = False  # the search stopped at its budget: there may be more fixes


@dataclass(slots=True)
class Flip:
    """One reading, changed alone, that changes a status."""

    reading: str
    value: str
    status: Status


@dataclass(slots=True)
class Contested:
    """A criterion (or the verdict, rule "1189(a)(1)") whose status depends on the readings."""

    rule: str
    title: str
    status: Status  # under the readings in force
    statuses: list[Status]  # every status some combination of readings gives
    flips: list[Flip]  # the readings that flip it alone, the others as in force


@dataclass(slots=True)
class AllReadings:
    """The result of `--all-readings`: every combination of the readings that mattered."""

    varied: dict[str, list[str]]  # reading → its alternatives tried
    combinations: int  # judged
    contested: list[Contested]
    not_judged: int = 0  # combinations left out: past the budget for a profile this large


@dataclass(slots=True)
class RecordEvent:
    """One decision of the register of FTO designations, as a report shows it."""

    kind: str  # designation, redesignation, amendment, review, revocation, lapse, merger, …
    effective: str  # as the register writes it: 1997-10-08, 2025-03, 2015-08-26..2015-09-04
    precision: Literal["day", "month", "year", "window"]
    text: str  # "designated effective 1997-10-08 (62 Fed. Reg. 52,649)"
    citation: str = ""
    mark: Literal["verified", "unverified"] = "verified"


@dataclass(slots=True)
class Record:
    """The organization's entry in the register (`register:` in the profile), shown beside the
    reasoning. Filled in after the findings are decided, from the verdict alone: the Secretary's
    decision is not evidence of the criteria and never decides one."""

    entry: str  # the register's id, or "none" for an organization never designated
    name: str  # the name it was listed under on `day`
    day: str  # the date judged
    standing: Literal["in_force", "not_in_force", "unsettled"]
    summary: str  # "The Secretary designated it effective 1997-10-08 (62 Fed. Reg. 52,649)."
    since: str  # what decides the standing on `day`: "revoked effective 2021-11-30"
    # the checker's verdict against the record: met ⇔ in force, not met ⇔ not in force
    agreement: Literal["agree", "disagree", "undetermined", "unsettled"]
    comparison: str  # the agreement, said in a sentence
    history: list[RecordEvent] = field(default_factory=list)
    rule: str = ""  # the in-force rule the register applies


@dataclass(slots=True)
class Report:
    """Everything a check decided about one profile, and what it was decided under."""

    name: str
    path: str
    as_of: str
    verdict: Status
    criteria: Finding  # the root: 8 U.S.C. § 1189(a)(1), composed of (A), (B) and (C)
    readings: dict[str, str]  # every reading in force, by name
    law: dict[str, str]  # clause id → the version applied
    sha256: str = ""
    fto_check_version: str = ""
    warnings: list[Warning_] = field(default_factory=list)
    format_version: int = REPORT_FORMAT_VERSION
    why_not: list[WhyNot] = field(default_factory=list)  # per criterion not met: what would be
    all_readings: AllReadings | None = None  # with --all-readings
    record: Record | None = None  # the register's entry, when the profile names one
    # The profile's text and positions, for snippets in text reports; never serialized
    source: Annotated[Any, Field(exclude=True), SkipJsonSchema()] = None

    def verdict_on_the_facts(self) -> Status:
        """The verdict the facts alone give: each criterion decided on a Secretary's asserted
        finding taken instead as its parts come to."""
        return all_of(c.on_the_facts() for c in self.criteria.children)

    def criterion(self, letter: str) -> Finding:
        """The finding for criterion 'A', 'B' or 'C'."""
        return next(c for c in self.criteria.children if c.rule == f"1189(a)(1)({letter})")
