"""The register of foreign terrorist organizations: what the Secretary actually decided, as data.

`rules/register.yaml` records, per organization, its names (each dated) and every decision
under § 1189: designations, two-year redesignations, amendments, reviews that maintained it,
revocations, lapses. It sits beside the law and never inside the reasoning: the Secretary's
decision is not evidence of the criteria, so no predicate reads it (see `reasoning/record.py`).

The rule applied, `standing`: an organization is an FTO on a day iff its last decision on or
before that day is a designation, redesignation, amendment or review (which maintain it), not a
revocation, lapse, merger or setting aside (which end it). A date known only to the month, the
year or a window is a span, and a day inside it makes the answer *unsettled* rather than a guess.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from fto_check.base.dates import bounds
from fto_check.base.errors import InputError, Problem, UsageError
from fto_check.base.resources import data_dir, read_data

RULE = (
    "An organization is a foreign terrorist organization on a day if its last decision on or "
    "before that day is a designation, a redesignation, an amendment or a review that "
    "maintained it; not if it is a revocation, a lapse (a two-year term not renewed, before "
    "2004-12-17), a merger into another designation, or a court's setting it aside. A decision "
    "takes effect on its Federal Register publication (8 U.S.C. § 1189(a)(2)(B)(i)) unless the "
    "record says otherwise."
)

Kind = Literal[
    "designation",
    "redesignation",
    "amendment",
    "review",
    "revocation",
    "lapse",
    "merger",
    "set-aside",
]
MAINTAINING: frozenset[str] = frozenset({"designation", "redesignation", "amendment", "review"})
KINDS: tuple[str, ...] = Kind.__args__  # type: ignore[attr-defined]
Mark = Literal["verified", "unverified"]
DatedBy = Literal["publication", "statement", "state-list", "term-end"]
NO_ENTRY = "none"  # what a profile's `register:` says of an organization never designated

_ID = r"^[a-z0-9][a-z0-9-]*$"


# ---------------------------------------------------------------- dates


class Span(BaseModel):
    """A date as precisely as the record knows it: a day, a month, a year, or a window.

    Written `1997-10-08`, `2025-03`, `2013` or `2015-08-26..2015-09-04` (either end of a window
    may itself be a month or a year); it stands for some one day in [earliest, latest].
    """

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
    text: str
    earliest: date
    latest: date

    def __str__(self) -> str:
        return self.text

    @property
    def exact(self) -> bool:
        return self.earliest == self.latest

    @property
    def precision(self) -> str:
        """How much of the date is known: "day", "month", "year" or "window"."""
        if self.exact:
            return "day"
        if ".." in self.text:
            return "window"
        return "month" if "-" in self.text else "year"

    def on_or_before(self, day: date) -> bool | None:
        """Whether the day it stands for is on or before `day`; None when the span straddles it."""
        if self.latest <= day:
            return True
        if self.earliest > day:
            return False
        return None

    def describe(self) -> str:
        """'2025-03 (the day is not known)', as a sentence shows it."""
        if self.exact:
            return self.text
        if self.precision == "window":
            return f"between {self.earliest} and {self.latest} (the day is not known)"
        return f"{self.text} (the day is not known)"


def parse_span(value: Any) -> Any:
    """`2025-03` → Span(2025-03-01 … 2025-03-31); `A..B` → from A's first day to B's last."""
    if isinstance(value, Span | dict):
        return value
    if isinstance(value, date):
        return Span(text=value.isoformat(), earliest=value, latest=value)
    text = str(value).strip()
    start, sep, end = text.partition("..")
    earliest, latest = bounds(start.strip())
    if sep:
        latest = bounds(end.strip())[1]
        if latest < earliest:
            raise ValueError(f"the window {text!r} ends before it starts")
        if earliest == latest:
            raise ValueError(f"the window {text!r} is one day: write the day")
    return Span(text=text, earliest=earliest, latest=latest)


def _day(value: Any) -> Any:
    if isinstance(value, str):
        span = parse_span(value)
        if not span.exact:
            raise ValueError(f"expected a day as YYYY-MM-DD, got {value!r}")
        return span.earliest
    return value


When = Annotated[Span, BeforeValidator(parse_span)]
Refs = Annotated[tuple[str, ...], Field(strict=False)]  # a YAML list, kept as a tuple
Day = Annotated[date, BeforeValidator(_day)]


# ---------------------------------------------------------------- the file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Source(_Strict):
    title: str
    url: str | None = None
    date: str | None = None
    publisher: str | None = None
    note: str = ""


class Name(_Strict):
    """A name an entry was listed under (`as: name`) or an alias, and when it was added."""

    model_config = ConfigDict(populate_by_name=True)
    name: str
    short: str | None = None
    as_: Literal["name", "alias"] = Field("name", alias="as")
    added: When | None = Field(None, description="Default: the entry's first designation.")
    removed: When | None = None
    citation: str | None = None
    sources: Refs = ()
    mark: Mark | None = Field(None, description="Default: its designation's mark.")
    mark_note: str = ""
    note: str = ""


class _Facts(_Strict):
    """What a decision and a notice shared by several decisions both say."""

    effective: When | None = None
    dated_by: DatedBy | None = None
    published: When | None = Field(
        None, description="The Federal Register day, where it differs from `effective`."
    )
    citation: str | None = None
    fr_doc: str | None = None
    signed: Day | None = None
    announced: Day | None = None
    under: str | None = Field(None, description="The clause acted under, e.g. 1189(a)(6)(A).")
    reason: str | None = Field(None, description="The reason stated, quoted briefly.")
    sources: Refs = ()
    mark: Mark | None = None
    mark_note: str = ""
    note: str = ""


_FACTS = tuple(_Facts.model_fields)


class Notice(_Facts):
    """One published action naming several organizations (the first list, a redesignation)."""

    title: str
    effective: When
    dated_by: DatedBy
    mark: Mark


class DecisionSpec(_Facts):
    kind: Kind
    notice: str | None = None
    into: str | None = Field(None, description="A merger's surviving entry.")


class EntrySpec(_Strict):
    id: Annotated[str, Field(pattern=_ID)]
    names: tuple[Name, ...] = Field(min_length=1, strict=False)
    decisions: tuple[DecisionSpec, ...] = Field(min_length=1, strict=False)
    note: str = ""


class RegisterFile(_Strict):
    sources: dict[str, Source]
    notices: dict[str, Notice] = {}
    entries: tuple[EntrySpec, ...] = Field(min_length=1, strict=False)


# ---------------------------------------------------------------- the register, resolved


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision with its notice's facts filled in: what every output shows."""

    kind: str
    effective: Span
    dated_by: str
    mark: str
    index: int  # its place in the entry's history; orders decisions of the same day
    published: Span | None = None
    citation: str | None = None
    fr_doc: str | None = None
    signed: date | None = None
    announced: date | None = None
    under: str | None = None
    reason: str | None = None
    into: str | None = None
    notice: str | None = None
    sources: tuple[str, ...] = ()
    mark_note: str = ""
    note: str = ""

    @property
    def maintains(self) -> bool:
        return self.kind in MAINTAINING

    @property
    def cite(self) -> str:
        """'62 Fed. Reg. 52,649', else 'FR Doc. 2025-02873', else ''."""
        return self.citation or (f"FR Doc. {self.fr_doc}" if self.fr_doc else "")

    def after(self, other: Decision) -> bool:
        """Whether this decision certainly came after `other` (same-day: by their order)."""
        return self.effective.earliest > other.effective.latest or (
            self.effective.earliest == other.effective.latest and self.index > other.index
        )


@dataclass(frozen=True, slots=True)
class Alias:
    """A name of an entry, resolved: its dates filled in."""

    name: str
    short: str | None
    listed: bool  # `as: name`: the designation was listed under it
    added: Span
    removed: Span | None
    mark: str
    citation: str | None = None
    sources: tuple[str, ...] = ()
    mark_note: str = ""
    note: str = ""

    def held_on(self, day: date) -> bool | None:
        """Whether the entry carried this name on `day`; None when its dates straddle it."""
        added = self.added.on_or_before(day)
        gone = self.removed.on_or_before(day) if self.removed else False
        if added is False or gone is True:
            return False
        if added and gone is False:
            return True
        return None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.short})" if self.short else self.name


class Standing(StrEnum):
    IN_FORCE = "in_force"
    NOT_IN_FORCE = "not_in_force"
    UNSETTLED = "unsettled"  # a decision's date, known only to the month or year, straddles it

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


@dataclass(frozen=True, slots=True)
class OnDay:
    """An entry's standing on a day, and the decisions that decide it."""

    day: date
    standing: Standing
    last: Decision | None  # the last decision on or before the day, when that is known
    open: tuple[Decision, ...] = ()  # when unsettled: the decisions whose dates straddle the day

    @property
    def since(self) -> str:
        """'designated effective 1997-10-08 (62 Fed. Reg. 52,649)', or why not in force."""
        if self.standing is Standing.UNSETTLED:
            pending = "; ".join(f"{d.kind} {d.effective.describe()}" for d in self.open)
            return f"a decision's day is not known: {pending}"
        if self.last is None:
            return "not designated by then"
        return describe(self.last)


def describe(decision: Decision) -> str:
    """'revoked effective 2021-11-30 (…)': a decision as a clause of a sentence."""
    verb = {
        "designation": "designated",
        "redesignation": "redesignated",
        "amendment": "amended",
        "review": "reviewed and maintained",
        "revocation": "revoked",
        "lapse": "lapsed (not redesignated)",
        "merger": f"merged into {decision.into}",
        "set-aside": "set aside by a court",
    }[decision.kind]
    return f"{verb} effective {_when(decision)}"


def history(entry: Entry) -> str:
    """'The Secretary designated it effective 1997-10-08 (62 Fed. Reg. 52,649) and revoked it
    effective 2021-11-30.': its designations and how each ended, without the renewals."""
    said = {
        "designation": "designated it",
        "revocation": "revoked it",
        "lapse": "let it lapse (not redesignated)",
        "merger": "merged it into {into}",
        "set-aside": "saw it set aside by a court",
    }
    turns = [d for d in entry.decisions if d.kind in said]
    parts = [
        said[d.kind].format(into=d.into)
        + (" again" if d.kind == "designation" and i else "")
        + f" effective {_when(d)}"
        for i, d in enumerate(turns)
    ]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"The Secretary {joined}."


def _when(decision: Decision) -> str:
    cite = f" ({decision.cite})" if decision.cite else ""
    return decision.effective.describe() + cite


def standing(decisions: Sequence[Decision], day: date) -> OnDay:
    """The in-force rule: in force on `day` iff the last decision on or before it maintains.

    With exact dates that is all. A decision whose span straddles `day` may or may not count;
    every way it could fall is tried, and if they disagree the standing is UNSETTLED.
    """
    before = [d for d in decisions if d.effective.on_or_before(day) is not False]
    certain = [d for d in before if d.effective.on_or_before(day)]
    # a decision can be the last one iff none certainly on or before `day` certainly follows it
    candidates = [d for d in before if not any(e.after(d) for e in certain)]
    outcomes = {d.maintains for d in candidates}
    if not certain:
        outcomes.add(False)  # perhaps nothing had happened yet
    last = max(certain, key=lambda d: (d.effective.latest, d.index), default=None)
    if len(outcomes) > 1:
        pending = tuple(d for d in candidates if d.effective.on_or_before(day) is None)
        return OnDay(day, Standing.UNSETTLED, last, pending)
    in_force = outcomes.pop()
    if len(candidates) == 1 and candidates[0].effective.on_or_before(day):
        last = candidates[0]
    return OnDay(day, Standing.IN_FORCE if in_force else Standing.NOT_IN_FORCE, last)


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    names: tuple[Alias, ...]
    decisions: tuple[Decision, ...]
    note: str = ""

    def on(self, day: date) -> OnDay:
        return standing(self.decisions, day)

    def title_on(self, day: date | None = None) -> Alias:
        """The name the designation was listed under on `day` (default: the latest)."""
        listed = [a for a in self.names if a.listed]
        if day is not None:
            listed = [a for a in listed if a.added.earliest <= day] or listed[:1]
        return listed[-1]

    @property
    def designated(self) -> Decision:
        return next(d for d in self.decisions if d.kind == "designation")


@dataclass(frozen=True, slots=True)
class Match:
    """A look-up's answer: the entry, the name that matched it, and how."""

    entry: Entry
    name: Alias | None  # None: matched by its id
    how: str  # "id", "name", "words"
    others: tuple[tuple[Entry, Alias], ...] = ()  # other entries that carried the name


class Register:
    """Every entry, by id, with the sources and notices they cite."""

    def __init__(self, file: RegisterFile) -> None:
        self.sources = file.sources
        self.notices = file.notices
        self.entries: dict[str, Entry] = {e.id: _resolve(e, file.notices) for e in file.entries}
        self._names: dict[str, list[tuple[Entry, Alias]]] = {}
        for entry in self.entries.values():
            for alias in entry.names:
                for text in {alias.name, alias.short} - {None}:
                    self._names.setdefault(normalize(text), []).append((entry, alias))

    def on(self, day: date) -> list[tuple[Entry, OnDay]]:
        """Every entry with its standing on `day`, in the register's order."""
        return [(entry, entry.on(day)) for entry in self.entries.values()]

    def find(self, query: str, day: date | None = None) -> Match:
        """The entry an id, a name, an alias or an abbreviation names (on `day`, if given).

        A name two entries carried (al-Nusrah Front: an alias of AQI, then designated on its
        own) goes to the entry that carried it on `day`; without a day, to the entry listed
        under it, else the one that took it last. Raises UsageError with suggestions.
        """
        key = normalize(query)
        held = self._names.get(key)
        if held:
            ranked = sorted(held, key=lambda pair: _preference(*pair, day), reverse=True)
            entry, alias = ranked[0]
            others = tuple((e, a) for e, a in ranked[1:] if e is not entry)
            return Match(entry, alias, "name", others)
        if query.strip().lower() in self.entries:
            return Match(self.entries[query.strip().lower()], None, "id")
        words = set(key.split())
        containing = [
            pair
            for name, pairs in self._names.items()
            if words and words <= set(name.split())
            for pair in pairs
        ]
        if len({e.id for e, _ in containing}) == 1:
            entry, alias = containing[0]
            return Match(entry, alias, "words")
        raise UsageError(self._unknown(query, key, containing))

    def _unknown(self, query: str, key: str, containing: list[tuple[Entry, Alias]]) -> str:
        scored = sorted(
            ((_likeness(key, name), e, a) for name, pairs in self._names.items() for e, a in pairs),
            key=lambda t: -t[0],
        )
        close = [(e, a) for score, e, a in scored if score >= 0.75]
        found = [*containing, *close]
        best = {e.id: a.name for e, a in reversed(found)}  # each entry's first name found
        suggestions = [f"{best[i]} ({i})" for i in dict.fromkeys(e.id for e, _ in found)]
        hint = (
            f"did you mean {'; '.join(suggestions[:5])}?"
            if suggestions
            else "`fto-check register --all` lists every entry"
        )
        return f"no organization in the register is called {query!r}: {hint}"

    def counts(self) -> dict[str, int]:
        decisions = [d for e in self.entries.values() for d in e.decisions]
        return {
            "entries": len(self.entries),
            "decisions": len(decisions),
            "verified": sum(d.mark == "verified" for d in decisions),
            "unverified": sum(d.mark == "unverified" for d in decisions),
        }


def _preference(entry: Entry, alias: Alias, day: date | None) -> tuple:
    """Which entry a name two entries carried means: the one that carried it on `day` and was
    in force then; else the one listed under it; else the one that took it last."""
    if day is None:
        return (0, 0, alias.listed, alias.added.earliest)
    held = {True: 2, None: 1, False: 0}[alias.held_on(day)]
    return (held, entry.on(day).standing is Standing.IN_FORCE, alias.listed, alias.added.earliest)


def _likeness(key: str, name: str) -> float:
    """How like `name` the query `key` is, whole or against as many of its words (0 to 1)."""
    best = difflib.SequenceMatcher(None, key, name).ratio()
    words, size = name.split(), len(key.split())
    for start in range(len(words) - size + 1):
        part = " ".join(words[start : start + size])
        best = max(best, difflib.SequenceMatcher(None, key, part).ratio())
    return best


def normalize(text: str) -> str:
    """How names are compared: no accents, case, apostrophes, hyphens or a leading 'the'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’‘`ʼ]", "", text)
    text = re.sub(r"[^\w]+", " ", text).strip()
    return text.removeprefix("the ")


def _resolve(spec: EntrySpec, notices: dict[str, Notice]) -> Entry:
    decisions = []
    for i, d in enumerate(spec.decisions):
        notice = notices[d.notice] if d.notice else None
        facts = {
            name: getattr(d if notice is None or name in d.model_fields_set else notice, name)
            for name in _FACTS
        }
        facts["sources"] = tuple(dict.fromkeys((*(notice.sources if notice else ()), *d.sources)))
        decisions.append(Decision(kind=d.kind, index=i, into=d.into, notice=d.notice, **facts))
    first = next(d for d in decisions if d.kind == "designation")
    names = tuple(
        Alias(
            name=n.name,
            short=n.short,
            listed=n.as_ == "name",
            added=n.added or first.effective,
            removed=n.removed,
            mark=n.mark or first.mark,
            citation=n.citation or (None if n.added else first.cite or None),
            sources=n.sources or (() if n.added else first.sources),
            mark_note=n.mark_note,
            note=n.note,
        )
        for n in spec.names
    )
    return Entry(spec.id, names, tuple(decisions), spec.note)


# ---------------------------------------------------------------- loading


def register_path() -> str:
    return str(data_dir("rules") / "register.yaml")


@cache
def load_register() -> Register:
    """Read and validate `rules/register.yaml` (once per process)."""
    from fto_check.base.loader import load_document

    path = register_path()
    doc = load_document(read_data(path).decode("utf-8"), path)
    return parse(doc)


def parse(doc) -> Register:
    """A loaded document as a Register, or InputError naming every problem by line."""
    from fto_check.base.loader import field_path

    source = doc.source
    try:
        file = RegisterFile.model_validate(doc.data)
    except ValidationError as e:
        problems = [
            Problem(
                source.path,
                *source.position(tuple(err["loc"])),
                err["msg"].removeprefix("Value error, "),
                field_path(tuple(err["loc"])),
            )
            for err in e.errors(include_input=False, include_url=False)
        ]
        raise InputError(problems) from None
    problems = [
        Problem(source.path, *source.position(loc), message, field_path(loc))
        for loc, message in check(file)
    ]
    if problems:
        raise InputError(problems)
    return Register(file)


def check(file: RegisterFile) -> Iterable[tuple[tuple, str]]:
    """What the model alone cannot see: references, order, and the marks' promises."""
    ids = [e.id for e in file.entries]
    seen: set[str] = set()
    for i, entry in enumerate(file.entries):
        at = ("entries", i)
        if entry.id in seen:
            yield (*at, "id"), f"the id {entry.id!r} is used twice"
        seen.add(entry.id)
        if entry.id == NO_ENTRY:
            yield (*at, "id"), f"{NO_ENTRY!r} is what a profile names for no designation"
        if entry.decisions[0].kind != "designation":
            yield (*at, "decisions", 0, "kind"), "an entry's history starts with its designation"
        if entry.names[0].as_ != "name":
            yield (*at, "names", 0, "as"), "an entry's first name is the one it was listed under"
        previous: date | None = None
        for j, d in enumerate(entry.decisions):
            where = (*at, "decisions", j)
            notice = file.notices.get(d.notice) if d.notice else None
            if d.notice and notice is None:
                yield (*where, "notice"), _unknown("notice", d.notice, file.notices)
            if notice is None and not d.notice and (d.effective is None or d.dated_by is None):
                yield where, "a decision without a notice needs `effective` and `dated_by`"
            if notice is None and not d.notice and d.mark is None:
                yield where, "a decision without a notice needs its `mark`"
            if d.notice and d.effective is not None:
                yield (*where, "effective"), "a decision on a notice takes the notice's date"
            yield from _check_facts(d, notice, where, file.sources)
            if (d.kind == "merger") != (d.into is not None):
                yield where, "a merger names the entry it merged `into`, and only a merger does"
            if d.into is not None and d.into not in ids:
                yield (*where, "into"), _unknown("entry", d.into, ids)
            effective = d.effective or (notice.effective if notice else None)
            if effective and previous and effective.earliest < previous:
                yield (*where, "effective"), "decisions are listed in the order they took effect"
            previous = effective.earliest if effective else previous
        for j, name in enumerate(entry.names):
            for k, ref in enumerate(name.sources):
                if ref not in file.sources:
                    yield (*at, "names", j, "sources", k), _unknown("source", ref, file.sources)
            if name.added and name.removed and name.removed.earliest < name.added.latest:
                yield (*at, "names", j, "removed"), "removed before it was added"
    for key, notice in file.notices.items():
        yield from _check_facts(notice, None, ("notices", key), file.sources)


def _check_facts(facts: _Facts, notice: Notice | None, where: tuple, sources: dict):
    for k, ref in enumerate(facts.sources):
        if ref not in sources:
            yield (*where, "sources", k), _unknown("source", ref, sources)
    mark = facts.mark or (notice.mark if notice else None)
    cited = facts.sources or facts.citation or (notice and (notice.sources or notice.citation))
    if mark == "verified" and not cited:
        yield where, "a verified decision names its sources or its citation"
    if mark == "unverified" and not (facts.mark_note or (notice and notice.mark_note)):
        yield where, "an unverified decision says in `mark_note` what is not verified"


def _unknown(what: str, ref: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1)
    return f"unknown {what} {ref!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
