"""`--all-readings`: judge a profile under every combination of the readings that mattered.

A reading matters to a profile when some finding of its report consulted it. The profile is
judged again under every combination of those readings' alternatives (the others stay as in
force). Where the combinations disagree on the verdict, a criterion or a route to it, that
status is *contested*, and the readings that flip it on their own are named.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import product
from math import prod
from typing import Any

from fto_check.reasoning.findings import AllReadings, Contested, Finding, Flip, Report
from fto_check.reasoning.logic import Status

_ORDER = list(Status)
# Profiles judged again, counted as 1 + their incidents each (judging one takes ~0.45 ms an
# incident): every combination of every example and of any profile of up to ~40 incidents;
# past it, the combinations not judged are counted and said (`AllReadings.not_judged`).
BUDGET = 4_000


def consulted(report: Report) -> list[str]:
    """The readings some finding of the report consulted, in the order of the readings file."""
    used = {name for finding in report.criteria.walk() for name in finding.readings}
    return [name for name in report.readings if name in used]


def attach(report: Report, profile: Any) -> Report:
    """Fill `report.all_readings` by judging `profile` under every combination that matters."""
    from fto_check.law.readings import all_readings
    from fto_check.reasoning.evaluate import evaluate

    names = consulted(report)
    alternatives = {name: list(all_readings()[name].alternatives) for name in names}
    in_force = report.readings
    outcomes: dict[tuple[str, ...], dict[str, Status]] = {}
    combinations = _in_order(names, alternatives, in_force)
    size = 1 + len(profile.incidents or ())  # what judging the profile once costs, roughly
    spent = 0
    for combination in combinations:
        chosen = {**in_force, **dict(zip(names, combination, strict=True))}
        if chosen == in_force:
            judged = report
        elif spent + size > BUDGET:
            break
        else:
            spent += size
            judged = evaluate(profile, as_of=date.fromisoformat(report.as_of), readings=chosen)
        outcomes[combination] = _statuses(judged)

    contested = []
    for finding in _judged(report):
        seen = {outcome[finding.rule] for outcome in outcomes.values()}
        if len(seen) < 2:
            continue
        flips = []
        for name in names:
            for value in alternatives[name]:
                if value == in_force[name]:
                    continue
                alone = tuple(value if n == name else in_force[n] for n in names)
                if alone not in outcomes:  # not judged: past the budget
                    continue
                status = outcomes[alone][finding.rule]
                if status is not finding.status:
                    flips.append(Flip(name, value, status))
        contested.append(
            Contested(
                rule=finding.rule,
                title=finding.title,
                status=finding.status,
                statuses=sorted(seen, key=_ORDER.index),
                flips=flips,
            )
        )
    total = prod(len(values) for values in alternatives.values())
    report.all_readings = AllReadings(
        varied=alternatives,
        combinations=len(outcomes),
        contested=contested,
        not_judged=total - len(outcomes),
    )
    return report


def _in_order(
    names: list[str], alternatives: dict[str, list[str]], in_force: dict[str, str]
) -> Iterator[tuple[str, ...]]:
    """Every combination once: the readings in force, then each reading changed alone (what
    names the readings that flip a status), then the rest; so a search stopped at the budget
    has judged what matters most."""
    base = tuple(in_force[n] for n in names)
    yield base
    singles = [
        tuple(value if n == name else in_force[n] for n in names)
        for name in names
        for value in alternatives[name]
        if value != in_force[name]
    ]
    yield from singles
    done = {base, *singles}
    yield from (c for c in product(*alternatives.values()) if c not in done)


def _judged(report: Report) -> list[Finding]:
    """What a contest is about: the verdict, each criterion, and each route to a criterion."""
    root = report.criteria
    return [root, *(f for c in root.children for f in (c, *c.children))]


def _statuses(report: Report) -> dict[str, Status]:
    return {finding.rule: finding.status for finding in _judged(report)}
