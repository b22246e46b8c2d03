"""`--all-readings`: judge a profile under every combination of the readings that mattered.

A reading matters to a profile when some finding of its report consulted it. The profile is
judged again under every combination of those readings' alternatives (the others stay as in
force). Where the combinations disagree on the verdict, a criterion or a route to it, that
status is *contested*, and the readings that flip it on their own are named.
"""

from __future__ import annotations

from datetime import date
from itertools import product
from typing import Any

from fto_check.reasoning.findings import AllReadings, Contested, Finding, Flip, Report
from fto_check.reasoning.logic import Status

_ORDER = list(Status)


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
    for combination in product(*alternatives.values()):
        chosen = {**in_force, **dict(zip(names, combination, strict=True))}
        judged = (
            report
            if chosen == in_force
            else evaluate(profile, as_of=date.fromisoformat(report.as_of), readings=chosen)
        )
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
    report.all_readings = AllReadings(
        varied=alternatives, combinations=len(outcomes), contested=contested
    )
    return report


def _judged(report: Report) -> list[Finding]:
    """What a contest is about: the verdict, each criterion, and each route to a criterion."""
    root = report.criteria
    return [root, *(f for c in root.children for f in (c, *c.children))]


def _statuses(report: Report) -> dict[str, Status]:
    return {finding.rule: finding.status for finding in _judged(report)}
