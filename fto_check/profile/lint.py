"""Facts that cannot all be true, and facts that look wrong: named checks, never silent.

A *contradiction* makes the profile unusable: evaluating it would reach a verdict on facts that
cannot all hold, so the reader refuses it as an input error naming the check. A *warning* is
suspicious but evaluable (an incident after `as_of` is simply not counted); it is printed with
the report and kept in the JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from fto_check.base.errors import Problem
from fto_check.base.loader import SourceMap, field_path
from fto_check.profile.model import SOURCED, Act, Profile


@dataclass(slots=True)
class Warning_:
    """Something suspicious in a profile that did not stop the check (e.g. a contradiction)."""

    code: str
    message: str
    path: str = ""
    line: int = 0
    col: int = 0


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    summary: str
    fn: Callable[..., Iterator[tuple[tuple, str]]]
    hint: str = "facts that cannot all be true; correct one of them"


CONTRADICTIONS: list[Check] = []
WARNINGS: list[Check] = []


def _register(registry: list[Check], code: str, summary: str, **hint: str):
    def add(fn):
        registry.append(Check(code, summary, fn, **hint))
        return fn

    return add


def _value(fact):
    if isinstance(fact, SOURCED):  # `{value: …}`, or a complete list `{only: […]}`
        return getattr(fact, "only", None) if fact.value is None else fact.value
    return fact


def _acts(incident):
    """What the incident records as done: `acts`, or `involves`, its older name."""
    return _value(incident.acts if incident.acts is not None else incident.involves)


# ---------------------------------------------------------------- contradictions


@_register(
    CONTRADICTIONS,
    "lone-individual-with-members",
    "A 'lone individual' (is_group: false) cannot have several members.",
)
def _lone_individual_with_members(profile: Profile):
    org = profile.organization
    members = _value(org.members) if org else None
    if org and _value(org.is_group) is False and _at_least(members) > 1:
        said = f"{members:,}" if isinstance(members, int) else repr(members[:40])  # not echoed
        yield (
            ("organization", "members"),
            "organization.is_group is false (a lone individual) but organization.members is "
            + said,
        )


_MANY = re.compile(r"\b(?:dozens|hundreds|thousands|millions|several|many)\b", re.IGNORECASE)


def _at_least(members) -> int:
    """The fewest members a size as the record gives it allows: 5000; 1000-5000; thousands."""
    if isinstance(members, int):
        return members
    if not members:
        return 0
    first = re.match(r"[0-9][0-9,]*", members)
    if first:
        return int(first[0].replace(",", ""))
    return 2 if _MANY.search(members) else 0


VIOLENT_BY_NATURE = {Act.ASSASSINATION, Act.HOSTAGE_TAKING, Act.ATTACK_ON_PROTECTED_PERSON}


@_register(
    CONTRADICTIONS,
    "nonviolent-violent-act",
    "An incident that carried out an assassination, hostage-taking or attack on a "
    "protected person cannot be `violent: false`.",
)
def _nonviolent_violent_act(profile: Profile):
    for i, incident in enumerate(profile.incidents or ()):
        acts = set(_acts(incident) or ())
        if _value(incident.violent) is False and acts & VIOLENT_BY_NATURE:
            names = ", ".join(sorted(a.value for a in acts & VIOLENT_BY_NATURE))
            yield ("incidents", i, "violent"), f"violent is false, yet it involves {names}"


@_register(
    CONTRADICTIONS,
    "carried-out-and-only-attempted",
    "An act cannot be both carried out (`involves`) and only attempted (`attempted`).",
)
def _carried_out_and_attempted(profile: Profile):
    for i, incident in enumerate(profile.incidents or ()):
        both = set(_acts(incident) or ()) & set(_value(incident.attempted) or ())
        if both:
            names = ", ".join(sorted(a.value for a in both))
            yield (
                ("incidents", i, "attempted"),
                f"{names} is listed as carried out and as attempted",
            )


@_register(
    CONTRADICTIONS,
    "means-without-acts",
    "`acts: []` says nothing was done (or, under `intent`, that nothing is intended), so "
    "nothing was used to do it: `means` cannot name a weapon.",
    hint="record the act the weapon was used in, or drop `means`",
)
def _means_without_acts(profile: Profile):
    sections = [(("incidents", i), incident) for i, incident in enumerate(profile.incidents or ())]
    if profile.intent is not None:
        sections.append((("intent",), profile.intent))
    for loc, section in sections:
        named = [n for n in ("acts", "involves", "intended_acts") if hasattr(section, n)]
        acts = next(
            (_value(getattr(section, n)) for n in named if getattr(section, n) is not None), None
        )
        means = _value(section.means)
        if acts is not None and len(acts) == 0 and means:
            names = ", ".join(m.value for m in means)
            yield (*loc, "means"), f"acts is none ([]), yet means names {names}"


@_register(
    CONTRADICTIONS,
    "intent-to-kill-without-intent-to-endanger",
    "An intention to cause death or serious bodily injury is an intent to endanger.",
)
def _kill_without_endanger(profile: Profile):
    for i, incident in enumerate(profile.incidents or ()):
        if (
            _value(incident.intent_to_kill_or_injure) is True
            and _value(incident.intent_to_endanger) is False
        ):
            yield (
                ("incidents", i, "intent_to_endanger"),
                ("intent_to_endanger is false, yet intent_to_kill_or_injure is true"),
            )


@_register(
    CONTRADICTIONS,
    "duplicate-incident-id",
    "Two incidents cannot share an id: reports, fixes and `--why-not` name incidents by it.",
    hint="give each incident an id of its own",
)
def _duplicate_incident_id(profile: Profile):
    first: dict[str, int] = {}
    for i, incident in enumerate(profile.incidents or ()):
        if incident.id is None:
            continue
        if incident.id in first:
            yield (
                ("incidents", i, "id"),
                f"incident id {incident.id!r} is already the id of incidents[{first[incident.id]}]",
            )
        else:
            first[incident.id] = i


# ---------------------------------------------------------------- warnings


@_register(
    WARNINGS,
    "as-of-in-the-future",
    "The assessment speaks for a date that has not come; its facts cannot be known yet.",
)
def _as_of_in_future(profile: Profile, as_of: date, today: date):
    if as_of > today:
        yield ("as_of",), f"as_of {as_of} is in the future (today is {today})"


@_register(
    WARNINGS,
    "incident-after-as-of",
    "An incident dated after `as_of` is not a fact on that date and is not counted.",
)
def _incident_after_as_of(profile: Profile, as_of: date, today: date):
    for i, incident in enumerate(profile.incidents or ()):
        if incident.date and incident.date.first is not None and incident.date.first > as_of:
            yield (
                ("incidents", i, "date"),
                (f"incident dated {incident.date}, after as_of {as_of}: not counted"),
            )


USED_WEAPONS = {Act.FIREARM, Act.EXPLOSIVE, Act.OTHER_WEAPON}


@_register(
    WARNINGS,
    "nonviolent-use-of-weapon-to-kill",
    "An incident that used a firearm, an explosive or another weapon with the intention to "
    "kill or injure is an act of violence: `violent: false` contradicts it.",
)
def _nonviolent_use_of_weapon_to_kill(profile: Profile, as_of: date, today: date):
    for i, incident in enumerate(profile.incidents or ()):
        weapons = set(_acts(incident) or ()) & USED_WEAPONS
        if (
            weapons
            and _value(incident.violent) is False
            and _value(incident.intent_to_kill_or_injure) is True
        ):
            names = ", ".join(sorted(w.value for w in weapons))
            yield (
                ("incidents", i, "violent"),
                f"violent is false, yet it used {names} with the intention to kill or injure: "
                "check one of them",
            )


# ---------------------------------------------------------------- running them


def contradictions(profile: Profile, source: SourceMap) -> list[Problem]:
    """Every contradiction in the profile, as input problems naming their check."""
    return [
        Problem(
            source.path,
            *source.position(loc),
            f"{message} [{check.code}]",
            field_path(loc),
            check.hint,
        )
        for check in CONTRADICTIONS
        for loc, message in check.fn(profile)
    ]


def warnings(
    profile: Profile, source: SourceMap | None, as_of: date, today: date | None = None
) -> list[Warning_]:
    today = today or date.today()
    found = []
    for check in WARNINGS:
        for loc, message in check.fn(profile, as_of, today):
            line, col = source.position(loc) if source else (0, 0)
            found.append(Warning_(check.code, message, field_path(loc), line, col))
    return found
