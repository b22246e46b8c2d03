"""What would change the outcome (`fto_check.reasoning.whynot`), as laws and as examples.

1. Made to the profile, any one choice of each step of a proposed fix meets its criterion.
2. Fixes are worked out from the finding tree, smallest first, and a profile with no incident
   to change is offered a new one.
3. JSON always carries them; the text report shows them under --why-not.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import optional, profiles, subsets
from typer.testing import CliRunner

from fto_check.base.loader import load_document
from fto_check.cli.app import app
from fto_check.profile.model import Act, Motive, Profile
from fto_check.reasoning import whynot
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.logic import MET

EXAMPLES = sorted(Path(__file__).parent.parent.glob("examples/**/*.yaml"))

intents = optional(
    public_threats=st.booleans(),
    plots=st.booleans(),
    stated_aims_violent=st.booleans(),
    intended_acts=subsets(Act),
    motives=subsets(Motive),
)
profiles_with_intent = st.tuples(profiles, st.none() | intents).map(
    lambda pair: {**pair[0], **({"intent": pair[1]} if pair[1] is not None else {})}
)


def judged(data: dict):
    profile = Profile.model_validate(data)
    return whynot.attach(evaluate(profile), profile)


def status_after(data: dict, changes, rule: str):
    changed = whynot.apply(data, changes)
    return evaluate(Profile.model_validate(changed)).criteria.find(rule).status


@settings(max_examples=40, deadline=None)
@given(profiles_with_intent, st.data())
def test_any_one_choice_of_a_fix_meets_its_criterion(data, draw):
    """Law: pick one change of each step of any fix, make them, and the criterion is met."""
    for answer in judged(data).why_not:
        for fix in answer.fixes:
            choice = [draw.draw(st.sampled_from(step)) for step in fix.steps]
            assert status_after(data, choice, answer.rule) is MET, (answer.rule, choice)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_fix_proposed_for_an_example_flips_its_criterion(path):
    """On every example, each fix (its first and its last choice of each step) meets the
    criterion it was proposed for. Only (A) may have none: where a group is led and organized
    is a matter of record, never offered for change."""
    data = load_document(path.read_text(encoding="utf-8"), str(path)).data
    for answer in judged(data).why_not:
        assert answer.fixes or answer.rule == "1189(a)(1)(A)", f"no fix for {answer.rule}"
        for fix in answer.fixes:
            for pick in (0, -1):
                choice = [step[pick] for step in fix.steps]
                assert status_after(data, choice, answer.rule) is MET, (answer.rule, choice)


CARTEL = {
    "name": "Profit cartel",
    "as_of": "2025-02-20",
    "incidents": [
        {
            "id": "ambush",
            "date": "2024-09-17",
            "involves": ["firearm"],
            "unlawful_where_committed": True,
            "intent_to_endanger": True,
            "intent_to_kill_or_injure": True,
            "motives": ["financial"],
            "premeditated": True,
            "violent": True,
            "targets": ["civilians"],
            "role": ["committed"],
        }
    ],
    "organization": {"is_group": True, "subnational_group": True},
}


def fixes_text(report, rule: str) -> list[list[tuple]]:
    answer = next(w for w in report.why_not if w.rule == rule)
    return [
        [(c.path, c.op, tuple(c.value) if isinstance(c.value, list) else c.value) for c in step]
        for fix in answer.fixes
        for step in fix.steps
    ]


def test_a_political_motive_would_make_profit_driven_violence_terrorism():
    """The cartel's ambush fails § 2656f(d)(2) on motive alone: adding `political` meets (B)."""
    report = judged({**CARTEL, "readings": {"personal-monetary-gain": "organizational-profit"}})
    steps = fixes_text(report, "1189(a)(1)(B)")
    assert any(("incidents[0].motives", "add", ("political",)) in step for step in steps)


def test_fixes_name_the_clauses_they_would_meet():
    """Each fix says which clause it satisfies, e.g. § 2656f(d)(2) politically motivated."""
    report = judged({**CARTEL, "readings": {"personal-monetary-gain": "organizational-profit"}})
    routes = {r.rule for w in report.why_not for f in w.fixes for r in f.via}
    assert "2656f(d)(2)/politically-motivated" in routes


def test_smallest_fixes_come_first():
    """A one-change fix is listed before any fix needing more changes."""
    report = judged({**CARTEL, "capability": {"armed_members": False}})
    for answer in report.why_not:
        sizes = [len(f.steps) for f in answer.fixes]
        assert sizes == sorted(sizes)


def test_with_no_incident_known_a_new_incident_is_proposed():
    """`incidents: []` leaves nothing to change: the fix is a new incident, with its facts."""
    data = {**CARTEL, "incidents": []}
    answer = next(w for w in judged(data).why_not if w.rule == "1189(a)(1)(B)")
    new = [
        f
        for f in answer.fixes
        if all(c.path.startswith("incidents[+].") for s in f.steps for c in s)
    ]
    assert new
    choice = [step[0] for step in new[0].steps]
    assert status_after(data, choice, "1189(a)(1)(B)") is MET


def test_a_place_the_record_gives_is_never_offered_for_change():
    """Issue 20, item 6: a group led from the United States is not made foreign by moving its
    leadership abroad; where it is led is a matter of record. A tie the record leaves open is
    another matter: adding it is what would decide (A)."""
    path = next(p for p in EXAMPLES if p.name == "base-in-us.yaml")
    answer = next(
        w
        for w in judged(load_document(path.read_text(), str(path)).data).why_not
        if w.rule == "1189(a)(1)(A)"
    )
    assert answer.fixes == []
    data = {
        "name": "Led from somewhere (probe)",
        "as_of": "2024-06-30",
        "organization": {"is_group": True, "dissolved": False},
        "foreign": {"formed_in": "XK", "organized_under_us_law": False},
    }
    opened = judged(data)
    paths = {c.path for w in opened.why_not for f in w.fixes for s in f.steps for c in s}
    assert "foreign.headquarters_in" in paths


def test_a_date_the_record_gives_is_never_offered_for_change():
    """An incident outside the window is not moved into it: no fix of any example changes a
    date the profile gives."""
    for path in EXAMPLES:
        data = load_document(path.read_text(encoding="utf-8"), str(path)).data
        report = judged(data)
        given = {
            f"incidents[{i}].date"
            for i, incident in enumerate(data.get("incidents") or ())
            if isinstance(incident, dict) and incident.get("date") is not None
        }
        changed = {c.path for w in report.why_not for f in w.fixes for s in f.steps for c in s}
        assert not given & changed, path


def test_a_met_criterion_has_no_fix():
    """Nothing to change where the criterion is met."""
    report = judged(CARTEL)
    assert report.criterion("B").status is MET
    assert all(w.rule != "1189(a)(1)(B)" for w in report.why_not)


runner = CliRunner()


def test_json_always_carries_what_would_change_the_outcome(tmp_path):
    """`--format json` has `why_not` for each criterion not met, without being asked."""
    path = tmp_path / "p.yaml"
    path.write_text("name: X\nas_of: 2020-01-01\n")
    result = runner.invoke(app, ["check", "--format", "json", str(path)])
    report = json.loads(result.output)
    assert {w["rule"] for w in report["why_not"]} == {
        "1189(a)(1)(A)",
        "1189(a)(1)(B)",
        "1189(a)(1)(C)",
    }


def test_why_not_shows_the_fixes_in_the_text_report(tmp_path):
    """`--why-not` lists, under a criterion not met, the changes that would meet it."""
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: X\nas_of: 2020-01-01\norganization: {is_group: false}\n"
        "foreign: {headquarters_in: MX, organized_under_us_law: false}\n"
    )
    plain = runner.invoke(app, ["check", str(path)]).output
    asked = runner.invoke(app, ["check", "--why-not", str(path)]).output
    assert "would be met by any one of" not in plain
    assert "(A) would be met by any one of" in asked
    assert "set `organization.is_group` to true" in asked
