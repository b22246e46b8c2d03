"""22 U.S.C. § 2656f(d)(2): "terrorism", the second route to § 1189(a)(1)(B) (since 2001).

    the term "terrorism" means premeditated, politically motivated violence perpetrated
    against noncombatant targets by subnational groups or clandestine agents;

Each element is its own predicate, so a report says which one failed. This is where the cartel
debate lives: profit-driven violence is not "politically motivated", so it is not terrorism
under § 2656f(d)(2) — though it may still be terrorist activity under § 1182(a)(3)(B), which
has no motive element.
"""

from __future__ import annotations

from fto_check.profile.model import Motive, Role, Target
from fto_check.reasoning.engine import Context, rule
from fto_check.reasoning.findings import Change, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of, from_bool
from fto_check.reasoning.predicates.s1189 import INTENT, PATRIOT, incident_subject

POLITICAL = {
    "broad": {Motive.POLITICAL, Motive.IDEOLOGICAL, Motive.RELIGIOUS, Motive.SOCIAL},
    "narrow": {Motive.POLITICAL},
}
NONCOMBATANTS = {
    Target.CIVILIANS,
    Target.OFFICIALS,
    Target.POLICE,
    Target.PROTECTED_PERSONS,
    Target.JOURNALISTS,
}


@rule(
    "2656f(d)(2)",
    "terrorism",
    "Premeditated, politically motivated violence perpetrated against noncombatant targets "
    "by subnational groups or clandestine agents: all five elements.",
    since=PATRIOT,
)
def terrorism(ctx: Context, i: int) -> Finding:
    incident = ctx.profile.incidents[i]
    return ctx.all_of(
        [
            ctx.apply("1189(a)(1)(B)/present", i),
            ctx.apply("2656f(d)(2)/premeditated", i),
            ctx.apply("2656f(d)(2)/politically-motivated", i),
            ctx.apply("2656f(d)(2)/violence", i),
            ctx.apply("2656f(d)(2)/noncombatant-targets", i),
            ctx.apply("2656f(d)(2)/perpetrated-by", i),
        ],
        subject=incident_subject(i, incident),
    )


def _incident(ctx: Context, i: int | str):
    if i == INTENT:  # the violence it intends, for (B)'s "capability and intent" (see s1189)
        return ctx.profile.intent, (INTENT,)
    return ctx.profile.incidents[i], ("incidents", i)


@rule(
    "2656f(d)(2)/premeditated",
    "premeditated",
    "The violence was planned in advance.",
    since=PATRIOT,
    reads=("incidents[].premeditated",),
)
def premeditated(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    return ctx.boolean(
        incident, loc, "premeditated", yes="it was premeditated", no="it was not premeditated"
    )


@rule(
    "2656f(d)(2)/politically-motivated",
    "politically motivated",
    "The violence was politically motivated. Profit is not a political motive.",
    since=PATRIOT,
    reads=("incidents[].motives",),
    readings=("politically-motivated",),
)
def politically_motivated(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    motives, use, path = ctx.fact(incident, loc, "motives")
    fix = [[Change(path, [Motive.POLITICAL.value], "add")]]
    if motives is None:
        return ctx.finding(UNDETERMINED, "the motive is not given", missing=[path], would_meet=fix)
    motives = set(motives)
    if Motive.POLITICAL in motives:
        return ctx.finding(MET, "it was politically motivated", facts=[use])
    listed = ", ".join(sorted(m.value for m in motives)) or "none"
    if motives & POLITICAL["broad"]:  # ideological, religious or social: the reading decides
        scope = ctx.reading("politically-motivated")
        found = ", ".join(sorted(m.value for m in motives & POLITICAL["broad"]))
        if scope == "broad":
            return ctx.finding(
                MET, f"its {found} motive counts as political on the broad reading", facts=[use]
            )
        return ctx.finding(
            NOT_MET,
            f"its motive was {found}, which is not political on the narrow reading",
            facts=[use],
            would_meet=fix,
        )
    return ctx.finding(
        NOT_MET, f"its motives ({listed}) are not political", facts=[use], would_meet=fix
    )


@rule(
    "2656f(d)(2)/violence",
    "violence",
    "It was an act of violence.",
    since=PATRIOT,
    reads=("incidents[].violent",),
)
def violence(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    return ctx.boolean(
        incident, loc, "violent", yes="it was an act of violence", no="it was not violent"
    )


@rule(
    "2656f(d)(2)/noncombatant-targets",
    "against noncombatant targets",
    "The violence was perpetrated against noncombatants: civilians, officials, police, "
    "journalists or internationally protected persons — not soldiers or rival fighters.",
    since=PATRIOT,
    reads=("incidents[].targets",),
)
def noncombatant_targets(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    targets, use, path = ctx.fact(incident, loc, "targets")
    fix = [[Change(path, [Target.CIVILIANS.value], "add")]]
    if targets is None:
        return ctx.finding(
            UNDETERMINED, "its targets are not given", missing=[path], would_meet=fix
        )
    hit = sorted(t.value for t in set(targets) & NONCOMBATANTS)
    if hit:
        return ctx.finding(MET, f"it targeted {', '.join(hit)}", facts=[use])
    listed = ", ".join(t.value for t in targets) or "no one"
    notes = [PROPERTY_BOUNDARY] if set(targets) == {Target.PROPERTY} else []
    return ctx.finding(
        NOT_MET,
        f"it targeted {listed}, not noncombatants",
        facts=[use],
        notes=notes,
        would_meet=fix,
    )


PROPERTY_BOUNDARY = (
    'Boundary: violence against property alone. § 2656f(d)(2) requires violence "perpetrated '
    'against noncombatant targets"; whether a building or a power line, with no person '
    "targeted, is such a target is open. The checker counts only people as noncombatant "
    "targets; list the people the attack endangered (e.g. civilians) if there were any."
)


@rule(
    "2656f(d)(2)/perpetrated-by",
    "by a subnational group or clandestine agents",
    "The organization perpetrated the violence, and it is a subnational group or acts through "
    "clandestine agents.",
    since=PATRIOT,
    reads=("incidents[].role", "organization.subnational_group", "organization.clandestine_agents"),
)
def perpetrated_by(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    org = ctx.profile.organization
    role, role_use, role_path = ctx.fact(incident, loc, "role")
    sub, sub_use, sub_path = ctx.fact(org, ("organization",), "subnational_group")
    agents, agents_use, agents_path = ctx.fact(org, ("organization",), "clandestine_agents")
    perpetrated = from_bool(None if role is None else Role.COMMITTED in role)
    kind = any_of([from_bool(sub), from_bool(agents)])
    status = all_of([perpetrated, kind])
    facts = [u for u in (role_use, sub_use, agents_use) if u]
    if status is MET:
        reason = "the organization perpetrated it, " + (
            "a subnational group" if sub else "through clandestine agents"
        )
    elif perpetrated is NOT_MET:
        reason = "the organization did not itself perpetrate it"
    elif kind is NOT_MET:
        reason = "the organization is neither a subnational group nor clandestine agents"
    else:
        reason = "not known whether a subnational group or clandestine agents perpetrated it"
    missing = (
        [p for p, v in ((role_path, role), (sub_path, sub), (agents_path, agents)) if v is None]
        if status is not MET
        else []
    )
    if kind is MET:  # one of sub/agents suffices; the other is not missing
        missing = [p for p in missing if p == role_path]
    would = []
    if status is not MET:
        did = [Change(role_path, [Role.COMMITTED.value], "add")] if perpetrated is not MET else []
        would = [[*did, Change(p, True)] for p in (sub_path, agents_path)]
        if kind is MET:
            would = [did]
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)
