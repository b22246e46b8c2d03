"""The machinery predicates run on: a registry of rules by citation, and an evaluation context.

A rule is a function decorated with `@rule("<clause>[/<element>]", …)`; a clause whose wording
changed has one function per version, each stating the dates it implements, and
`ctx.apply(rule_id)` runs the one in force on the profile's `as_of`. Predicates never print
and never short-circuit: every part of an all-of or any-of is evaluated and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from functools import lru_cache
from typing import Any

from fto_check.base.loader import SourceMap, field_path
from fto_check.law.statute import Law, citation
from fto_check.profile.model import SOURCED, Profile, Source
from fto_check.reasoning.findings import NOTHING, Change, FactUse, Finding, Inferred, SourceInfo
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status, all_of, any_of


@dataclass(frozen=True, slots=True)
class Rule:
    """A named predicate: the statute's words made executable."""

    id: str  # "2656f(d)(2)/politically-motivated"
    title: str  # "politically motivated"
    summary: str  # one plain-English sentence: what it requires
    fn: Callable[..., Finding]
    since: date | None = None  # first day of the law this implements
    until: date | None = None  # last day (None: still the law)
    reads: tuple[str, ...] = ()  # profile fields it reads, e.g. "incidents[].motives"
    readings: tuple[str, ...] = ()  # contested readings it consults
    clause: str = ""  # "2656f(d)(2)": the clause the rule implements
    citation: str = ""  # "22 U.S.C. § 2656f(d)(2)"

    def in_force_on(self, day: date) -> bool:
        return (self.since is None or self.since <= day) and (
            self.until is None or day <= self.until
        )


RULES: dict[str, list[Rule]] = {}


def rule(
    rule_id: str,
    title: str,
    summary: str,
    *,
    since: str | None = None,
    until: str | None = None,
    reads: Iterable[str] = (),
    readings: Iterable[str] = (),
):
    """Register the decorated function as the predicate for `rule_id` (for these dates)."""

    def register(fn: Callable[..., Finding]) -> Callable[..., Finding]:
        clause = rule_id.split("/")[0]
        versions = RULES.setdefault(rule_id, [])
        versions.append(
            Rule(
                rule_id,
                title,
                summary,
                fn,
                date.fromisoformat(since) if since else None,
                date.fromisoformat(until) if until else None,
                tuple(reads),
                tuple(readings),
                clause,
                citation(clause),
            )
        )
        versions.sort(key=lambda r: r.since or date.min)  # in date order, however registered
        return fn

    return register


def composite(
    rule_id: str,
    title: str,
    summary: str,
    *,
    all_of: tuple[str, ...] = (),
    any_of: tuple[str, ...] = (),
    since: str | None = None,
    until: str | None = None,
    subject: str = "",
    reads: Iterable[str] = (),
    readings: Iterable[str] = (),
    note: str = "",
    every: bool = False,
) -> None:
    """Declare a rule that is only the combination of others, as the statute composes them:
    every one of `all_of` ("and"), or any one of `any_of` ("or"), each applied to the same
    incident (if any). A part that is not the law on the day judged (a proviso enacted later,
    or struck) is not a part that day. Its reason is the engine's, from the parts; `note`, if
    any, is shown with it. `every`: each part's status is wanted for itself (the criteria of a
    verdict), so not even an evaluation for its status alone stops at the part that decides."""
    if bool(all_of) == bool(any_of):
        raise ValueError(f"{rule_id}: give its parts as all_of or as any_of")
    parts, combine = (all_of, "all_of") if all_of else (any_of, "any_of")
    decides = None if every else MET if any_of else NOT_MET
    notes = [note] if note else None
    on_day: dict[date, tuple[str, ...]] = {}  # the parts that are the law, by day judged

    def combined(ctx: Context, *args: Any) -> Finding:
        today = on_day.get(ctx.as_of)
        if today is None:
            if len(on_day) >= 256:  # a batch over many dates: bounded, like _in_force_on
                on_day.clear()
            today = on_day[ctx.as_of] = _in_force_parts(parts, ctx.as_of)
        if ctx.status_only:
            children = ctx.each([(part, *args) for part in today], decides)
        else:
            children = [ctx.apply(part, *args) for part in today]
        return getattr(ctx, combine)(children, subject=subject, notes=notes)

    combined.__doc__ = f"{rule_id}: {combine.replace('_', ' ')} {', '.join(parts)}"
    rule(rule_id, title, summary, since=since, until=until, reads=reads, readings=readings)(
        combined
    )


@dataclass(slots=True)
class Context:
    """One evaluation: the profile, the date and law it is judged under, the readings."""

    profile: Profile
    source: SourceMap | None
    as_of: date
    readings: dict[str, str]
    law: Law
    # Each fact's place in the file and its sources; a batch row, which shows neither, goes
    # without (2.6 % of the instructions a profile costs it).
    provenance: bool = True
    # An evaluation for the statuses alone (a batch row whose verdict is met shows no reason):
    # an any-of stops at its first part met, an all-of at its first part not met. The findings
    # cut short, and those that used them, are `_partial`; `in_full()` completes them.
    status_only: bool = False
    consulted: dict[str, str] = field(default_factory=dict)  # readings actually used
    applied: dict[str, str] = field(default_factory=dict)  # clause → version label
    # The rules being evaluated, innermost last: (rule, its version label, readings it consulted)
    _stack: list[tuple[Rule, str, list[str]]] = field(default_factory=list)
    _memo: dict[tuple, Finding] = field(default_factory=dict)
    _facts: dict[tuple, tuple] = field(default_factory=dict)  # (loc, name) → (section, fact)
    _sources: dict[str, SourceInfo] = field(default_factory=dict)  # key in `sources:` → source
    _in_force: dict[str, tuple[Rule, str]] = field(init=False)  # rule id → (version, label)
    _partial: set[int] = field(default_factory=set)  # ids of the findings cut short
    _cut: list[bool] = field(default_factory=list)  # per rule on the stack: was it cut short?

    def __post_init__(self) -> None:
        self._in_force = _in_force_on(self.law, self.as_of)

    # -- running rules ---------------------------------------------------------------------

    def apply(self, rule_id: str, *args: Any) -> Finding:
        """Evaluate the version of `rule_id` in force on `as_of` (memoized per arguments)."""
        key = (rule_id, args)
        found = self._memo.get(key)
        if found is not None:
            if self.status_only and id(found) in self._partial and self._cut:
                self._cut[-1] = True  # what uses a finding cut short is incomplete too
            return found
        in_force = self._in_force.get(rule_id)
        if in_force is None:  # the first time this rule is applied on this date
            in_force = self._in_force[rule_id] = _version(rule_id, self.law, self.as_of)
        impl, label = in_force
        if self.status_only:
            return self._apply_for_status(key, impl, label, args)
        stack = self._stack
        stack.append((impl, label, []))
        try:
            finding = impl.fn(self, *args)
        finally:
            stack.pop()
        self._memo[key] = finding
        return finding

    def _apply_for_status(self, key: tuple, impl: Rule, label: str, args: tuple) -> Finding:
        stack, cut = self._stack, self._cut
        stack.append((impl, label, []))
        cut.append(False)
        try:
            finding = impl.fn(self, *args)
        finally:
            stack.pop()
            was_cut = cut.pop()
        if was_cut:
            self._partial.add(id(finding))
            if cut:
                cut[-1] = True
        self._memo[key] = finding
        return finding

    def for_status(self, rule_id: str, *args: Any) -> Finding:
        """`apply`, for a caller that reads only the status of the finding (and of its parts):
        in an evaluation for statuses, a finding cut short serves it as well as a whole one, so
        the caller is not cut short by it."""
        if not (self.status_only and self._cut):
            return self.apply(rule_id, *args)
        was_cut = self._cut[-1]
        found = self.apply(rule_id, *args)
        self._cut[-1] = was_cut
        return found

    def each(self, applications: list[tuple], decides: Status | None) -> list[Finding]:
        """Apply each `(rule_id, *args)` in turn: the parts of an any-of (`decides` MET) or an
        all-of (NOT_MET). Every part is applied and reported, except in an evaluation for the
        status alone, which stops at the first part whose status decides the whole."""
        if not self.status_only or decides is None:
            return [self.apply(*application) for application in applications]
        found = []
        for application in applications:
            found.append(self.apply(*application))
            if found[-1].status is decides:
                if len(found) < len(applications):
                    self._cut[-1] = True
                break
        return found

    def in_full(self, keep: Iterable[Finding] = ()) -> Context:
        """This evaluation, to be completed: every finding not cut short is kept, and those in
        `keep` (whose statuses are all that is wanted of them); the rest are judged again in
        full."""
        done = Context(self.profile, self.source, self.as_of, self.readings, self.law)
        done.provenance = self.provenance
        done.consulted, done.applied = dict(self.consulted), dict(self.applied)
        partial = self._partial - {id(f) for f in keep}
        done._memo = {k: f for k, f in self._memo.items() if id(f) not in partial}
        done._facts, done._sources = self._facts, self._sources
        return done

    def reading(self, name: str) -> str:
        value = self.readings[name]
        self.consulted[name] = value
        self._stack[-1][2].append(name)
        return value

    # -- building findings -----------------------------------------------------------------

    def finding(
        self,
        status: Status,
        reason: str,
        *,
        combine: str = "leaf",
        children: list[Finding] | None = None,
        facts: list[FactUse] | None = None,
        missing: list[str] | None = None,
        subject: str = "",
        notes: list[str] | None = None,
        basis: str = "derived",
        would_meet: list[list[Change]] | None = None,
        inferred: list[Inferred] | None = None,
    ) -> Finding:
        """A finding for the rule being evaluated, with its citation and version filled in.

        A leaf that is not met says in `would_meet` which changes of fact would make it met.
        """
        current, label, consulted = self._stack[-1]
        self.applied[current.clause] = label
        # Slot by slot rather than Finding(...): a class call with 15 arguments costs twice as
        # much, and a profile builds ~50 findings. Every field is set (a slot left unset would
        # fail the first report that reads it).
        finding = object.__new__(Finding)
        finding.rule = current.id
        finding.citation = current.citation
        finding.title = current.title
        finding.status = status
        finding.reason = reason
        finding.combine = combine  # type: ignore[assignment]
        finding.basis = basis  # type: ignore[assignment]
        finding.subject = subject
        finding.version = label
        finding.facts = facts or NOTHING
        finding.missing = missing or NOTHING
        finding.readings = {name: self.readings[name] for name in consulted} if consulted else {}
        finding.notes = notes or NOTHING
        finding.children = children or NOTHING
        finding.would_meet = would_meet or NOTHING
        finding.inferred = inferred or NOTHING
        return finding

    def all_of(
        self,
        children: list[Finding],
        *,
        subject: str = "",
        reason: str = "",
        notes: list[str] | None = None,
    ) -> Finding:
        status = all_of([c.status for c in children])
        return self.finding(
            status,
            reason or _all_reason(status, children),
            combine="all-of",
            children=children,
            subject=subject,
            notes=notes,
        )

    def any_of(
        self,
        children: list[Finding],
        *,
        subject: str = "",
        reason: str = "",
        notes: list[str] | None = None,
        empty: str = "",
    ) -> Finding:
        status = any_of([c.status for c in children])
        if not children and empty:
            reason = reason or empty
        return self.finding(
            status,
            reason or _any_reason(status, children),
            combine="any-of",
            children=children,
            subject=subject,
            notes=notes,
        )

    # -- reading facts ---------------------------------------------------------------------

    def fact(self, section: Any, loc: tuple, name: str) -> tuple[Any, FactUse | None, str]:
        """The value of fact `name` in `section` (at `loc`): (value, its use, its path).

        The value is None when the profile does not give it: unknown, never false.
        """
        # Several rules read the same fact (an incident's `role`, `motives`, …): read it once.
        key = (loc, name)
        known = self._facts.get(key)
        if known is None or known[0] is not section:
            known = self._facts[key] = (section, self._read_fact(section, key))
        return known[1]

    def _read_fact(self, section: Any, key: tuple) -> tuple[Any, FactUse | None, str]:
        path, value_loc, sourced_value_loc = _places(key)
        raw = getattr(section, key[1], None) if section is not None else None
        if raw is None:
            return None, None, path
        # A section's (or an incident's) `sources:` cite each of its facts; the profile's own
        # `sources:` is the register their keys refer to, and cites nothing by itself.
        refs = getattr(section, "sources", ()) if section is not self.profile else ()
        if isinstance(raw, SOURCED):
            if raw.sources:
                refs = [*refs, *raw.sources]
            if raw.only is not None:  # a list the record says is complete
                raw, value_loc = Only(raw.only), (*value_loc, "only")
            else:
                raw, value_loc = raw.value, sourced_value_loc
            if raw is None:
                return None, None, path
        line, col, sources = self.provenance_of(value_loc, refs)
        return raw, FactUse(path, _plain(raw), line, col, sources), path

    def provenance_of(self, loc: tuple, refs) -> tuple[int, int, list[SourceInfo]]:
        """Where the value at `loc` is in the file, and `refs` (the sources cited for it)
        resolved; neither when evaluating without provenance."""
        if not self.provenance:
            return 0, 0, NOTHING
        line, col = self.source.position(loc) if self.source else (0, 0)
        return line, col, self._resolve_sources(refs) if refs else []

    def _resolve_sources(self, refs: list) -> list[SourceInfo]:
        resolved = []
        for ref in refs:
            if not isinstance(ref, str):  # a Source written inline
                resolved.append(_source_info(ref, None))
                continue
            # A section's sources are cited by each of its facts: resolve each key once.
            info = self._sources.get(ref)
            if info is None:
                known = self.profile.sources.get(ref)
                info = _source_info(known, ref) if known else SourceInfo(title=ref, key=ref)
                self._sources[ref] = info
            resolved.append(info)
        return resolved

    def boolean(
        self,
        section: Any,
        loc: tuple,
        name: str,
        *,
        yes: str,
        no: str,
        unknown: str = "",
        subject: str = "",
        wanted: Any = True,
    ) -> Finding:
        """A leaf decided by one fact: met when it is `wanted` (for a yes/no fact, yes).

        What would meet it, when it is not met, is the fact set to `wanted`.
        """
        value, use, path = self.fact(section, loc, name)
        fix = [[Change(path, wanted)]]
        if value is None:
            return self.finding(
                UNDETERMINED,
                unknown or f"not known ({path} is not given)",
                missing=[path],
                subject=subject,
                would_meet=fix,
            )
        if value == wanted:
            return self.finding(MET, yes, facts=[use], subject=subject)
        return self.finding(NOT_MET, no, facts=[use], subject=subject, would_meet=fix)

    def names(
        self,
        section: Any,
        loc: tuple,
        name: str,
        wanted: Iterable[Any],
        *,
        add: Any,
        met: str,
        none: str,
        partial: str,
        unknown: str = "",
    ) -> Finding:
        """A leaf decided by a list fact: met when it names one of `wanted`; not met only when
        the list is complete; open while it is not.

        The reasons are templates: `met` may use `{found}` (what it names of `wanted`), `none`
        and `partial` `{listed}` (what it names). What would meet it is adding `add`.
        """
        values, use, path = self.fact(section, loc, name)
        fix = [[Change(path, [_plain(add)], "add")]]  # what would meet it, if it is not met
        if values is None:
            reason = unknown or f"not known ({path} is not given)"
            return self.finding(UNDETERMINED, reason, missing=[path], would_meet=fix)
        found = [v for v in values if v in wanted]
        if found:
            text = met.format(found=", ".join(_plain(found))) if "{" in met else met
            return self.finding(MET, text, facts=[use])
        status, text = (NOT_MET, none) if complete(values) else (UNDETERMINED, partial)
        if "{" in text:
            text = text.format(listed=", ".join(_plain(list(values))))
        return self.finding(
            status,
            text,
            facts=[use],
            missing=[path] if status is UNDETERMINED else None,
            would_meet=fix,
        )


class Only(list):
    """A list fact the record says is complete (`{only: [...]}`): what is not in it is not so.

    Any other non-empty list records what is known, and what it leaves out is unknown.
    """

    __slots__ = ()


def complete(values) -> bool:
    """Whether a list fact is complete: written `{only: [...]}`, or empty (`[]`: none)."""
    return isinstance(values, Only) or (values is not None and len(values) == 0)


class Dated:
    """Which clause says something on a given day: the citation of the day.

    `Dated((AEDPA, "1182(a)(3)(B)(ii)"), (PATRIOT, "1182(a)(3)(B)(iii)"))` names the clause
    that defined "terrorist activity" from each date on.
    """

    __slots__ = ("_periods",)

    def __init__(self, *periods: tuple[str, str]) -> None:
        self._periods = tuple((date.fromisoformat(since), clause) for since, clause in periods)

    def on(self, day: date) -> str:
        found = None
        for since, clause in self._periods:
            if since <= day:
                found = clause
        if found is None:
            raise LookupError(f"no clause in force on {day}")
        return found


def _in_force_parts(parts: tuple[str, ...], day: date) -> tuple[str, ...]:
    """The parts of a composite that are the law on `day`."""
    return tuple(p for p in parts if any(r.in_force_on(day) for r in RULES[p]))


@lru_cache(maxsize=256)  # a batch judges on a few dates; each evaluation applies ~45 rules
def _in_force_on(law: Law, day: date) -> dict[str, tuple[Rule, str]]:
    """Rule id → its `_version` on `day`: shared by the evaluations on that day, filled as used."""
    return {}


def _version(rule_id: str, law: Law, day: date) -> tuple[Rule, str]:
    """The version of a rule in force on `day`, and the label of its clause's wording then."""
    for impl in RULES[rule_id]:
        if impl.in_force_on(day):
            clause = law.clauses.get(impl.clause)
            return impl, clause.label_on(day) if clause else ""
    raise LookupError(f"no version of rule {rule_id} is in force on {day}")


@lru_cache(maxsize=4096)  # the same few facts in every profile of a batch
def _places(key: tuple) -> tuple[str, tuple, tuple]:
    """(loc, name) of a fact → its path, where its value is, and where it is with sources."""
    loc, name = key
    value_loc = (*loc, name)
    return field_path(value_loc), value_loc, (*value_loc, "value")


def _source_info(source: Source, key: str | None) -> SourceInfo:
    return SourceInfo(
        source.title, source.url, source.date.isoformat() if source.date else None, key
    )


_SCALARS = frozenset({bool, int, str})


def _plain(value: Any) -> Any:
    """Fact values as JSON-ready data (enums to their strings, dates to ISO)."""
    # Most facts are yes/no, codes or lists of StrEnums, which are already their strings.
    if value.__class__ in _SCALARS or isinstance(value, str):
        return value
    if isinstance(value, list):
        return [v if isinstance(v, str) else _plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    # Not hasattr: asking a pydantic model (a PartialDate) for an attribute it lacks raises inside.
    return value.value if isinstance(value, Enum) else value


def _titles(children: list[Finding], status: Status) -> str:
    """The names of the parts with `status`, each once: what a composite's reason lists."""
    # A loop, not a comprehension and dict.fromkeys: three times faster on the few parts a
    # composite has, and a profile's ~20 composites each name theirs.
    names: list[str] = []
    for child in children:
        if child.status is status:
            name = child.subject or child.title
            if name not in names:
                names.append(name)
    return ", ".join(names)


def _all_reason(status: Status, children: list[Finding]) -> str:
    if status is MET:
        return "every element is met" if len(children) > 1 else "its element is met"
    if status is NOT_MET:
        return f"not met: {_titles(children, NOT_MET)}"
    return f"not yet decided: {_titles(children, UNDETERMINED)}"


def _any_reason(status: Status, children: list[Finding]) -> str:
    if status is MET:
        return f"met through {_titles(children, MET)}"
    if status is NOT_MET:
        return "none of the alternatives is met"
    return f"none is met; still open: {_titles(children, UNDETERMINED)}"
