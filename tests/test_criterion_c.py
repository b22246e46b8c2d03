"""§ 1189(a)(1)(C): the organization's terrorist activity or terrorism "threatens the security
of United States nationals or the national security of the United States" (§ 1189(d)(2))."""

import pytest
from profiles import evaluate_dict, finding, with_, without

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED


def status(data, rule="1189(a)(1)(C)", **readings):
    return finding(evaluate_dict(data, **readings), rule).status


@pytest.fixture
def no_us_victims(complete):
    """The incident harmed no US national and was aimed at no US interest (`us_targets: []`
    is a known negative: the incident's own facts show no threat)."""
    complete["incidents"][0].update(us_nationals_harmed=False, us_targets=[])
    return complete


def test_terrorist_activity_that_harmed_us_nationals_meets_c(complete):
    """A qualifying incident with US victims shows the threat directly."""
    assert status(complete, "1189(a)(1)(C)/us-nationals-harmed") is MET


def test_harm_from_an_incident_that_is_not_terrorist_activity_does_not_count(complete):
    """Only the organization's terrorist activity or terrorism is weighed."""
    complete["incidents"][0]["unlawful_where_committed"] = False
    complete["incidents"][0]["unlawful_in_us"] = False
    complete["incidents"][0]["motives"] = {"only": ["financial"]}
    # nor support of another organization's terrorist activity: its only part was committing it
    complete["incidents"][0]["role"] = {"only": ["committed"]}
    assert status(complete, "1189(a)(1)(C)/us-nationals-harmed") is NOT_MET


def test_us_targets_show_the_threat_from_the_incidents(complete):
    """An incident of its terrorist activity aimed at US diplomats threatens US foreign
    relations, and US nationals; one aimed at US companies, US economic interests."""
    complete["incidents"][0].update(us_nationals_harmed=False, us_targets=["diplomats"])
    del complete["threat_to_us"]
    report = evaluate_dict(complete)
    assert finding(report, "1189(a)(1)(C)/foreign-relations").status is MET
    assert finding(report, "1189(a)(1)(C)/us-nationals-harmed").status is MET
    assert finding(report, "1189(a)(1)(C)").status is MET
    complete["incidents"][0]["us_targets"] = ["companies"]
    assert status(complete, "1189(a)(1)(C)/economic-interests") is MET


def test_c_is_never_met_when_b_is_not(complete):
    """ "The terrorist activity or terrorism of the organization": with none found under (B),
    there is no activity of the organization for a threat to come from, whatever is stated."""
    complete["incidents"] = []
    complete["capability"] = {
        "armed_members": False,
        "weapons": False,
        "explosives": False,
        "funds": False,
    }
    report = evaluate_dict(complete)
    assert report.criterion("B").status is NOT_MET
    assert finding(report, "1189(a)(1)(C)/its-activity").status is NOT_MET
    assert report.criterion("C").status is NOT_MET


@pytest.mark.parametrize(
    "interest", ["national_defense", "foreign_relations", "economic_interests"]
)
def test_any_one_national_security_interest_suffices(no_us_victims, interest):
    """§ 1189(d)(2): national defense, foreign relations, or economic interests."""
    no_us_victims["threat_to_us"] = {interest: True, "arises_from": ["terrorist-activity"]}
    assert status(no_us_victims) is MET


def test_a_threat_from_drug_trafficking_alone_does_not_count_by_default(no_us_victims):
    """The words are 'the terrorist activity or terrorism of the organization'."""
    no_us_victims["threat_to_us"] = {
        "us_nationals": True,
        "arises_from": {"only": ["drug-trafficking"]},
        "operations_in_us": False,
        "threats_against_us": False,
    }
    assert status(no_us_victims) is NOT_MET
    assert status(no_us_victims, threat_origin="all-activities") is MET


def test_a_threat_known_to_come_from_drug_trafficking_may_come_from_more(no_us_victims):
    """`arises_from: [drug-trafficking]` does not say the threat comes from nothing else."""
    no_us_victims["threat_to_us"] = {"us_nationals": True, "arises_from": ["drug-trafficking"]}
    assert status(no_us_victims, "1189(a)(1)(C)/threat-origin") is UNDETERMINED


def test_a_threat_stated_directly_is_flagged_as_such(no_us_victims):
    """A threat the profile states, rather than one the incidents show, is marked so."""
    no_us_victims["threat_to_us"] = {"us_nationals": True, "arises_from": ["terrorist-activity"]}
    stated = finding(evaluate_dict(no_us_victims), "1189(a)(1)(C)/us-nationals-stated")
    assert stated.status is MET
    assert "stated directly" in stated.children[0].reason


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
        "operations_in_us": False,
        "threats_against_us": False,
    }
    assert status(no_us_victims) is NOT_MET


def test_an_asserted_finding_is_reported_as_asserted_not_derived(no_us_victims):
    """The (C) finding is the Secretary's judgment; a profile may assert it, and it shows."""
    no_us_victims["sources"] = {"fr": {"title": "Federal Register notice"}}
    with_(
        no_us_victims,
        "threat_to_us",
        {"secretary_finding": {"threatens": True, "date": "2024-02-20", "sources": ["fr"]}},
    )
    c = finding(evaluate_dict(no_us_victims), "1189(a)(1)(C)")
    assert c.status is MET and c.basis == "asserted"
    assert "asserted finding" in c.reason and "undetermined" in c.reason


def test_an_asserted_finding_applies_only_from_its_date(no_us_victims):
    """A finding published after the day judged had not been made on that day."""
    no_us_victims["sources"] = {"fr": {"title": "Federal Register notice"}}
    with_(
        no_us_victims,
        "threat_to_us",
        {"secretary_finding": {"threatens": True, "date": "2025-02-20", "sources": ["fr"]}},
    )
    c = finding(evaluate_dict(no_us_victims), "1189(a)(1)(C)")
    assert c.basis != "asserted" and c.status is UNDETERMINED
    c = finding(evaluate_dict(no_us_victims, as_of="2025-02-20"), "1189(a)(1)(C)")
    assert c.basis == "asserted" and c.status is MET


def test_secretary_findings_apply_from_their_dates_until_a_revocation(no_us_victims):
    """`secretary_findings`: each applies on and after its date; a later revocation that
    states no finding ends them."""
    no_us_victims["sources"] = {"fr": {"title": "Federal Register notice"}}
    no_us_victims["secretary_findings"] = [
        {
            "date": "2020-01-10",
            "decision": "designation",
            "B": "met",
            "C": "met",
            "sources": ["fr"],
        },
        {"date": "2024-03-01", "decision": "revocation", "sources": ["fr"]},
    ]
    for day, basis in (("2019-12-31", None), ("2022-01-01", "asserted"), ("2024-06-30", None)):
        c = finding(evaluate_dict(no_us_victims, as_of=day), "1189(a)(1)(C)")
        assert (c.basis == "asserted") is (basis == "asserted"), day


def test_no_threat_shown_by_the_incidents_cites_the_incidents_facts(no_us_victims):
    """Not met on the incidents' own facts: the finding names them, so a report can point at
    the lines that decided it."""
    harmed = finding(evaluate_dict(no_us_victims), "1189(a)(1)(C)/us-nationals-harmed")
    assert harmed.status is NOT_MET
    assert {f.path for f in harmed.facts} == {
        "incidents[0].us_targets",
        "incidents[0].us_nationals_harmed",
    }
