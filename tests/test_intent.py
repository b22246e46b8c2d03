"""(B)'s third route: "retains the capability and intent to engage in terrorist activity or
terrorism". The intent counts only if what is intended would itself be terrorist activity
(the kinds of § 1182(a)(3)(B)(iii)(I)–(V), with (V)(b)'s money carve-out and its reading) or
terrorism (a political motive, § 2656f(d)(2)); unknown stays undetermined."""

from __future__ import annotations

import pytest
from profiles import evaluate_dict, finding

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED

INTENT = "1189(a)(1)(B)/intent"


def armed_with(**intent) -> dict:
    """A group with no known incident, armed, with the given intent."""
    return {
        "name": "Armed group",
        "as_of": "2024-06-30",
        "incidents": [],
        "capability": {"armed_members": True},
        "intent": intent,
    }


def intent_status(data: dict, **readings) -> object:
    return finding(evaluate_dict(data, **readings), INTENT).status


def test_a_threat_of_violence_alone_is_not_yet_an_intent_to_engage_in_terrorist_activity():
    """A public threat with nothing said about what is intended leaves the intent open."""
    assert intent_status(armed_with(public_threats=True)) is UNDETERMINED


def test_an_intended_assassination_is_terrorist_activity_whatever_the_motive():
    """(iii)(IV) has no carve-out: an intended assassination for money still counts."""
    data = armed_with(public_threats=True, intended_acts=["assassination"], motives=["financial"])
    assert intent_status(data, personal_monetary_gain="organizational-profit") is MET


def shootings(motives) -> dict:
    """Intended shootings of civilians, the acts, means and targets all there are, for `motives`:
    only (V)(b) can make them terrorist activity, and its money carve-out decides."""
    return armed_with(
        public_threats=True,
        acts={"only": ["assault"]},
        means={"only": ["firearm"]},
        targets={"only": ["civilians"]},
        motives=motives,
    )


def test_intended_shootings_for_the_organizations_profit_count_on_the_default_reading():
    """(V)(b): an organization's profit is not "mere personal monetary gain" by default."""
    assert intent_status(shootings({"only": ["financial"]})) is MET


def test_intended_shootings_for_profit_fail_on_the_organizational_profit_reading():
    """The same intent, read so that an organization's profit is mere monetary gain; a motive
    list not said to be complete leaves the carve-out open on that reading."""
    data = shootings({"only": ["financial"]})
    assert intent_status(data, personal_monetary_gain="organizational-profit") is NOT_MET
    data = shootings(["financial"])
    assert intent_status(data, personal_monetary_gain="organizational-profit") is UNDETERMINED


def test_intended_shootings_for_personal_gain_are_carved_out():
    """An individual's personal gain is within the carve-out on every reading."""
    assert intent_status(shootings({"only": ["personal-gain"]})) is NOT_MET


def intended_violence(motives) -> dict:
    """Intended killings of civilians by a subnational group, for `motives`."""
    data = armed_with(plots=True, acts=["killing"], targets=["civilians"], motives=motives)
    data["organization"] = {"subnational_group": True}
    return data


INTENDED_TERRORISM = "1189(a)(1)(B)/intended-terrorism"


def test_a_political_aim_makes_the_intended_violence_terrorism():
    """Politically motivated violence against noncombatants is terrorism; the same violence
    for profit alone is not."""
    data = intended_violence(["political"])
    assert finding(evaluate_dict(data), INTENDED_TERRORISM).status is MET
    assert intent_status(data) is MET
    data = intended_violence({"only": ["financial"]})
    assert finding(evaluate_dict(data), INTENDED_TERRORISM).status is NOT_MET


def test_intended_terrorism_needs_violence():
    """An aim, however political, with no violence intended is not terrorism."""
    data = armed_with(plots=True, acts=[], motives=["political"])
    assert finding(evaluate_dict(data), INTENDED_TERRORISM).status is NOT_MET


@pytest.mark.parametrize(("reading", "status"), [("broad", MET), ("narrow", NOT_MET)])
def test_a_religious_aim_is_political_only_on_the_broad_reading(reading, status):
    """The politically-motivated reading decides the intended violence as it does incidents."""
    data = intended_violence(["religious"])
    result = finding(evaluate_dict(data, politically_motivated=reading), INTENDED_TERRORISM)
    assert result.status is status


def test_no_violence_shown_is_no_intent_whatever_is_aimed_at():
    """An intended object without any threat, plot or violent aim is not an intent shown."""
    data = armed_with(
        public_threats=False,
        plots=False,
        stated_aims_violent=False,
        intended_acts=["explosive"],
        motives=["political"],
    )
    assert intent_status(data) is NOT_MET


def test_capability_and_intent_meet_b_without_any_incident():
    """Route 3 of (B): armed, and intending terrorist activity, with no incident at all. An
    intended bombing of civilians is unlawful and endangers them (inferred); with inferences
    off, those facts must be stated."""
    data = armed_with(
        public_threats=True, acts=["bombing"], targets=["civilians"], motives=["political"]
    )
    assert evaluate_dict(data).criterion("B").status is MET
    assert evaluate_dict(data, inferences="facts-only").criterion("B").status is UNDETERMINED
    data["intent"].update(unlawful_in_us=True, intent_to_endanger=True)
    assert evaluate_dict(data, inferences="facts-only").criterion("B").status is MET


def test_the_intent_reads_the_money_reading_so_it_can_be_contested():
    """The intent's (V)(b) finding records the reading it depended on."""
    data = armed_with(public_threats=True, intended_acts=["firearm"], motives=["financial"])
    found = finding(evaluate_dict(data), "1182(a)(3)(B)(iii)(V)(b)")
    assert found.readings == {"personal-monetary-gain": "individual-only"}
    assert found.facts[0].path == "intent.intended_acts"


def test_a_public_threat_is_flagged_as_possibly_terrorist_activity_itself():
    """Boundary: a threat may itself be a (iii)(VI) "threat"; the report says so."""
    data = armed_with(public_threats=True, intended_acts=["explosive"], motives=["political"])
    notes = finding(evaluate_dict(data), "1189(a)(1)(B)/intent-shown").notes
    assert any("(iii)(VI)" in note for note in notes)
