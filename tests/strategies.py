"""Hypothesis strategies for profiles, as the plain data a YAML file would hold.

Every field is optional (absent = unknown), so `st.fixed_dictionaries(..., optional=...)`
draws each fact present or absent independently; values range over the whole vocabulary.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from fto_check.law.readings import all_readings
from fto_check.profile.model import (
    Act,
    Attribution,
    Means,
    Motive,
    Party,
    Role,
    Target,
    ThreatOrigin,
    USTarget,
)

countries = st.sampled_from(["US", "MX", "CO", "LB", "SY", "NO", "XK"])
booleans = st.booleans()


def subsets(enum) -> st.SearchStrategy:
    """A list fact: what is known (a list), or all there was (`{only: [...]}`)."""
    known = st.lists(st.sampled_from([e.value for e in enum]), max_size=3, unique=True)
    return st.one_of(known, known.map(lambda values: {"only": values}))


def days(lo: date, hi: date) -> st.SearchStrategy[date]:
    return st.integers(0, (hi - lo).days).map(lambda n: lo + timedelta(days=n))


as_of_dates = days(date(1996, 4, 24), date(2026, 1, 1))
incident_dates = days(date(1985, 1, 1), date(2026, 6, 1)).flatmap(
    lambda d: st.sampled_from(
        [
            d.isoformat(),
            d.isoformat()[:7],
            d.isoformat()[:4],
            f"since {d.year}",
            f"before {d.year}",
            f"{d.year}/{d.year + 1}",
            "ongoing",
        ]
    )
)
conduct_days = days(date(1985, 1, 1), date(2026, 1, 1)).map(date.isoformat)


def optional(**fields) -> st.SearchStrategy[dict]:
    return st.fixed_dictionaries({}, optional=fields)


demands = st.one_of(
    st.just("none"), st.sampled_from([p.value for p in Party]).map(lambda party: {"on": party})
)
supports = optional(
    knowingly=booleans,
    to=optional(
        kind=st.sampled_from(["organization", "individual"]),
        designated_fto=booleans,
        commits_terrorist_acts=booleans,
        knew=booleans,
        showed_it_did_not_know=booleans,
    ),
)


def _acts_named(incident: dict) -> dict:
    """Profiles written before `acts` say `involves`: either name, never both."""
    if incident.pop("older_name", False) and "acts" in incident:
        incident["involves"] = incident.pop("acts")
    return incident


incidents = optional(
    date=incident_dates,
    recurring=booleans,
    acts=subsets(Act),
    older_name=booleans,
    means=subsets(Means),
    demand=demands,
    attribution=subsets(Attribution),
    suicide_attack=booleans,
    clandestine_agents=booleans,
    hostilities_at_site=booleans,
    us_targets=subsets(USTarget),
    support=supports,
    threatened=subsets(Act),
    attempted=subsets(Act),
    conspired=subsets(Act),
    unlawful_where_committed=booleans,
    unlawful_in_us=booleans,
    intent_to_endanger=booleans,
    intent_to_damage_property=booleans,
    intent_to_kill_or_injure=booleans,
    motives=subsets(Motive),
    premeditated=booleans,
    violent=booleans,
    targets=subsets(Target),
    us_nationals_harmed=booleans,
    role=subsets(Role),
).map(_acts_named)

readings = st.fixed_dictionaries(
    {}, optional={name: st.sampled_from(list(r.alternatives)) for name, r in all_readings().items()}
)

profiles = st.fixed_dictionaries(
    {"name": st.just("Generated"), "as_of": as_of_dates.map(date.isoformat)},
    optional={
        "organization": optional(
            is_group=booleans,
            dissolved=booleans,
            subnational_group=booleans,
            clandestine_agents=booleans,
        ),
        "foreign": optional(
            formed_in=countries,
            headquarters_in=countries,
            operates_in=st.lists(countries, max_size=3),
            organized_under_us_law=booleans,
            members_principally_us_persons=booleans,
        ),
        "incidents": st.lists(incidents, max_size=3),
        "capability": optional(
            armed_members=booleans, weapons=booleans, explosives=booleans, funds=booleans
        ),
        "conduct": optional(
            quiet_since=conduct_days,
            all_incidents_since=conduct_days,
            disarmed=conduct_days,
            renounced_violence=conduct_days,
        ),
        "intent": optional(
            public_threats=booleans,
            plots=booleans,
            stated_aims_violent=booleans,
            acts=subsets(Act),
            means=subsets(Means),
            targets=subsets(Target),
            motives=subsets(Motive),
        ),
        "threat_to_us": optional(
            us_nationals=booleans,
            national_defense=booleans,
            foreign_relations=booleans,
            economic_interests=booleans,
            arises_from=subsets(ThreatOrigin),
            operations_in_us=booleans,
            threats_against_us=booleans,
        ),
        "readings": readings,
    },
)


def fact_paths(data: dict, prefix: tuple = ()) -> list[tuple]:
    """Paths to every fact in a profile (the leaves a user could leave out)."""
    paths = []
    for key, value in data.items():
        if key in ("name", "as_of", "readings", "sources", "id"):
            continue
        path = (*prefix, key)
        # a complete list ({only: [...]}) and a demand ({on: ...}) are one fact each
        if isinstance(value, dict) and not {"only", "on"} & set(value):
            paths.extend(fact_paths(value, path))
        elif key == "incidents" and isinstance(value, list):
            paths.append(path)
            for i, item in enumerate(value):
                paths.extend(fact_paths(item, (*path, i)))
        else:
            paths.append(path)
    return paths
