"""22 U.S.C. § 2656f(d)(2): "premeditated, politically motivated violence perpetrated against
noncombatant targets by subnational groups or clandestine agents" — each element alone."""

import pytest
from profiles import evaluate_dict, finding, with_, without

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED


def status(data, rule="2656f(d)(2)", **readings):
    return finding(evaluate_dict(data, **readings), rule).status


def incident(data):
    return data["incidents"][0]


def test_a_political_bombing_of_civilians_is_terrorism(complete):
    """All five elements present."""
    assert status(complete) is MET


@pytest.mark.parametrize(
    ("fact", "value", "element"),
    [
        ("premeditated", False, "premeditated"),
        ("motives", {"only": ["financial"]}, "politically-motivated"),
        ("violent", False, "violence"),
        ("targets", {"only": ["rivals"]}, "noncombatant-targets"),
        ("role", {"only": ["material-support"]}, "perpetrated-by"),
    ],
)
def test_each_missing_element_defeats_terrorism_and_is_named(complete, fact, value, element):
    """The report can say which element failed: here, only that one. (A list defeats an
    element only when it is complete: `{only: [...]}`.)"""
    incident(complete)[fact] = value
    report = evaluate_dict(complete)
    assert finding(report, "2656f(d)(2)").status is NOT_MET
    failed = [c.rule for c in finding(report, "2656f(d)(2)").children if c.status is NOT_MET]
    assert failed == [f"2656f(d)(2)/{element}"]


def test_profit_is_not_a_political_motive(complete):
    """The heart of the 2019 cartel debate: profit-driven violence is not terrorism."""
    incident(complete)["motives"] = {"only": ["financial", "territorial"]}
    assert status(complete, "2656f(d)(2)/politically-motivated") is NOT_MET


def test_known_profit_motives_do_not_rule_out_a_political_one(complete):
    """A motive list not said to be complete may leave a political motive out."""
    incident(complete)["motives"] = ["financial", "territorial"]
    assert status(complete, "2656f(d)(2)/politically-motivated") is UNDETERMINED


def test_religious_motive_counts_on_the_broad_reading_only(complete):
    """Whether ideological, religious or social aims are 'political' is a named reading."""
    incident(complete)["motives"] = ["religious"]
    assert status(complete, "2656f(d)(2)/politically-motivated") is MET
    assert (
        status(complete, "2656f(d)(2)/politically-motivated", politically_motivated="narrow")
        is NOT_MET
    )


def test_unknown_motive_is_undetermined(complete):
    """A missing motive is not a profit motive."""
    without(complete, "incidents", 0, "motives")
    assert status(complete, "2656f(d)(2)/politically-motivated") is UNDETERMINED


def test_police_and_officials_are_noncombatant_targets(complete):
    """Noncombatants include civilians, officials and police, not soldiers or rival fighters."""
    incident(complete)["targets"] = ["police"]
    assert status(complete, "2656f(d)(2)/noncombatant-targets") is MET
    incident(complete).update(targets={"only": ["rivals", "military"]}, hostilities_at_site=True)
    assert status(complete, "2656f(d)(2)/noncombatant-targets") is NOT_MET


def test_soldiers_are_noncombatants_where_no_hostilities_are_under_way(complete):
    """The State Department's reading: armed soldiers count when no state of hostilities
    exists at the site; not known whether one did leaves it open."""
    incident(complete)["targets"] = {"only": ["military"]}
    assert status(complete, "2656f(d)(2)/noncombatant-targets") is UNDETERMINED
    incident(complete)["hostilities_at_site"] = False
    assert status(complete, "2656f(d)(2)/noncombatant-targets") is MET
    incident(complete)["hostilities_at_site"] = True
    assert status(complete, "2656f(d)(2)/noncombatant-targets") is NOT_MET


@pytest.mark.parametrize(("reading", "expected"), [("combatants", NOT_MET), ("noncombatants", MET)])
def test_rival_fighters_are_noncombatants_only_on_that_reading(complete, reading, expected):
    """Whether a rival armed group's members are noncombatant targets is a named reading."""
    incident(complete)["targets"] = {"only": ["rivals"]}
    result = status(complete, "2656f(d)(2)/noncombatant-targets", rival_armed_groups=reading)
    assert result is expected


@pytest.mark.parametrize(
    ("reading", "expected"), [("civilian-property", MET), ("people-only", NOT_MET)]
)
def test_civilian_property_is_a_noncombatant_target_only_on_that_reading(
    complete, reading, expected
):
    """An empty ministry bombed at night: a noncombatant target on the default reading."""
    incident(complete)["targets"] = {"only": ["property"]}
    result = status(complete, "2656f(d)(2)/noncombatant-targets", property_targets=reading)
    assert result is expected


def test_a_state_army_acting_openly_is_not_a_subnational_group(complete):
    """Neither a subnational group nor clandestine agents: not § 2656f terrorism."""
    complete["organization"].update(subnational_group=False, clandestine_agents=False)
    assert status(complete, "2656f(d)(2)/perpetrated-by") is NOT_MET


def test_clandestine_agents_of_a_state_qualify(complete):
    """The definition reaches states' clandestine agents: it asks who perpetrated this act,
    so an organization having clandestine agents leaves it open until the incident says."""
    complete["organization"].update(subnational_group=False, clandestine_agents=True)
    found = finding(evaluate_dict(complete), "2656f(d)(2)/perpetrated-by")
    assert found.status is UNDETERMINED
    assert any("clandestine_agents" in note for note in found.notes)
    incident(complete)["clandestine_agents"] = True
    assert status(complete, "2656f(d)(2)/perpetrated-by") is MET


def test_terrorism_is_a_route_to_b_only_since_2001(complete):
    """§ 2656f(d)(2) entered § 1189(a)(1)(B) with the USA PATRIOT Act (26 October 2001)."""
    with_(complete, "incidents", 0, "date", "2000-06-01")
    routes_1999 = [
        c.rule
        for c in finding(evaluate_dict(complete, as_of="2000-12-01"), "1189(a)(1)(B)").children
    ]
    assert routes_1999 == ["1189(a)(1)(B)/terrorist-activity"]
