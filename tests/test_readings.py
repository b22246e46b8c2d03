"""Contested readings made explicit: `--all-readings` judges every combination of the readings
that mattered and marks what they contest, naming the reading that flips it; each reading's
prose states the question, the alternatives and who argues what, citing only real cases."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.readings import all_readings

runner = CliRunner()
ROOT = Path(__file__).parent.parent
CASES = Path("/work/shared/law/cases.md")

# Profit-driven shootings are its only incidents, and the same acts are what it intends: the
# lists are complete (`only:`), so the carve-out for "mere personal monetary gain" decides.
CARTEL = """\
name: Profit Cartel
as_of: 2025-02-20
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {headquarters_in: MX, organized_under_us_law: false}
incidents:
  - id: highway-ambush
    date: 2024-09-17
    acts: {only: [assault]}
    means: {only: [firearm]}
    threatened: []
    attempted: []
    conspired: []
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: {only: [financial]}
    premeditated: true
    violent: true
    targets: {only: [rivals, civilians]}
    role: {only: [committed]}
conduct: {all_incidents_since: 2020-01-01}
capability: {armed_members: true}
intent:
  public_threats: true
  acts: {only: [assault]}
  means: {only: [firearm]}
  targets: {only: [rivals, civilians]}
  motives: {only: [financial]}
threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}
"""


@pytest.fixture
def cartel(tmp_path) -> Path:
    path = tmp_path / "cartel.yaml"
    path.write_text(CARTEL)
    return path


def all_readings_json(path) -> dict:
    result = runner.invoke(app, ["check", "--all-readings", "--format", "json", str(path)])
    return json.loads(result.output)


def contested(report: dict, rule: str) -> dict | None:
    return next((c for c in report["all_readings"]["contested"] if c["rule"] == rule), None)


def test_a_profit_cartel_has_b_contested_under_personal_monetary_gain(cartel):
    """(B) is met on the default reading and not met when an organization's profit is
    "mere personal monetary gain": the reading that flips it is named."""
    item = contested(all_readings_json(cartel), "1189(a)(1)(B)")
    assert item["status"] == "met"
    assert item["flips"] == [
        {"reading": "personal-monetary-gain", "value": "organizational-profit", "status": "not_met"}
    ]


def test_the_verdict_is_marked_contested_in_the_text_report(cartel):
    """The text report says so at (B) and at the verdict."""
    output = runner.invoke(app, ["check", "--all-readings", str(cartel)]).output
    assert (
        "contested — met on the readings in force; "
        "not met with personal-monetary-gain=organizational-profit"
    ) in output
    assert "(contested: it depends on the readings)" in output


def test_the_flip_named_is_what_choosing_that_reading_gives(cartel):
    """Choosing the flipping reading by hand gives the status the contest reported."""
    result = runner.invoke(
        app,
        [
            "check",
            "--format",
            "json",
            "--reading",
            "personal-monetary-gain=organizational-profit",
            str(cartel),
        ],
    )
    report = json.loads(result.output)
    assert report["criteria"]["children"][1]["status"] == "not_met"
    assert result.exit_code == 1


def test_only_the_readings_the_profile_consulted_are_varied(cartel):
    """A reading no finding consulted (the group has not dissolved) is not tried."""
    varied = all_readings_json(cartel)["all_readings"]["varied"]
    assert "dissolved-organization" not in varied
    assert set(varied) >= {"personal-monetary-gain", "foreign-test", "engages-recency"}
    assert varied["personal-monetary-gain"] == ["individual-only", "organizational-profit"]


def test_without_all_readings_nothing_is_called_contested(cartel):
    """Contests are computed only when asked for; the JSON says so with null."""
    report = json.loads(runner.invoke(app, ["check", "--format", "json", str(cartel)]).output)
    assert report["all_readings"] is None


def test_the_2019_cartel_example_has_b_contested_under_personal_monetary_gain():
    """The public-record Cártel del Noreste profile: profit-driven violence, (B) contested on
    the motive (the evidence readings, which draw inferences and credit attributions, may
    contest it too)."""
    path = ROOT / "examples/public-record/cartel-del-noreste-2019.yaml"
    if not path.exists():
        pytest.skip("the 2019 cartel example is not in this tree")
    item = contested(all_readings_json(path), "1189(a)(1)(B)")
    flips = [f["reading"] for f in item["flips"]]
    assert "personal-monetary-gain" in flips
    assert set(flips) <= {"personal-monetary-gain", "inferences", "attribution"}


@pytest.mark.parametrize("name", list(all_readings()))
def test_each_reading_states_the_question_the_alternatives_and_the_argument(name):
    """`fto-check explain` teaches from this prose: it must name the clause in question, ask
    its question, and say who argues what. A question may name its clause in its own words
    ("(IV) lists…") when the reading's `clause` cites it; an alternative that is a dated
    default may leave its ground to that period's `because`."""
    reading = all_readings()[name]
    assert "?" in reading.question
    assert re.fullmatch(r"\d+\w*\(\w\)(?:\(\w+\))*", reading.clause), reading.clause
    assert reading.current_default in reading.alternatives
    grounds = {value: text for value, text in reading.alternatives.items()}
    if isinstance(reading.default, list):
        for period in reading.default:
            assert len(period.because.split()) >= 12, period
            grounds[period.value] += " " + period.because
    assert all(len(text.split()) >= 12 for text in grounds.values())
    assert len(reading.argument.split()) >= 30


def test_a_dated_default_is_the_one_in_force_on_the_day_judged():
    """`engages-recency` has one default per period of the law; `default_on(day)` gives the
    period's, and the current default is today's."""
    reading = all_readings()["engages-recency"]
    periods = reading.defaults_by_period()
    assert len(periods) > 1
    for period in periods:
        assert reading.default_on(period.since) == period
    assert reading.current_default == periods[-1].value


def reporter_citations(text: str) -> set[str]:
    return set(re.findall(r"\d+ (?:F\.3d|U\.S\.) \d+", text))


@pytest.mark.skipif(not CASES.exists(), reason="the shared case notes are not on this machine")
def test_every_case_cited_in_the_readings_is_one_the_case_notes_summarize():
    """No invented authority: each reporter citation appears in the shared case notes."""
    cited = reporter_citations((ROOT / "rules/readings.yaml").read_text(encoding="utf-8"))
    assert cited
    assert cited <= reporter_citations(CASES.read_text(encoding="utf-8"))


def test_the_readings_file_is_plain_yaml_with_one_entry_per_reading():
    """Every reading the checker knows is documented once."""
    data = yaml.safe_load((ROOT / "rules/readings.yaml").read_text(encoding="utf-8"))
    names = [entry["name"] for entry in data["readings"]]
    assert sorted(names) == sorted(all_readings()) and len(names) == len(set(names))
