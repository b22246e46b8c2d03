"""The evidence model: facts recorded as the public record gives them, and the rules by which
the predicates reason from them (docs/evidence.md)."""

from __future__ import annotations

from datetime import date

import pytest
from profiles import evaluate_dict, finding

from fto_check.profile.model import Profile
from fto_check.profile.values import _when
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED

ORG = {"is_group": True, "dissolved": False, "subnational_group": True}
ABROAD = {"headquarters_in": "XX", "organized_under_us_law": False}


def profile(*incidents, as_of="2025-02-20", **sections) -> dict:
    return {
        "name": "Test Front",
        "as_of": as_of,
        "organization": ORG,
        "foreign": ABROAD,
        "incidents": list(incidents),
        **sections,
    }


def incident(**facts) -> dict:
    return {"id": "x", "date": "2024-06-01", **facts}


def status(data, rule, **readings):
    return finding(evaluate_dict(data, **readings), rule).status


# ---------------------------------------------------------------- dates as the record gives them


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2019-11-30", "2019-11-30", "2019-11-30"),
        ("2019-11", "2019-11-01", "2019-11-30"),
        ("2019", "2019-01-01", "2019-12-31"),
        ("1990s", "1990-01-01", "1999-12-31"),
        ("2017/2018", "2017-01-01", "2018-12-31"),
        ("2017-2018", "2017-01-01", "2018-12-31"),
        ("2017–2018", "2017-01-01", "2018-12-31"),
        ("2017-03/2018-05", "2017-03-01", "2018-05-31"),
        ("before 1997", None, "1996-12-31"),
        ("9999-12", "9999-12-01", "9999-12-31"),
    ],
)
def test_a_date_is_the_interval_the_record_gives(text, first, last):
    when = _when(text)
    assert (str(when.first) if when.first else None, str(when.last)) == (first, last)


@pytest.mark.parametrize("text", ["since 2010", "ongoing", "after 2001"])
def test_an_open_date_continues_to_the_day_judged(text):
    when = _when(text)
    assert when.ongoing and when.last is None
    assert when.end(date(2025, 2, 20)) == date(2025, 2, 20)


@pytest.mark.parametrize(
    "bad", ["2018/2017", "٢٠١٩", "19xx", "2019-13", {"from": 2010, "until": 2012}]
)
def test_a_date_that_is_no_date_or_runs_backwards_is_refused(bad):
    with pytest.raises(ValueError):
        _when(bad)


def test_a_recurring_pattern_counts_while_it_lasts_into_the_window():
    """'It routinely kidnaps … since 2010': acts repeated up to the day judged are present."""
    pattern = incident(date="since 2010", recurring=True)
    assert finding(evaluate_dict(profile(pattern)), "1189(a)(1)(B)/present").status is MET
    ended = incident(date="2008/2012", recurring=True)
    assert finding(evaluate_dict(profile(ended)), "1189(a)(1)(B)/present").status is NOT_MET


def test_one_event_in_a_range_counts_only_if_the_whole_range_falls_in_the_window():
    within = incident(date="2022/2023")
    straddling = incident(date="2019/2021")
    assert finding(evaluate_dict(profile(within)), "1189(a)(1)(B)/present").status is MET
    found = finding(evaluate_dict(profile(straddling)), "1189(a)(1)(B)/present")
    assert found.status is UNDETERMINED and "straddles the start" in found.reason


# ---------------------------------------------------------------- incidents not recorded


STALE = incident(date="2010-01-01", acts=["bombing"], targets=["civilians"], role=["committed"])


def test_old_incidents_alone_leave_the_route_open_the_record_may_hold_others():
    found = finding(evaluate_dict(profile(STALE)), "1189(a)(1)(B)/terrorist-activity")
    assert found.status is UNDETERMINED
    assert found.missing == ["conduct.quiet_since"]


@pytest.mark.parametrize("fact", ["quiet_since", "all_incidents_since"])
def test_a_known_quiet_period_or_a_complete_list_excludes_other_incidents(fact):
    data = profile(STALE, conduct={fact: "2011-01-01"})
    assert status(data, "1189(a)(1)(B)/terrorist-activity") is NOT_MET


def test_a_quiet_period_that_began_inside_the_window_excludes_nothing_before_it():
    data = profile(STALE, conduct={"quiet_since": "2022-01-01"})
    assert status(data, "1189(a)(1)(B)/terrorist-activity") is UNDETERMINED


# ---------------------------------------------------------------- lists are what is known


def test_a_role_list_records_what_is_known_not_all_there_was():
    """`role: [committed]` does not say it did not plan the act."""
    known = incident(acts=["bombing"], targets=["civilians"], role=["committed"])
    found = finding(evaluate_dict(profile(known), inferences="facts-only"), "1182(a)(3)(B)(iv)(II)")
    assert found.status is UNDETERMINED
    assert "may not be complete" in found.reason
    complete = incident(acts=["bombing"], targets=["civilians"], role={"only": ["committed"]})
    assert status(profile(complete), "1182(a)(3)(B)(iv)(II)", inferences="facts-only") is NOT_MET


def test_an_act_list_that_names_no_weapon_does_not_rule_one_out():
    """A complete list of acts says what was done, not with what: only `means` says that."""
    held = incident(acts=["hostage-taking"])
    assert status(profile(held), "1182(a)(3)(B)(iii)(V)(b)") is UNDETERMINED
    only = incident(acts={"only": ["hostage-taking"]})
    assert status(profile(only), "1182(a)(3)(B)(iii)(V)(b)") is UNDETERMINED
    unarmed = incident(acts={"only": ["hostage-taking"]}, means={"only": ["unarmed"]})
    assert status(profile(unarmed), "1182(a)(3)(B)(iii)(V)(b)") is NOT_MET


def test_no_act_at_all_used_no_weapon():
    nothing = incident(acts=[])
    assert status(profile(nothing), "1182(a)(3)(B)(iii)(V)(b)") is NOT_MET


# ---------------------------------------------------------------- acts as the record describes them


@pytest.mark.parametrize(
    ("demand", "expected"),
    [({"on": "family", "demanded": "ransom"}, MET), ({"on": "government"}, MET), ("none", NOT_MET)],
)
def test_a_kidnapping_is_hostage_taking_when_a_third_person_is_asked_to_pay_or_act(
    demand, expected
):
    """(iii)(II): seizing a person "in order to compel a third person (including a governmental
    organization) to do or abstain from doing any act as an explicit or implicit condition for
    the release"."""
    assert (
        status(profile(incident(acts=["kidnapping"], demand=demand)), "1182(a)(3)(B)(iii)(II)")
        is expected
    )


def test_a_kidnapping_without_a_known_demand_is_undetermined_and_says_what_decides():
    found = finding(evaluate_dict(profile(incident(acts=["kidnapping"]))), "1182(a)(3)(B)(iii)(II)")
    assert found.status is UNDETERMINED
    assert found.missing == ["incidents[0].demand"]
    assert any("third person" in note for note in found.notes)


def test_sabotage_is_sabotage_of_a_conveyance_only_when_aimed_at_one():
    rule = "1182(a)(3)(B)(iii)(I)"
    assert status(profile(incident(acts=["sabotage"], targets=["aircraft"])), rule) is MET
    assert (
        status(profile(incident(acts=["sabotage"], targets={"only": ["property"]})), rule)
        is NOT_MET
    )
    assert status(profile(incident(acts=["sabotage"])), rule) is UNDETERMINED


@pytest.mark.parametrize(
    ("reading", "targets", "motives", "expected"),
    [
        ("public-figure", ["journalists"], ["financial"], MET),
        ("office-holders", {"only": ["journalists"]}, ["financial"], NOT_MET),
        ("office-holders", ["officials"], ["financial"], MET),
        ("political-killing", ["officials"], {"only": ["financial"]}, NOT_MET),
        ("political-killing", ["officials"], ["political"], MET),
    ],
)
def test_a_killing_aimed_at_a_public_figure_is_an_assassination_as_the_reading_says(
    reading, targets, motives, expected
):
    data = profile(incident(acts=["killing"], targets=targets, motives=motives))
    assert status(data, "1182(a)(3)(B)(iii)(IV)", assassination=reading) is expected


def test_a_bombing_is_the_use_of_an_explosive():
    found = finding(
        evaluate_dict(profile(incident(acts=["bombing"], motives=["political"]))),
        "1182(a)(3)(B)(iii)(V)(b)",
    )
    assert found.status is MET and found.reason.startswith("explosive")


# ---------------------------------------------------------------- inferences


def test_a_killing_shows_circumstances_indicating_an_intention_to_kill():
    """(iv)(I) asks for "circumstances indicating an intention to cause death or serious bodily
    injury": the killing is one, inferred by a named rule the report shows."""
    data = profile(incident(acts=["killing"], role=["committed"]))
    found = finding(evaluate_dict(data), "1182(a)(3)(B)(iv)(I)/intention")
    assert found.status is MET
    assert [i.rule for i in found.inferred] == ["intention-from-lethal-acts"]
    assert "inferred" in found.reason
    strict = finding(evaluate_dict(data, inferences="facts-only"), "1182(a)(3)(B)(iv)(I)/intention")
    assert strict.status is UNDETERMINED and not strict.inferred


def test_a_fact_the_profile_states_beats_an_inference():
    data = profile(incident(acts=["killing"], role=["committed"], intent_to_kill_or_injure=False))
    assert status(data, "1182(a)(3)(B)(iv)(I)/intention") is NOT_MET


@pytest.mark.parametrize(
    "facts",
    [
        {"attribution": ["claimed"]},
        {"suicide_attack": True},
        {"demand": "none"},
    ],
)
def test_circumstances_show_a_bombing_was_not_for_mere_personal_monetary_gain(facts):
    """No source states the motive of a claimed suicide bombing of tourists; a claim, the
    attacker's own death, or an explosion with no demand shows it was not for money."""
    data = profile(incident(acts=["bombing"], targets=["civilians"], **facts))
    found = finding(evaluate_dict(data), "1182(a)(3)(B)(iii)(V)(b)")
    assert found.status is MET
    assert [i.rule for i in found.inferred] == ["not-for-personal-gain"]


def test_the_premeditation_of_an_act_it_carried_out_is_its_planning():
    """`premeditated` is the organization planning the act: (iv)(II) is not asked twice."""
    data = profile(incident(acts=["assault"], role=["committed"], premeditated=True))
    found = finding(evaluate_dict(data), "1182(a)(3)(B)(iv)(II)")
    assert found.status is MET
    assert [i.rule for i in found.inferred] == ["planning-from-premeditation"]


def test_an_act_it_planned_is_premeditated():
    data = profile(incident(acts=["assault"], role=["planned"]))
    assert status(data, "2656f(d)(2)/premeditated") is MET


def test_a_disarmament_is_a_known_negative_for_capability():
    data = profile(conduct={"disarmed": "2017-06-27"})
    found = finding(evaluate_dict(data), "1189(a)(1)(B)/capability")
    assert found.status is UNDETERMINED  # funds are not known
    data["capability"] = {"funds": False}
    found = finding(evaluate_dict(data), "1189(a)(1)(B)/capability")
    assert found.status is NOT_MET
    assert {i.rule for i in found.inferred} == {"no-capability-after-disarmament"}


def test_a_renunciation_of_violence_is_a_known_negative_for_intent():
    data = profile(conduct={"renounced_violence": "2001-06-01"})
    assert status(data, "1189(a)(1)(B)/intent-shown") is NOT_MET
    data["intent"] = {"plots": True}
    assert status(data, "1189(a)(1)(B)/intent-shown") is MET


# ---------------------------------------------------------------- who says so


@pytest.mark.parametrize(
    ("attribution", "reading", "expected"),
    [
        (["claimed"], "record", MET),
        (["press"], "record", MET),
        (["alleged"], "record", UNDETERMINED),
        (["press"], "official", UNDETERMINED),
        (["alleged"], "any", MET),
    ],
)
def test_the_attribution_reading_decides_which_attributions_make_an_act_its_own(
    attribution, reading, expected
):
    data = profile(incident(acts=["killing"], attribution=attribution))
    assert (
        status(data, "1182(a)(3)(B)(iv)(I)/committed-or-incited", attribution=reading) is expected
    )


# ---------------------------------------------------------------- whom, and why


def test_forcing_a_governments_hand_is_a_political_motive():
    data = profile(incident(motives=["coerce-government"]))
    for reading in ("broad", "narrow"):
        assert (
            status(data, "2656f(d)(2)/politically-motivated", politically_motivated=reading) is MET
        )


@pytest.mark.parametrize(
    ("targets", "hostilities", "expected"),
    [
        (["military-off-duty"], None, MET),
        (["military"], False, MET),
        ({"only": ["military"]}, True, NOT_MET),
        (["military"], None, UNDETERMINED),
    ],
)
def test_soldiers_are_noncombatant_targets_off_duty_or_where_no_hostilities_exist(
    targets, hostilities, expected
):
    """The State Department's reading of § 2656f(d)(2): noncombatants include "military
    personnel who at the time of the incident are unarmed and/or not on duty", and armed
    personnel "when a state of military hostilities does not exist at the site"."""
    facts = {"targets": targets}
    if hostilities is not None:
        facts["hostilities_at_site"] = hostilities
    assert status(profile(incident(**facts)), "2656f(d)(2)/noncombatant-targets") is expected


def test_whether_rival_fighters_are_noncombatants_is_a_named_reading():
    data = profile(incident(targets={"only": ["rivals"]}))
    assert status(data, "2656f(d)(2)/noncombatant-targets") is NOT_MET
    assert (
        status(data, "2656f(d)(2)/noncombatant-targets", rival_armed_groups="noncombatants") is MET
    )


def test_killing_officials_for_profit_raises_the_political_boundary():
    data = profile(incident(acts=["killing"], targets=["officials"], motives=["financial"]))
    found = finding(evaluate_dict(data), "2656f(d)(2)/politically-motivated")
    assert any("arguably political even for a group driven by profit" in n for n in found.notes)


# ---------------------------------------------------------------- (C) from the facts


ATTACK = {
    "acts": ["bombing"],
    "targets": ["civilians"],
    "motives": ["political"],
    "role": ["committed"],
}


@pytest.mark.parametrize(
    ("facts", "component"),
    [
        ({"us_targets": ["diplomats"]}, "1189(a)(1)(C)/foreign-relations"),
        ({"us_targets": ["forces"]}, "1189(a)(1)(C)/national-defense"),
        ({"us_targets": ["companies"]}, "1189(a)(1)(C)/economic-interests"),
        ({"country": "US"}, "1189(a)(1)(C)/national-defense"),
        ({"us_targets": ["nationals"]}, "1189(a)(1)(C)/us-nationals-harmed"),
    ],
)
def test_c_is_derived_from_what_its_terrorist_activity_reached(facts, component):
    report = evaluate_dict(profile(incident(**ATTACK, **facts)))
    assert finding(report, component).status is MET
    assert report.criterion("C").status is MET
    assert report.criterion("C").basis == "derived"


def test_a_threat_stated_directly_is_flagged_as_such():
    data = profile(
        incident(**ATTACK),
        threat_to_us={"us_nationals": True, "arises_from": ["terrorist-activity"]},
    )
    stated = finding(evaluate_dict(data), "1189(a)(1)(C)/us-nationals-stated")
    assert stated.status is MET
    assert stated.children[0].reason.startswith("stated directly")


def test_operations_in_the_united_states_threaten_its_national_defense():
    data = profile(incident(**ATTACK), threat_to_us={"operations_in_us": True})
    assert status(data, "1189(a)(1)(C)/national-defense") is MET


# ---------------------------------------------------------------- the Secretary's findings


def test_a_revocations_finding_on_b_is_asserted_and_kept_apart_from_the_facts(tmp_path):
    data = profile(
        incident(**ATTACK),
        sources={"fr": {"title": "Revocation notice"}},
        secretary_findings=[
            {"date": "2022-05-20", "decision": "revocation", "B": "not met", "sources": ["fr"]}
        ],
    )
    report = evaluate_dict(data)
    b = report.criterion("B")
    assert (b.status, b.basis, b.on_the_facts()) == (NOT_MET, "asserted", MET)
    assert "asserted finding of 2022-05-20 (revocation)" in b.reason


# ---------------------------------------------------------------- the organization over time


@pytest.mark.parametrize("members", [3000, "1000-5000", "thousands"])
def test_a_size_is_recorded_as_the_record_gives_it(members):
    data = Profile.model_validate(
        {"name": "x", "organization": {"members": members, "successors": ["Splinter Front"]}}
    )
    assert data.organization.successors == ("Splinter Front",)


# ---------------------------------------------------------------- what it intends, unrecorded


@pytest.mark.parametrize(
    "intent", [None, {"plots": True}, {"public_threats": True, "stated_aims_violent": True}]
)
def test_with_no_fact_of_the_acts_intended_what_it_intends_is_open_and_says_what_to_record(
    intent,
):
    """Every element of both definitions reads the facts of the acts intended; with none
    recorded (however plainly it threatens), what it intends is undetermined, in one leaf that
    names the facts to record, and never not met."""
    data = {"name": "Intent probe", "as_of": "2024-06-30", "incidents": []}
    if intent is not None:
        data["intent"] = intent
    found = finding(evaluate_dict(data), "1189(a)(1)(B)/intended-activity")
    assert found.status is UNDETERMINED
    assert found.missing == ["intent.acts"] and not found.children


def test_one_fact_of_the_acts_intended_has_them_judged_by_every_element():
    data = {
        "name": "Intent probe",
        "as_of": "2024-06-30",
        "incidents": [],
        "intent": {"plots": True, "acts": ["bombing"], "means": ["explosive"]},
    }
    found = finding(evaluate_dict(data), "1189(a)(1)(B)/intended-activity")
    assert {c.rule for c in found.children} == {
        "1189(a)(1)(B)/intended-terrorist-activity",
        "1189(a)(1)(B)/intended-terrorism",
    }
