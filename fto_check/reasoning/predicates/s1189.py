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

from fto_check.profile.model import INTENDED_ACT_FACTS, Decision, USTarget
from fto_check.reasoning.engine import Context, Dated, complete, composite, rule
from fto_check.reasoning.evidence import (
    DISARMED,
    INTENT,
    NOT_US_ORGANIZED,
    RENOUNCED,
    incident_subject,
    may_infer,
)
from fto_check.reasoning.findings import Change, FactUse, Finding
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of, from_bool, negate
from fto_check.reasoning.predicates.s1182 import ENGAGE, defining

AEDPA = "1996-04-24"  # Pub. L. 104-132, § 302(a): § 1189 enacted
PATRIOT_EVE, PATRIOT = "2001-10-25", "2001-10-26"  # Pub. L. 107-56, § 411(c)
IRTPA_EVE, IRTPA = "2004-12-16", "2004-12-17"  # Pub. L. 108-458, § 7119: (c) relettered (d)

# The definition of "national security": § 1189(c)(2) until IRTPA relettered it (d)(2).
NATIONAL_SECURITY = Dated((AEDPA, "1189(c)(2)"), (IRTPA, "1189(d)(2)"))

US = "US"
# "United States", used in a geographical sense, includes Puerto Rico, Guam, the Virgin Islands
# and the Northern Mariana Islands (8 U.S.C. § 1101(a)(38)); American Samoa and Swains Island
# are its "outlying possessions" (§ 1101(a)(29)), and the minor outlying islands are US
# territory too. A group based in any of them is not based outside the United States.
US_SOIL = frozenset({"US", "PR", "GU", "VI", "MP"})
US_POSSESSIONS = frozenset({"AS", "UM"})


# ---------------------------------------------------------------- § 1189(a)(1)


composite(
    "1189(a)(1)",
    "designation criteria",
    "The Secretary may designate an organization only on all three findings (A), (B) and (C).",
    all_of=("1189(a)(1)(A)", "1189(a)(1)(B)", "1189(a)(1)(C)"),
    since=AEDPA,
    every=True,  # each criterion is reported, even where another already fails
)


# ---------------------------------------------------------------- (A)


composite(
    "1189(a)(1)(A)",
    "foreign organization",
    "The organization is a foreign organization: an organization, and a foreign one.",
    all_of=("1189(a)(1)(A)/organization", "1189(a)(1)(A)/foreign"),
    since=AEDPA,
)


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
    if country is None:
        return UNDETERMINED
    return NOT_MET if country in US_SOIL or country in US_POSSESSIONS else MET


def _where(country: str) -> str:
    """How a report names a place the organization is tied to."""
    if country == US:
        return "the United States"
    if country in US_SOIL - {US}:
        return f"{country}, part of the United States (8 U.S.C. § 1101(a)(38))"
    if country in US_POSSESSIONS:
        return f"{country}, a possession of the United States (8 U.S.C. § 1101(a)(29))"
    return country


def _pointing_abroad(ctx: Context, path: str) -> Change:
    """The change of one tie of the organization (a field of `foreign`) to point abroad."""
    if path.endswith(("organized_under_us_law", "members_principally_us_persons")):
        return Change(path, False)
    section, loc = ctx.profile.foreign, ("foreign",)
    named = [ctx.fact(section, loc, name)[0] for name in ("headquarters_in", "formed_in")]
    named += ctx.fact(section, loc, "operates_in")[0] or []
    # Suggest a country the profile already names; "XX" is ISO 3166's code for "unknown".
    elsewhere = next((c for c in named if c and _abroad(c) is MET), "XX")
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
    drawn = []
    if (
        us_law is None
        and _abroad(hq) is MET
        and _abroad(formed) is MET
        and test in ("base", "not-us-organized")
        and may_infer(ctx)
    ):  # formed and led abroad: not incorporated or registered in the US, unless recorded
        us_law, law_use = False, formed_use
        drawn = [NOT_US_ORGANIZED.drawn(law_path, False)]

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
            UNDETERMINED if ops is None else MET if any(_abroad(c) is MET for c in ops) else NOT_MET
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
        # Only ties the record leaves open: where it was formed or is led is a matter of
        # record, and moving it abroad is no way to meet (A).
        home = [p for s, _, p in parts if s is UNDETERMINED]
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
    facts = list({id(u): u for _, u, _ in parts if u}.values())
    missing = [p for s, u, p in parts if u is None]
    if status is MET:
        reason = met_reason + (f" (inferred, `{NOT_US_ORGANIZED.id}`)" if drawn else "")
    elif status is NOT_MET:
        reason = "it is a US organization: " + "; ".join(
            {
                hq_path: f"its leadership is in {_where(hq)}" if hq else "",
                law_path: "it is organized under US law",
                formed_path: f"it was formed in {_where(formed)}" if formed else "",
            }[p]
            for s, _, p in parts
            if s is NOT_MET
        )
    else:
        unknown = [p for s, _, p in parts if s is UNDETERMINED]
        reason = (
            "not known whether it is organized under US law"
            if unknown == [law_path]
            else "not known where it is based"
            if unknown == [hq_path]
            else "not known where it is based or organized"
        )
    # A tie the record gives (led from the US, organized under US law) is a matter of record: no
    # change of it is proposed. What is proposed is a tie the record leaves open.
    would = (
        [[_pointing_abroad(ctx, p) for s, _, p in parts if s is not MET]]
        if all(s is not NOT_MET for s, _, _ in parts)
        else []
    )
    return ctx.finding(
        status,
        reason,
        facts=facts,
        missing=missing,
        would_meet=would if status is not MET else [],
        inferred=drawn or None,
    )


# ---------------------------------------------------------------- the Secretary's findings


def asserted_finding(ctx: Context, letter: str):
    """The Secretary's published finding on criterion `letter` in force on the date judged, and
    where it is in the profile: the latest finding on it dated on or before that day, unless a
    revocation since then stated none (a revocation ends the designation's findings)."""
    findings = sorted(
        (
            (f.date, ("secretary_findings", n), f)
            for n, f in enumerate(ctx.profile.secretary_findings)
            if f.date <= ctx.as_of
        ),
        key=lambda item: item[0],
        reverse=True,
    )
    for _, loc, finding in findings:
        if _lapsed(finding, ctx.as_of):
            return None  # the latest decision's term ran out: nothing found stands
        stated = getattr(finding, letter)
        if stated is not None:
            return finding, loc, MET if stated == "met" else NOT_MET
        if finding.decision in (Decision.REVOCATION, Decision.LAPSE):
            return None
    legacy = ctx.profile.threat_to_us.secretary_finding if ctx.profile.threat_to_us else None
    if letter == "C" and legacy is not None and (legacy.date is None or legacy.date <= ctx.as_of):
        return legacy, ("threat_to_us", "secretary_finding"), MET if legacy.threatens else NOT_MET
    return None


def ended_finding(ctx: Context, letter: str) -> str | None:
    """Where no finding of the Secretary on `letter` stands: a note saying how the last one
    stated came to an end (a revocation, or a term that ran out), if there was one."""
    ended = None
    for finding in sorted(ctx.profile.secretary_findings, key=lambda f: f.date, reverse=True):
        if finding.date > ctx.as_of:
            continue
        if ended is None and _lapsed(finding, ctx.as_of):
            ended = f"its two-year term ran out ({finding.decision.value} of {finding.date})"
        elif ended is None and finding.decision in (Decision.REVOCATION, Decision.LAPSE):
            ended = f"the {finding.decision.value} of {finding.date} ended it"
        stated = getattr(finding, letter)
        if stated is not None and ended is not None:
            said = "met" if stated == "met" else "not met"
            return (
                f"The Secretary's finding of {finding.date} ({finding.decision.value}) that "
                f"({letter}) is {said} no longer stands: {ended}. ({letter}) is judged on the "
                "facts."
            )
    return None


def _lapsed(finding, day: date) -> bool:
    """Whether a designation's term ran out by `day`: until IRTPA (2004-12-17) a designation or
    redesignation was "effective … for a period of 2 years" (§ 1189(a)(4)(A), 1996 text); one
    still in its term that day continued until revoked (§ 1189(a)(4)(A) as amended)."""
    if finding.decision not in (Decision.DESIGNATION, Decision.REDESIGNATION):
        return False
    end = _years_after(finding.date, 2)  # the first day it no longer has effect
    return end < date.fromisoformat(IRTPA) and day >= end


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _on_the_finding(ctx: Context, letter: str, derived: Finding, notes: list[str]) -> Finding:
    """The criterion as the Secretary found it, where a published finding is in force; the
    checker's reasoning on the facts is kept below it and named in the reason."""
    found = asserted_finding(ctx, letter)
    if found is None:
        ended = ended_finding(ctx, letter) if ctx.profile.secretary_findings else None
        if ended:
            derived.notes = [*derived.notes, ended]
        return derived
    finding, loc, status = found
    line, col, sources = ctx.provenance_of(loc, finding.sources)
    decision = getattr(finding, "decision", None)
    citation = getattr(finding, "citation", None)
    value = {"date": finding.date.isoformat() if finding.date else None, letter: status.value}
    if decision is not None:
        value["decision"] = decision.value
    use = FactUse(
        ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "["),
        value,
        line,
        col,
        sources,
    )
    on = f" of {finding.date}" if finding.date else ""
    what = f" ({decision.value}{', ' + citation if citation else ''})" if decision else ""
    reason = (
        f"{status.label} on the Secretary's asserted finding{on}{what}; on the facts alone the "
        f"checker finds it {derived.status.label}"
    )
    # Only a finding reverses a finding: what would meet it is the Secretary's, not the facts.
    would = []
    if status is NOT_MET:
        legacy = loc == ("threat_to_us", "secretary_finding")
        reverse = (
            Change(f"{use.path}.threatens", True)
            if legacy
            else Change(
                f"{use.path}.{letter}", "met", text="a finding of the Secretary that it is met"
            )
        )
        would = [[reverse]]
    return ctx.finding(
        status,
        reason,
        combine=derived.combine,
        basis="asserted",
        facts=[use],
        children=derived.children,
        would_meet=would,
        notes=[
            *notes,
            *derived.notes,
            "An asserted finding is the Secretary's, shown apart from the facts: the record of a "
            "decision is not evidence of the criteria.",
        ],
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
    note = (
        "Before 26 October 2001, (B) had one route: terrorist activity under § 1182(a)(3)(B). "
        "The USA PATRIOT Act (Pub. L. 107-56, § 411(c)) added terrorism under § 2656f(d)(2) and "
        "retained capability and intent."
    )
    derived = ctx.any_of([ctx.apply("1189(a)(1)(B)/terrorist-activity")], notes=[note])
    return _on_the_finding(ctx, "B", derived, [])


@rule(
    "1189(a)(1)(B)",
    "engages in terrorist activity or terrorism, or retains the capability and intent",
    "The organization engages in terrorist activity (§ 1182(a)(3)(B)) or "
    "terrorism (§ 2656f(d)(2)), or retains the capability and intent to engage in either.",
    since=PATRIOT,
)
def terrorist_activity_criterion(ctx: Context) -> Finding:
    derived = ctx.any_of(
        [
            ctx.apply("1189(a)(1)(B)/terrorist-activity"),
            ctx.apply("1189(a)(1)(B)/terrorism"),
            ctx.apply("1189(a)(1)(B)/capability-and-intent"),
        ]
    )
    return _on_the_finding(ctx, "B", derived, [])


def _window_start(ctx: Context) -> date | None:
    years = YEARS[ctx.reading("engages-recency")]
    return _years_before(ctx.as_of, years) if years else None


def _no_others(ctx: Context) -> tuple[bool, list[FactUse], str]:
    """Whether the record excludes acts it does not list, in the window judged: `incidents: []`,
    a quiet period or a complete list since before the window began. (covered?, uses, path)"""
    if ctx.profile.incidents == []:
        return True, [ctx.fact(ctx.profile, (), "incidents")[1]], "incidents"
    start = _window_start(ctx)
    conduct, loc = ctx.profile.conduct, ("conduct",)
    quiet, quiet_use, quiet_path = ctx.fact(conduct, loc, "quiet_since")
    listed, listed_use, _ = ctx.fact(conduct, loc, "all_incidents_since")
    for since, use in ((quiet, quiet_use), (listed, listed_use)):
        if since is not None and start is not None and since <= start:
            return True, [use], quiet_path
    return False, [], quiet_path


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
        use = ctx.fact(ctx.profile, (), "incidents")[1]  # where the profile says "none"
        return ctx.finding(
            NOT_MET,
            "there were no incidents (incidents: [])",
            combine="any-of",
            facts=[use],
            would_meet=new,
        )
    found = ctx.any_of(ctx.each([(per_incident, i) for i in range(len(incidents))], MET))
    if found.status is not NOT_MET:
        return found
    covered, uses, path = _no_others(ctx)
    if covered:
        found.facts = uses
        found.reason = f"none of the incidents is {what}, and the record excludes others"
        return found
    found.status = UNDETERMINED
    found.reason = (
        f"none of the incidents recorded is {what}, and the record does not say there were no "
        "others: record a quiet period (`conduct.quiet_since`) or that the list is complete "
        "(`conduct.all_incidents_since`)"
    )
    found.missing = [path]
    return found


@rule(
    "1189(a)(1)(B)/terrorist-activity",
    "engages in terrorist activity",
    "At least one current incident is terrorist activity in which the organization engaged, "
    "as § 1182(a)(3)(B) defines both on the day judged.",
    since=AEDPA,
    reads=("incidents",),
)
def engages_in_terrorist_activity(ctx: Context) -> Finding:
    return _over_incidents(
        ctx, "1189(a)(1)(B)/engages-in-terrorist-activity", "current terrorist activity"
    )


@rule(
    "1189(a)(1)(B)/engages-in-terrorist-activity",
    "engages in it now",
    "The incident is recent enough for the organization still to engage in it, and it engaged "
    "in terrorist activity by it (§ 1182(a)(3)(B)(iv); before 2001-10-26, (iii)).",
    since=AEDPA,
)
def engages_now(ctx: Context, i: int) -> Finding:
    return _now(ctx, i, defining(ctx, ENGAGE))


def _now(ctx: Context, i: int, engaged: str) -> Finding:
    """Incident i is recent enough, and the rule `engaged` holds of it."""
    return ctx.all_of(
        ctx.each([("1189(a)(1)(B)/present", i), (engaged, i)], NOT_MET),
        subject=incident_subject(i, ctx.profile.incidents[i]),
    )


@rule(
    "1189(a)(1)(B)/terrorism",
    "engages in terrorism",
    "At least one current incident is terrorism as defined in § 2656f(d)(2), perpetrated by "
    "the organization.",
    since=PATRIOT,
    reads=("incidents",),
)
def engages_in_terrorism(ctx: Context) -> Finding:
    return _over_incidents(ctx, "1189(a)(1)(B)/engages-in-terrorism", "current terrorism")


@rule(
    "1189(a)(1)(B)/engages-in-terrorism",
    "engages in it now",
    "The incident is recent enough for the organization still to engage in it, and it is "
    "terrorism under § 2656f(d)(2).",
    since=PATRIOT,
)
def terrorism_now(ctx: Context, i: int) -> Finding:
    return _now(ctx, i, "2656f(d)(2)")


YEARS = {"5-years": 5, "2-years": 2, "any-time": 0}


@rule(
    "1189(a)(1)(B)/present",
    "engages now",
    'The incident is recent enough, on the day judged, for the organization to "engage" in it '
    "(present tense): it falls in the look-back window the `engages-recency` reading sets, whose "
    "default depends on the law of the day; a pattern of acts counts while it lasts into it.",
    since=AEDPA,
    reads=("incidents[].date", "incidents[].recurring", "conduct.quiet_since"),
    readings=("engages-recency",),
)
def present(ctx: Context, i: int) -> Finding:
    incident = ctx.profile.incidents[i]
    loc = ("incidents", i)
    when, use, path = ctx.fact(incident, loc, "date")
    recurring, r_use, _ = ctx.fact(incident, loc, "recurring")
    window = ctx.reading("engages-recency")
    start = _window_start(ctx)
    as_of = ctx.as_of
    span = f"from {start} to {as_of}" if start else f"on or before {as_of}"
    fix = [[Change(path, as_of.isoformat(), text=f"the date the record gives, if {span}")]]
    facts = [u for u in (use, r_use) if u]
    if when is None:
        return ctx.finding(
            UNDETERMINED,
            "its date is not given, so it cannot be placed before or within the window"
            if start
            else "its date is not given, so it is not known to have happened by then",
            missing=[path],
            would_meet=fix,
        )
    first, last = when.first, when.end(as_of)
    if first is not None and first > as_of:
        return ctx.finding(NOT_MET, f"it happened after the day judged ({as_of})", facts=facts)
    pattern = bool(recurring) or when.ongoing
    label = f"{window} window" if start else "window"
    if pattern:  # acts repeated over [first, last]: some fall in the window if the spans meet
        if start is not None and last is not None and last < start:
            return ctx.finding(
                NOT_MET,
                f"the pattern ({when}) ended before the {label} began ({start})",
                facts=facts,
            )
        if start is not None and first is None:  # "before 1997": not known to reach the window
            return ctx.finding(
                UNDETERMINED,
                f"a pattern of acts ({when}) whose start is not known: it may not reach the "
                f"{label} ({start} to {as_of}); give the years it ran",
                facts=facts,
                missing=[path],
                would_meet=fix,
            )
        return ctx.finding(
            MET,
            f"a pattern of acts ({when}) that lasts into the {label}"
            if start
            else f"a pattern of acts ({when}) on or before {as_of}",
            facts=facts,
        )
    if (
        last is not None
        and last <= as_of
        and (start is None or (first is not None and first >= start))
    ):
        return ctx.finding(
            MET,
            f"within the {YEARS[window]} years before {as_of}"
            if start
            else "any past incident counts, and it happened on or before the day judged",
            facts=facts,
        )
    if start is not None and last is not None and last < start:
        return ctx.finding(
            NOT_MET,
            f"more than {YEARS[window]} years before {as_of}",
            facts=facts,
        )
    straddles = (
        f"its date ({when}) straddles the day judged ({as_of})"
        if last is None or last > as_of
        else f"its date ({when}) straddles the start of the {label} ({start})"
    )
    return ctx.finding(
        UNDETERMINED,
        f"{straddles}; give the date more exactly",
        facts=facts,
        missing=[path],
        would_meet=fix,
    )


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


composite(
    "1189(a)(1)(B)/capability-and-intent",
    "retains the capability and intent",
    "It retains both the capability and the intent to engage in terrorist activity or "
    "terrorism, even without a recent incident.",
    all_of=("1189(a)(1)(B)/capability", "1189(a)(1)(B)/intent"),
    since=PATRIOT,
)


def _ended_by(ctx: Context, event: str, inference, section_name: str, names: tuple) -> dict:
    """The facts of `names` (in `section_name`) that `inference` draws as false from a dated
    `event` of the organization's conduct (a disarmament, a renunciation): only those the
    profile leaves unknown, and only when inferences are drawn."""
    happened, use = _since(ctx, event)
    section = getattr(ctx.profile, section_name)
    unknown = [n for n in names if getattr(section, n, None) is None]
    if not (happened and unknown and may_infer(ctx)):
        return {}
    return {n: (False, use, inference.drawn(f"{section_name}.{n}", False)) for n in unknown}


def _any_fact(
    ctx: Context,
    section_name: str,
    names: dict[str, str],
    *,
    what: str,
    negatives: dict[str, tuple] | None = None,
) -> Finding:
    """A leaf met if any of several yes/no facts is true (Kleene OR over them); `negatives`
    gives, for a fact not given, what an inference says of it: (False, its use, the Inferred)."""
    section, loc = getattr(ctx.profile, section_name), (section_name,)
    values = []
    drawn = []
    for name, label in names.items():
        value, use, path = ctx.fact(section, loc, name)
        if value is None and negatives and name in negatives:
            value, inferred_use, inferred = negatives[name]
            use = inferred_use
            drawn.append(inferred)
        values.append((label, value, use, path))
    status = any_of(from_bool(v) for _, v, _, _ in values)
    facts = list({id(u): u for _, _, u, _ in values if u}.values())
    yes = [label for label, v, _, _ in values if v]
    if status is MET:
        reason = "it has " + ", ".join(yes) if section_name == "capability" else ", ".join(yes)
        drawn = []
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
    return ctx.finding(
        status, reason, facts=facts, missing=missing, would_meet=would, inferred=drawn or None
    )


def _since(ctx: Context, name: str):
    """A date in `conduct` on or before the day judged: (day, its use), or (None, None)."""
    day, use, _ = ctx.fact(ctx.profile.conduct, ("conduct",), name)
    return (day, use) if day is not None and day <= ctx.as_of else (None, None)


@rule(
    "1189(a)(1)(B)/capability",
    "capability",
    "It has the means to engage in terrorist activity: armed members, weapons, explosives or "
    "funds (none of the first three after a known disarmament).",
    since=PATRIOT,
    reads=(
        "capability.armed_members",
        "capability.weapons",
        "capability.explosives",
        "capability.funds",
        "conduct.disarmed",
    ),
    readings=("inferences",),
)
def capability(ctx: Context) -> Finding:
    negatives = _ended_by(
        ctx, "disarmed", DISARMED, "capability", ("armed_members", "weapons", "explosives")
    )
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
        negatives=negatives,
    )


# "The capability and intent to engage in terrorist activity or terrorism": an intent to do
# violence is not enough; its object must be terrorist activity or terrorism.
composite(
    "1189(a)(1)(B)/intent",
    "intent",
    "It means to engage in terrorist activity or terrorism: it shows an intent to attack, and "
    "what it intends would be terrorist activity or terrorism, judged on every element.",
    all_of=("1189(a)(1)(B)/intent-shown", "1189(a)(1)(B)/intended-activity"),
    since=PATRIOT,
)


THREAT_BOUNDARY = (
    "Boundary: a public threat may itself be terrorist activity, since § 1182(a)(3)(B)(iii)(VI) "
    '(before 2001-10-26, (ii)(VI)) covers "a threat, attempt, or conspiracy to do any of the '
    'foregoing". To have a threat judged so, record it as an incident with `threatened: [...]`.'
)


@rule(
    "1189(a)(1)(B)/intent-shown",
    "an intent to attack, shown",
    "It shows an intent to attack: public threats of violence, plots, or violent stated aims "
    "(none, after a renunciation of violence, unless the profile records them).",
    since=PATRIOT,
    reads=(
        "intent.public_threats",
        "intent.plots",
        "intent.stated_aims_violent",
        "conduct.renounced_violence",
    ),
    readings=("inferences",),
)
def intent_shown(ctx: Context) -> Finding:
    negatives = _ended_by(
        ctx,
        "renounced_violence",
        RENOUNCED,
        "intent",
        ("public_threats", "plots", "stated_aims_violent"),
    )
    finding = _any_fact(
        ctx,
        "intent",
        {
            "public_threats": "it publicly threatens violence",
            "plots": "it is plotting attacks",
            "stated_aims_violent": "its stated aims call for violence",
        },
        what="intent",
        negatives=negatives,
    )
    if any(f.path == "intent.public_threats" and f.value is True for f in finding.facts):
        finding.notes = [*finding.notes, THREAT_BOUNDARY]
    return finding


@rule(
    "1189(a)(1)(B)/intended-activity",
    "what it intends is terrorist activity or terrorism",
    "The acts it intends would be terrorist activity (§ 1182(a)(3)(B)) or terrorism "
    "(§ 2656f(d)(2)), judged on the same elements as an incident.",
    since=PATRIOT,
)
def intended_activity(ctx: Context) -> Finding:
    if not _intends_anything_recorded(ctx.profile.intent):
        # Every element of both definitions reads the facts of the acts intended; with none
        # recorded, each is open, and so is this (one leaf, not the two trees of open leaves).
        return ctx.finding(
            UNDETERMINED,
            "what it intends to do is not recorded: the acts, and their means, targets and "
            "motives (`intent.acts`, `intent.targets`, `intent.motives`, …)",
            missing=["intent.acts"],
            # Acts that are terrorist activity by their kind alone ((iii)(I), (IV)), if unlawful.
            would_meet=[
                [
                    Change("intent.acts", ["hijacking", "assassination"], "add"),
                    Change("intent.unlawful_where_committed", True),
                ]
            ],
        )
    intended = ("1189(a)(1)(B)/intended-terrorist-activity", "1189(a)(1)(B)/intended-terrorism")
    return ctx.any_of(ctx.each([(part,) for part in intended], MET))


def _intends_anything_recorded(intent) -> bool:
    """Whether `intent` records any fact of the acts intended (what the definitions read)."""
    return intent is not None and any(getattr(intent, n) is not None for n in INTENDED_ACT_FACTS)


@rule(
    "1189(a)(1)(B)/intended-terrorist-activity",
    "intends terrorist activity",
    "The acts it intends are terrorist activity: unlawful, and of a kind listed in "
    "§ 1182(a)(3)(B)(iii)(I)–(VI), with every element of that kind.",
    since=PATRIOT,
    reads=("intent.acts", "intent.motives"),
)
def intended_terrorist_activity(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply("1182(a)(3)(B)(iii)", INTENT)], subject="the acts it intends")


@rule(
    "1189(a)(1)(B)/intended-terrorism",
    "intends terrorism",
    "The violence it intends is terrorism: premeditated, politically motivated violence against "
    "noncombatant targets by a subnational group or clandestine agents (§ 2656f(d)(2)).",
    since=PATRIOT,
    reads=("intent.motives", "intent.targets"),
)
def intended_terrorism(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply("2656f(d)(2)", INTENT)], subject="the violence it intends")


# ---------------------------------------------------------------- (C)


def _criterion_c(ctx: Context, notes: list[str]) -> Finding:
    derived = ctx.all_of(
        ctx.each([("1189(a)(1)(C)/its-activity",), ("1189(a)(1)(C)/threatens",)], NOT_MET),
        notes=notes,
    )
    return _on_the_finding(ctx, "C", derived, [])


composite(
    "1189(a)(1)(C)/threatens",
    "threatens US nationals or US national security",
    "It threatens the security of United States nationals or the national security of the "
    "United States: either suffices.",
    any_of=("1189(a)(1)(C)/us-nationals", "1189(a)(1)(C)/national-security"),
    since=AEDPA,
)


@rule(
    "1189(a)(1)(C)",
    "its terrorist activity threatens US nationals or US national security",
    "The organization's terrorist activity threatens the security of US nationals or the "
    "national security of the United States.",
    since=AEDPA,
    until=PATRIOT_EVE,
)
def threat_criterion_as_enacted(ctx: Context) -> Finding:
    return _criterion_c(
        ctx,
        [
            'Before 26 October 2001, (C) looked only to "the terrorist activity of the '
            'organization"; "or terrorism" was added by Pub. L. 107-56, § 411(c).'
        ],
    )


@rule(
    "1189(a)(1)(C)",
    "its terrorist activity or terrorism threatens US nationals or US national security",
    "The organization's terrorist activity or terrorism threatens the security of US "
    "nationals or the national security of the United States.",
    since=PATRIOT,
)
def threat_criterion(ctx: Context) -> Finding:
    return _criterion_c(ctx, [])


@rule(
    "1189(a)(1)(C)/its-activity",
    "of the organization's terrorist activity",
    '(C) speaks of "the terrorist activity or terrorism of the organization": the threat must '
    "come from terrorist activity or terrorism that (B) finds.",
    since=AEDPA,
)
def its_activity(ctx: Context) -> Finding:
    # On the facts: where (B) rests on the Secretary's finding, (C) on the facts still needs
    # terrorist activity the facts show (the Secretary's own (C) finding stands apart).
    b = ctx.for_status("1189(a)(1)(B)")
    status = b.on_the_facts()
    if status is MET:
        return ctx.finding(MET, "(B) finds terrorist activity or terrorism on the facts")
    meet_b = [[Change("meet:1189(a)(1)(B)", None, text="what would meet (B)")]]
    if status is NOT_MET:
        return ctx.finding(
            NOT_MET,
            "(B) finds no terrorist activity or terrorism, so there is none of the organization's "
            "for a threat to come from",
            would_meet=meet_b,
        )
    return ctx.finding(
        UNDETERMINED,
        "(B) is undetermined, so it is not known whether the organization has "
        "terrorist activity for a threat to come from",
        would_meet=meet_b,
    )


def _counts(ctx: Context, i: int):
    """Whether incident i is the organization's terrorist activity (or terrorism), for (C): the
    `threat-evidence` reading decides whether an incident older than (B)'s window counts."""
    status = ctx.for_status(defining(ctx, ENGAGE), i).status
    if ctx.as_of >= date(2001, 10, 26) and not (ctx.status_only and status is MET):
        status = any_of([status, ctx.for_status("2656f(d)(2)", i).status])
    if ctx.reading("threat-evidence") == "present-window":
        status = all_of([status, ctx.for_status("1189(a)(1)(B)/present", i).status])
    return status


def _incident_evidence(ctx: Context, wanted: set, *, in_us: bool = False, legacy: bool = False):
    """Incidents that count as its terrorist activity and harmed or targeted the US interests
    `wanted` (`us_targets`; `us_nationals_harmed` with `legacy`; an act in the US with `in_us`):
    (status, facts, missing, subjects, would); where it is undetermined because incidents that
    reached those interests are not known to be its terrorist activity, `subjects` names them."""
    incidents = ctx.profile.incidents
    if incidents is None:
        return UNDETERMINED, [], ["incidents"], [], []
    parts, facts, missing, hits, would, pending = [], [], [], [], [], []
    known = []  # what the incidents of its activity say of US interests, where none reached them
    for i, incident in enumerate(incidents):
        loc = ("incidents", i)
        counts = _counts(ctx, i)
        # What the record says of this incident's reach: each fact given is a sign; with none
        # given, the reach is unknown.
        signs = []
        targets, t_use, t_path = ctx.fact(incident, loc, "us_targets")
        if targets is not None:
            hit = not wanted.isdisjoint(targets)
            signs.append(MET if hit else NOT_MET if complete(targets) else UNDETERMINED)
        uses = [t_use] if t_use else []
        if legacy:
            harmed, h_use, _h_path = ctx.fact(incident, loc, "us_nationals_harmed")
            if harmed is not None:
                signs.append(from_bool(harmed))
                uses.append(h_use)
        if in_us and incident.country is not None:
            signs.append(MET if incident.country in US_SOIL else NOT_MET)
            if incident.country in US_SOIL:
                uses.append(ctx.fact(incident, loc, "country")[1])
        reached = any_of(signs) if signs else UNDETERMINED
        parts.append(all_of([counts, reached]))
        if parts[-1] is MET:
            hits.append(incident_subject(i, incident))
            facts += [u for u in uses if u]
            continue
        if counts is UNDETERMINED and reached is MET:
            pending.append(incident_subject(i, incident))
            facts += [u for u in uses if u]
        elif counts is not NOT_MET:
            known += [u for u in uses if u]
        if counts is MET and reached is UNDETERMINED:
            missing.append(t_path)
        if counts is MET:  # its terrorist activity: had it reached them, (C) would be met
            first = USTarget.NATIONALS if USTarget.NATIONALS in wanted else sorted(wanted)[0]
            would.append([Change(t_path, [first.value], "add")])
    status = any_of(parts)
    if status is UNDETERMINED and not missing and not pending:
        # No incident that counts is open on its reach: the facts to add are those of the
        # incidents not yet known to count (their reach, once (B) settles them).
        missing = [
            ctx.fact(incident, ("incidents", i), "us_targets")[2]
            for i, incident in enumerate(incidents)
            if parts[i] is UNDETERMINED
        ]
    # Not met (or open): the facts that say so are the incidents' own, as a report must show.
    shown = facts if status is MET else [*facts, *known]
    return status, shown, missing, hits if status is MET else pending, would


composite(
    "1189(a)(1)(C)/us-nationals",
    "threatens the security of US nationals",
    "Its terrorist activity harmed or targeted US nationals, or a threat to them is stated "
    "directly.",
    any_of=("1189(a)(1)(C)/us-nationals-harmed", "1189(a)(1)(C)/us-nationals-stated"),
    since=AEDPA,
)


US_PEOPLE = {USTarget.NATIONALS, USTarget.DIPLOMATS, USTarget.FORCES, USTarget.GOVERNMENT}


@rule(
    "1189(a)(1)(C)/us-nationals-harmed",
    "its terrorist activity harmed or targeted US nationals",
    "An incident that is the organization's terrorist activity (or terrorism) killed, injured, "
    "kidnapped or targeted US nationals (diplomats and soldiers among them). Past attacks are "
    "evidence of the present threat; how far back is the `threat-evidence` reading.",
    since=AEDPA,
    reads=("incidents[].us_nationals_harmed", "incidents[].us_targets"),
    readings=("threat-evidence",),
)
def us_nationals_harmed(ctx: Context) -> Finding:
    status, facts, missing, hits, would = _incident_evidence(
        ctx, US_PEOPLE, in_us=True, legacy=True
    )
    if status is MET:
        return ctx.finding(
            MET, f"US nationals were harmed or targeted in {', '.join(hits)}", facts=facts
        )
    if status is NOT_MET:
        reason = "no incident that counts as its terrorist activity harmed or targeted US nationals"
    elif hits:
        reason = (
            f"US nationals were harmed or targeted in {', '.join(hits)}, but it is not known "
            "whether that was the organization's terrorist activity (what (B) leaves open of it)"
        )
    else:
        reason = "not known whether its terrorist activity harmed or targeted US nationals"
    return ctx.finding(status, reason, facts=facts, missing=missing, would_meet=would)


@rule(
    "1189(a)(1)(C)/threat-origin",
    "from its terrorist activity",
    "A threat stated directly comes from the organization's terrorist activity or terrorism "
    "(what else counts is a reading).",
    since=AEDPA,
    reads=("threat_to_us.arises_from",),
    readings=("threat-origin",),
)
def threat_origin(ctx: Context) -> Finding:
    threat, loc = ctx.profile.threat_to_us, ("threat_to_us",)
    if ctx.reading("threat-origin") == "all-activities":
        return ctx.finding(MET, "any of its activities counts on this reading")
    origins, use, path = ctx.fact(threat, loc, "arises_from")
    counted = {"terrorist-activity"} | ({"terrorism"} if ctx.as_of >= date(2001, 10, 26) else set())
    fix = [[Change(path, ["terrorist-activity"], "add")]]
    if origins is None:
        return ctx.finding(
            UNDETERMINED,
            "not known which of its activities the stated threat comes from",
            missing=[path],
            would_meet=fix,
        )
    found = sorted(counted & {o.value for o in origins})
    if found:
        return ctx.finding(MET, f"the threat comes from its {_words(found, ' and ')}", facts=[use])
    others = _words([o.value for o in origins], ", ") or "nothing listed"
    if not complete(origins):  # a list records what is known: another origin may be left out
        return ctx.finding(
            UNDETERMINED,
            f"the threat is known to come from its {others}; the list may not be complete "
            f"(write `arises_from: {{only: [...]}}` when the record says these were all)",
            facts=[use],
            missing=[path],
            would_meet=fix,
        )
    return ctx.finding(
        NOT_MET,
        f"the threat comes from its {others}, not from its {_words(sorted(counted), ' or ')}",
        facts=[use],
        would_meet=fix,
    )


def _words(values: list[str], sep: str) -> str:
    """Profile values said in prose: `drug-trafficking` reads 'drug trafficking'."""
    return sep.join(v.replace("-", " ") for v in values)


def _stated(ctx: Context, name: str, yes: str, no: str) -> Finding:
    """A threat the profile states directly (a judgment, flagged as such), from its activity."""
    leaf = ctx.boolean(
        ctx.profile.threat_to_us,
        ("threat_to_us",),
        name,
        yes=f"stated directly: {yes}",
        no=f"stated directly: {no}",
    )
    return ctx.all_of([leaf, ctx.apply("1189(a)(1)(C)/threat-origin")])


@rule(
    "1189(a)(1)(C)/us-nationals-stated",
    "a threat to US nationals, stated directly",
    "The profile states directly that its activity threatens US nationals (a judgment the "
    "report flags), and the threat comes from its terrorist activity.",
    since=AEDPA,
    reads=("threat_to_us.us_nationals",),
)
def us_nationals_stated(ctx: Context) -> Finding:
    return _stated(
        ctx,
        "us_nationals",
        "it threatens the security of US nationals",
        "it does not threaten the security of US nationals",
    )


@rule(
    "1189(a)(1)(C)/national-security",
    "threatens US national security",
    "Its terrorist activity threatens the national security of the United States: its national "
    "defense, foreign relations or economic interests (§ 1189(c)(2) until 2004-12-16, then "
    "(d)(2)).",
    since=AEDPA,
)
def national_security(ctx: Context) -> Finding:
    return ctx.all_of([ctx.apply(NATIONAL_SECURITY.on(ctx.as_of))])


def _national_security_defined(ctx: Context) -> Finding:
    components = ("national-defense", "foreign-relations", "economic-interests")
    return ctx.any_of(ctx.each([(f"1189(a)(1)(C)/{c}",) for c in components], MET))


NATIONAL_SECURITY_SUMMARY = (
    '"National security" means the national defense, foreign relations, or economic interests '
    "of the United States: a threat to any one suffices."
)
rule("1189(c)(2)", "national security", NATIONAL_SECURITY_SUMMARY, since=AEDPA, until=IRTPA_EVE)(
    _national_security_defined
)
rule("1189(d)(2)", "national security", NATIONAL_SECURITY_SUMMARY, since=IRTPA)(
    _national_security_defined
)


def _component(ctx: Context, wanted: set, stated: str, label: str, *, org_facts=()) -> Finding:
    """One component of national security: from incidents aimed at US `wanted`, from facts of
    the organization (`org_facts`), or stated directly."""
    status, facts, missing, hits, would = _incident_evidence(
        ctx, wanted, in_us=stated == "national_defense"
    )
    parts = [status]
    threat, loc = ctx.profile.threat_to_us, ("threat_to_us",)
    reasons = (
        [f"its terrorist activity reached US {label} in {', '.join(hits)}"] if status is MET else []
    )
    pending = hits if status is UNDETERMINED else []
    for name, says in org_facts:
        value, use, path = ctx.fact(threat, loc, name)
        parts.append(from_bool(value))
        if value:
            facts.append(use)
            reasons.append(says)
        elif value is None:
            missing.append(path)
    stated_finding = _stated(
        ctx, stated, f"it threatens US {label}", f"it does not threaten US {label}"
    )
    parts.append(stated_finding.status)
    if stated_finding.status is MET:
        reasons.append(stated_finding.children[0].reason)
        facts += [f for c in stated_finding.children for f in c.facts]
    result = any_of(parts)
    if result is MET:
        return ctx.finding(MET, "; ".join(reasons), facts=facts)
    if result is NOT_MET:
        reason = f"nothing shows a threat to US {label}"
    elif pending:
        reason = (
            f"US {label} were reached in {', '.join(pending)}, but it is not known whether that "
            "was the organization's terrorist activity (what (B) leaves open of it)"
        )
    else:
        reason = f"not known whether its terrorist activity threatens US {label}"
    path = ctx.fact(threat, loc, stated)[2]
    origin = ctx.apply("1189(a)(1)(C)/threat-origin")
    stated_fix = [Change(path, True), *(origin.would_meet[0] if origin.status is not MET else ())]
    return ctx.finding(
        result,
        reason,
        facts=facts,
        missing=[*missing, path] if result is not MET else [],
        would_meet=[*would, stated_fix],
    )


@rule(
    "1189(a)(1)(C)/national-defense",
    "national defense",
    "Its terrorist activity threatens US national defense: attacks on US forces or government, "
    "acts in the United States, operations there, or threats against it.",
    since=AEDPA,
    reads=(
        "incidents[].us_targets",
        "incidents[].country",
        "threat_to_us.operations_in_us",
        "threat_to_us.threats_against_us",
        "threat_to_us.national_defense",
    ),
)
def national_defense(ctx: Context) -> Finding:
    return _component(
        ctx,
        {USTarget.FORCES, USTarget.GOVERNMENT},
        "national_defense",
        "national defense",
        org_facts=(
            (
                "operations_in_us",
                "it has members or cells in the United States able to carry out its attacks",
            ),
            ("threats_against_us", "it publicly threatens the United States"),
        ),
    )


@rule(
    "1189(a)(1)(C)/foreign-relations",
    "foreign relations",
    "Its terrorist activity threatens US foreign relations: attacks on US diplomats, or a "
    "threat stated directly.",
    since=AEDPA,
    reads=("incidents[].us_targets", "threat_to_us.foreign_relations"),
)
def foreign_relations(ctx: Context) -> Finding:
    return _component(ctx, {USTarget.DIPLOMATS}, "foreign_relations", "foreign relations")


@rule(
    "1189(a)(1)(C)/economic-interests",
    "economic interests",
    "Its terrorist activity threatens US economic interests: attacks on US companies, or a "
    "threat stated directly.",
    since=AEDPA,
    reads=("incidents[].us_targets", "threat_to_us.economic_interests"),
)
def economic_interests(ctx: Context) -> Finding:
    return _component(ctx, {USTarget.COMPANIES}, "economic_interests", "economic interests")
