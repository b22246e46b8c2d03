"""§ 1189(a)(1)(C): the organization's terrorist activity or terrorism "threatens the security
of United States nationals or the national security of the United States" (§ 1189(d)(2))."""

import pytest
from profiles import evaluate_dict, finding, with_, without

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED


def status(data, rule="1189(a)(1)(C)", **readings):
    return finding(evaluate_dict(data, **readings), rule).status


@pytest.fixture
def no_us_victims(complete):
    complete["incidents"][0]["us_nationals_harmed"] = False
    return complete


def test_terrorist_activity_that_harmed_us_nationals_meets_c(complete):
    """A qualifying incident with US victims shows the threat directly."""
    assert status(complete, "1189(a)(1)(C)/us-nationals-harmed") is MET


def test_harm_from_an_incident_that_is_not_terrorist_activity_does_not_count(complete):
    """Only the organization's terrorist activity or terrorism is weighed."""
    complete["incidents"][0]["unlawful_where_committed"] = False
    complete["incidents"][0]["unlawful_in_us"] = False
    complete["incidents"][0]["motives"] = ["financial"]
    assert status(complete, "1189(a)(1)(C)/us-nationals-harmed") is NOT_MET


@pytest.mark.parametrize(
    "interest", ["national_defense", "foreign_relations", "economic_interests"]
)
def test_any_one_national_security_interest_suffices(no_us_victims, interest):
    """§ 1189(d)(2): national defense, foreign relations, or economic interests."""
    no_us_victims["threat_to_us"] = {interest: True, "arises_from": ["terrorist-activity"]}
    assert status(no_us_victims) is MET


def test_a_threat_from_drug_trafficking_alone_does_not_count_by_default(no_us_victims):
    """The words are 'the terrorist activity or terrorism of the organization'."""
    no_us_victims["threat_to_us"] = {"us_nationals": True, "arises_from": ["drug-trafficking"]}
    assert status(no_us_victims) is NOT_MET
    assert status(no_us_victims, threat_origin="all-activities") is MET


def test_unknown_origin_of_the_threat_is_undetermined(no_us_victims):
    """Which activity the threat comes from must be stated."""
    without(no_us_victims, "threat_to_us", "arises_from")
    assert status(no_us_victims) is UNDETERMINED


def test_no_threat_at_all_is_not_met(no_us_victims):
    """Known negatives on every interest: (C) not met."""
    no_us_victims["threat_to_us"] = {
        "us_nationals": False,
        "national_defense": False,
        "foreign_relations": False,
        "economic_interests": False,
    }
    assert status(no_us_victims) is NOT_MET


def test_an_asserted_finding_is_reported_as_asserted_not_derived(no_us_victims):
    """The (C) finding is the Secretary's judgment; a profile may assert it, and it shows."""
    no_us_victims["sources"] = {"fr": {"title": "Federal Register notice"}}
    with_(
        no_us_victims,
        "threat_to_us",
        {"secretary_finding": {"threatens": True, "date": "2025-02-20", "sources": ["fr"]}},
    )
    c = finding(evaluate_dict(no_us_victims), "1189(a)(1)(C)")
    assert c.status is MET and c.basis == "asserted"
    assert "asserted finding" in c.reason and "undetermined" in c.reason
