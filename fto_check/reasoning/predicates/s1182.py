"""8 U.S.C. § 1182(a)(3)(B)(iii)–(iv): "terrorist activity" and "engage in terrorist activity".

§ 1189(a)(1)(B) says the organization "engages in terrorist activity (as defined in section
1182(a)(3)(B))". That section defines both terms, so each incident is judged twice:
(iii) is the act a "terrorist activity" — unlawful where committed (or would be in the US),
      and involving one of (I)–(VI)? There is no motive element: profit-driven violence can
      qualify. The only motive test is the "mere personal monetary gain" carve-out, and it
      reaches only (V)(b) (explosives, firearms, other weapons).
(iv)  did the organization "engage" in it — commit or incite it with an intention to cause
      death or serious bodily injury, prepare or plan it, gather target information, solicit
      funds or individuals for it, or afford material support?
"""

from __future__ import annotations

import re
from functools import cache

from fto_check.profile.model import Act, Motive, Role
from fto_check.reasoning.engine import Context, rule
from fto_check.reasoning.findings import Change, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, any_of, from_bool
from fto_check.reasoning.predicates.s1189 import (
    AEDPA,
    INTENT,
    PATRIOT,
    PATRIOT_EVE,
    incident_subject,
)

REAL_ID = "2005-05-11"  # Pub. L. 109-13, div. B, § 103: rewrote (iv)(IV)–(VI)


def _incident(ctx: Context, i: int | str):
    if i == INTENT:  # the acts it intends, for (B)'s "capability and intent" (see s1189)
        return ctx.profile.intent, (INTENT,)
    return ctx.profile.incidents[i], ("incidents", i)


def _first(kinds: set) -> str:
    """The value to suggest from an enum set: its first member in the enum's (statute's) order."""
    return _first_of(frozenset(kinds))


@cache  # only the few sets the predicates name, each asked for many times
def _first_of(kinds: frozenset) -> str:
    return next(member for member in type(next(iter(kinds))) if member in kinds).value


# ---------------------------------------------------------------- (iv) per incident


@rule(
    "1182(a)(3)(B)(iv)",
    "engage in terrorist activity",
    "The organization engaged, as of `as_of`, in this incident, and the incident is terrorist "
    "activity.",
    since=AEDPA,
    reads=("incidents[]",),
)
def engage_in_terrorist_activity(ctx: Context, i: int) -> Finding:
    incident, _ = _incident(ctx, i)
    return ctx.all_of(
        [
            ctx.apply("1189(a)(1)(B)/present", i),
            ctx.apply("1182(a)(3)(B)(iii)", i),
            ctx.apply("1182(a)(3)(B)(iv)/conduct", i),
        ],
        subject=incident_subject(i, incident),
    )


@rule(
    "1182(a)(3)(B)(iv)/conduct",
    "the organization's part",
    "Its part in the incident is one of the modes of (iv)(I)–(VI).",
    since=AEDPA,
    reads=("incidents[].role",),
)
def conduct(ctx: Context, i: int) -> Finding:
    modes = [
        "1182(a)(3)(B)(iv)(I)",
        "1182(a)(3)(B)(iv)(II)",
        "1182(a)(3)(B)(iv)(III)",
        "1182(a)(3)(B)(iv)(IV)(aa)",
        "1182(a)(3)(B)(iv)(V)(aa)",
        "1182(a)(3)(B)(iv)(VI)(aa)",
    ]
    return ctx.any_of([ctx.apply(mode, i) for mode in modes])


def _role(ctx: Context, i: int, roles: set[Role], *, did: str, not_did: str) -> Finding:
    incident, loc = _incident(ctx, i)
    value, use, path = ctx.fact(incident, loc, "role")
    if value is not None and not roles.isdisjoint(value):
        return ctx.finding(MET, did, facts=[use])
    fix = [[Change(path, [_first(roles)], "add")]]
    if value is None:
        return ctx.finding(
            UNDETERMINED, "the organization's role is not given", missing=[path], would_meet=fix
        )
    return ctx.finding(NOT_MET, not_did, facts=[use], would_meet=fix)


@rule(
    "1182(a)(3)(B)(iv)(I)",
    "committed or incited it, intending death or serious injury",
    "It committed or incited the act, under circumstances indicating an intention to cause "
    "death or serious bodily injury.",
    since=AEDPA,
)
def commit_or_incite(ctx: Context, i: int) -> Finding:
    return ctx.all_of(
        [
            ctx.apply("1182(a)(3)(B)(iv)(I)/committed-or-incited", i),
            ctx.apply("1182(a)(3)(B)(iv)(I)/intention", i),
        ]
    )


@rule(
    "1182(a)(3)(B)(iv)(I)/committed-or-incited",
    "committed or incited",
    "The organization committed the act or incited others to commit it.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def committed_or_incited(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.COMMITTED, Role.INCITED},
        did="the organization committed or incited it",
        not_did="the organization neither committed nor incited it",
    )


@rule(
    "1182(a)(3)(B)(iv)(I)/intention",
    "intention to cause death or serious bodily injury",
    "The circumstances indicate an intention to cause death or serious bodily injury.",
    since=AEDPA,
    reads=("incidents[].intent_to_kill_or_injure",),
)
def intention_to_kill(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    finding = ctx.boolean(
        incident,
        loc,
        "intent_to_kill_or_injure",
        yes="the circumstances indicate an intention to kill or seriously injure",
        no="the circumstances do not indicate an intention to kill or seriously injure",
    )
    if finding.status is NOT_MET:
        finding.notes = [
            *finding.notes,
            "Boundary: committing or inciting an act is engaging in terrorist activity under "
            '(iv)(I) only "under circumstances indicating an intention to cause death or serious '
            'bodily injury". Without that, the organization may still engage through another '
            "mode of (iv): preparing or planning it (II), or affording material support (VI).",
        ]
    return finding


@rule(
    "1182(a)(3)(B)(iv)(II)",
    "prepared or planned it",
    "The organization prepared or planned the terrorist activity.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def prepare_or_plan(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.PREPARED, Role.PLANNED},
        did="the organization prepared or planned it",
        not_did="the organization neither prepared nor planned it",
    )


@rule(
    "1182(a)(3)(B)(iv)(III)",
    "gathered information on targets",
    "The organization gathered information on potential targets for it.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def gather_target_information(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.GATHERED_TARGET_INFORMATION},
        did="the organization gathered information on its targets",
        not_did="the organization did not gather information on targets",
    )


@rule(
    "1182(a)(3)(B)(iv)(IV)(aa)",
    "solicited funds for it",
    "The organization solicited funds or other things of value for the terrorist activity.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def solicit_funds(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.SOLICITED_FUNDS},
        did="the organization solicited funds for it",
        not_did="the organization did not solicit funds for it",
    )


@rule(
    "1182(a)(3)(B)(iv)(V)(aa)",
    "solicited individuals for it",
    "The organization solicited individuals to engage in it.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def solicit_individuals(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.SOLICITED_MEMBERS},
        did="the organization solicited individuals to take part",
        not_did="the organization did not solicit individuals for it",
    )


@rule(
    "1182(a)(3)(B)(iv)(VI)(aa)",
    "afforded material support for it",
    "The organization knowingly afforded material support (funds, weapons, transport, "
    "safe houses, training, …) for the commission of the terrorist activity.",
    since=AEDPA,
    reads=("incidents[].role",),
)
def material_support(ctx: Context, i: int) -> Finding:
    return _role(
        ctx,
        i,
        {Role.MATERIAL_SUPPORT},
        did="the organization knowingly afforded material support for it",
        not_did="the organization did not afford material support for it",
    )


# ---------------------------------------------------------------- (iii) per incident


@rule(
    "1182(a)(3)(B)(iii)",
    "terrorist activity",
    "The act was unlawful (where committed, or would be in the US) and involved one of "
    "(I)–(VI). No political or other motive is required.",
    since=AEDPA,
)
def terrorist_activity(ctx: Context, i: int) -> Finding:
    return ctx.all_of(
        [ctx.apply("1182(a)(3)(B)(iii)/unlawful", i), ctx.apply("1182(a)(3)(B)(iii)/involves", i)]
    )


@rule(
    "1182(a)(3)(B)(iii)/unlawful",
    "unlawful",
    "Unlawful under the laws of the place where it was committed, or it would be unlawful "
    "under US or State law had it been committed in the United States.",
    since=AEDPA,
    reads=("incidents[].unlawful_where_committed", "incidents[].unlawful_in_us"),
)
def unlawful(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    here, here_use, here_path = ctx.fact(incident, loc, "unlawful_where_committed")
    us, us_use, us_path = ctx.fact(incident, loc, "unlawful_in_us")
    status = any_of([from_bool(here), from_bool(us)])
    facts = [u for u in (here_use, us_use) if u]
    if status is MET:
        reason = (
            "unlawful where it was committed"
            if here
            else "it would be unlawful under US law had it been committed in the United States"
        )
    elif status is NOT_MET:
        reason = "lawful where it was committed, and it would be lawful in the United States"
    else:
        reason = "not known whether it was unlawful"
    missing = [p for p, v in ((here_path, here), (us_path, us)) if v is None]
    if status is MET:
        return ctx.finding(status, reason, facts=facts)
    would = [[Change(here_path, True)], [Change(us_path, True)]]
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


ACT_FIELDS = {
    "involves": "carried out",
    "threatened": "threatened",
    "attempted": "attempted",
    "conspired": "conspired to commit",
    "intended_acts": "intended",  # `intent.intended_acts`, for (B)'s "capability and intent"
}


@rule(
    "1182(a)(3)(B)(iii)/involves",
    "involves one of (I)–(VI)",
    "The act involves one of the kinds listed in (I)–(VI).",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def involves(ctx: Context, i: int) -> Finding:
    kinds = [
        "1182(a)(3)(B)(iii)(I)",
        "1182(a)(3)(B)(iii)(II)",
        "1182(a)(3)(B)(iii)(III)",
        "1182(a)(3)(B)(iii)(IV)",
        "1182(a)(3)(B)(iii)(V)",
        "1182(a)(3)(B)(iii)(VI)",
    ]
    return ctx.any_of([ctx.apply(kind, i) for kind in kinds])


def _acts(ctx: Context, i: int, acts: set[Act], field: str, *, names: str) -> Finding:
    """A leaf: the incident's `field` list (acts carried out, threatened, …) has one of `acts`."""
    incident, loc = _incident(ctx, i)
    value, use, path = ctx.fact(incident, loc, field)
    verb = ACT_FIELDS[field]
    if value is not None:
        found = [a for a in value if a in acts]  # StrEnum members: each is its own text
        if found:
            return ctx.finding(MET, f"{verb}: {', '.join(found)}", facts=[use])
    fix = [[Change(path, [_first(acts)], "add")]]
    if value is None:
        return ctx.finding(
            UNDETERMINED, f"not known which acts were {verb}", missing=[path], would_meet=fix
        )
    return ctx.finding(NOT_MET, f"no {names} {verb}", facts=[use], would_meet=fix)


@rule(
    "1182(a)(3)(B)(iii)(I)",
    "hijacking or sabotage of a conveyance",
    "The highjacking or sabotage of any conveyance (aircraft, vessel, vehicle).",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def hijacking(ctx: Context, i: int, field: str = "involves") -> Finding:
    finding = _acts(ctx, i, {Act.HIJACKING, Act.SABOTAGE}, field, names="hijacking or sabotage")
    if field == "involves":
        note = _conveyance_boundary(ctx, i, finding)
        if note:
            finding.notes = [*finding.notes, note]
    return finding


# Matched against the casefolded summary, each word from its start: (?<!\w) rather than \b, and
# no IGNORECASE, since either makes the engine try every position of every incident's summary
# (about three times the cost, ~1 % of a batch).
_SEIZING = re.compile(r"(?<!\w)(?:seiz|hijack|highjack|carjack|commandeer|took control)")
_CONVEYANCE = re.compile(
    r"(?<!\w)(?:vehicles?|cars?|trucks?|lorry|lorries|bus|buses|convoys?|vessels?|ships?|"
    r"boats?|tankers?|ferry|ferries|aircraft|planes?|airliners?|jets?|trains?)\b"
)


def _conveyance_boundary(ctx: Context, i: int, finding: Finding) -> str:
    """A note where an incident sits on (iii)(I)'s boundary: hijacking has no money carve-out."""
    incident, loc = _incident(ctx, i)
    if finding.status is MET:
        motives = ctx.fact(incident, loc, "motives")[0]
        if motives and set(motives) <= MONETARY:
            return (
                'Boundary: (iii)(I) has no motive element. The carve-out for "mere personal '
                'monetary gain" qualifies only (V)(b), so a hijacking done for money is terrorist '
                "activity even where a shooting done for money might not be."
            )
        return ""
    summary = (incident.summary or "").casefold()
    if _SEIZING.search(summary) and _CONVEYANCE.search(summary):
        return (
            'Boundary: the summary describes seizing a conveyance. If that was "the highjacking '
            'or sabotage of any conveyance (including an aircraft, vessel, or vehicle)", it is '
            "terrorist activity under (iii)(I), which has no carve-out for mere personal "
            "monetary gain; if so, add `hijacking` to `involves`."
        )
    return ""


@rule(
    "1182(a)(3)(B)(iii)(II)",
    "hostage-taking",
    "Seizing or detaining a person and threatening to kill, injure or keep detaining them, to "
    "compel a third person or a government to act or abstain.",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def hostage_taking(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _acts(ctx, i, {Act.HOSTAGE_TAKING}, field, names="hostage-taking")


@rule(
    "1182(a)(3)(B)(iii)(III)",
    "attack on an internationally protected person",
    "A violent attack upon an internationally protected person (diplomats, foreign heads of "
    "state; 18 U.S.C. § 1116(b)(4)) or upon their liberty.",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def attack_on_protected_person(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _acts(
        ctx,
        i,
        {Act.ATTACK_ON_PROTECTED_PERSON},
        field,
        names="attack on an internationally protected person",
    )


@rule(
    "1182(a)(3)(B)(iii)(IV)",
    "assassination",
    "An assassination.",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def assassination(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _acts(ctx, i, {Act.ASSASSINATION}, field, names="assassination")


@rule(
    "1182(a)(3)(B)(iii)(V)",
    "use of a weapon with intent to endanger",
    "The use of a biological, chemical or nuclear agent (a), or of an explosive, firearm or "
    "other weapon other than for mere personal monetary gain (b), with intent to endanger "
    "people or to cause substantial damage to property.",
    since=AEDPA,
)
def use_of_weapon(ctx: Context, i: int, field: str = "involves") -> Finding:
    return ctx.all_of(
        [
            ctx.apply("1182(a)(3)(B)(iii)(V)/use", i, field),
            ctx.apply("1182(a)(3)(B)(iii)(V)/intent", i),
        ]
    )


@rule(
    "1182(a)(3)(B)(iii)(V)/use",
    "use of an agent or weapon",
    "The use of any (a) biological agent, chemical agent, or nuclear weapon or device, or (b) "
    "explosive, firearm, or other weapon or dangerous device (other than for mere personal "
    "monetary gain).",
    since=AEDPA,
)
def use_of_agent_or_weapon(ctx: Context, i: int, field: str = "involves") -> Finding:
    return ctx.any_of(
        [
            ctx.apply("1182(a)(3)(B)(iii)(V)(a)", i, field),
            ctx.apply("1182(a)(3)(B)(iii)(V)(b)", i, field),
        ]
    )


@rule(
    "1182(a)(3)(B)(iii)(V)(a)",
    "biological, chemical or nuclear agent",
    "The use of a biological agent, chemical agent, or nuclear weapon or device.",
    since=AEDPA,
    reads=("incidents[].involves",),
)
def use_of_agent(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _acts(
        ctx,
        i,
        {Act.BIOLOGICAL_AGENT, Act.CHEMICAL_AGENT, Act.NUCLEAR_DEVICE},
        field,
        names="biological, chemical or nuclear agent",
    )


@rule(
    "1182(a)(3)(B)(iii)(V)(b)",
    "explosive or firearm, other than for mere personal monetary gain",
    "The use of an explosive or firearm (other than for mere personal "
    "monetary gain). Before 26 October 2001 'other weapon or dangerous device' was not listed.",
    until=PATRIOT_EVE,
    reads=("incidents[].involves", "incidents[].motives"),
    readings=("personal-monetary-gain",),
)
def use_of_firearm_as_enacted(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _weapon_unless_gain(
        ctx,
        i,
        field,
        {Act.EXPLOSIVE, Act.FIREARM},
        note='Before 26 October 2001, (V)(b) listed only an "explosive or '
        'firearm"; "other weapon or dangerous device" was added by '
        "Pub. L. 107-56, § 411(a).",
    )


@rule(
    "1182(a)(3)(B)(iii)(V)(b)",
    "explosive, firearm or other weapon, other than for mere personal monetary gain",
    "The use of an explosive, firearm, or other weapon or dangerous "
    "device, other than for mere personal monetary gain.",
    since=PATRIOT,
    reads=("incidents[].involves", "incidents[].motives"),
    readings=("personal-monetary-gain",),
)
def use_of_firearm(ctx: Context, i: int, field: str = "involves") -> Finding:
    return _weapon_unless_gain(ctx, i, field, {Act.EXPLOSIVE, Act.FIREARM, Act.OTHER_WEAPON})


MONETARY = {Motive.PERSONAL_GAIN, Motive.FINANCIAL}


def _weapon_unless_gain(
    ctx: Context, i: int, field: str, weapons: set[Act], note: str = ""
) -> Finding:
    """(V)(b): a weapon was used, unless it was for mere personal monetary gain."""
    incident, loc = _incident(ctx, i)
    acts, acts_use, acts_path = ctx.fact(incident, loc, field)
    motives, motives_use, motives_path = ctx.fact(incident, loc, "motives")
    notes = [note] if note else []
    facts = [u for u in (acts_use, motives_use) if u]
    verb = ACT_FIELDS[field]
    if acts is None or not any(a in weapons for a in acts):
        would = [[Change(acts_path, [_first(weapons)], "add")]]
        would[0] += _not_for_money(ctx, motives, motives_path)
        if acts is None:
            return ctx.finding(
                UNDETERMINED,
                f"not known which acts were {verb}",
                missing=[acts_path],
                notes=notes,
                would_meet=would,
            )
        return ctx.finding(
            NOT_MET,
            f"no explosive, firearm or other weapon {verb}",
            facts=[acts_use],
            notes=notes,
            would_meet=would,
        )
    used = [a.value for a in acts if a in weapons]
    if motives is None:
        return ctx.finding(
            UNDETERMINED,
            f"{', '.join(used)} {verb}, but the motive is not given, "
            'so the "mere personal monetary gain" carve-out cannot be ruled out',
            facts=facts,
            missing=[motives_path],
            notes=notes,
            would_meet=[_not_for_money(ctx, motives, motives_path)],
        )
    motive_set = set(motives)
    if not motive_set or motive_set - MONETARY:
        return ctx.finding(
            MET, f"{', '.join(used)} {verb}, not for mere monetary gain", facts=facts, notes=notes
        )
    if motive_set == {Motive.PERSONAL_GAIN}:
        return ctx.finding(
            NOT_MET,
            f"{', '.join(used)} {verb}, but for mere personal monetary gain, which (V)(b) excludes",
            facts=facts,
            notes=notes,
            would_meet=[_not_for_money(ctx, motives, motives_path)],
        )
    # Only money is at stake, and some of it is the organization's profit: contested.
    if ctx.reading("personal-monetary-gain") == "organizational-profit":
        return ctx.finding(
            NOT_MET,
            f"{', '.join(used)} {verb} for profit only; on the reading "
            'that an organization\'s profit is "mere personal monetary gain", '
            "(V)(b) excludes it",
            facts=facts,
            notes=notes,
            would_meet=[_not_for_money(ctx, motives, motives_path)],
        )
    return ctx.finding(
        MET,
        f"{', '.join(used)} {verb} for the organization's profit, which is "
        'not "mere personal monetary gain" on the default reading',
        facts=facts,
        notes=notes,
    )


def _not_for_money(ctx: Context, motives, path: str) -> list[Change]:
    """The motive to add, if any, to take a weapon's use out of (V)(b)'s money carve-out."""
    if motives is not None:
        motive_set = set(motives)
        if not motive_set or motive_set - MONETARY:
            return []
        # Peek at the reading without recording it: the finding's status does not depend on it.
        if motive_set != {Motive.PERSONAL_GAIN} and (
            ctx.readings["personal-monetary-gain"] == "individual-only"
        ):
            return []
    text = "a motive other than mere personal monetary gain, e.g. political"
    return [Change(path, [Motive.POLITICAL.value], "add", text=text)]


@rule(
    "1182(a)(3)(B)(iii)(V)/intent",
    "intent to endanger or to damage property",
    "With intent to endanger, directly or indirectly, the safety of one or more individuals "
    "or to cause substantial damage to property.",
    since=AEDPA,
    reads=("incidents[].intent_to_endanger", "incidents[].intent_to_damage_property"),
)
def intent_to_endanger(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    people, people_use, people_path = ctx.fact(incident, loc, "intent_to_endanger")
    prop, prop_use, prop_path = ctx.fact(incident, loc, "intent_to_damage_property")
    status = any_of([from_bool(people), from_bool(prop)])
    facts = [u for u in (people_use, prop_use) if u]
    if status is MET:
        reason = (
            "with intent to endanger people"
            if people
            else "with intent to cause substantial damage to property"
        )
    elif status is NOT_MET:
        reason = "no intent to endanger people or to cause substantial property damage"
    else:
        reason = "the intent is not given"
    if status is MET:
        return ctx.finding(status, reason, facts=facts)
    missing = [p for p, v in ((people_path, people), (prop_path, prop)) if v is None]
    would = [[Change(people_path, True)], [Change(prop_path, True)]]
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


@rule(
    "1182(a)(3)(B)(iii)(VI)",
    "threat, attempt or conspiracy",
    "A threat, attempt, or conspiracy to do any of (I)–(V).",
    since=AEDPA,
    reads=("incidents[].threatened", "incidents[].attempted", "incidents[].conspired"),
)
def threat_attempt_conspiracy(ctx: Context, i: int) -> Finding:
    incident, loc = _incident(ctx, i)
    kinds = [
        "1182(a)(3)(B)(iii)(I)",
        "1182(a)(3)(B)(iii)(II)",
        "1182(a)(3)(B)(iii)(III)",
        "1182(a)(3)(B)(iii)(IV)",
        "1182(a)(3)(B)(iii)(V)",
    ]
    parts, facts, missing, met = [], [], [], []
    paths = {}
    for field in ("threatened", "attempted", "conspired"):
        verb = ACT_FIELDS[field]
        acts, use, path = ctx.fact(incident, loc, field)
        paths[field] = path
        if acts is None:
            parts.append(UNDETERMINED)
            missing.append(path)
            continue
        facts.append(use)
        if not acts:
            parts.append(NOT_MET)
            continue
        # A threat (attempt, conspiracy) "to do any of the foregoing": each act must be one of
        # (I)–(V) with all that clause's elements, judged on this incident's other facts.
        applied = [ctx.apply(kind, i, field) for kind in kinds]
        for name in {n for f in applied for part in f.walk() for n in part.readings}:
            ctx.reading(name)  # e.g. (V)(b)'s carve-out: this finding depended on it too
        status = any_of(f.status for f in applied)
        parts.append(status)
        if status is MET:
            met.append(f"{verb}: {', '.join(a.value for a in acts)}")
    status = any_of(parts)
    if status is MET:
        reason = "; ".join(met)
    elif status is NOT_MET:
        reason = "nothing of (I)–(V) was threatened, attempted or conspired"
    else:
        reason = "not known whether anything was threatened, attempted or conspired"
    if status is MET:
        return ctx.finding(status, reason, facts=facts)
    # A threat of assassination is (VI) whatever else is known: (IV) has no further element.
    threat = Change(paths["threatened"], [Act.ASSASSINATION.value], "add")
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=[[threat]])
