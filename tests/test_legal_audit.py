"""The legal audit of December 2026: thirteen defects, each pinned by the rule it got wrong.

Each profile is the audit's reproducing profile (../shared/audit/legal-2026-12/), trimmed to the
facts the rule reads. The test names state the law.
"""

from __future__ import annotations

import pytest
from profiles import evaluate_dict, finding

from fto_check.profile.model import Profile
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED

ORG = {"is_group": True, "dissolved": False, "subnational_group": True}
ABROAD = {"headquarters_in": "XX", "organized_under_us_law": False}


def status(data: dict, rule: str, subject: str = "", **readings) -> object:
    return finding(evaluate_dict(data, **readings), rule, subject).status


# ---------------------------------------------------------------- 1. intended terrorism


STATE_ARMY = {
    "name": "State army (probe)",
    "as_of": "2024-06-30",
    "organization": {
        "is_group": True,
        "dissolved": False,
        "subnational_group": False,
        "clandestine_agents": False,
    },
    "foreign": ABROAD,
    "incidents": [],
    "capability": {"armed_members": True},
    "intent": {"public_threats": True, "acts": [], "motives": ["political"]},
    "threat_to_us": {"national_defense": True, "arises_from": ["terrorism"]},
}


def test_intended_terrorism_needs_every_element_of_terrorism_not_a_political_motive_alone():
    """'Retains the capability and intent to engage in … terrorism': the violence intended must
    be terrorism on every element of § 2656f(d)(2). A state's regular army that intends no act
    at all, by no subnational group or clandestine agents, does not meet it for its motive."""
    report = evaluate_dict(STATE_ARMY)
    intended = finding(report, "1189(a)(1)(B)/intended-terrorism")
    assert intended.status is NOT_MET
    failed = {c.rule for c in intended.children[0].children if c.status is NOT_MET}
    assert failed == {"2656f(d)(2)/violence", "2656f(d)(2)/perpetrated-by"}
    assert finding(report, "2656f(d)(2)/politically-motivated").status is MET
    assert report.criterion("B").status is NOT_MET


# ---------------------------------------------------------------- 2. support to another


def supporter(**recipient) -> dict:
    return {
        "name": "Sponsor (probe)",
        "as_of": "2024-06-30",
        "organization": ORG,
        "foreign": ABROAD,
        "incidents": [
            {
                "id": "rockets",
                "date": "2024-02-01",
                "summary": "Shipped rockets and cash to a group designated under § 1189.",
                "acts": [],
                "threatened": [],
                "attempted": [],
                "conspired": [],
                "role": {"only": ["material-support"]},
                "support": {
                    "provided": ["weapons", "funds"],
                    "knowingly": True,
                    "to": {"name": "Designated Front", **recipient},
                },
            }
        ],
    }


def test_material_support_to_a_tier_i_organization_is_engaging_in_terrorist_activity():
    """§ 1182(a)(3)(B)(iv)(VI)(cc): knowingly affording material support to an organization
    designated under § 1189 is the supporter's own engaging in terrorist activity, though the
    shipment is not itself an act of (iii)(I)–(VI)."""
    data = supporter(designated_fto=True)
    assert status(data, "1182(a)(3)(B)(iv)(VI)(cc)") is MET
    assert status(data, "1189(a)(1)(B)/terrorist-activity") is MET
    assert status(data, "1182(a)(3)(B)(iii)") is NOT_MET  # the act itself is no terrorist activity


def test_a_support_mode_the_profile_does_not_settle_is_undetermined_never_not_met():
    """Whom the support went to decides the tier; where the record does not say, the support
    items are undetermined, and so is the route (nothing unencoded may produce not met)."""
    data = supporter()
    assert status(data, "1182(a)(3)(B)(iv)/support") is UNDETERMINED
    assert status(data, "1189(a)(1)(B)/terrorist-activity") is UNDETERMINED


@pytest.mark.parametrize(
    ("shown", "expected"), [(True, NOT_MET), (False, MET), (None, UNDETERMINED)]
)
def test_support_to_a_tier_iii_group_is_excused_only_if_the_actor_shows_it_did_not_know(
    shown, expected
):
    """(iv)(VI)(dd): support to an undesignated group that engages in terrorist activity,
    "unless the actor can demonstrate by clear and convincing evidence that the actor did not
    know, and should not reasonably have known, that the organization was a terrorist
    organization"."""
    recipient = {"commits_terrorist_acts": True}
    if shown is not None:
        recipient["showed_it_did_not_know"] = shown
    assert status(supporter(**recipient), "1182(a)(3)(B)(iv)(VI)(dd)") is expected


def test_the_2001_tier_iii_defence_asks_what_the_act_would_further():
    """From 2001-10-26 to 2005-05-10 the defence was the actor's showing that it did not know
    its act "would further the organization's terrorist activity"; the report quotes it."""
    data = supporter(commits_terrorist_acts=True)
    data["as_of"], data["incidents"][0]["date"] = "2003-06-30", "2003-02-01"
    report = evaluate_dict(data)
    defence = finding(report, "1182(a)(3)(B)(iv)/no-defence")
    assert "would further the organization's terrorist activity" in defence.reason
    assert "clear and convincing" not in defence.reason


def test_the_2001_secretary_may_waive_material_support_and_the_2005_text_has_no_waiver():
    """The 2001 flush sentence let the Secretary conclude that (iv)(VI) should not apply; the
    REAL ID Act struck it."""
    data = supporter(designated_fto=True)
    data["incidents"][0]["support"]["waiver"] = True
    data["as_of"], data["incidents"][0]["date"] = "2003-06-30", "2003-02-01"
    assert status(data, "1182(a)(3)(B)(iv)(VI)(cc)") is NOT_MET
    data["as_of"], data["incidents"][0]["date"] = "2024-06-30", "2024-02-01"
    assert status(data, "1182(a)(3)(B)(iv)(VI)(cc)") is MET


# ---------------------------------------------------------------- 3. findings in time


FUTURE_FINDING = {
    "name": "Secretary finding dated after as_of (probe)",
    "as_of": "2019-12-06",
    "organization": ORG,
    "foreign": {"headquarters_in": "MX", "organized_under_us_law": False},
    "incidents": [],
    "sources": {"fr": {"title": "Designation notice", "date": "2025-02-20"}},
    "secretary_findings": [
        {"date": "2025-02-20", "decision": "designation", "B": "met", "C": "met", "sources": ["fr"]}
    ],
}


def test_a_secretary_finding_counts_only_from_its_date():
    """A finding the Secretary published on 2025-02-20 says nothing about 2019."""
    report = evaluate_dict(FUTURE_FINDING)
    assert report.criterion("C").basis == "derived"
    assert report.criterion("B").basis == "derived"
    later = evaluate_dict(FUTURE_FINDING, as_of="2025-03-01")
    assert later.criterion("C").basis == "asserted"
    assert later.criterion("C").status is MET


def test_a_later_revocation_ends_the_findings_of_the_designation():
    """A revocation that states no finding still ends the designation's findings."""
    data = {
        **FUTURE_FINDING,
        "secretary_findings": [
            *FUTURE_FINDING["secretary_findings"],
            {"date": "2025-07-08", "decision": "revocation", "sources": ["fr"]},
        ],
    }
    assert evaluate_dict(data, as_of="2025-06-01").criterion("C").basis == "asserted"
    after = evaluate_dict(data, as_of="2025-07-08").criterion("C")
    assert after.basis == "derived"
    assert (
        "The Secretary's finding of 2025-02-20 (designation) that (C) is met no longer stands: "
        "the revocation of 2025-07-08 ended it. (C) is judged on the facts."
    ) in after.notes


def test_the_old_form_of_a_c_finding_also_counts_only_from_its_date():
    data = {**FUTURE_FINDING, "secretary_findings": []}
    data["threat_to_us"] = {
        "secretary_finding": {"threatens": True, "date": "2025-02-20", "sources": ["fr"]}
    }
    assert evaluate_dict(data).criterion("C").basis == "derived"
    assert evaluate_dict(data, as_of="2025-02-20").criterion("C").basis == "asserted"


# ---------------------------------------------------------------- 4. what money is


def route(motives) -> dict:
    return {
        "name": "Cartel shooting rivals for a route (probe)",
        "as_of": "2025-02-20",
        "organization": ORG,
        "foreign": {"formed_in": "MX", "headquarters_in": "MX", "organized_under_us_law": False},
        "incidents": [
            {
                "id": "highway-ambush",
                "date": "2024-09-17",
                "acts": ["assault"],
                "means": ["firearm"],
                "motives": motives,
                "targets": ["rivals"],
                "role": ["committed"],
            }
        ],
    }


@pytest.mark.parametrize("motives", [["financial"], ["financial", "territorial"], ["territorial"]])
def test_on_the_organizational_profit_reading_control_of_routes_is_monetary_too(motives):
    """The reading's own definition: 'territorial' is the control of territory, routes or markets
    a cartel fights for, money like 'financial'. Either alone, or both, fall in the carve-out
    when the record says they were all; neither escapes it by being named."""
    rule = "1182(a)(3)(B)(iii)(V)(b)"
    assert (
        status(route({"only": motives}), rule, personal_monetary_gain="organizational-profit")
        is NOT_MET
    )
    assert (
        status(route(motives), rule, personal_monetary_gain="organizational-profit") is UNDETERMINED
    )
    assert status(route({"only": motives}), rule) is MET  # an organization's profit is not personal


# ---------------------------------------------------------------- 5. intended acts, unlawful


def intended_shooting() -> dict:
    return {
        "name": "Intended firearm use (probe)",
        "as_of": "2024-06-30",
        "organization": ORG,
        "foreign": ABROAD,
        "capability": {"weapons": True},
        "intent": {"plots": True, "intended_acts": ["firearm"], "motives": ["territorial"]},
        "incidents": [
            {
                "id": "same-facts",
                "date": "2024-01-15",
                "involves": ["firearm"],
                "motives": ["territorial"],
                "role": ["committed"],
                "intent_to_kill_or_injure": True,
            }
        ],
    }


def test_intended_acts_are_judged_on_the_elements_an_incident_is():
    """Unlawfulness and (V)'s intent to endanger are elements of an intended act as of an act
    done: the intent route and the incident route agree on the same facts."""
    report = evaluate_dict(intended_shooting())
    intended = finding(report, "1182(a)(3)(B)(iii)/unlawful", "")
    incident = finding(report, "1189(a)(1)(B)/engages-in-terrorist-activity")
    assert intended.status is UNDETERMINED
    assert incident.status is UNDETERMINED


def test_an_intended_killing_is_unlawful_in_the_united_states_by_a_named_inference():
    """Where the intended act is a killing, its unlawfulness in the United States is inferred
    by the rule `unlawful-in-the-us`, shown in the report; `facts-only` draws nothing."""
    data = intended_shooting()
    data["intent"] = {"plots": True, "acts": ["killing"], "targets": ["officials"]}
    data["incidents"] = []
    unlawful = finding(evaluate_dict(data), "1182(a)(3)(B)(iii)/unlawful")
    assert unlawful.status is MET
    assert [i.rule for i in unlawful.inferred] == ["unlawful-in-the-us"]
    strict = finding(evaluate_dict(data, inferences="facts-only"), "1182(a)(3)(B)(iii)/unlawful")
    assert strict.status is UNDETERMINED and not strict.inferred


# ---------------------------------------------------------------- 6. clandestine agents


def overt_strike(agents) -> dict:
    incident = {
        "id": "overt-missile-strike",
        "date": "2024-01-15",
        "summary": "Uniformed forces openly fired missiles at a city; the state claimed it.",
        "acts": ["bombing"],
        "motives": ["political"],
        "targets": ["civilians"],
        "role": ["committed"],
    }
    if agents is not None:
        incident["clandestine_agents"] = agents
    return {
        "name": "State organ with a covert wing (probe)",
        "as_of": "2024-06-30",
        "organization": {
            "is_group": True,
            "dissolved": False,
            "subnational_group": False,
            "clandestine_agents": True,
        },
        "foreign": ABROAD,
        "incidents": [incident],
    }


def test_clandestine_agents_are_judged_per_act_not_per_organization():
    """§ 2656f(d)(2) asks who perpetrated the violence: an overt strike by uniformed forces is
    not violence by clandestine agents, though the organization has them."""
    assert status(overt_strike(False), "2656f(d)(2)/perpetrated-by") is NOT_MET
    assert status(overt_strike(True), "2656f(d)(2)/perpetrated-by") is MET
    unknown = finding(evaluate_dict(overt_strike(None)), "2656f(d)(2)/perpetrated-by")
    assert unknown.status is UNDETERMINED
    assert any("per incident" in note for note in unknown.notes)


# ---------------------------------------------------------------- 7. property


def ministry(targets) -> dict:
    return {
        "name": "Bombing of an empty ministry at night (probe)",
        "as_of": "2024-06-30",
        "organization": ORG,
        "foreign": ABROAD,
        "incidents": [
            {
                "id": "ministry-bomb",
                "date": "2024-03-01",
                "acts": ["bombing"],
                "motives": ["political"],
                "targets": targets,
                "role": ["committed"],
            }
        ],
    }


def test_whether_property_alone_is_a_noncombatant_target_is_a_named_reading():
    """`property-targets`: civilian property counts by default (the State Department counts
    such bombings as terrorism); on `people-only`, an attack on property the record says was
    all it targeted is not against noncombatant targets, and one whose targets may be
    incomplete is undetermined."""
    rule = "2656f(d)(2)/noncombatant-targets"
    assert status(ministry(["property"]), rule) is MET
    assert status(ministry({"only": ["property"]}), rule, property_targets="people-only") is NOT_MET
    assert status(ministry(["property"]), rule, property_targets="people-only") is UNDETERMINED


# ---------------------------------------------------------------- 8. recency


def dated(date, **readings) -> object:
    data = {
        "name": "Recency probe",
        "as_of": "2001-06-01",
        "organization": ORG,
        "foreign": ABROAD,
        "incidents": [{"id": "x", "acts": ["assassination"], "role": ["planned"]}],
    }
    if date is not None:
        data["incidents"][0]["date"] = date
    return finding(evaluate_dict(data, **readings), "1189(a)(1)(B)/present")


def test_a_year_that_straddles_the_day_judged_is_undetermined_and_says_so():
    """'2001' may be after 2001-06-01: not known to be past, on any reading."""
    for window in ("5-years", "any-time"):
        found = dated("2001", engages_recency=window)
        assert found.status is UNDETERMINED
        assert "straddles the day judged (2001-06-01)" in found.reason


def test_a_date_that_straddles_the_window_start_says_so():
    found = dated("1996")
    assert found.status is UNDETERMINED
    assert "straddles the start of the 5-years window (1996-06-01)" in found.reason


def test_an_undated_incident_is_undetermined_on_every_reading():
    """No date, no inference: even `any-time` needs to know it happened by the day judged."""
    for window in ("5-years", "2-years", "any-time"):
        assert dated(None, engages_recency=window).status is UNDETERMINED


# ---------------------------------------------------------------- 9. which words decided


def test_every_report_format_names_the_wording_applied_to_each_clause(tmp_path):
    """A 1999 check applies the 1990 text of § 1182(a)(3)(B): the text and markdown reports say
    so per clause, not only the latest amendment."""
    import json

    from typer.testing import CliRunner

    from fto_check.cli.app import app

    data = {**ministry(["civilians"]), "as_of": "1999-06-30"}
    data["incidents"][0]["date"] = "1999-03-01"
    path = tmp_path / "profile.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    for fmt in ("text", "markdown"):
        out = CliRunner().invoke(app, ["check", "-f", fmt, str(path)]).stdout
        assert "§§ 1182(a)(3)(B)(ii)" in out, fmt
        assert "Immigration Act of 1990" in out, fmt
        assert "(c)(2)" in out, fmt


# ---------------------------------------------------------------- 10. the default window


def test_each_period_of_the_law_has_a_recency_default_justified_by_the_law_of_that_period():
    """The 5-year default rests on § 1189(a)(4)(C), enacted 2004-12-17; before that, on the
    practice of the first designations. The report names the period whose default applied."""
    from fto_check.law.readings import all_readings

    reading = all_readings()["engages-recency"]
    periods = reading.defaults_by_period()
    assert [str(p.since) for p in periods] == ["1996-04-24", "2004-12-17"]
    assert "1189(a)(4)(C)" in periods[1].because and "1189(a)(4)(C)" not in periods[0].because
    assert "Aum Shinrikyo" in periods[0].because


def test_the_default_window_of_1997_would_not_have_kept_the_first_list_from_designation():
    """Aum Shinrikyo was designated on 1997-10-08 for the sarin attack of 1995-03-20; its
    default window reaches it."""
    data = ministry(["civilians"])
    data["as_of"], data["incidents"][0]["date"] = "1997-10-08", "1995-03-20"
    assert status(data, "1189(a)(1)(B)/present") is MET


# ---------------------------------------------------------------- 11. (C) rests on (B)


def test_c_cannot_be_met_from_terrorist_activity_b_does_not_find():
    """(C) speaks of 'the terrorist activity or terrorism of the organization': with (B) not met,
    a threat stated directly does not meet (C)."""
    data = {
        "name": "(C) with no terrorist activity (probe)",
        "as_of": "2024-06-30",
        "organization": {"is_group": True, "dissolved": False},
        "foreign": ABROAD,
        "incidents": [],
        "capability": {
            "armed_members": False,
            "weapons": False,
            "explosives": False,
            "funds": False,
        },
        "threat_to_us": {"us_nationals": True, "arises_from": ["terrorist-activity"]},
    }
    report = evaluate_dict(data)
    assert report.criterion("B").status is NOT_MET
    assert report.criterion("C").status is NOT_MET
    assert finding(report, "1189(a)(1)(C)/its-activity").status is NOT_MET


def test_before_2001_the_v_b_failure_names_only_an_explosive_or_firearm():
    data = ministry(["civilians"])
    data["as_of"], data["incidents"][0]["date"] = "2001-10-25", "2001-09-01"
    data["incidents"][0]["acts"] = {"only": ["assault"]}
    data["incidents"][0]["means"] = {"only": ["blade"]}
    weapon = finding(evaluate_dict(data), "1182(a)(3)(B)(ii)(V)(b)")
    assert weapon.status is NOT_MET
    assert weapon.reason == "no explosive or firearm carried out"
    assert any("other weapon or dangerous device" in note for note in weapon.notes)


# ---------------------------------------------------------------- 12–13. countries


@pytest.mark.parametrize("code", ["PR", "GU", "VI", "MP", "AS", "UM"])
def test_united_states_territories_and_possessions_are_not_foreign(code):
    """8 U.S.C. § 1101(a)(38): "United States" includes Puerto Rico, Guam, the Virgin Islands
    and the Northern Mariana Islands; American Samoa and the minor outlying islands are US
    possessions (§ 1101(a)(29)). A group led from any of them is not led from abroad."""
    data = {
        "name": "Territorial group (probe)",
        "as_of": "2024-06-30",
        "organization": ORG,
        "foreign": {"headquarters_in": code, "organized_under_us_law": False},
    }
    found = finding(evaluate_dict(data), "1189(a)(1)(A)/foreign")
    assert found.status is NOT_MET
    assert "1101(a)" in found.reason


@pytest.mark.parametrize(
    ("code", "hint"), [("UD", "did you mean US"), ("UK", "GB, United Kingdom"), ("Mexico", "MX")]
)
def test_a_country_code_must_be_an_iso_3166_code(code, hint):
    with pytest.raises(ValueError, match=hint):
        Profile.model_validate({"name": "x", "foreign": {"formed_in": code}})


@pytest.mark.parametrize("code", ["ß", "ＵＳ", "ǅ"])
def test_a_letter_that_capitalizes_to_a_code_is_not_taken_for_one(code):
    """'ß'.upper() is 'SS' (South Sudan) and full-width 'ＵＳ' looks like US: neither is an
    ASCII code, and neither gets a guess at one."""
    with pytest.raises(ValueError) as caught:
        Profile.model_validate({"name": "x", "foreign": {"formed_in": code}})
    assert "did you mean" not in str(caught.value)


def test_user_assigned_codes_name_places_without_a_code_of_their_own():
    assert Profile.model_validate({"name": "x", "foreign": {"formed_in": "XK"}}).foreign


# ---------------------------------------------------------------- findings that lapsed


def test_a_designation_of_the_1996_act_lapsed_after_two_years_unless_renewed():
    """§ 1189(a)(4)(A) (1996): a designation was "effective … for a period of 2 years"; the
    Secretary's 1997 findings say nothing of 1999 unless she redesignated. A designation still
    in its term on 2004-12-17 continued until revoked (IRTPA)."""
    data = {
        **FUTURE_FINDING,
        "as_of": "1999-10-08",
        "secretary_findings": [
            {"date": "1997-10-08", "decision": "designation", "C": "met", "sources": ["fr"]}
        ],
    }
    assert evaluate_dict(data, as_of="1999-10-07").criterion("C").basis == "asserted"
    lapsed = evaluate_dict(data).criterion("C")
    assert lapsed.basis == "derived"
    assert any("its two-year term ran out (designation of 1997-10-08)" in n for n in lapsed.notes)
    data["secretary_findings"] = [
        {"date": "2003-10-03", "decision": "redesignation", "C": "met", "sources": ["fr"]}
    ]
    assert evaluate_dict(data, as_of="2010-01-01").criterion("C").basis == "asserted"
