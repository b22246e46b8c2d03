"""22 U.S.C. § 2656f(d)(2): "terrorism", the second route to § 1189(a)(1)(B) (since 2001).

    the term "terrorism" means premeditated, politically motivated violence perpetrated
    against noncombatant targets by subnational groups or clandestine agents;

Each element is its own predicate, so a report says which one failed. This is where the cartel
debate lives: profit-driven violence is not "politically motivated", so it is not terrorism
under § 2656f(d)(2) — though it may still be terrorist activity under § 1182(a)(3)(B), which
has no motive element. The same elements judge an incident and the violence the organization
intends (§ 1189(a)(1)(B) "retains the capability and intent to engage in … terrorism").
"""

from __future__ import annotations

from fto_check.profile.model import Motive, Role, Target
from fto_check.reasoning.engine import Context, complete, composite, rule
from fto_check.reasoning.evidence import (
    INTENT,
    PREMEDITATED,
    VIOLENCE,
    VIOLENT,
    acts_field,
    boolean_or_inferred,
    planned_by_nature,
    section_of,
)
from fto_check.reasoning.findings import Change, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of, from_bool
from fto_check.reasoning.predicates.s1182 import PATRIOT, role_leaf

POLITICAL = {
    "broad": {
        Motive.POLITICAL,
        Motive.IDEOLOGICAL,
        Motive.RELIGIOUS,
        Motive.SOCIAL,
        Motive.COERCE_GOVERNMENT,
    },
    "narrow": {Motive.POLITICAL, Motive.COERCE_GOVERNMENT},
}
# Targets whose killing is arguably political whatever the killer's motive.
POLITICAL_TARGETS = frozenset(
    {Target.OFFICIALS, Target.CANDIDATES, Target.JUDGES, Target.JOURNALISTS}
)


composite(
    "2656f(d)(2)",
    "terrorism",
    "Premeditated, politically motivated violence perpetrated against noncombatant targets "
    "by subnational groups or clandestine agents: all five elements.",
    all_of=(
        "2656f(d)(2)/premeditated",
        "2656f(d)(2)/politically-motivated",
        "2656f(d)(2)/violence",
        "2656f(d)(2)/noncombatant-targets",
        "2656f(d)(2)/perpetrated-by",
    ),
    since=PATRIOT,
)


def _premeditation(ctx: Context, section, loc):
    if section is ctx.profile.intent:
        return True, []  # violence it intends is planned in advance
    role, role_use, _ = ctx.fact(section, loc, "role")
    if role and not {Role.PLANNED, Role.PREPARED}.isdisjoint(role):
        return True, [role_use]
    planned, acts_use = planned_by_nature(ctx, section, loc)
    return (True, [acts_use]) if planned else (False, [])


@rule(
    "2656f(d)(2)/premeditated",
    "premeditated",
    "The violence was planned in advance (inferred for acts the organization planned, for "
    "assassinations, bombings, hijackings and kidnappings, and for violence it intends).",
    reads=("incidents[].premeditated",),
    readings=("inferences",),
    since=PATRIOT,
)
def premeditated(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    return boolean_or_inferred(
        ctx,
        section,
        loc,
        "premeditated",
        PREMEDITATED,
        _premeditation,
        yes="it was premeditated",
        no="it was not premeditated",
    )


@rule(
    "2656f(d)(2)/politically-motivated",
    "politically motivated",
    "The violence was politically motivated (to force a government's hand counts). Profit is "
    "not a political motive.",
    since=PATRIOT,
    reads=("incidents[].motives",),
    readings=("politically-motivated",),
)
def politically_motivated(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    motives, use, path = ctx.fact(section, loc, "motives")
    fix = [[Change(path, [Motive.POLITICAL.value], "add")]]
    notes = _political_target_note(ctx, section, loc, motives)
    if motives is None:
        return ctx.finding(
            UNDETERMINED, "the motive is not given", missing=[path], would_meet=fix, notes=notes
        )
    motives = set(motives)
    plain = motives & {Motive.POLITICAL, Motive.COERCE_GOVERNMENT}
    if plain:
        return ctx.finding(MET, f"it was politically motivated ({_words(plain)})", facts=[use])
    broad = motives & POLITICAL["broad"]
    if broad:  # ideological, religious or social: the reading decides
        scope = ctx.reading("politically-motivated")
        if scope == "broad":
            return ctx.finding(
                MET,
                f"its {_words(broad)} motive counts as political on the broad reading",
                facts=[use],
            )
        return ctx.finding(
            NOT_MET,
            f"its motive was {_words(broad)}, which is not political on the narrow reading",
            facts=[use],
            would_meet=fix,
        )
    listed = _words(motives) or "none"
    if complete(ctx.fact(section, loc, "motives")[0]):
        return ctx.finding(
            NOT_MET,
            f"its motives ({listed}) are not political",
            facts=[use],
            would_meet=fix,
            notes=notes,
        )
    return ctx.finding(
        UNDETERMINED,
        f"its known motives ({listed}) are not political, and the list may not be complete "
        "(write `motives: {only: [...]}` when the record says these were all)",
        facts=[use],
        missing=[path],
        would_meet=fix,
        notes=notes,
    )


def _political_target_note(ctx: Context, section, loc, motives) -> list[str]:
    targets = ctx.fact(section, loc, "targets")[0]
    if not targets or POLITICAL_TARGETS.isdisjoint(targets):
        return []
    if motives and not set(motives).isdisjoint(POLITICAL["broad"]):
        return []
    hit = _words(set(targets) & POLITICAL_TARGETS)
    return [
        f"Boundary: the violence was aimed at {hit}. Killing an official, a candidate, a judge "
        "or a journalist is arguably political even for a group driven by profit: it bends how "
        "the state governs and what the public learns. The checker decides motive from the "
        "record's `motives`, not from the target; if the record says why, add it."
    ]


def _words(values) -> str:
    return ", ".join(sorted(getattr(v, "value", v) for v in values))


def _violent(ctx: Context, section, loc):
    acts, use, _ = ctx.fact(section, loc, acts_field(section))
    return bool(acts) and not VIOLENT.isdisjoint(acts), [use] if use else []


@rule(
    "2656f(d)(2)/violence",
    "violence",
    "It was an act of violence (inferred from killings, woundings, assaults, kidnappings, "
    "bombings, arson, hijacking and sabotage).",
    since=PATRIOT,
    reads=("incidents[].violent",),
    readings=("inferences",),
)
def violence(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    acts, acts_use, _ = ctx.fact(section, loc, acts_field(section))
    violent, _, violent_path = ctx.fact(section, loc, "violent")
    if violent is None and acts is not None and complete(acts) and VIOLENT.isdisjoint(acts):
        what = ", ".join(a.value for a in acts) or "nothing"
        return ctx.finding(
            NOT_MET,
            f"the acts recorded, which the record says are all ({what}), are not violence",
            facts=[acts_use],
            would_meet=[[Change(violent_path, True)]],
        )
    return boolean_or_inferred(
        ctx,
        section,
        loc,
        "violent",
        VIOLENCE,
        _violent,
        yes="it was an act of violence",
        no="it was not violent",
    )


# Noncombatants, as the State Department reads § 2656f(d)(2) in its reports under § 2656f(a):
# "in addition to civilians, military personnel who at the time of the incident are unarmed
# and/or not on duty", and armed military personnel "when a state of military hostilities does
# not exist at the site".
NONCOMBATANTS = frozenset(
    {
        Target.CIVILIANS,
        Target.OFFICIALS,
        Target.CANDIDATES,
        Target.JUDGES,
        Target.JOURNALISTS,
        Target.POLICE,
        Target.MILITARY_OFF_DUTY,
        Target.PEACEKEEPERS,
        Target.DIPLOMATS,
        Target.PROTECTED_PERSONS,
        Target.AIRCRAFT,
        Target.VESSEL,
        Target.VEHICLE,
    }
)
SOLDIERS = frozenset({Target.MILITARY, Target.MILITARY_PROPERTY})


@rule(
    "2656f(d)(2)/noncombatant-targets",
    "against noncombatant targets",
    "The violence was aimed at noncombatants: civilians, officials, police, journalists, "
    "diplomats, soldiers off duty, or soldiers where no hostilities were under way (the State "
    "Department's reading); civilian property and rival fighters are readings.",
    since=PATRIOT,
    reads=("incidents[].targets", "incidents[].hostilities_at_site"),
    readings=("property-targets", "rival-armed-groups"),
)
def noncombatant_targets(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    targets, use, path = ctx.fact(section, loc, "targets")
    fix = [[Change(path, [Target.CIVILIANS.value], "add")]]
    if targets is None:
        return ctx.finding(
            UNDETERMINED, "its targets are not given", missing=[path], would_meet=fix
        )
    counted = set(NONCOMBATANTS)
    notes = []
    if Target.PROPERTY in targets and ctx.reading("property-targets") == "civilian-property":
        counted.add(Target.PROPERTY)
    if Target.RIVALS in targets and ctx.reading("rival-armed-groups") == "noncombatants":
        counted.add(Target.RIVALS)
    facts = [use]
    if not SOLDIERS.isdisjoint(targets):
        hostile, h_use, h_path = ctx.fact(section, loc, "hostilities_at_site")
        if hostile is False:
            counted |= SOLDIERS
            facts.append(h_use)
        elif hostile is None and not (set(targets) & counted):
            notes.append(
                "Boundary: soldiers are noncombatant targets, on the State Department's reading, "
                "when unarmed or off duty, or when no state of military hostilities exists at the "
                "site (as with bombings of bases abroad). Record `hostilities_at_site`."
            )
            return ctx.finding(
                UNDETERMINED,
                "it targeted soldiers, and it is not known whether hostilities were under way "
                "there",
                facts=facts,
                missing=[h_path],
                notes=notes,
                would_meet=[[Change(h_path, False)], *fix],
            )
    hit = sorted(t.value for t in set(targets) & counted)
    readings_note = (
        " (civilian property counts on the `property-targets` reading)"
        if Target.PROPERTY.value in hit and hit == [Target.PROPERTY.value]
        else ""
    )
    if hit:
        return ctx.finding(
            MET, f"it targeted {', '.join(hit)}{readings_note}", facts=facts, notes=notes
        )
    listed = ", ".join(t.value for t in targets) or "no one"
    if complete(targets):
        return ctx.finding(
            NOT_MET,
            f"it targeted {listed}, not noncombatants",
            facts=facts,
            notes=notes,
            would_meet=fix,
        )
    return ctx.finding(
        UNDETERMINED,
        f"it targeted {listed}, not noncombatants, as far as the record says (the list may not "
        "be complete)",
        facts=facts,
        missing=[path],
        notes=notes,
        would_meet=fix,
    )


@rule(
    "2656f(d)(2)/perpetrated-by",
    "by a subnational group or clandestine agents",
    "The organization perpetrated the violence, and it is a subnational group, or this act was "
    "done by its clandestine agents.",
    since=PATRIOT,
    reads=(
        "incidents[].role",
        "incidents[].clandestine_agents",
        "organization.subnational_group",
    ),
    readings=("attribution", "inferences"),
)
def perpetrated_by(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    org, org_loc = ctx.profile.organization, ("organization",)
    if i == INTENT:
        perpetrated = ctx.finding(MET, "the violence it intends is its own")
    else:
        perpetrated = role_leaf(
            ctx,
            i,
            {Role.COMMITTED},
            did="the organization perpetrated it",
            not_did="the organization did not itself perpetrate it",
            infer_commit=True,
        )
    sub, sub_use, sub_path = ctx.fact(org, org_loc, "subnational_group")
    agents, agents_use, agents_path = ctx.fact(section, loc, "clandestine_agents")
    if agents is None:  # an organization with no clandestine agents did nothing through them
        has_agents, org_agents_use, _ = ctx.fact(org, org_loc, "clandestine_agents")
        if has_agents is False:
            agents, agents_use = False, org_agents_use
    kind = any_of([from_bool(sub), from_bool(agents)])
    status = all_of([perpetrated.status, kind])
    facts = [*perpetrated.facts, *(u for u in (sub_use, agents_use) if u)]
    notes = []
    if agents is None and ctx.fact(org, org_loc, "clandestine_agents")[0] and not sub:
        notes.append(
            "The organization has clandestine agents, but § 2656f(d)(2) asks who perpetrated "
            "this violence: an overt act by its uniformed forces is not done by clandestine "
            "agents. Record it per incident as `clandestine_agents`."
        )
    if status is MET:
        how = "a subnational group" if sub else "through clandestine agents"
        reason = f"{perpetrated.reason}, {how}"
    elif perpetrated.status is NOT_MET:
        reason = perpetrated.reason
    elif kind is NOT_MET:
        reason = (
            "the organization is not a subnational group, and this act was not done by "
            "clandestine agents"
        )
    elif perpetrated.status is UNDETERMINED:
        reason = perpetrated.reason
    else:
        reason = "not known whether a subnational group or clandestine agents perpetrated it"
    missing = list(perpetrated.missing)
    if kind is UNDETERMINED:
        missing += [p for p, v in ((sub_path, sub), (agents_path, agents)) if v is None]
    would = []
    if status is not MET:
        did = [c for fix in perpetrated.would_meet[:1] for c in fix]
        would = (
            [[*did, Change(p, True)] for p in (sub_path, agents_path)] if kind is not MET else [did]
        )
    return ctx.finding(
        status,
        reason,
        facts=facts,
        missing=missing if status is not MET else [],
        would_meet=would,
        notes=notes,
        inferred=perpetrated.inferred or None,
    )
