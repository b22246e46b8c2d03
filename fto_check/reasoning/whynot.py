"""What would change the outcome: for a criterion not met, the smallest sets of fact changes
that would make it met, worked out from the finding tree.

A leaf that is not met says which changes would meet it (`Finding.would_meet`, filled by the
predicates). The rest follows from how the tree composes, whatever the criterion:
- an all-of needs every part met: its fixes are the products of its unmet parts' fixes;
- an any-of needs one part met: its fixes are the union of its parts' fixes;
- of these, only the inclusion-minimal sets are kept, smallest first.
Sets that differ in one change only are then written as one fix whose step offers either change
(capability: armed members, or weapons, or …), which keeps the answer short and still exact.
A leaf that asks for a new incident (there is none to change) is answered by judging the profile
again with a blank incident added and asking the same question of that incident's findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fto_check.reasoning.findings import Change, Finding, Fix, Report, Route, WhyNot
from fto_check.reasoning.logic import MET

NEW_INCIDENT = "incidents[+]"  # a change's path prefix for facts of an incident to add
MEET = "meet:"  # a change's path for "whatever meets that rule": `meet:1189(a)(1)(B)`
KEEP = 128  # sets kept per node while combining: every small one, with bounded work
SHOWN = 12  # fixes kept per criterion in a report, smallest first
# Sets of changes the search may build and weigh per criterion: KEEP bounds what a node keeps,
# not how many nodes there are, and a profile of a thousand incidents has a thousand routes to
# (B). Past the budget the search stops where it is: what it found are still fixes, and the
# answer says there may be more (`WhyNot.exhausted`). A unit takes ~17 µs; the examples spend
# at most ~400, a profile ~290 for each incident not met, so some 130 such incidents are
# searched in full, and a search stopped at the budget has taken ~0.6 s.
BUDGET = 40_000


class _Budget:
    """What is left of the search's budget; once spent, the search builds nothing more."""

    __slots__ = ("left",)

    def __init__(self) -> None:
        self.left = BUDGET

    @property
    def exhausted(self) -> bool:
        return self.left < 0

    def spend(self, n: int) -> bool:
        """Whether `n` more units could be spent (they are, either way)."""
        self.left -= n
        return self.left >= 0


@dataclass(frozen=True, slots=True)
class _Fix:
    changes: tuple[Change, ...]  # sorted by path, at most one change per path
    via: tuple[Route, ...]
    key: frozenset = field(init=False, repr=False, compare=False)  # worked out once

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", frozenset(_key(c) for c in self.changes))


def attach(report: Report, profile: Any) -> Report:
    """Fill `report.why_not` for each criterion of `report` (on `profile`) that is not met."""
    new_incident = _NewIncident(report, profile)
    report.why_not = []
    for criterion in report.criteria.children:
        if criterion.status is not MET:
            new_incident.budget = budget = _Budget()  # each criterion has a budget of its own
            report.why_not.append(_why_not(criterion, new_incident, budget))
    return report


def fixes_for(finding: Finding, new_incident: Callable[[str], list[_Fix]] | None = None):
    """The fixes of one finding, smallest first (without new incidents unless given)."""
    return _factor(_solve(finding, "", new_incident or (lambda rule: []), _Budget()))


def _why_not(criterion: Finding, new_incident, budget: _Budget) -> WhyNot:
    # The smallest fixes of each route to the criterion (each part of an any-of): the cheapest
    # way to meet (B) through terrorism is worth showing even when one through capability and
    # intent takes fewer changes.
    if criterion.combine == "any-of" and criterion.basis == "derived" and criterion.children:
        routes = [c for c in criterion.children if c.status is not MET]
        found = [
            f for r in routes for f in _smallest(_solve(r, criterion.subject, new_incident, budget))
        ]
    else:
        found = _smallest(_solve(criterion, "", new_incident, budget))
    fixes = sorted(_factor(_minimal(found)), key=lambda fix: len(fix.steps))
    return WhyNot(
        rule=criterion.rule,
        status=criterion.status,
        fixes=fixes[:SHOWN],
        more=max(0, len(fixes) - SHOWN),
        exhausted=budget.exhausted,
    )


def _smallest(fixes: list[_Fix]) -> list[_Fix]:
    least = min((len(f.changes) for f in fixes), default=0)
    return [f for f in fixes if len(f.changes) == least]


def _factor(fixes: list[_Fix]) -> list[Fix]:
    """Join sets that differ in one change only, where both changes touch the same section (or
    incident): {a, x} and {a, y} become {a, x or y}. Exact: every choice is one of the sets."""
    rows = [([[c] for c in fix.changes], fix.via) for fix in fixes]
    while True:
        # Rows that agree on all steps but one, with that step in one section, can be joined.
        groups: dict[tuple, list[tuple[int, int]]] = {}
        for r, (steps, _) in enumerate(rows):
            keys = [frozenset(map(_key, step)) for step in steps]
            for i, step in enumerate(steps):
                sections = {_section(c.path) for c in step}
                if len(sections) == 1:
                    rest = frozenset(Counter(keys[:i] + keys[i + 1 :]).items())
                    groups.setdefault((rest, sections.pop()), []).append((r, i))
        joinable = [g for g in groups.values() if len({r for r, _ in g}) > 1]
        if not joinable:
            break
        group = max(joinable, key=len)
        (first, step), others = group[0], group[1:]
        steps, via = rows[first]
        joined = {_key(c): c for c in steps[step]}
        for r, i in others:
            joined.update((_key(c), c) for c in rows[r][0][i])
            via = _routes((*via, *rows[r][1]))
        rows[first] = ([*steps[:step], list(joined.values()), *steps[step + 1 :]], via)
        gone = {r for r, _ in others}
        rows = [row for n, row in enumerate(rows) if n not in gone]
    return [Fix(steps=steps, via=list(via)) for steps, via in rows]


def _section(path: str) -> str:
    """'incidents[0]' for 'incidents[0].motives', 'capability' for 'capability.weapons'."""
    return path.rpartition(".")[0] or path


# ---------------------------------------------------------------- the tree walk


def _solve(
    finding: Finding,
    subject: str,
    new_incident,
    budget: _Budget,
    *,
    on_the_facts: bool = False,
) -> list[_Fix]:
    """The fixes that meet `finding`; `on_the_facts`: that meet it on the facts alone, where it
    was decided on the Secretary's asserted finding (what (C)'s its-activity asks of (B))."""
    subject = finding.subject or subject
    facts_only = on_the_facts and finding.basis == "asserted"
    if (finding.on_the_facts() if facts_only else finding.status) is MET:
        return [_Fix((), ())]
    if budget.exhausted:
        return []
    here = _route(finding, subject)
    own: list[_Fix] = []
    for alternative in [] if facts_only else finding.would_meet:
        if any(c.path == NEW_INCIDENT for c in alternative):
            own += new_incident(finding.rule)
        elif any(c.path.startswith(MEET) for c in alternative):
            # A finding that takes its status from another rule's (C's "terrorist activity of
            # the organization" from (B)) is met by what meets that rule.
            rule = next(c.path for c in alternative if c.path.startswith(MEET))[len(MEET) :]
            report = getattr(new_incident, "report", None)
            other = report.criteria.find(rule) if report is not None else None
            if other is not None and other is not finding:
                own += _solve(other, subject, new_incident, budget, on_the_facts=True)
        else:
            merged = _merge((), alternative)
            if merged is not None:
                own.append(_Fix(merged, (here,)))
    # An asserted finding is decided by the assertion alone, not by the facts below it.
    asserted = finding.basis == "asserted" and not facts_only
    if finding.combine == "leaf" or asserted or not finding.children:
        return _minimal(own)
    unmet = [c for c in finding.children if c.status is not MET]
    if finding.combine == "any-of":
        found = own
        for child in unmet:
            if budget.exhausted:
                break
            fixes = _solve(child, subject, new_incident, budget)
            budget.spend(len(fixes))
            found += fixes
        return _minimal(found)
    combined = [_Fix((), ())]
    for child in unmet:
        right = _solve(child, subject, new_incident, budget)
        if not budget.spend(len(combined) * len(right)):
            return _minimal(own)
        combined = _minimal(_product(combined, right))
    if len(unmet) > 1:  # several parts must change together: it is this clause that they meet
        combined = [_Fix(f.changes, (here,)) for f in combined]
    return _minimal([*own, *combined])


def _product(left: list[_Fix], right: list[_Fix]) -> list[_Fix]:
    out = []
    for a in left:
        for b in right:
            changes = _merge(a.changes, b.changes)
            if changes is not None:
                out.append(_Fix(changes, _routes((*a.via, *b.via))))
    return out


def _minimal(fixes: Iterable[_Fix]) -> list[_Fix]:
    """Merge equal fixes (keeping every route), drop those that contain another, smallest first."""
    by_key: dict[frozenset, _Fix] = {}
    for fix in fixes:
        known = by_key.get(fix.key)
        if known is None:
            by_key[fix.key] = fix
        else:
            by_key[fix.key] = _Fix(known.changes, _routes((*known.via, *fix.via)))
    ranked = sorted(by_key.items(), key=lambda kv: len(kv[0]))
    kept: list[tuple[frozenset, _Fix]] = []
    for key, fix in ranked:
        if not any(other < key for other, _ in kept):
            kept.append((key, fix))
        if len(kept) == KEEP:
            break
    return [fix for _, fix in kept]


def _merge(left: Iterable[Change], right: Iterable[Change]) -> tuple[Change, ...] | None:
    """Both sets of changes at once, or None where they contradict each other."""
    by_path: dict[str, Change] = {}
    for change in (*left, *right):
        known = by_path.get(change.path)
        if known is None:
            by_path[change.path] = change
        elif known.op == change.op == "add":
            items = list(dict.fromkeys([*known.value, *change.value]))
            by_path[change.path] = Change(change.path, items, "add", known.text or change.text)
        elif _key(known) != _key(change):
            return None
    return tuple(by_path[p] for p in sorted(by_path))


def _key(change: Change) -> tuple:
    value = change.value
    if isinstance(value, list):
        value = frozenset(value) if change.op == "add" else tuple(value)
    elif isinstance(value, dict):
        value = tuple(sorted(value.items()))
    return (change.path, change.op, value)


def _routes(routes: Iterable[Route]) -> tuple[Route, ...]:
    """Each route once, in order."""
    return tuple({(r.rule, r.subject): r for r in routes}.values())


def _route(finding: Finding, subject: str) -> Route:
    return Route(finding.rule, finding.citation, finding.title, subject)


# ---------------------------------------------------------------- a new incident


class _NewIncident:
    """Fixes that add an incident: the profile judged again with a blank incident appended."""

    def __init__(self, report: Report, profile: Any) -> None:
        self.report, self.profile, self.budget = report, profile, _Budget()
        self._judged: Report | None = None

    def __call__(self, rule: str) -> list[_Fix]:
        judged = self._judge()
        if judged is None:
            return []
        index = len(self.profile.incidents or ())
        prefix = f"incidents[{index}]"
        node = judged.criteria.find(rule)
        if node is None or node.status is MET:
            return []
        out = []
        for fix in _solve(node, "", lambda rule: [], self.budget):
            if not any(c.path.startswith(prefix) for c in fix.changes):
                continue  # a fix of an existing incident: found without the new one
            changes = tuple(
                Change(NEW_INCIDENT + c.path[len(prefix) :], c.value, c.op, c.text)
                if c.path.startswith(prefix)
                else c
                for c in fix.changes
            )
            via = tuple(
                Route(r.rule, r.citation, r.title, "a new incident")
                if r.subject.startswith(f"incident #{index + 1}")
                else r
                for r in fix.via
            )
            out.append(_Fix(changes, via))
        return out

    def _judge(self) -> Report | None:
        if self._judged is None:
            from fto_check.profile.model import Incident
            from fto_check.reasoning.evaluate import evaluate

            incidents = [*(self.profile.incidents or ()), Incident()]
            blank = self.profile.model_copy(update={"incidents": incidents})
            self._judged = evaluate(
                blank,
                as_of=date.fromisoformat(self.report.as_of),
                readings=self.report.readings,
            )
        return self._judged


# ---------------------------------------------------------------- applying changes


def apply(data: dict, changes: Iterable[Change]) -> dict:
    """A copy of profile data (as read from YAML) with `changes` made: what a fix proposes."""
    import copy

    data = copy.deepcopy(data)
    for change in changes:
        path = change.path
        if path.startswith(NEW_INCIDENT):
            incidents = data.get("incidents") or []
            data["incidents"] = incidents
            if not incidents or not incidents[-1].get("_new"):
                incidents.append({"_new": True})
            path = f"incidents[{len(incidents) - 1}]{path[len(NEW_INCIDENT) :]}"
        _set(data, _parts(path), change)
    for incident in data.get("incidents") or ():
        incident.pop("_new", None)
    return data


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.replace("]", "").split("."):
        name, *indexes = piece.split("[")
        if name:
            parts.append(name)
        parts += [int(i) for i in indexes]
    return parts


def _set(data: Any, parts: list[str | int], change: Change) -> None:
    *parents, last = parts
    for i, part in enumerate(parents):
        if isinstance(part, str) and (not isinstance(data, dict) or data.get(part) is None):
            data[part] = [] if isinstance(parts[i + 1], int) else {}
        data = data[part]
    current = data.get(last) if isinstance(data, dict) else data[last]
    holder, slot = data, last
    if isinstance(current, dict) and "value" in current:  # a fact written with its own sources
        holder, slot, current = current, "value", current["value"]
    elif isinstance(current, dict) and "only" in current:  # a complete list: it grows by the change
        holder, slot, current = current, "only", current["only"]
    if change.op == "add":
        holder[slot] = list(dict.fromkeys([*(current or []), *change.value]))
    else:
        holder[slot] = change.value
