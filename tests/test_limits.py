"""Work bounded by the input, not just its bytes (issue 16 §1; docs/hostile-input.md, "Limits").

A profile may hold only so much (base/limits.py), refused with a `path:line:col` error after
parsing and before anything else is done with it; the searches that could grow faster than a
profile (did you mean, what would change the result, every combination of readings) stop at a
budget and say so. None of these tests times anything: each counts the work, or checks the
limit, directly.
"""

from __future__ import annotations

import copy
import difflib
import json
import math

import pytest
from profiles import COMPLETE, INCIDENT
from typer.testing import CliRunner

from fto_check.base.limits import MAX_INCIDENTS, MAX_ITEMS, MAX_SOURCES
from fto_check.cli.app import app
from fto_check.profile.model import Profile
from fto_check.profile.read import read_profile
from fto_check.reasoning import contest, whynot
from fto_check.reasoning.evaluate import evaluate

runner = CliRunner()


def write(tmp_path, data: dict) -> str:
    path = tmp_path / "p.yaml"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")  # JSON is YAML
    return str(path)


def refused(tmp_path, data: dict) -> str:
    result = runner.invoke(app, ["check", write(tmp_path, data)])
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.splitlines()
    return line


def test_more_incidents_than_the_limit_are_refused_at_the_first_one_over(tmp_path):
    data = copy.deepcopy(COMPLETE)
    data["incidents"] = [{"date": "2024-01-01"}] * (MAX_INCIDENTS + 1)
    line = refused(tmp_path, data)
    assert f"incidents: {MAX_INCIDENTS + 1:,} incidents: a profile holds at most" in line
    # the entry past the limit, as the file has it (one line per `{` of an incident, indent=1)
    position = line.split(": ")[0].rsplit(":", 2)[1:]
    assert int(position[0]) > MAX_INCIDENTS and position[1] == "3"


def test_as_many_incidents_as_the_limit_are_accepted(tmp_path):
    data = copy.deepcopy(COMPLETE)
    data["incidents"] = [{"date": "2024-01-01"}] * MAX_INCIDENTS
    assert len(read_profile(write(tmp_path, data)).profile.incidents) == MAX_INCIDENTS


def test_more_sources_than_the_limit_are_refused(tmp_path):
    data = copy.deepcopy(COMPLETE)
    data["sources"] = {f"s{i}": {"title": "t"} for i in range(MAX_SOURCES + 1)}
    assert f"{MAX_SOURCES + 1:,} sources: a profile holds at most" in refused(tmp_path, data)


@pytest.mark.parametrize(
    "where",
    [("aliases",), ("incidents", 0, "motives"), ("foreign", "operates_in"), ("organization",)],
    ids=["aliases", "an-incident-list", "a-list-of-countries", "a-mapping"],
)
def test_any_other_list_or_mapping_longer_than_the_limit_is_refused(tmp_path, where):
    data = copy.deepcopy(COMPLETE)
    target = data
    for part in where[:-1]:
        target = target[part]
    if where == ("organization",):
        target["organization"] = {f"field{i}": True for i in range(MAX_ITEMS + 1)}
    else:
        target[where[-1]] = ["political"] * (MAX_ITEMS + 1)
    line = refused(tmp_path, data)
    assert f"a profile holds at most {MAX_ITEMS}" in line


def test_did_you_mean_is_worked_out_only_for_the_problems_shown(tmp_path, monkeypatch):
    """1,000 unknown references among 1,000 sources: each "did you mean" compares with every
    key, so working them all out was quadratic (3,000: 15 s). Only the 20 shown are."""
    data = copy.deepcopy(COMPLETE)
    data["sources"] = {f"source-{i}": {"title": "t"} for i in range(1000)}
    data["incidents"] = [
        {**INCIDENT, "id": f"i{j}", "sources": [f"sorce-{i}" for i in range(j, j + 100)]}
        for j in range(0, 1000, 100)
    ]
    calls = []
    close = difflib.get_close_matches
    monkeypatch.setattr(
        difflib, "get_close_matches", lambda *a, **k: calls.append(1) or close(*a, **k)
    )
    result = runner.invoke(app, ["check", write(tmp_path, data)])
    assert result.exit_code == 2
    assert len(calls) <= 20
    assert "… and 980 more problems" in result.stderr
    assert "did you mean 'source-0'?" in result.stderr


def _incidents(n: int) -> Profile:
    data = copy.deepcopy(COMPLETE)
    data["incidents"] = [{"id": f"i{i}", "date": "2024-01-01", "violent": True} for i in range(n)]
    del data["capability"]  # (B) not met: what would meet it is searched through every incident
    return Profile.model_validate(data)


def test_the_what_would_change_search_stops_at_its_budget_and_says_so(monkeypatch):
    """Each incident is a route to (B): the search stops where its budget runs out (after the
    first incidents), instead of going through all of them (16,000: 101 s, 2.85 GB). With a
    smaller budget, the same code: it stops sooner."""
    monkeypatch.setattr(whynot, "BUDGET", 3_000)
    profile = _incidents(40)
    solved = []
    original = whynot._solve
    monkeypatch.setattr(
        whynot,
        "_solve",
        lambda finding, *a, **k: solved.append(finding.subject) or original(finding, *a, **k),
    )
    report = whynot.attach(evaluate(profile), profile)
    answer = next(w for w in report.why_not if w.rule == "1189(a)(1)(B)")
    assert answer.exhausted and answer.fixes  # what it found are fixes still
    reached = {s for s in solved if s.startswith("incident ")}
    assert 0 < len(reached) < 40


def test_a_search_within_its_budget_is_complete():
    profile = _incidents(3)
    report = whynot.attach(evaluate(profile), profile)
    assert not any(w.exhausted for w in report.why_not)


def test_the_text_report_and_the_memo_say_the_search_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr(whynot, "BUDGET", 2_000)  # a smaller budget: the same code, sooner
    data = copy.deepcopy(COMPLETE)
    data["incidents"] = [{"id": f"i{i}", "date": "2024-01-01"} for i in range(20)]
    del data["capability"]
    path = write(tmp_path, data)
    text = runner.invoke(app, ["check", "--why-not", path]).stdout
    assert "… and perhaps more: the search stopped at its budget" in text
    memo = runner.invoke(app, ["check", "-f", "markdown", path]).stdout
    assert "- … and perhaps more: the search for them stopped at its budget." in memo


def test_all_readings_judges_within_its_budget_the_combinations_that_matter_first(monkeypatch):
    """--all-readings judged the profile once per combination (2,000 incidents, 96: 157 s).
    Within a budget, the readings in force and each changed alone come first (they name the
    flips); the combinations left out are counted, and the text report says so."""
    profile = _incidents(20)
    judged = []
    monkeypatch.setattr(contest, "BUDGET", 10 * 21)
    original = evaluate

    def counting(*args, **kwargs):
        judged.append(kwargs.get("readings"))
        return original(*args, **kwargs)

    monkeypatch.setattr("fto_check.reasoning.evaluate.evaluate", counting)
    report = contest.attach(evaluate(profile), profile)
    result = report.all_readings
    total = math.prod(len(values) for values in result.varied.values())
    singles = 1 + sum(len(values) - 1 for values in result.varied.values())
    assert len(judged) == 10 and result.combinations == 11 and result.not_judged == total - 11
    in_force = report.readings
    alone = [
        {**in_force, name: value}
        for name, values in result.varied.items()
        for value in values
        if value != in_force[name]
    ]
    first = min(len(judged), singles - 1)
    assert judged[:first] == alone[:first]  # each reading changed alone, before any pair
    from fto_check.render import text

    assert f"11 of {total} combinations" in text.render(report)
    assert f"{total - 11} combinations not judged" in text.render(report)


def test_all_readings_of_a_small_profile_judges_every_combination():
    profile = _incidents(2)
    result = contest.attach(evaluate(profile), profile).all_readings
    assert result.not_judged == 0
