"""8 U.S.C. § 1182(a)(3)(B): "terrorist activity" and "engage in terrorist activity".

§ 1189(a)(1)(B) asks whether the organization "engages in terrorist activity (as defined in
section 1182(a)(3)(B))". That section has defined the two terms in three texts since 1996, and
each rule below is registered under the clause that said it on the day judged:

| in force                | "terrorist activity" | "engage in terrorist activity"              |
|-------------------------|----------------------|---------------------------------------------|
| 1996-04-24 → 2001-10-25 | clause (ii)          | clause (iii): one general definition, five  |
|                         |                      | illustrative acts, no intent qualifier      |
| 2001-10-26 → 2005-05-10 | clause (iii)         | clause (iv)(I)–(VI), with the tiers of (vi) |
| 2005-05-11 →            | clause (iii)         | clause (iv)(I)–(VI), as the REAL ID Act     |
|                         |                      | rewrote them                                |

"Terrorist activity" has no motive element: its only motive test is (V)(b)'s carve-out for
"mere personal monetary gain". An incident is judged twice: is the act a terrorist activity,
and did the organization engage in it? An incident of support to, or solicitation for, another
organization is judged by the tiers of clause (vi) instead.
"""

from __future__ import annotations

import re
from functools import cache

from fto_check.profile.model import Act, Attribution, Means, Motive, Role, Target
from fto_check.reasoning.engine import Context, Dated, complete, composite, rule
from fto_check.reasoning.evidence import (
    AGENTS,
    COMMITTED,
    ENDANGER,
    INTENT,
    INTENTION,
    LETHAL,
    NOT_FOR_GAIN,
    PEOPLE,
    PLANNED,
    UNLAWFUL_EVERYWHERE,
    UNLAWFUL_IN_US,
    VIOLENT,
    WEAPON_WORDS,
    acts_field,
    boolean_or_inferred,
    either,
    has,
    inferred_flag,
    may_infer,
    planned_by_nature,
    section_of,
)
from fto_check.reasoning.findings import Change, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of

AEDPA, PATRIOT_EVE, PATRIOT = "1996-04-24", "2001-10-25", "2001-10-26"
REAL_ID_EVE, REAL_ID = "2005-05-10", "2005-05-11"

# The clause that defined each term on a given day (the citation of the day).
TERRORIST_ACTIVITY = Dated((AEDPA, "1182(a)(3)(B)(ii)"), (PATRIOT, "1182(a)(3)(B)(iii)"))
ENGAGE = Dated((AEDPA, "1182(a)(3)(B)(iii)"), (PATRIOT, "1182(a)(3)(B)(iv)"))


def defining(ctx: Context, term: Dated, part: str = "") -> str:
    """The rule id of `part` of the clause that defines `term` on the day judged."""
    return term.on(ctx.as_of) + part


# The definition of "terrorist activity" under both of its numbers: clause (ii) until
# 2001-10-25, clause (iii) from 2001-10-26 (the same words, renumbered).
TA_NUMBERS = (("1182(a)(3)(B)(ii)", AEDPA, PATRIOT_EVE), ("1182(a)(3)(B)(iii)", PATRIOT, None))


def ta_rule(part: str, title: str, summary: str, **kwargs):
    """Register a rule of the definition of "terrorist activity" under both of its numbers."""

    def register(fn):
        for number, since, until in TA_NUMBERS:
            rule(number + part, title, summary, since=since, until=until, **kwargs)(fn)
        return fn

    return register


def ta_composite(part: str, title: str, summary: str, *, all_of=(), any_of=(), **kwargs):
    """Declare a composite of the definition of "terrorist activity" under both of its numbers:
    its parts are named as `part` is, after the number (`"/unlawful"`, `"(V)(a)"`)."""
    for number, since, until in TA_NUMBERS:
        composite(
            number + part,
            title,
            summary,
            all_of=tuple(number + p for p in all_of),
            any_of=tuple(number + p for p in any_of),
            since=since,
            until=until,
            **kwargs,
        )


# ================================================================ "terrorist activity"


ta_composite(
    "",
    "terrorist activity",
    "The act was unlawful (where committed, or would be in the United States) and involved one "
    "of (I)–(VI). No political or other motive is required.",
    all_of=("/unlawful", "/involves"),
)


@ta_rule(
    "/unlawful",
    "unlawful",
    "Unlawful under the laws of the place where it was committed, or it would be unlawful "
    "under US or State law had it been committed in the United States (inferred for killings, "
    "kidnappings, bombings and the like).",
    reads=("incidents[].unlawful_where_committed", "incidents[].unlawful_in_us"),
    readings=("inferences",),
)
def unlawful(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    here, here_use, here_path = ctx.fact(section, loc, "unlawful_where_committed")
    if here:  # unlawful where committed: what US law would say does not matter
        us, us_use, us_path = ctx.fact(section, loc, "unlawful_in_us")
        in_us = (us, [us_use], [], us_path)
    else:
        in_us = inferred_flag(
            ctx,
            section,
            loc,
            "unlawful_in_us",
            UNLAWFUL_IN_US,
            _acts_in(UNLAWFUL_EVERYWHERE, inchoate=True),
        )
    would_be = "it would be unlawful under US law had it been committed in the United States"
    if in_us[2]:
        would_be += (
            " (inferred, `unlawful-in-the-us`: killings, kidnappings and bombings are crimes in "
            "every State)"
        )
    return either(
        ctx,
        [
            ((here, [here_use], [], here_path), "unlawful where it was committed"),
            (in_us, would_be),
        ],
        none="lawful where it was committed, and it would be lawful in the United States",
        unknown="not known whether it was unlawful",
    )


THREATS_TO_LIFE = frozenset({Act.KILLING, Act.ASSASSINATION, Act.INJURING, Act.BOMBING})


def _lethal(ctx: Context, section, loc):
    """What INTENTION infers from: lethal acts, or a threat to kill or injure."""
    acts, use, _ = ctx.fact(section, loc, acts_field(section))
    if acts and not LETHAL.isdisjoint(acts):
        return True, [use]
    threatened, t_use, _ = ctx.fact(section, loc, "threatened")
    if threatened and not THREATS_TO_LIFE.isdisjoint(threatened):
        return True, [t_use]
    return False, []


def _acts_in(wanted: frozenset, *, inchoate: bool = False):
    """A test for an inference: the acts (with `inchoate`, also what was threatened, attempted
    or conspired) name one of `wanted`."""

    def test(ctx: Context, section, loc):
        fields = (
            acts_field(section),
            *(("threatened", "attempted", "conspired") if inchoate else ()),
        )
        for name in fields:
            values, use, _ = ctx.fact(section, loc, name)
            if values and not wanted.isdisjoint(values):
                return True, [use]
        return False, []

    return test


KINDS = ("(I)", "(II)", "(III)", "(IV)", "(V)", "(VI)")


@ta_rule(
    "/involves",
    "involves one of (I)–(VI)",
    "The act involves one of the kinds listed in (I)–(VI).",
)
def involves(ctx: Context, i) -> Finding:
    base = defining(ctx, TERRORIST_ACTIVITY)
    # The acts it intends are judged by (I)–(V); (VI), a threat, attempt or conspiracy, is
    # something done, recorded on an incident.
    kinds = KINDS[:5] if i == INTENT else KINDS
    return ctx.any_of(ctx.each([(base + kind, i) for kind in kinds], MET))


# ---------------------------------------------------------------- (I)–(V), read from the facts

VERB = {
    "acts": "carried out",
    "involves": "carried out",
    "intended_acts": "intended",
    "threatened": "threatened",
    "attempted": "attempted",
    "conspired": "conspired to commit",
}
CONVEYANCES = frozenset({Target.AIRCRAFT, Target.VESSEL, Target.VEHICLE})


def _field(ctx: Context, i, field: str) -> str:
    """The list the acts are read from: the incident's own acts, or what it threatened, …"""
    return acts_field(section_of(ctx, i)[0]) if field == "acts" else field


def _verb(ctx: Context, i, field: str) -> str:
    if i == "intent" and field == "acts":
        return "intended"
    return VERB[field]


def _named(ctx: Context, i, field: str, wanted, label: str) -> Finding | None:
    """Met when the acts name one of `wanted` outright (the record's own word for the kind)."""
    section, loc = section_of(ctx, i)
    status, found, use, _ = has(ctx, section, loc, field, wanted)
    if status is MET:
        return ctx.finding(MET, f"{_verb(ctx, i, field)}: {label or ', '.join(found)}", facts=[use])
    return None


def _unknown_or_not(ctx: Context, i, field: str, what: str, fix: list) -> Finding:
    """The leaf when the acts name nothing of a kind: not met if the list is complete."""
    section, loc = section_of(ctx, i)
    values, use, path = ctx.fact(section, loc, field)
    verb = _verb(ctx, i, field)
    if values is None:
        return ctx.finding(
            UNDETERMINED, f"not known what was {verb}", missing=[path], would_meet=[fix]
        )
    if complete(values):
        return ctx.finding(NOT_MET, f"no {what} {verb}", facts=[use], would_meet=[fix])
    listed = ", ".join(v.value for v in values)
    return ctx.finding(
        UNDETERMINED,
        f"{verb}: {listed}, and the list may not be complete: no {what} is recorded",
        facts=[use],
        missing=[path],
        would_meet=[fix],
    )


def _add(ctx: Context, i, field: str, value: Act | Means | Target) -> Change:
    section, loc = section_of(ctx, i)
    return Change(ctx.fact(section, loc, field)[2], [value.value], "add")


@ta_rule(
    "(I)",
    "hijacking or sabotage of a conveyance",
    "The highjacking or sabotage of any conveyance (aircraft, vessel, vehicle): a hijacking, or "
    "a sabotage aimed at a conveyance.",
)
def hijacking(ctx: Context, i, field: str = "acts") -> Finding:
    field = _field(ctx, i, field)
    found = _named(ctx, i, field, {Act.HIJACKING}, "")
    if found is None and field == "involves":  # the older field's `sabotage` was (I)'s own word
        found = _named(ctx, i, field, {Act.SABOTAGE}, "sabotage of a conveyance")
    if found is None:
        section, loc = section_of(ctx, i)
        sabotage, _, sabotage_use, _ = has(ctx, section, loc, field, {Act.SABOTAGE})
        if sabotage is MET:
            aimed, hit, target_use, target_path = has(ctx, section, loc, "targets", CONVEYANCES)
            facts = [u for u in (sabotage_use, target_use) if u]
            if aimed is MET:
                found = ctx.finding(
                    MET, f"sabotage of a conveyance ({', '.join(hit)})", facts=facts
                )
            else:
                return ctx.finding(
                    aimed,
                    "sabotage, but not of a conveyance"
                    if aimed is NOT_MET
                    else "sabotage, but not known whether of a conveyance",
                    facts=facts,
                    missing=[target_path] if aimed is UNDETERMINED else [],
                    would_meet=[[Change(target_path, [Target.VEHICLE.value], "add")]],
                )
    if found is None:
        found = _unknown_or_not(
            ctx, i, field, "hijacking or sabotage", [_add(ctx, i, field, Act.HIJACKING)]
        )
    if field in ("acts", "involves"):
        note = _conveyance_boundary(ctx, i, found)
        if note:
            found.notes = [*found.notes, note]
    return found


# Matched against the casefolded summary, each word from its start: (?<!\w) rather than \b, and
# no IGNORECASE, since either makes the engine try every position of every incident's summary.
_SEIZING = re.compile(r"(?<!\w)(?:seiz|hijack|highjack|carjack|commandeer|took control)")
_CONVEYANCE = re.compile(
    r"(?<!\w)(?:vehicles?|cars?|trucks?|lorry|lorries|bus|buses|convoys?|vessels?|ships?|"
    r"boats?|tankers?|ferry|ferries|aircraft|planes?|airliners?|jets?|trains?)\b"
)
MONETARY = {Motive.PERSONAL_GAIN, Motive.FINANCIAL}


def _conveyance_boundary(ctx: Context, i, finding: Finding) -> str:
    """A note where an incident sits on (I)'s boundary: hijacking has no money carve-out."""
    if i == "intent":
        return ""
    section, loc = section_of(ctx, i)
    if finding.status is MET:
        motives = ctx.fact(section, loc, "motives")[0]
        if motives and set(motives) <= MONETARY | {Motive.TERRITORIAL}:
            return (
                'Boundary: (I) has no motive element. The carve-out for "mere personal monetary '
                'gain" qualifies only (V)(b), so a hijacking done for money is terrorist activity '
                "even where a shooting done for money might not be."
            )
        return ""
    summary = (section.summary or "").casefold()
    if _SEIZING.search(summary) and _CONVEYANCE.search(summary):
        return (
            'Boundary: the summary describes seizing a conveyance. If that was "the highjacking '
            'or sabotage of any conveyance (including an aircraft, vessel, or vehicle)", it is '
            "terrorist activity under (I), which has no carve-out for mere personal monetary "
            "gain; if so, add `hijacking` to `acts`."
        )
    return ""


@ta_rule(
    "(II)",
    "hostage-taking",
    "Seizing or detaining a person and threatening to kill, injure or keep detaining them, to "
    "compel a third person or a government to act or abstain: a kidnapping with a demand on "
    "anyone other than the person held.",
    reads=("incidents[].acts", "incidents[].demand"),
)
def hostage_taking(ctx: Context, i, field: str = "acts") -> Finding:
    field = _field(ctx, i, field)
    found = _named(ctx, i, field, {Act.HOSTAGE_TAKING}, "")
    if found is not None:
        return found
    section, loc = section_of(ctx, i)
    seized, _, seized_use, _ = has(ctx, section, loc, field, {Act.KIDNAPPING})
    demand, demand_use, demand_path = ctx.fact(section, loc, "demand")
    if seized is not MET:
        on_family = Change(demand_path, {"on": "family"}, text="a demand on a third person")
        return _unknown_or_not(
            ctx,
            i,
            field,
            "seizing or holding of a person",
            [_add(ctx, i, field, Act.KIDNAPPING), on_family],
        )
    facts = [u for u in (seized_use, demand_use) if u]
    fix = [[Change(demand_path, {"on": "family"}, text="a demand on a third person")]]
    if demand is None:
        return ctx.finding(
            UNDETERMINED,
            "a kidnapping, but not known whether a demand was made on a third person",
            facts=facts,
            missing=[demand_path],
            would_meet=fix,
            notes=[
                "Boundary: a kidnapping is hostage-taking under (II) only if the person is held "
                '"in order to compel a third person (including a governmental organization)" '
                "to act, as a condition of release: a ransom asked of a family or an employer, "
                "or a demand on a government. Record it as `demand:` (or `demand: none`)."
            ],
        )
    if demand == "none":
        return ctx.finding(
            NOT_MET,
            "a kidnapping with no demand on a third person",
            facts=facts,
            would_meet=fix,
        )
    asked = f" ({demand.demanded})" if demand.demanded else ""
    return ctx.finding(
        MET,
        f"a kidnapping with a demand on a third person, the {demand.on.value}{asked}: holding a "
        'person until a demand is met is "threatening to … continue to detain" them',
        facts=facts,
    )


PROTECTED = frozenset({Target.DIPLOMATS, Target.PROTECTED_PERSONS})


@ta_rule(
    "(III)",
    "attack on an internationally protected person",
    "A violent attack upon an internationally protected person (diplomats, foreign heads of "
    "state; 18 U.S.C. § 1116(b)(4)) or upon their liberty.",
)
def attack_on_protected_person(ctx: Context, i, field: str = "acts") -> Finding:
    field = _field(ctx, i, field)
    found = _named(ctx, i, field, {Act.ATTACK_ON_PROTECTED_PERSON}, "")
    if found is not None:
        return found
    section, loc = section_of(ctx, i)
    violent, _, violent_use, violent_path = has(ctx, section, loc, field, VIOLENT)
    aimed, hit, target_use, target_path = has(ctx, section, loc, "targets", PROTECTED)
    status = all_of([violent, aimed])
    facts = [u for u in (violent_use, target_use) if u]
    if status is MET:
        return ctx.finding(MET, f"a violent act aimed at {', '.join(hit)}", facts=facts)
    fix = [[Change(target_path, [Target.DIPLOMATS.value], "add")]]
    if violent is not MET:
        fix[0].append(Change(violent_path, [Act.ASSAULT.value], "add"))
    if aimed is NOT_MET:
        reason = "not aimed at an internationally protected person"
    elif violent is NOT_MET:
        reason = "no violent act"
    else:
        reason = "not known whether a violent act was aimed at an internationally protected person"
    missing = [p for s, p in ((violent, violent_path), (aimed, target_path)) if s is UNDETERMINED]
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=fix)


PUBLIC_FIGURES = frozenset(
    {
        Target.OFFICIALS,
        Target.CANDIDATES,
        Target.JUDGES,
        Target.JOURNALISTS,
        Target.DIPLOMATS,
        Target.PROTECTED_PERSONS,
    }
)
OFFICE_HOLDERS = frozenset(
    {Target.OFFICIALS, Target.CANDIDATES, Target.JUDGES, Target.DIPLOMATS, Target.PROTECTED_PERSONS}
)
POLITICAL = {
    Motive.POLITICAL,
    Motive.IDEOLOGICAL,
    Motive.RELIGIOUS,
    Motive.SOCIAL,
    Motive.COERCE_GOVERNMENT,
}


@ta_rule(
    "(IV)",
    "assassination",
    "An assassination: the record's word, or a killing aimed at a person for a public role "
    "(what counts is the `assassination` reading).",
    readings=("assassination",),
)
def assassination(ctx: Context, i, field: str = "acts") -> Finding:
    field = _field(ctx, i, field)
    found = _named(ctx, i, field, {Act.ASSASSINATION}, "")
    if found is not None:
        return found
    section, loc = section_of(ctx, i)
    killed, _, killed_use, _killed_path = has(ctx, section, loc, field, {Act.KILLING})
    if killed is not MET:
        return _unknown_or_not(
            ctx, i, field, "assassination", [_add(ctx, i, field, Act.ASSASSINATION)]
        )
    reading = ctx.reading("assassination")
    figures = OFFICE_HOLDERS if reading == "office-holders" else PUBLIC_FIGURES
    aimed, hit, target_use, target_path = has(ctx, section, loc, "targets", figures)
    parts = [aimed]
    facts = [u for u in (killed_use, target_use) if u]
    missing = [target_path] if aimed is UNDETERMINED else []
    if reading == "political-killing":
        political, _, motive_use, motive_path = has(ctx, section, loc, "motives", POLITICAL)
        parts.append(political)
        facts += [motive_use] if motive_use else []
        missing += [motive_path] if political is UNDETERMINED else []
    status = all_of(parts)
    who = ", ".join(hit)
    if status is MET:
        reason = f"a killing aimed at {who}: an assassination on the `{reading}` reading"
        note = (
            f"Boundary: if the {who} aimed at survived and others were killed, it was an attempted "
            "assassination, which is terrorist activity too, under (VI); record it as "
            "`attempted: [assassination]`."
        )
        return ctx.finding(MET, reason, facts=facts, notes=[note])
    if aimed is NOT_MET:
        reason = "a killing, but not aimed at a person for a public role"
    elif aimed is MET:
        reason = f"a killing aimed at {who}, but its motive is not shown to be political"
    else:
        reason = "a killing, but not known whether it was aimed at a person for a public role"
    fix = [[Change(target_path, [Target.OFFICIALS.value], "add")]]
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=fix)


@ta_rule(
    "(V)",
    "use of a weapon with intent to endanger",
    "The use of a biological, chemical or nuclear agent (a), or of an explosive, firearm or "
    "other weapon other than for mere personal monetary gain (b), with intent to endanger "
    "people or to cause substantial damage to property.",
)
def use_of_weapon(ctx: Context, i, field: str = "acts") -> Finding:
    base = defining(ctx, TERRORIST_ACTIVITY, "(V)")
    return ctx.all_of(ctx.each([(base + "/use", i, field), (base + "/intent", i)], NOT_MET))


ta_composite(
    "(V)/use",
    "use of an agent or weapon",
    "The use of (a) a biological agent, chemical agent, or nuclear weapon or device, or (b) a "
    "weapon listed in (b), other than for mere personal monetary gain.",
    any_of=("(V)(a)", "(V)(b)"),
)


def _weapons(ctx: Context, i, field: str):
    """The weapons and agents used (`means`, the weapons an act's words name, and a bombing's
    explosive): (set or None when nothing is recorded, complete?, uses, paths)."""
    section, loc = section_of(ctx, i)
    field = _field(ctx, i, field)
    acts, acts_use, acts_path = ctx.fact(section, loc, field)
    used: set = set()
    uses = [acts_use] if acts_use else []
    if acts is not None:
        used |= {WEAPON_WORDS[a] for a in acts if a in WEAPON_WORDS}
        if Act.BOMBING in acts:
            used.add(Means.EXPLOSIVE)  # a bombing is the use of an explosive
        if Act.ARSON in acts:
            used.add(Means.INCENDIARY)
    is_complete = acts is not None and complete(acts)
    means_path = acts_path
    if field in ("acts", "involves", "intended_acts"):  # `means` goes with what was done
        # A complete list of acts does not say what they were done with (an extortion at
        # gunpoint): only `means`, or no act at all, says no weapon was used.
        is_complete = acts is not None and len(acts) == 0
        means, means_use, means_path = ctx.fact(section, loc, "means")
        if means is not None:
            used |= set(means)
            uses.append(means_use)
            is_complete = complete(means) or is_complete
        elif acts is None:
            return None, False, uses, means_path
    elif acts is None:
        return None, False, uses, acts_path
    return used, is_complete, uses, means_path


def _means_leaf(
    ctx: Context, i, field: str, kinds: set, what: str, note: str = ""
) -> Finding | None:
    used, is_complete, uses, path = _weapons(ctx, i, field)
    # The note on the words of the day, where they decide: a weapon they do not list was used.
    notes = [note] if note and used and (used & WEAPONS_2001) - kinds else []
    verb = _verb(ctx, i, field)
    fix = [[Change(path, [sorted(kinds)[0].value], "add")]]
    if used is None:
        return ctx.finding(
            UNDETERMINED,
            f"not known what was {verb}, or with what",
            missing=[path],
            notes=notes,
            would_meet=fix,
        )
    found = sorted(m.value for m in used & kinds)
    if found:
        return None
    status = NOT_MET if is_complete else UNDETERMINED
    return ctx.finding(
        status,
        f"no {what} {verb}" + ("" if is_complete else " that the record names"),
        facts=uses,
        missing=[path] if status is UNDETERMINED else [],
        notes=notes,
        would_meet=fix,
    )


@ta_rule(
    "(V)(a)",
    "biological, chemical or nuclear agent",
    "The use of a biological agent, chemical agent, or nuclear weapon or device.",
)
def use_of_agent(ctx: Context, i, field: str = "acts") -> Finding:
    failed = _means_leaf(ctx, i, field, set(AGENTS), "biological, chemical or nuclear agent")
    if failed is not None:
        return failed
    used, _, uses, _ = _weapons(ctx, i, field)
    return ctx.finding(
        MET,
        f"{_verb(ctx, i, field)}: {', '.join(sorted(m.value for m in used & AGENTS))}",
        facts=uses,
    )


FIREARMS_1990 = {Means.EXPLOSIVE, Means.FIREARM}
WEAPONS_2001 = {
    Means.EXPLOSIVE,
    Means.FIREARM,
    Means.INCENDIARY,
    Means.BLADE,
    Means.VEHICLE,
    Means.RADIOLOGICAL,
    Means.OTHER_WEAPON,
}


@rule(
    "1182(a)(3)(B)(ii)(V)(b)",
    "explosive or firearm, other than for mere personal monetary gain",
    'The use of an "explosive or firearm (other than for mere personal monetary gain)": before '
    "26 October 2001 no other weapon was listed.",
    since=AEDPA,
    until=PATRIOT_EVE,
    readings=("personal-monetary-gain",),
)
def use_of_firearm_as_enacted(ctx: Context, i, field: str = "acts") -> Finding:
    return _weapon_unless_gain(
        ctx,
        i,
        field,
        FIREARMS_1990,
        "explosive or firearm",
        'Before 26 October 2001, (V)(b) listed only an "explosive or firearm"; "other weapon or '
        'dangerous device" was added by Pub. L. 107-56, § 411(a).',
    )


@rule(
    "1182(a)(3)(B)(iii)(V)(b)",
    "explosive, firearm or other weapon, other than for mere personal monetary gain",
    "The use of an explosive, firearm, or other weapon or dangerous device, other than for "
    "mere personal monetary gain.",
    since=PATRIOT,
    readings=("personal-monetary-gain",),
)
def use_of_firearm(ctx: Context, i, field: str = "acts") -> Finding:
    return _weapon_unless_gain(ctx, i, field, WEAPONS_2001, "explosive, firearm or other weapon")


# The motives that are money, on each reading of "mere personal monetary gain": an individual's
# own gain only; or, on the organizational-profit reading, any profit, which its own words define
# to include the control of territory, routes and markets a cartel fights for.
MONEY = {
    "individual-only": frozenset({Motive.PERSONAL_GAIN}),
    "organizational-profit": frozenset(
        {Motive.PERSONAL_GAIN, Motive.FINANCIAL, Motive.TERRITORIAL}
    ),
}


def _weapon_unless_gain(
    ctx: Context, i, field: str, weapons: set, what: str, note: str = ""
) -> Finding:
    """(V)(b): a weapon was used, unless it was for mere personal monetary gain."""
    failed = _means_leaf(ctx, i, field, weapons, what, note)
    if failed is not None:
        section, loc = section_of(ctx, i)
        motives, _, motive_path = ctx.fact(section, loc, "motives")
        money = MONEY[ctx.readings["personal-monetary-gain"]]  # peeked: the status is not its
        if not (set(motives or ()) - money):  # a weapon alone would still meet the carve-out
            failed.would_meet = [
                [
                    *fix,
                    Change(
                        motive_path,
                        [Motive.POLITICAL.value],
                        "add",
                        text="a motive other than monetary gain",
                    ),
                ]
                for fix in failed.would_meet
            ]
        return failed
    used, _, uses, _ = _weapons(ctx, i, field)
    notes = []
    shown = ", ".join(sorted(m.value for m in used & weapons))
    verb = _verb(ctx, i, field)
    section, loc = section_of(ctx, i)
    motives, motive_use, motive_path = ctx.fact(section, loc, "motives")
    facts = [*uses, motive_use] if motive_use else uses
    money = MONEY[ctx.reading("personal-monetary-gain")]
    other = set(motives or ()) - money
    if other:  # a motive that is not money: not "mere" monetary gain, on any reading
        return ctx.finding(
            MET,
            f"{shown} {verb}, not for mere personal monetary gain ({_words(other)})",
            facts=facts,
            notes=notes,
        )
    if motives is not None and complete(motives) and motives:  # money and nothing else
        reading = ctx.readings["personal-monetary-gain"]
        why = (
            "for an individual's own gain"
            if set(motives) <= {Motive.PERSONAL_GAIN}
            else "for profit, which this reading counts as personal monetary gain"
        )
        return ctx.finding(
            NOT_MET,
            f'{shown} {verb}, but {why}: (V)(b) excludes use "for mere personal monetary gain" '
            f"(`personal-monetary-gain={reading}`)",
            facts=facts,
            notes=notes,
            would_meet=[
                [
                    Change(
                        motive_path,
                        [Motive.POLITICAL.value],
                        "add",
                        text="a motive other than monetary gain",
                    )
                ]
            ],
        )
    drawn = _not_for_gain(ctx, section, loc)
    if drawn is not None and not may_infer(ctx):
        drawn = None
    if drawn is not None:
        uses2, inferred = drawn
        return ctx.finding(
            MET,
            f"{shown} {verb}, not for mere personal monetary gain (inferred, `{NOT_FOR_GAIN.id}`)",
            facts=[*facts, *uses2],
            notes=notes,
            inferred=inferred,
        )
    if motives is not None and set(motives) <= money and motives:
        reason = (  # e.g. [financial] on the organizational-profit reading, list not complete
            f"{shown} {verb}; its known motives are monetary and the list may not be complete, "
            'so "other than for mere personal monetary gain" is not established'
        )
    elif motives is not None and motives and not (set(motives) & money):
        return ctx.finding(
            MET, f"{shown} {verb}, not for mere personal monetary gain", facts=facts, notes=notes
        )
    else:
        reason = (
            f'{shown} {verb}, but the motive is not given, so the "mere personal monetary gain" '
            "carve-out cannot be ruled out"
        )
    return ctx.finding(
        UNDETERMINED,
        reason,
        facts=facts,
        missing=[motive_path],
        notes=notes,
        would_meet=[
            [
                Change(
                    motive_path,
                    [Motive.POLITICAL.value],
                    "add",
                    text="a motive other than monetary gain",
                )
            ]
        ],
    )


def _not_for_gain(ctx: Context, section, loc):
    """What NOT_FOR_GAIN infers: a claim, a suicide attack, or an explosion with no demand."""
    attribution, a_use, _ = ctx.fact(section, loc, "attribution")
    if attribution and Attribution.CLAIMED in attribution:
        return [a_use], [NOT_FOR_GAIN.drawn(ctx.fact(section, loc, "motives")[2], "not monetary")]
    suicide, s_use, _ = ctx.fact(section, loc, "suicide_attack")
    if suicide:
        return [s_use], [NOT_FOR_GAIN.drawn(ctx.fact(section, loc, "motives")[2], "not monetary")]
    demand, d_use, _ = ctx.fact(section, loc, "demand")
    means = ctx.fact(section, loc, "means")[0] or ()
    acts = ctx.fact(section, loc, acts_field(section))[0] or ()
    explosion = Means.EXPLOSIVE in means or Act.BOMBING in acts or not AGENTS.isdisjoint(means)
    if demand == "none" and explosion:
        return [d_use], [NOT_FOR_GAIN.drawn(ctx.fact(section, loc, "motives")[2], "not monetary")]
    return None


def _words(values) -> str:
    return ", ".join(sorted(getattr(v, "value", v) for v in values))


@ta_rule(
    "(V)/intent",
    "intent to endanger or to damage property",
    "With intent to endanger, directly or indirectly, the safety of one or more individuals "
    "or to cause substantial damage to property (inferred where people were killed or wounded, "
    "or shot at or bombed).",
    reads=("incidents[].intent_to_endanger", "incidents[].intent_to_damage_property"),
    readings=("inferences",),
)
def intent_to_endanger(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    options = []
    for name, test, reason in (
        ("intent_to_endanger", _endangers_people, "with intent to endanger people"),
        (
            "intent_to_damage_property",
            _damages_property,
            "with intent to cause substantial damage to property",
        ),
    ):
        flag = inferred_flag(ctx, section, loc, name, ENDANGER, test)
        options.append((flag, f"{reason} (inferred, `{ENDANGER.id}`)" if flag[2] else reason))
    return either(
        ctx,
        options,
        none="no intent to endanger people or to cause substantial property damage",
        unknown="the intent is not given",
    )


def _endangers_people(ctx: Context, section, loc):
    acts, acts_use, _ = ctx.fact(section, loc, acts_field(section))
    acts = set(acts or ())
    uses = [acts_use] if acts_use else []
    if acts & {Act.KILLING, Act.ASSASSINATION, Act.INJURING}:
        return True, uses
    targets, t_use, _ = ctx.fact(section, loc, "targets")
    means, m_use, _ = ctx.fact(section, loc, "means")
    armed = bool(acts & {Act.BOMBING, Act.ASSAULT, Act.FIREARM, Act.EXPLOSIVE}) or bool(
        set(means or ()) & (WEAPONS_2001 | AGENTS)
    )
    if armed and targets and not PEOPLE.isdisjoint(targets):
        return True, [*uses, *(u for u in (t_use, m_use) if u)]
    return False, []


def _damages_property(ctx: Context, section, loc):
    acts, acts_use, _ = ctx.fact(section, loc, acts_field(section))
    targets, t_use, _ = ctx.fact(section, loc, "targets")
    destructive = set(acts or ()) & {Act.BOMBING, Act.ARSON, Act.DESTRUCTION, Act.SABOTAGE}
    aimed = set(targets or ()) & {Target.PROPERTY, Target.MILITARY_PROPERTY, *CONVEYANCES}
    if destructive and aimed:
        return True, [u for u in (acts_use, t_use) if u]
    return False, []


@ta_rule(
    "(VI)",
    "threat, attempt or conspiracy",
    "A threat, attempt, or conspiracy to do any of (I)–(V).",
    reads=("incidents[].threatened", "incidents[].attempted", "incidents[].conspired"),
)
def threat_attempt_conspiracy(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    base = defining(ctx, TERRORIST_ACTIVITY)
    parts, facts, missing, met, notes = [], [], [], [], []
    paths = {}
    for field in ("threatened", "attempted", "conspired"):
        acts, use, path = ctx.fact(section, loc, field)
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
        applied = [ctx.apply(base + kind, i, field) for kind in KINDS[:5]]
        for name in sorted({n for f in applied for part in f.walk() for n in part.readings}):
            ctx.reading(name)  # e.g. (V)(b)'s carve-out: this finding depended on it too
        status = any_of(f.status for f in applied)
        parts.append(status)
        if status is MET:
            met.append(f"{VERB[field]}: {', '.join(a.value for a in acts)}")
    status = any_of(parts)
    if status is MET:
        return ctx.finding(status, "; ".join(met), facts=facts)
    reason = (
        "nothing of (I)–(V) was threatened, attempted or conspired"
        if status is NOT_MET
        else "not known whether anything was threatened, attempted or conspired"
    )
    # A threat of assassination is (VI) whatever else is known: (IV) has no further element.
    threat = Change(paths["threatened"], [Act.ASSASSINATION.value], "add")
    return ctx.finding(
        status, reason, facts=facts, missing=missing, would_meet=[[threat]], notes=notes
    )


# ================================================================ "engage in terrorist activity"


def _attributed(ctx: Context, i) -> tuple[str, object, list]:
    """How the record's attribution of the incident stands under the `attribution` reading:
    ("enough" | "not enough" | "none", its use, the attributions that count)."""
    section, loc = section_of(ctx, i)
    given, use, _ = ctx.fact(section, loc, "attribution")
    if not given:
        return "none", None, []
    reading = ctx.reading("attribution")
    counted = ATTRIBUTIONS[reading]
    enough = [a for a in given if a in counted]
    return ("enough" if enough else "not enough"), use, enough


ATTRIBUTIONS = {
    "record": frozenset(set(Attribution) - {Attribution.ALLEGED}),
    "official": frozenset({Attribution.CLAIMED, Attribution.US_GOVERNMENT, Attribution.COURT}),
    "any": frozenset(Attribution),
}


def role_leaf(
    ctx: Context,
    i,
    roles: set,
    *,
    did: str,
    not_did: str,
    infer_commit: bool = False,
    infer_plan: bool = False,
) -> Finding:
    """Whether the organization's part in the incident is one of `roles`, read from `role`, from
    what the record attributes to it, and (for planning) from premeditation."""
    section, loc = section_of(ctx, i)
    standing, a_use, counted = _attributed(ctx, i)
    status, _found, use, path = has(ctx, section, loc, "role", roles)
    fix = [[Change(path, [_first(roles)], "add")]]
    if standing == "not enough":
        reading = ctx.readings["attribution"]
        a_path = ctx.fact(section, loc, "attribution")[2]
        return ctx.finding(
            UNDETERMINED,
            f"the record only alleges the organization's part; the `attribution={reading}` "
            "reading asks for more",
            facts=[u for u in (use, a_use) if u],
            missing=[a_path],
            would_meet=[
                [
                    Change(
                        a_path,
                        [Attribution.COURT.value],
                        "add",
                        text="an attribution the reading accepts",
                    ),
                    *(fix[0] if status is not MET else ()),
                ]
            ],
        )
    if status is MET:
        return ctx.finding(MET, did, facts=[u for u in (use, a_use) if u])
    if (
        infer_commit
        and standing == "enough"
        and may_infer(ctx)
        and ctx.fact(section, loc, "role")[0] is None
    ):
        return ctx.finding(
            MET,
            f"{did} (inferred from the record's attribution: "
            f"{', '.join(a.value for a in counted)})",
            facts=[a_use],
            inferred=[COMMITTED.drawn(path, [Role.COMMITTED.value])],
        )
    if infer_plan and status is not NOT_MET:  # never against a list the record says is complete
        committed, _, c_use, _ = has(ctx, section, loc, "role", {Role.COMMITTED})
        uses, drawn = [c_use], []
        if (
            committed is not MET
            and standing == "enough"
            and ctx.fact(section, loc, "role")[0] is None
        ):
            committed, uses = MET, [a_use]  # the record's attribution: it carried it out
            drawn.append(COMMITTED.drawn(path, [Role.COMMITTED.value]))
        premeditated, p_use, _ = ctx.fact(section, loc, "premeditated")
        if premeditated is None:
            premeditated, p_use = planned_by_nature(ctx, section, loc)
        if committed is MET and premeditated and may_infer(ctx):
            return ctx.finding(
                MET,
                f"{did} (inferred, `{PLANNED.id}`)",
                facts=[*uses, p_use],
                inferred=[*drawn, PLANNED.drawn(path, [Role.PLANNED.value])],
            )
    return ctx.names(
        section,
        loc,
        "role",
        roles,
        add=_first(roles),
        met=did,
        none=not_did,
        partial=f"{not_did} as far as the record says (`role` may not be complete)",
        unknown="the organization's part is not given",
    )


def _first(kinds: set) -> str:
    return _first_of(frozenset(kinds))


@cache
def _first_of(kinds: frozenset) -> str:
    return next(member for member in type(next(iter(kinds))) if member in kinds).value


def _role_rule(
    rule_id: str,
    title: str,
    summary: str,
    roles: set,
    did: str,
    not_did: str,
    *,
    infer_commit: bool = False,
    infer_plan: bool = False,
    **kw,
):
    """A rule met when the organization's part (`role`) is one of `roles`; with `infer_commit`,
    also where the record attributes the act to it, and with `infer_plan`, where it carried out
    an act that was premeditated (`role_leaf`)."""

    def leaf(ctx: Context, i) -> Finding:
        return role_leaf(
            ctx,
            i,
            roles,
            did=did,
            not_did=not_did,
            infer_commit=infer_commit,
            infer_plan=infer_plan,
        )

    reads = ["incidents[].role"]
    reads += ["incidents[].attribution"] if infer_commit else []
    reads += ["incidents[].premeditated"] if infer_plan else []
    inferring = ("inferences",) if infer_commit or infer_plan else ()
    rule(rule_id, title, summary, reads=reads, readings=("attribution", *inferring), **kw)(leaf)


# ---------------------------------------------------------------- 2001 → : clause (iv)


ENGAGE_SUMMARY = (
    "The organization engaged in the incident: it is a terrorist activity in which the "
    "organization took a part listed in (I)–(VI)(aa), or it is support or solicitation for "
    "another organization or individual under (IV)(bb)–(VI)(dd)."
)
for _since, _until, _summary in (
    (PATRIOT, REAL_ID_EVE, " Until 2005-05-10 the Secretary could waive (VI) for support given."),
    (REAL_ID, None, ""),
):
    composite(
        "1182(a)(3)(B)(iv)",
        "engage in terrorist activity",
        ENGAGE_SUMMARY + _summary,
        any_of=("1182(a)(3)(B)(iv)/terrorist-activity", "1182(a)(3)(B)(iv)/support"),
        since=_since,
        until=_until,
    )


composite(
    "1182(a)(3)(B)(iv)/terrorist-activity",
    "engaged in this terrorist activity",
    "The act is a terrorist activity, and the organization committed or incited it intending "
    "death or serious injury (I), prepared or planned it (II), gathered information on its "
    "targets (III), solicited funds (IV)(aa) or individuals (V)(aa) for it, or afforded "
    "material support for it (VI)(aa).",
    all_of=("1182(a)(3)(B)(iii)", "1182(a)(3)(B)(iv)/mode"),
    since=PATRIOT,
)
composite(
    "1182(a)(3)(B)(iv)/mode",
    "the organization's part",
    "Its part in the incident is one of (I), (II), (III), (IV)(aa), (V)(aa) or (VI)(aa).",
    any_of=tuple(
        f"1182(a)(3)(B)(iv){m}" for m in ("(I)", "(II)", "(III)", "(IV)(aa)", "(V)(aa)", "(VI)(aa)")
    ),
    since=PATRIOT,
    reads=("incidents[].role",),
)


composite(
    "1182(a)(3)(B)(iv)(I)",
    "committed or incited it, intending death or serious injury",
    "It committed or incited the act, under circumstances indicating an intention to cause "
    "death or serious bodily injury.",
    all_of=("1182(a)(3)(B)(iv)(I)/committed-or-incited", "1182(a)(3)(B)(iv)(I)/intention"),
    since=PATRIOT,
)


_role_rule(
    "1182(a)(3)(B)(iv)(I)/committed-or-incited",
    "committed or incited",
    "The organization committed the act or incited others to commit it (or the record "
    "attributes the act to it).",
    {Role.COMMITTED, Role.INCITED},
    "the organization committed or incited it",
    "the organization neither committed nor incited it",
    infer_commit=True,
    since=PATRIOT,
)


@rule(
    "1182(a)(3)(B)(iv)(I)/intention",
    "intention to cause death or serious bodily injury",
    "The circumstances indicate an intention to cause death or serious bodily injury (inferred "
    "from a killing, an assassination, a wounding or a bombing).",
    since=PATRIOT,
    reads=("incidents[].intent_to_kill_or_injure",),
    readings=("inferences",),
)
def intention_to_kill(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    finding = boolean_or_inferred(
        ctx,
        section,
        loc,
        "intent_to_kill_or_injure",
        INTENTION,
        _lethal,
        yes="the circumstances indicate an intention to kill or seriously injure",
        no="the circumstances do not indicate an intention to kill or seriously injure",
    )
    if finding.status is NOT_MET:
        finding.notes = [
            *finding.notes,
            "Boundary: committing or inciting an act is engaging in terrorist activity under "
            '(iv)(I) only "under circumstances indicating an intention to cause death or serious '
            'bodily injury". Without that, the organization may still engage through another '
            "mode of (iv): preparing or planning it (II), or affording material support (VI). "
            "Before 26 October 2001 there was no such qualifier: committing an act of terrorist "
            "activity was enough.",
        ]
    return finding


_role_rule(
    "1182(a)(3)(B)(iv)(II)",
    "prepared or planned it",
    "The organization prepared or planned the terrorist activity (inferred where it carried "
    "out an act that was premeditated).",
    {Role.PREPARED, Role.PLANNED},
    "the organization prepared or planned it",
    "the organization neither prepared nor planned it",
    infer_plan=True,
    since=PATRIOT,
)


_role_rule(
    "1182(a)(3)(B)(iv)(III)",
    "gathered information on targets",
    "The organization gathered information on potential targets for it.",
    {Role.GATHERED_TARGET_INFORMATION},
    "the organization gathered information on its targets",
    "the organization did not gather information on targets",
    since=PATRIOT,
)
_role_rule(
    "1182(a)(3)(B)(iv)(IV)(aa)",
    "solicited funds for it",
    "The organization solicited funds or other things of value for the terrorist activity.",
    {Role.SOLICITED_FUNDS},
    "the organization solicited funds for it",
    "the organization did not solicit funds for it",
    since=PATRIOT,
)
for _since, _until, _object in (
    (PATRIOT, REAL_ID_EVE, '"to engage in conduct otherwise described in this clause"'),
    (REAL_ID, None, '"to engage in conduct otherwise described in this subsection"'),
):
    _role_rule(
        "1182(a)(3)(B)(iv)(V)(aa)",
        "solicited individuals for it",
        f"The organization solicited individuals {_object}: to take part in it.",
        {Role.SOLICITED_MEMBERS},
        "the organization solicited individuals to take part",
        "the organization did not solicit individuals for it",
        since=_since,
        until=_until,
    )

# ---- the elements of support and solicitation, named for the clause whose words they are

_role_rule(
    "1182(a)(3)(B)(iv)(VI)/afforded",
    "afforded material support",
    'It committed an act that afforded material support: "a safe house, transportation, '
    'communications, funds, … weapons …, explosives, or training".',
    {Role.MATERIAL_SUPPORT},
    "the organization afforded material support",
    "the organization afforded no material support",
    since=PATRIOT,
)
_role_rule(
    "1182(a)(3)(B)(iv)(IV)/solicited",
    "solicited funds",
    "It solicited funds or other things of value.",
    {Role.SOLICITED_FUNDS},
    "the organization solicited funds",
    "the organization solicited no funds",
    since=PATRIOT,
)
_role_rule(
    "1182(a)(3)(B)(iv)(V)/solicited",
    "solicited individuals",
    "It solicited individuals (for membership).",
    {Role.SOLICITED_MEMBERS},
    "the organization solicited individuals",
    "the organization solicited no one",
    since=PATRIOT,
)


def _support(ctx: Context, i):
    section, loc = section_of(ctx, i)
    support = getattr(section, "support", None)
    return support, (*loc, "support")


def _recipient(ctx: Context, i):
    support, loc = _support(ctx, i)
    return (support.to if support is not None else None), (*loc, "to")


def _of_support(name: str, **words):
    """A leaf decided by the fact `name` of the support the incident records (`ctx.boolean`)."""

    def leaf(ctx: Context, i) -> Finding:
        support, loc = _support(ctx, i)
        return ctx.boolean(support, loc, name, **words)

    return leaf


def _of_recipient(name: str, **words):
    """A leaf decided by the fact `name` of the support's recipient (`ctx.boolean`)."""

    def leaf(ctx: Context, i) -> Finding:
        recipient, loc = _recipient(ctx, i)
        return ctx.boolean(recipient, loc, name, **words)

    return leaf


_knowingly = _of_support(
    "knowingly",
    yes="it knew, or reasonably should have known, that its act afforded material support",
    no="it did not know, and should not reasonably have known, that its act afforded support",
)


rule(
    "1182(a)(3)(B)(iv)(VI)/knowingly",
    "knowing it affords material support",
    "The organization knew, or reasonably should have known, that its act afforded material "
    "support (`support.knowingly`).",
    since=PATRIOT,
    reads=("incidents[].support.knowingly",),
)(_knowingly)


@rule(
    "1182(a)(3)(B)(iv)(VI)/no-waiver",
    "no waiver by the Secretary",
    'The flush sentence of 2001: "This clause shall not apply to any material support … if the '
    "Secretary of State … or the Attorney General … concludes in his sole unreviewable "
    'discretion, that this clause should not apply." It applies unless such a conclusion is '
    "recorded (`support.waiver`).",
    since=PATRIOT,
    until=REAL_ID_EVE,
    reads=("incidents[].support.waiver",),
)
def no_waiver(ctx: Context, i) -> Finding:
    support, loc = _support(ctx, i)
    waived, use, path = ctx.fact(support, loc, "waiver")
    if waived:
        return ctx.finding(
            NOT_MET,
            "the Secretary concluded that (iv)(VI) should not apply to this support",
            facts=[use],
            would_meet=[[Change(path, False)]],
        )
    return ctx.finding(
        MET,
        "no waiver is recorded, and (iv)(VI) applies unless the Secretary or the Attorney "
        "General concluded it should not",
        facts=[use] if use else None,
    )


def _defence(ctx: Context, i, real_id: bool) -> Finding:
    recipient, loc = _recipient(ctx, i)
    knowing = (
        "by clear and convincing evidence that it did not know, and should not reasonably have "
        "known, that the organization was a terrorist organization"
        if real_id
        else "that it did not know, and should not reasonably have known, that its act would "
        "further the organization's terrorist activity"
    )
    return ctx.boolean(
        recipient,
        loc,
        "showed_it_did_not_know",
        wanted=False,
        yes=f"it cannot demonstrate {knowing}",
        no=f"it has demonstrated {knowing}",
        unknown=f"not known whether it can demonstrate {knowing}",
    )


rule(
    "1182(a)(3)(B)(iv)/no-defence",
    "no showing that it did not know",
    'Tier III support or solicitation, "unless the solicitor [actor] can demonstrate that he did '
    "not know, and should not reasonably have known, that the solicitation [act] would further "
    "the organization's terrorist activity\" (the 2001 words).",
    since=PATRIOT,
    until=REAL_ID_EVE,
    reads=("incidents[].support.to.showed_it_did_not_know",),
)(lambda ctx, i: _defence(ctx, i, real_id=False))
rule(
    "1182(a)(3)(B)(iv)/no-defence",
    "no showing that it did not know",
    'Tier III support or solicitation, "unless the actor can demonstrate by clear and '
    "convincing evidence that the actor did not know, and should not reasonably have known, "
    'that the organization was a terrorist organization" (the words since 2005-05-11).',
    since=REAL_ID,
    reads=("incidents[].support.to.showed_it_did_not_know",),
)(lambda ctx, i: _defence(ctx, i, real_id=True))


_individual = _of_recipient(
    "kind",
    wanted="individual",
    yes="the recipient is an individual",
    no="the recipient is an organization",
    unknown="not known whether the recipient is an individual",
)


_knew = _of_recipient(
    "knew",
    yes="it knew, or reasonably should have known, that the individual has committed or "
    "plans to commit a terrorist activity",
    no="it did not know what the individual has done or plans",
)


rule(
    "1182(a)(3)(B)(iv)(VI)(bb)/individual",
    "to an individual",
    "The support went to an individual (`support.to.kind`).",
    since=PATRIOT,
    reads=("incidents[].support.to.kind",),
)(_individual)
rule(
    "1182(a)(3)(B)(iv)(VI)(bb)/knew",
    "who it knew commits terrorist activity",
    "The organization knew, or reasonably should have known, that the individual has committed "
    "or plans to commit a terrorist activity.",
    since=PATRIOT,
    reads=("incidents[].support.to.knew", "incidents[].support.to.commits_terrorist_acts"),
)(lambda ctx, i: ctx.all_of([_engages(ctx, i), _knew(ctx, i)]))


# ---- the recipient's tier: clause (vi), "terrorist organization" (since 2001-10-26)


_designated = _of_recipient(
    "designated_fto",
    yes="the recipient was designated under § 1189",
    no="the recipient was not designated under § 1189",
)


_excluded = _of_recipient(
    "terrorist_exclusion_list",
    yes="the recipient was otherwise designated by Federal Register notice (the Terrorist "
    "Exclusion List)",
    no="the recipient was not on the Terrorist Exclusion List",
)


_engages = _of_recipient(
    "commits_terrorist_acts",
    yes="the recipient engages in terrorist activity",
    no="the recipient does not engage in terrorist activity",
)


for _since, _until, _which in (
    (PATRIOT, REAL_ID_EVE, "(I), (II), or (III)"),
    (REAL_ID, None, "(I) through (VI)"),
):
    rule(
        "1182(a)(3)(B)(vi)(I)",
        "Tier I: designated under § 1189",
        "The recipient is an organization designated under § 1189 (for an individual: a member "
        "of one), on the record's say (`support.to.designated_fto`).",
        since=_since,
        until=_until,
        reads=("incidents[].support.to.designated_fto",),
    )(_designated)
    rule(
        "1182(a)(3)(B)(vi)(II)",
        "Tier II: otherwise designated",
        "The recipient is an organization otherwise designated by the Secretary in the Federal "
        "Register (the Terrorist Exclusion List).",
        since=_since,
        until=_until,
        reads=("incidents[].support.to.terrorist_exclusion_list",),
    )(_excluded)
    rule(
        "1182(a)(3)(B)(vi)(III)",
        "Tier III: a group that engages in terrorist activity",
        f"The recipient is a group of two or more individuals that engages in the activities of "
        f"clause (iv){_which}, on the record's say (`support.to.commits_terrorist_acts`).",
        since=_since,
        until=_until,
        reads=("incidents[].support.to.commits_terrorist_acts",),
    )(_engages)


for _since, _until in ((PATRIOT, REAL_ID_EVE), (REAL_ID, None)):
    composite(
        "1182(a)(3)(B)(vi)/designated",
        "a Tier I or II organization",
        'The recipient is "a terrorist organization described in clause (vi)(I) or (vi)(II)": '
        "designated under § 1189, or otherwise designated by Federal Register notice.",
        any_of=("1182(a)(3)(B)(vi)(I)", "1182(a)(3)(B)(vi)(II)"),
        since=_since,
        until=_until,
    )

# The parts the items of (iv)(IV)(bb)–(VI)(dd) are made of. The waiver of (VI), in force until
# 2005-05-10 (the REAL ID Act struck it), is a part of (VI) only while it is the law.
SUPPORTING = ("(iv)(VI)/afforded", "(iv)(VI)/knowingly", "(iv)(VI)/no-waiver")
TIER_1_OR_2 = ("(vi)/designated",)
TIER_3 = ("(vi)(III)", "(iv)/no-defence")
FUNDS, MEMBERS = ("(iv)(IV)/solicited",), ("(iv)(V)/solicited",)
TO_AN_INDIVIDUAL = ("(iv)(VI)(bb)/individual", "(iv)(VI)(bb)/knew")

ITEMS = {
    # rule id: (title, summary, its parts, with the supporting act's where it is support)
    "(VI)(aa)": (
        "afforded material support for it",
        "The organization committed an act that it knew, or reasonably should have known, "
        "afforded material support (funds, weapons, transport, safe houses, training, …) for "
        "the commission of the terrorist activity.",
        (),
    ),
    "(IV)(bb)": (
        "solicited funds for a Tier I or II organization",
        "It solicited funds or other things of value for an organization designated under "
        "§ 1189 or otherwise designated (clause (vi)(I)–(II)).",
        FUNDS + TIER_1_OR_2,
    ),
    "(IV)(cc)": (
        "solicited funds for a Tier III organization",
        "It solicited funds for an undesignated group that engages in terrorist activity "
        "(clause (vi)(III)), unless it shows it did not know.",
        FUNDS + TIER_3,
    ),
    "(V)(bb)": (
        "solicited members for a Tier I or II organization",
        "It solicited individuals for membership in an organization designated under § 1189 "
        "or otherwise designated (clause (vi)(I)–(II)).",
        MEMBERS + TIER_1_OR_2,
    ),
    "(V)(cc)": (
        "solicited members for a Tier III organization",
        "It solicited individuals for membership in an undesignated group that engages in "
        "terrorist activity (clause (vi)(III)), unless it shows it did not know.",
        MEMBERS + TIER_3,
    ),
    "(VI)(bb)": (
        "material support to an individual who commits terrorist activity",
        "It knowingly afforded material support to an individual it knew, or reasonably should "
        "have known, has committed or plans to commit a terrorist activity.",
        TO_AN_INDIVIDUAL,
    ),
    "(VI)(cc)": (
        "material support to a Tier I or II organization",
        "It knowingly afforded material support to an organization designated under § 1189 or "
        "otherwise designated (clause (vi)(I)–(II)); since 2005, or to a member of one.",
        TIER_1_OR_2,
    ),
    "(VI)(dd)": (
        "material support to a Tier III organization",
        "It knowingly afforded material support to an undesignated group that engages in "
        "terrorist activity (clause (vi)(III)), unless it shows it did not know.",
        TIER_3,
    ),
}

for _id, (_title, _summary, _parts) in ITEMS.items():
    _parts = (*SUPPORTING, *_parts) if _id.startswith("(VI)") else _parts
    # (VI)(aa) kept its words in 2005; the REAL ID Act rewrote the others: two versions each.
    _aa = _id == "(VI)(aa)"
    for _since, _until in ((PATRIOT, None),) if _aa else ((PATRIOT, REAL_ID_EVE), (REAL_ID, None)):
        composite(
            f"1182(a)(3)(B)(iv){_id}",
            _title,
            _summary,
            all_of=tuple(f"1182(a)(3)(B){part}" for part in _parts),
            since=_since,
            until=_until,
            readings=() if _aa else ("attribution",),
        )


@rule(
    "1182(a)(3)(B)(iv)/support",
    "support or solicitation for another",
    "The incident is the organization's support of, or solicitation for, another organization "
    "or individual: (IV)(bb)–(cc), (V)(bb)–(cc) or (VI)(bb)–(dd), by the recipient's tier.",
    since=PATRIOT,
)
def support_of_others(ctx: Context, i) -> Finding:
    section, loc = section_of(ctx, i)
    if getattr(section, "support", None) is None:
        return _no_recipient(ctx, section, loc)
    items = ("(IV)(bb)", "(IV)(cc)", "(V)(bb)", "(V)(cc)", "(VI)(bb)", "(VI)(cc)", "(VI)(dd)")
    return ctx.any_of(ctx.each([(f"1182(a)(3)(B)(iv){m}", i) for m in items], MET))


SUPPORTING = {Role.SOLICITED_FUNDS, Role.SOLICITED_MEMBERS, Role.MATERIAL_SUPPORT}


def _no_recipient(ctx: Context, section, loc) -> Finding:
    """Each item of (IV)(bb)–(VI)(dd) is support given to, or solicited for, someone else: with
    no `support` recorded there is no recipient to place in a tier. The items are then decided
    at once, by the organization's part: none of them if its part (a complete list) was neither
    soliciting nor material support; open otherwise."""
    status, _, use, path = has(ctx, section, loc, "role", SUPPORTING)
    facts = [use] if use else []
    if status is NOT_MET:
        return ctx.finding(
            NOT_MET,
            "its part was neither soliciting for, nor giving material support to, another "
            "organization or individual",
            facts=facts,
        )
    support = f"{path.rsplit('.', 1)[0]}.support" if "." in path else "support"
    return ctx.finding(
        UNDETERMINED,
        "the incident records no support given to, or solicited for, another organization or "
        "individual (`support`), so there is no recipient to place in a tier of (vi)",
        facts=facts,
        missing=[support],
    )


# ---------------------------------------------------------------- 1996 → 2001: clause (iii)


composite(
    "1182(a)(3)(B)(iii)",
    "engage in terrorist activity (1990 text)",
    "To commit an act of terrorist activity, or an act that the actor knows or reasonably "
    "should know affords material support to anyone conducting a terrorist activity, including "
    "the five illustrative acts of (I)–(V). No intent qualifier; no tiers.",
    any_of=("1182(a)(3)(B)(iii)/terrorist-activity", "1182(a)(3)(B)(iii)/support"),
    since=AEDPA,
    until=PATRIOT_EVE,
    note='Before 26 October 2001, "engage in terrorist activity" was one general definition '
    "with illustrative acts. The profile's roles map onto it so: `committed` is committing an "
    "act of terrorist activity; `planned`/`prepared` (I); `gathered-target-information` (II); "
    "`material-support` the general support clause or (III); `solicited-funds` (IV); "
    "`solicited-individuals` (V). `incited` has no place in it: incitement was a ground of "
    'inadmissibility ((i)(III)), not a way to "engage".',
)


composite(
    "1182(a)(3)(B)(iii)/terrorist-activity",
    "engaged in this terrorist activity (1990 text)",
    "The act is a terrorist activity (clause (ii)), and the organization committed it, "
    "prepared or planned it (I), gathered information on its targets (II), solicited funds "
    "(IV) or individuals (V) for it, or knowingly afforded material support for it.",
    all_of=("1182(a)(3)(B)(ii)", "1182(a)(3)(B)(iii)/part"),
    since=AEDPA,
    until=PATRIOT_EVE,
)
composite(
    "1182(a)(3)(B)(iii)/part",
    "the organization's part (1990 text)",
    "Its part in the incident is one the 1990 definition names.",
    any_of=tuple(
        f"1182(a)(3)(B)(iii){p}"
        for p in ("/commit", "(I)", "(II)", "(IV)", "(V)", "/material-support")
    ),
    since=AEDPA,
    until=PATRIOT_EVE,
)


OLD = {"since": AEDPA, "until": PATRIOT_EVE}


_role_rule(
    "1182(a)(3)(B)(iii)/commit",
    "committed it",
    'To commit, "in an individual capacity or as a member of an organization", an act of '
    "terrorist activity: no intention to kill need be shown before 26 October 2001.",
    {Role.COMMITTED},
    "the organization committed it",
    "the organization did not commit it",
    infer_commit=True,
    **OLD,
)


_role_rule(
    "1182(a)(3)(B)(iii)(I)",
    "prepared or planned it (1990 text)",
    "The preparation or planning of a terrorist activity.",
    {Role.PREPARED, Role.PLANNED},
    "the organization prepared or planned it",
    "the organization neither prepared nor planned it",
    infer_plan=True,
    **OLD,
)


_role_rule(
    "1182(a)(3)(B)(iii)(II)",
    "gathered information on targets (1990 text)",
    "The gathering of information on potential targets for terrorist activity.",
    {Role.GATHERED_TARGET_INFORMATION},
    "the organization gathered information on its targets",
    "the organization did not gather information on targets",
    **OLD,
)
_role_rule(
    "1182(a)(3)(B)(iii)(IV)",
    "solicited funds for it (1990 text)",
    "The soliciting of funds or other things of value for terrorist activity.",
    {Role.SOLICITED_FUNDS},
    "the organization solicited funds for it",
    "the organization did not solicit funds for it",
    **OLD,
)
_role_rule(
    "1182(a)(3)(B)(iii)(V)",
    "solicited individuals for it (1990 text)",
    "The solicitation of any individual to engage in a terrorist activity.",
    {Role.SOLICITED_MEMBERS},
    "the organization solicited individuals to take part",
    "the organization did not solicit individuals for it",
    **OLD,
)
_role_rule(
    "1182(a)(3)(B)(iii)/afforded",
    "afforded material support (1990 text)",
    "It committed an act that afforded material support (a safe house, transportation, funds, "
    "weapons, explosives, training, …).",
    {Role.MATERIAL_SUPPORT},
    "the organization afforded material support",
    "the organization afforded no material support",
    **OLD,
)
rule(
    "1182(a)(3)(B)(iii)/knowingly",
    "knowing it affords material support (1990 text)",
    "An act which the actor knows, or reasonably should know, affords material support.",
    reads=("incidents[].support.knowingly",),
    **OLD,
)(_knowingly)


composite(
    "1182(a)(3)(B)(iii)/material-support",
    "knowingly afforded material support for it (1990 text)",
    "An act which the actor knows, or reasonably should know, affords material support to any "
    "individual, organization, or government in conducting a terrorist activity.",
    **OLD,
    all_of=("1182(a)(3)(B)(iii)/afforded", "1182(a)(3)(B)(iii)/knowingly"),
)


composite(
    "1182(a)(3)(B)(iii)/support",
    "support or solicitation for another (1990 text)",
    "The incident is the organization's support of another who conducts terrorist activity "
    "(the general clause, and (III)), or its soliciting of funds (IV) or members (V) for a "
    "terrorist organization.",
    any_of=tuple(
        f"1182(a)(3)(B)(iii){m}"
        for m in ("/material-support-to-others", "(III)", "(IV)/organization", "(V)/organization")
    ),
    **OLD,
)


@rule(
    "1182(a)(3)(B)(iii)/conducts-terrorist-activity",
    "the recipient conducts terrorist activity (1990 text)",
    "The individual, organization or government supported conducts terrorist activity "
    "(`support.to.commits_terrorist_acts`).",
    reads=("incidents[].support.to.commits_terrorist_acts",),
    **OLD,
)
def conducts_as_enacted(ctx: Context, i) -> Finding:
    return _engages(ctx, i)


@rule(
    "1182(a)(3)(B)(iii)/terrorist-organization",
    "a terrorist organization (1990 text)",
    'The recipient is a "terrorist organization", a term the 1990 text does not define: what '
    "counts is the `terrorist-organization-1990` reading.",
    reads=(
        "incidents[].support.to.designated_fto",
        "incidents[].support.to.commits_terrorist_acts",
    ),
    readings=("terrorist-organization-1990",),
    **OLD,
)
def terrorist_organization_as_enacted(ctx: Context, i) -> Finding:
    if ctx.reading("terrorist-organization-1990") == "designated-only":
        return _designated(ctx, i)
    designated, engages = _designated(ctx, i), _engages(ctx, i)
    status = any_of([designated.status, engages.status])
    chosen = designated if designated.status is status else engages
    return ctx.finding(
        status,
        chosen.reason,
        facts=[*designated.facts, *engages.facts],
        missing=[*designated.missing, *engages.missing] if status is not MET else [],
        would_meet=engages.would_meet if status is not MET else [],
    )


composite(
    "1182(a)(3)(B)(iii)/material-support-to-others",
    "material support to another conducting terrorist activity (1990 text)",
    "It knowingly afforded material support to an individual, organization or government "
    "that conducts terrorist activity.",
    **OLD,
    all_of=(
        "1182(a)(3)(B)(iii)/afforded",
        "1182(a)(3)(B)(iii)/knowingly",
        "1182(a)(3)(B)(iii)/conducts-terrorist-activity",
    ),
)


IIRIRA_EVE, IIRIRA = "1996-09-29", "1996-09-30"  # "false identification" → "… documentation …"


for _since, _until, _documents in (
    (AEDPA, IIRIRA_EVE, "false identification"),
    (IIRIRA, PATRIOT_EVE, "false documentation or identification"),
):
    composite(
        "1182(a)(3)(B)(iii)(III)",
        "material support to an individual (1990 text)",
        "The providing of any type of material support (a safe house, transportation, funds, "
        f"{_documents}, weapons, explosives, training, …) to any individual the actor knows or "
        "has reason to believe has committed or plans to commit a terrorist activity.",
        all_of=tuple(
            f"1182(a)(3)(B)(iii){m}" for m in ("/afforded", "(III)/individual", "(III)/knew")
        ),
        since=_since,
        until=_until,
        readings=("attribution",),
    )

rule(
    "1182(a)(3)(B)(iii)(III)/individual",
    "to an individual (1990 text)",
    "The support went to an individual (`support.to.kind`).",
    reads=("incidents[].support.to.kind",),
    **OLD,
)(_individual)
rule(
    "1182(a)(3)(B)(iii)(III)/knew",
    "who it knew commits terrorist activity (1990 text)",
    "The actor knows or has reason to believe that the individual has committed or plans to "
    "commit a terrorist activity.",
    reads=("incidents[].support.to.knew", "incidents[].support.to.commits_terrorist_acts"),
    **OLD,
)(lambda ctx, i: ctx.all_of([_engages(ctx, i), _knew(ctx, i)]))


composite(
    "1182(a)(3)(B)(iii)(IV)/organization",
    "solicited funds for a terrorist organization (1990 text)",
    "The soliciting of funds or other things of value for any terrorist organization.",
    all_of=("1182(a)(3)(B)(iii)(IV)", "1182(a)(3)(B)(iii)/terrorist-organization"),
    readings=("attribution",),
    **OLD,
)
composite(
    "1182(a)(3)(B)(iii)(V)/organization",
    "solicited members for a terrorist organization (1990 text)",
    "The solicitation of any individual for membership in a terrorist organization.",
    all_of=("1182(a)(3)(B)(iii)(V)", "1182(a)(3)(B)(iii)/terrorist-organization"),
    readings=("attribution",),
    **OLD,
)
