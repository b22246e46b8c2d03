"""8 U.S.C. § 1189(a)(1): the three findings on which the Secretary may designate.

    The Secretary is authorized to designate an organization as a foreign terrorist
    organization … if the Secretary finds that—
    (A) the organization is a foreign organization;
    (B) the organization engages in terrorist activity (as defined in section 1182(a)(3)(B) of
        this title or terrorism (as defined in section 2656f(d)(2) of title 22), or retains the
        capability and intent to engage in terrorist activity or terrorism); and
    (C) the terrorist activity or terrorism of the organization threatens the security of
        United States nationals or the national security of the United States.

(`fto-check explain 1189(a)(1)(B)` prints each clause verbatim, with its earlier versions.)

How (B) is parsed. The Code marks (B) "so in original": its first parenthesis never closes
where it should. We read it, as the Code's footnote suggests and the State Department states
the criteria, as three alternatives: the organization (1) engages in terrorist activity
(§ 1182(a)(3)(B)), or (2) engages in terrorism (§ 2656f(d)(2)), or (3) retains the capability
and intent to engage in either. Alternatives (2) and (3) were inserted by the USA PATRIOT Act
(Pub. L. 107-56, § 411(c)) on 26 October 2001; before that (B) had only (1).
"""

from __future__ import annotations

from datetime import date
from itertools import combinations

from fto_check.reasoning.engine import Context, rule
from fto_check.reasoning.findings import Change, FactUse, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of, from_bool, negate

AEDPA = "1996-04-24"  # Pub. L. 104-132, § 302(a): § 1189 enacted
PATRIOT_EVE, PATRIOT = "2001-10-25", "2001-10-26"  # Pub. L. 107-56, § 411(c)

US = "US"
# Where the acts the organization intends are judged, in place of an incident's index: the
# predicates of § 1182(a)(3)(B)(iii) and § 2656f(d)(2) read `intent` as they read an incident.
INTENT = "intent"


def incident_subject(i: int, incident) -> str:
    label = incident.id or f"#{i + 1}"
    return f"incident {label} ({incident.date})" if incident.date else f"incident {label}"


# ---------------------------------------------------------------- § 1189(a)(1)


@rule(
    "1189(a)(1)",
    "designation criteria",
    "The Secretary may designate an organization only on all three findings (A), (B) and (C).",
    since=AEDPA,
)
def designation_criteria(ctx: Context) -> Finding:
    criteria = [ctx.apply("1189(a)(1)(A)"), ctx.apply("1189(a)(1)(B)"), ctx.apply("1189(a)(1)(C)")]
    return ctx.all_of(criteria)


# ---------------------------------------------------------------- (A)


@rule(
    "1189(a)(1)(A)",
    "foreign organization",
    "The organization is a foreign organization: an organization, and a foreign one.",
    since=AEDPA,
)
def foreign_organization(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply("1189(a)(1)(A)/organization"), ctx.apply("1189(a)(1)(A)/foreign")])


@rule(
    "1189(a)(1)(A)/organization",
    "an organization",
    "It is a group of people acting together (not a lone individual) that still exists.",
    since=AEDPA,
    reads=("organization.is_group", "organization.dissolved"),
    readings=("dissolved-organization",),
)
def organization(ctx: Context) -> Finding:
    org, loc = ctx.profile.organization, ("organization",)
    group, group_use, group_path = ctx.fact(org, loc, "is_group")
    dissolved, dissolved_use, dissolved_path = ctx.fact(org, loc, "dissolved")
    facts = [u for u in (group_use, dissolved_use) if u]
    missing = [p for p, v in ((group_path, group), (dissolved_path, dissolved)) if v is None]

    exists = MET
    if dissolved is not False:  # the reading matters only if it has or may have dissolved
        if ctx.reading("dissolved-organization") == "not-an-organization":
            exists = negate(from_bool(dissolved))
        else:
            missing = [p for p in missing if p != dissolved_path]
    status = all_of([from_bool(group), exists])

    if group is False:
        reason = "it is a lone individual, not a group"
    elif status is NOT_MET:
        reason = "it has dissolved, and a dissolved group is no longer an organization"
    elif status is MET:
        reason = "a group of people acting together" + (
            ", dissolved but still an organization in law" if dissolved else ""
        )
    else:
        reason = "not known whether it is " + (
            "a group and still exists"
            if len(missing) > 1
            else "a group"
            if group is None
            else "still in existence (not dissolved)"
        )
    fix = [Change(group_path, True)] if group is not True else []
    if exists is not MET:
        fix.append(Change(dissolved_path, False))
    would = [fix] if status is not MET else []
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


def _abroad(country: str | None):
    return UNDETERMINED if country is None else (NOT_MET if country == US else MET)


def _pointing_abroad(ctx: Context, path: str) -> Change:
    """The change of one tie of the organization (a field of `foreign`) to point abroad."""
    if path.endswith(("organized_under_us_law", "members_principally_us_persons")):
        return Change(path, False)
    section, loc = ctx.profile.foreign, ("foreign",)
    named = [ctx.fact(section, loc, name)[0] for name in ("headquarters_in", "formed_in")]
    named += ctx.fact(section, loc, "operates_in")[0] or []
    # Suggest a country the profile already names; "XX" is ISO 3166's code for "unknown".
    elsewhere = next((c for c in named if c and c != US), "XX")
    if path.endswith("operates_in"):
        return Change(path, [elsewhere], "add", text="a country other than US")
    return Change(path, elsewhere, text="a country other than US")


@rule(
    "1189(a)(1)(A)/foreign",
    "foreign",
    "The organization is foreign rather than a US organization (what counts is a reading).",
    since=AEDPA,
    reads=(
        "foreign.headquarters_in",
        "foreign.organized_under_us_law",
        "foreign.formed_in",
        "foreign.operates_in",
        "foreign.members_principally_us_persons",
    ),
    readings=("foreign-test",),
)
def foreign(ctx: Context) -> Finding:
    section, loc = ctx.profile.foreign, ("foreign",)
    test = ctx.reading("foreign-test")
    hq, hq_use, hq_path = ctx.fact(section, loc, "headquarters_in")
    us_law, law_use, law_path = ctx.fact(section, loc, "organized_under_us_law")
    formed, formed_use, formed_path = ctx.fact(section, loc, "formed_in")

    if test == "base":
        parts = [(_abroad(hq), hq_use, hq_path), (negate(from_bool(us_law)), law_use, law_path)]
        met_reason = f"its leadership is based in {hq}, and it is not organized under US law"
    elif test == "formation":
        parts = [(_abroad(formed), formed_use, formed_path)]
        met_reason = f"it was formed in {formed}, outside the United States"
    elif test == "not-us-organized":
        parts = [(negate(from_bool(us_law)), law_use, law_path)]
        met_reason = "it is not organized under the laws of the United States"
    else:  # totality: most of its four ties point abroad
        ops, ops_use, ops_path = ctx.fact(section, loc, "operates_in")
        us_members, mem_use, mem_path = ctx.fact(section, loc, "members_principally_us_persons")
        operates_abroad = (
            UNDETERMINED if ops is None else MET if any(c != US for c in ops) else NOT_MET
        )
        parts = [
            (_abroad(formed), formed_use, formed_path),
            (_abroad(hq), hq_use, hq_path),
            (operates_abroad, ops_use, ops_path),
            (negate(from_bool(us_members)), mem_use, mem_path),
        ]
        abroad = sum(s is MET for s, _, _ in parts)
        open_ = sum(s is UNDETERMINED for s, _, _ in parts)
        status = MET if abroad >= 3 else NOT_MET if abroad + open_ < 3 else UNDETERMINED
        reason = (
            f"{abroad} of its 4 ties point abroad (formation, headquarters, operations, "
            f"membership); {open_} unknown; foreign needs at least 3"
        )
        home = [p for s, _, p in parts if s is not MET]
        would = [
            [_pointing_abroad(ctx, p) for p in ties]
            for ties in combinations(home, max(0, 3 - abroad))
        ]
        return ctx.finding(
            status,
            reason,
            facts=[u for _, u, _ in parts if u],
            missing=[p for s, u, p in parts if u is None],
            would_meet=would if status is not MET else [],
        )

    status = all_of(s for s, _, _ in parts)
    facts = [u for _, u, _ in parts if u]
    missing = [p for s, u, p in parts if u is None]
    if status is MET:
        reason = met_reason
    elif status is NOT_MET:
        reason = "it is a US organization: " + "; ".join(
            {
                hq_path: "its leadership is in the United States",
                law_path: "it is organized under US law",
                formed_path: "it was formed in the United States",
            }[p]
            for s, _, p in parts
            if s is NOT_MET
        )
    else:
        reason = "not known where it is based or organized"
    would = [[_pointing_abroad(ctx, p) for s, _, p in parts if s is not MET]]
    return ctx.finding(
        status, reason, facts=facts, missing=missing, would_meet=would if status is not MET else []
    )


# ---------------------------------------------------------------- (B)


@rule(
    "1189(a)(1)(B)",
    "engages in terrorist activity",
    "The organization engages in terrorist activity as defined in § 1182(a)(3)(B).",
    since=AEDPA,
    until=PATRIOT_EVE,
)
def terrorist_activity_criterion_as_enacted(ctx: Context) -> Finding:
    return ctx.any_of(
        [ctx.apply("1189(a)(1)(B)/terrorist-activity")],
        notes=[
            "Before 26 October 2001, (B) had one route: terrorist activity under "
            "§ 1182(a)(3)(B). The USA PATRIOT Act (Pub. L. 107-56, § 411(c)) added terrorism "
            "under § 2656f(d)(2) and retained capability and intent."
        ],
    )


@rule(
    "1189(a)(1)(B)",
    "engages in terrorist activity or terrorism, or retains the capability and intent",
    "The organization engages in terrorist activity (§ 1182(a)(3)(B)) or "
    "terrorism (§ 2656f(d)(2)), or retains the capability and intent to engage in either.",
    since=PATRIOT,
)
def terrorist_activity_criterion(ctx: Context) -> Finding:
    return ctx.any_of(
        [
            ctx.apply("1189(a)(1)(B)/terrorist-activity"),
            ctx.apply("1189(a)(1)(B)/terrorism"),
            ctx.apply("1189(a)(1)(B)/capability-and-intent"),
        ]
    )


def _over_incidents(ctx: Context, per_incident: str, what: str) -> Finding:
    incidents = ctx.profile.incidents
    # With no incident to change, what would meet it is a new one (whynot.py works out its facts).
    new = [[Change("incidents[+]", {}, text="a new incident")]]
    if incidents is None:
        return ctx.finding(
            UNDETERMINED,
            f"no incidents are given, so {what} cannot be decided",
            missing=["incidents"],
            would_meet=new,
        )
    if not incidents:
        use = ctx.fact(ctx.profile, (), "incidents")[1]  # where the profile says "none known"
        return ctx.finding(
            NOT_MET,
            "no incidents are known (incidents: [])",
            combine="any-of",
            facts=[use],
            would_meet=new,
        )
    return ctx.any_of([ctx.apply(per_incident, i) for i in range(len(incidents))])


@rule(
    "1189(a)(1)(B)/terrorist-activity",
    "engages in terrorist activity",
    "At least one current incident is terrorist activity (§ 1182(a)(3)(B)(iii)) in which the "
    "organization engaged (§ 1182(a)(3)(B)(iv)).",
    since=AEDPA,
    reads=("incidents",),
)
def engages_in_terrorist_activity(ctx: Context) -> Finding:
    return _over_incidents(ctx, "1182(a)(3)(B)(iv)", "terrorist activity")


@rule(
    "1189(a)(1)(B)/terrorism",
    "engages in terrorism",
    "At least one current incident is terrorism as defined in § 2656f(d)(2), perpetrated by "
    "the organization.",
    since=PATRIOT,
    reads=("incidents",),
)
def engages_in_terrorism(ctx: Context) -> Finding:
    return _over_incidents(ctx, "2656f(d)(2)", "terrorism")


@rule(
    "1189(a)(1)(B)/present",
    "engages now",
    'The incident is recent enough, as of `as_of`, for the organization to "engage" in it '
    "(present tense; how recent is a reading).",
    since=AEDPA,
    reads=("incidents[].date",),
    readings=("engages-recency",),
)
def present(ctx: Context, i: int) -> Finding:
    incident = ctx.profile.incidents[i]
    when, use, path = ctx.fact(incident, ("incidents", i), "date")
    window = ctx.reading("engages-recency")
    years = 0 if window == "any-time" else int(window.split("-")[0])
    start = _years_before(ctx.as_of, years) if years else None
    span = f"from {start} to {ctx.as_of}" if start else f"on or before {ctx.as_of}"
    fix = [[Change(path, ctx.as_of.isoformat(), text=f"a date {span}")]]
    if when is None:
        if window == "any-time":
            return ctx.finding(MET, "any past incident counts, whatever its date")
        return ctx.finding(UNDETERMINED, "its date is not given", missing=[path], would_meet=fix)
    if when.first > ctx.as_of:
        return ctx.finding(
            NOT_MET, f"it happened after as_of ({ctx.as_of})", facts=[use], would_meet=fix
        )
    if start is None:
        return ctx.finding(MET, "any past incident counts", facts=[use])
    if when.first >= start and when.last <= ctx.as_of:
        return ctx.finding(MET, f"within the {years} years before {ctx.as_of}", facts=[use])
    if when.last < start:
        return ctx.finding(
            NOT_MET, f"more than {years} years before {ctx.as_of}", facts=[use], would_meet=fix
        )
    return ctx.finding(
        UNDETERMINED,
        f"its date ({when}) straddles the start of the {years}-year "
        f"window ({start}); give the exact date",
        facts=[use],
        missing=[path],
        would_meet=fix,
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


@rule(
    "1189(a)(1)(B)/capability-and-intent",
    "retains the capability and intent",
    "It retains both the capability and the intent to engage in terrorist activity or "
    "terrorism, even without a recent incident.",
    since=PATRIOT,
)
def capability_and_intent(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply("1189(a)(1)(B)/capability"), ctx.apply("1189(a)(1)(B)/intent")])


def _any_fact(ctx: Context, section_name: str, names: dict[str, str], *, what: str) -> Finding:
    """A leaf met if any of several yes/no facts is true (Kleene OR over them)."""
    section, loc = getattr(ctx.profile, section_name), (section_name,)
    values = [(label, *ctx.fact(section, loc, name)) for name, label in names.items()]
    status = any_of(from_bool(v) for _, v, _, _ in values)
    facts = [u for _, _, u, _ in values if u]
    yes = [label for label, v, _, _ in values if v]
    if status is MET:
        reason = "it has " + ", ".join(yes) if section_name == "capability" else ", ".join(yes)
    elif status is NOT_MET:
        reason = (
            f"none of {', '.join(names.values())}"
            if section_name == "capability"
            else "none of these is so: " + "; ".join(names.values())
        )
    else:
        reason = f"{what} is not established: nothing shown and some facts are not given"
    missing = [p for _, v, _, p in values if v is None] if status is not MET else []
    would = [[Change(p, True)] for _, v, _, p in values if not v] if status is not MET else []
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


@rule(
    "1189(a)(1)(B)/capability",
    "capability",
    "As of `as_of` it has the means to engage in terrorist activity: armed members, weapons, "
    "explosives or funds.",
    since=PATRIOT,
    reads=(
        "capability.armed_members",
        "capability.weapons",
        "capability.explosives",
        "capability.funds",
    ),
)
def capability(ctx: Context) -> Finding:
    return _any_fact(
        ctx,
        "capability",
        {
            "armed_members": "armed members",
            "weapons": "weapons",
            "explosives": "explosives",
            "funds": "funds",
        },
        what="capability",
    )


@rule(
    "1189(a)(1)(B)/intent",
    "intent",
    "As of `as_of` it means to engage in terrorist activity or terrorism: it shows an intent "
    "to attack, and what it intends would be terrorist activity or terrorism.",
    since=PATRIOT,
)
def intent(ctx: Context) -> Finding:
    # "The capability and intent to engage in terrorist activity or terrorism": an intent to do
    # violence is not enough; its object must be terrorist activity or terrorism.
    return ctx.all_of(
        [ctx.apply("1189(a)(1)(B)/intent-shown"), ctx.apply("1189(a)(1)(B)/intended-activity")]
    )


THREAT_BOUNDARY = (
    "Boundary: a public threat may itself be terrorist activity, since § 1182(a)(3)(B)(iii)(VI) "
    'covers "a threat, attempt, or conspiracy to do any of the foregoing". To have a threat '
    "judged so, record it as an incident with `threatened: [...]`."
)


@rule(
    "1189(a)(1)(B)/intent-shown",
    "an intent to attack, shown",
    "As of `as_of` it shows an intent to attack: public threats of violence, plots, or violent "
    "stated aims.",
    since=PATRIOT,
    reads=("intent.public_threats", "intent.plots", "intent.stated_aims_violent"),
)
def intent_shown(ctx: Context) -> Finding:
    finding = _any_fact(
        ctx,
        "intent",
        {
            "public_threats": "it publicly threatens violence",
            "plots": "it is plotting attacks",
            "stated_aims_violent": "its stated aims call for violence",
        },
        what="intent",
    )
    if any(f.path == "intent.public_threats" and f.value is True for f in finding.facts):
        finding.notes = [*finding.notes, THREAT_BOUNDARY]
    return finding


@rule(
    "1189(a)(1)(B)/intended-activity",
    "what it intends is terrorist activity or terrorism",
    "The acts it intends would be terrorist activity (of a kind in § 1182(a)(3)(B)(iii)(I)–(V); "
    "a weapon other than for mere personal monetary gain) or terrorism (politically motivated "
    "violence, § 2656f(d)(2)).",
    since=PATRIOT,
)
def intended_activity(ctx: Context) -> Finding:
    return ctx.any_of(
        [
            ctx.apply("1189(a)(1)(B)/intended-terrorist-activity"),
            ctx.apply("1189(a)(1)(B)/intended-terrorism"),
        ]
    )


INTENDED_KINDS = (
    "1182(a)(3)(B)(iii)(I)",
    "1182(a)(3)(B)(iii)(II)",
    "1182(a)(3)(B)(iii)(III)",
    "1182(a)(3)(B)(iii)(IV)",
    "1182(a)(3)(B)(iii)(V)/use",
)


@rule(
    "1189(a)(1)(B)/intended-terrorist-activity",
    "intends terrorist activity",
    "An act it intends is of a kind listed in § 1182(a)(3)(B)(iii)(I)–(V), a weapon only if "
    "other than for mere personal monetary gain (the same predicates and reading as incidents).",
    since=PATRIOT,
    reads=("intent.intended_acts", "intent.motives"),
)
def intended_terrorist_activity(ctx: Context) -> Finding:
    # An intended act is judged by its kind, with the (V)(b) carve-out. Unlawfulness and (V)'s
    # "intent to endanger" are elements of an act done; an intended attack carries both.
    return ctx.any_of(
        [ctx.apply(kind, INTENT, "intended_acts") for kind in INTENDED_KINDS],
        subject="the acts it intends",
    )


@rule(
    "1189(a)(1)(B)/intended-terrorism",
    "intends terrorism",
    "The violence it intends is politically motivated, as § 2656f(d)(2) requires of terrorism.",
    since=PATRIOT,
    reads=("intent.motives",),
)
def intended_terrorism(ctx: Context) -> Finding:
    return ctx.all_of(
        [ctx.apply("2656f(d)(2)/politically-motivated", INTENT)],
        subject="the violence it intends",
    )


# ---------------------------------------------------------------- (C)


def _criterion_c(ctx: Context, notes: list[str]) -> Finding:
    derived = ctx.any_of(
        [
            ctx.apply("1189(a)(1)(C)/us-nationals-harmed"),
            ctx.apply("1189(a)(1)(C)/us-nationals"),
            ctx.apply("1189(a)(1)(C)/national-security"),
        ],
        notes=notes,
    )
    threat = ctx.profile.threat_to_us
    finding = threat.secretary_finding if threat else None
    if finding is None:
        return derived
    # The (C) finding is the Secretary's foreign-policy judgment, which courts have declined to
    # review (PMOI v. Dep't of State, 182 F.3d 17 (D.C. Cir. 1999)); a profile may assert it.
    status = MET if finding.threatens else NOT_MET
    loc = ("threat_to_us", "secretary_finding")
    line, col, sources = ctx.provenance_of(loc, finding.sources)
    use = FactUse(
        "threat_to_us.secretary_finding",
        {
            "threatens": finding.threatens,
            "date": finding.date.isoformat() if finding.date else None,
        },
        line,
        col,
        sources,
    )
    on = f" of {finding.date}" if finding.date else ""
    reason = (
        f"{status.label} on the Secretary's asserted finding{on}; on the facts alone the "
        f"checker finds it {derived.status.label}"
    )
    reverse = Change("threat_to_us.secretary_finding.threatens", True)
    would = [[reverse]] if status is NOT_MET else []
    return ctx.finding(
        status,
        reason,
        combine="any-of",
        basis="asserted",
        facts=[use],
        children=derived.children,
        would_meet=would,
        notes=[
            *notes,
            "Courts have treated the (C) finding as the Secretary's "
            "judgment, not reviewable (PMOI v. Dep't of State, 182 F.3d 17 "
            "(D.C. Cir. 1999)).",
        ],
    )


@rule(
    "1189(a)(1)(C)",
    "threatens US nationals or US national security",
    "The organization's terrorist activity threatens the security of US nationals or the "
    "national security of the United States.",
    since=AEDPA,
    until=PATRIOT_EVE,
)
def threat_criterion_as_enacted(ctx: Context) -> Finding:
    return _criterion_c(
        ctx,
        [
            'Before 26 October 2001, (C) looked only to "the terrorist '
            'activity of the organization"; "or terrorism" was added by '
            "Pub. L. 107-56, § 411(c)."
        ],
    )


@rule(
    "1189(a)(1)(C)",
    "threatens US nationals or US national security",
    "The organization's terrorist activity or terrorism threatens the security of US "
    "nationals or the national security of the United States.",
    since=PATRIOT,
)
def threat_criterion(ctx: Context) -> Finding:
    return _criterion_c(ctx, [])


def _qualifying(ctx: Context, i: int):
    """Whether incident i is the organization's current terrorist activity (or terrorism)."""
    routes = [ctx.apply("1182(a)(3)(B)(iv)", i).status]
    if "1189(a)(1)(B)/terrorism" in _routes_in_force(ctx):
        routes.append(ctx.apply("2656f(d)(2)", i).status)
    return any_of(routes)


def _routes_in_force(ctx: Context) -> set[str]:
    b = ctx.apply("1189(a)(1)(B)")
    return {child.rule for child in b.children}


@rule(
    "1189(a)(1)(C)/us-nationals-harmed",
    "its terrorist activity harmed US nationals",
    "An incident that is the organization's current terrorist activity (or terrorism) "
    "killed, injured, kidnapped or targeted US nationals.",
    since=AEDPA,
    reads=("incidents[].us_nationals_harmed",),
)
def us_nationals_harmed(ctx: Context) -> Finding:
    incidents = ctx.profile.incidents
    if incidents is None:
        return ctx.finding(UNDETERMINED, "no incidents are given", missing=["incidents"])
    parts, facts, missing, hits, would = [], [], [], [], []
    for i, incident in enumerate(incidents):
        harmed, use, path = ctx.fact(incident, ("incidents", i), "us_nationals_harmed")
        qualifies = _qualifying(ctx, i)
        parts.append(all_of([qualifies, from_bool(harmed)]))
        if use:
            facts.append(use)
        elif qualifies is not NOT_MET:
            missing.append(path)
        if parts[-1] is MET:
            hits.append(incident_subject(i, incident))
        elif qualifies is MET:  # harm to US nationals in an incident that counts would do
            would.append([Change(path, True)])
    status = any_of(parts)
    if status is MET:
        reason = f"US nationals were harmed in {', '.join(hits)}"
    elif status is NOT_MET:
        reason = (
            "no incident that counts under (B) harmed US nationals"
            if incidents
            else "no incidents are known"
        )
    else:
        reason = "not known whether its terrorist activity harmed US nationals"
    if status is MET:
        missing, would = [], []
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


@rule(
    "1189(a)(1)(C)/threat-origin",
    "from its terrorist activity",
    "The threat comes from the organization's terrorist activity or terrorism (what else "
    "counts is a reading).",
    since=AEDPA,
    reads=("threat_to_us.arises_from",),
    readings=("threat-origin",),
)
def threat_origin(ctx: Context) -> Finding:
    threat, loc = ctx.profile.threat_to_us, ("threat_to_us",)
    if ctx.reading("threat-origin") == "all-activities":
        return ctx.finding(MET, "any of its activities counts on this reading")
    origins, use, path = ctx.fact(threat, loc, "arises_from")
    counted = {"terrorist-activity"} | (
        {"terrorism"} if "1189(a)(1)(B)/terrorism" in _routes_in_force(ctx) else set()
    )
    fix = [[Change(path, ["terrorist-activity"], "add")]]
    if origins is None:
        return ctx.finding(
            UNDETERMINED,
            "not known which of its activities the threat comes from",
            missing=[path],
            would_meet=fix,
        )
    found = sorted(counted & {o.value for o in origins})
    if found:
        return ctx.finding(MET, f"the threat comes from its {_words(found, ' and ')}", facts=[use])
    others = _words([o.value for o in origins], ", ") or "nothing listed"
    return ctx.finding(
        NOT_MET,
        f"the threat comes from its {others}, not from its {_words(sorted(counted), ' or ')}",
        facts=[use],
        would_meet=fix,
    )


def _words(values: list[str], sep: str) -> str:
    """Profile values said in prose: `drug-trafficking` reads 'drug trafficking'."""
    return sep.join(v.replace("-", " ") for v in values)


@rule(
    "1189(a)(1)(C)/us-nationals",
    "threatens the security of US nationals",
    "Its terrorist activity threatens the security of United States nationals.",
    since=AEDPA,
    reads=("threat_to_us.us_nationals",),
)
def us_nationals(ctx: Context) -> Finding:
    threatened = ctx.apply("1189(a)(1)(C)/us-nationals-threatened")
    return ctx.all_of([threatened, ctx.apply("1189(a)(1)(C)/threat-origin")])


@rule(
    "1189(a)(1)(C)/us-nationals-threatened",
    "US nationals threatened",
    "The organization's activity threatens the security of US nationals.",
    since=AEDPA,
    reads=("threat_to_us.us_nationals",),
)
def us_nationals_threatened(ctx: Context) -> Finding:
    return ctx.boolean(
        ctx.profile.threat_to_us,
        ("threat_to_us",),
        "us_nationals",
        yes="it threatens the security of US nationals",
        no="it does not threaten the security of US nationals",
    )


@rule(
    "1189(a)(1)(C)/national-security",
    "threatens US national security",
    "Its terrorist activity threatens the national security of the United States, i.e. its "
    "national defense, foreign relations or economic interests (§ 1189(d)(2)).",
    since=AEDPA,
)
def national_security(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply("1189(d)(2)"), ctx.apply("1189(a)(1)(C)/threat-origin")])


@rule(
    "1189(d)(2)",
    "national security",
    '"National security" means the national defense, foreign relations, or economic '
    "interests of the United States: a threat to any one suffices.",
    since=AEDPA,
    reads=(
        "threat_to_us.national_defense",
        "threat_to_us.foreign_relations",
        "threat_to_us.economic_interests",
    ),
)
def national_security_defined(ctx: Context) -> Finding:
    return _any_fact(
        ctx,
        "threat_to_us",
        {
            "national_defense": "it threatens US national defense",
            "foreign_relations": "it threatens US foreign relations",
            "economic_interests": "it threatens US economic interests",
        },
        what="a threat to national security",
    )
