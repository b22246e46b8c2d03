"""Profiles as plain data, for tests that change one fact and watch one finding."""

from __future__ import annotations

from datetime import date

from fto_check.profile.model import Profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.findings import Finding, Report

INCIDENT = {
    "id": "market-bombing",
    "date": "2024-03-02",
    "country": "XK",
    "involves": ["explosive"],
    "unlawful_where_committed": True,
    "intent_to_endanger": True,
    "intent_to_kill_or_injure": True,
    "motives": ["political"],
    "premeditated": True,
    "violent": True,
    "targets": ["civilians"],
    "us_nationals_harmed": True,
    "role": ["committed"],
}

COMPLETE = {
    "name": "Test Front",
    "as_of": "2024-06-30",
    "organization": {"is_group": True, "dissolved": False, "subnational_group": True},
    "foreign": {"formed_in": "XK", "headquarters_in": "XK", "organized_under_us_law": False},
    "incidents": [INCIDENT],
    "capability": {"armed_members": True},
    "intent": {"public_threats": True},
    "threat_to_us": {"us_nationals": True, "arises_from": ["terrorist-activity"]},
}


def consistent(data: dict) -> bool:
    """Whether the reader would take `data`: no contradiction among its facts (`lint`). The laws
    of information hold between states of knowledge, and a contradiction is none."""
    from fto_check.profile.lint import CONTRADICTIONS

    profile = Profile.model_validate(data)
    return not any(True for check in CONTRADICTIONS for _ in check.fn(profile))


def evaluate_dict(data: dict, *, as_of: str | None = None, **readings: str) -> Report:
    """Validate `data` as a profile and evaluate it (readings as keyword arguments)."""
    profile = Profile.model_validate(data)
    day = date.fromisoformat(as_of) if as_of else None
    chosen = {name.replace("_", "-"): value for name, value in readings.items()}
    return evaluate(profile, as_of=day, readings=chosen)


def finding(report: Report, rule: str, subject_contains: str = "") -> Finding:
    """The first finding for `rule` (optionally about a given incident) in the report."""
    for node in report.criteria.walk():
        if node.rule == rule and subject_contains in node.subject:
            return node
    raise AssertionError(f"no finding for {rule} in the report")


def without(data: dict, *path) -> dict:
    """`data` with the fact at `path` removed (made unknown)."""
    target = data
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return data


def with_(data: dict, *path_and_value) -> dict:
    """`data` with the fact at `path` set to `value`."""
    *path, value = path_and_value
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data
