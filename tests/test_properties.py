"""Laws that must hold for every profile, checked on generated ones.

1. Evaluation never raises for a valid profile, and is deterministic.
2. The verdict never depends on the order of incidents.
3. Evaluation is monotone in information: forgetting a fact (making it unknown) can turn a
   met or not-met finding into undetermined, never into the opposite.
4. The verdict is all-of (A), (B), (C), as the statute composes them.
"""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from profiles import evaluate_dict
from strategies import fact_paths, profiles

from fto_check.reasoning.logic import UNDETERMINED, all_of
from fto_check.render.json import render

SETTINGS = settings(max_examples=150, deadline=None)


def statuses(report) -> dict[tuple, object]:
    """Each finding's status, keyed by rule and subject (stable across evaluations)."""
    return {(f.rule, f.subject): f.status for f in report.criteria.walk()}


@SETTINGS
@given(profiles)
def test_evaluation_never_raises_and_is_deterministic(data):
    """Same profile, same report, byte for byte."""
    assert render(evaluate_dict(data)) == render(evaluate_dict(data))


@SETTINGS
@given(profiles, st.randoms())
def test_verdict_does_not_depend_on_incident_order(data, random):
    """Incidents are a set of facts; listing them differently changes nothing."""
    shuffled = copy.deepcopy(data)
    random.shuffle(shuffled.get("incidents") or [])
    before, after = evaluate_dict(data), evaluate_dict(shuffled)
    assert [c.status for c in before.criteria.children] == [
        c.status for c in after.criteria.children
    ]


@SETTINGS
@given(profiles, st.data())
def test_forgetting_a_fact_never_flips_a_finding(data, draw):
    """Monotone in information: known → unknown moves findings only towards undetermined."""
    paths = fact_paths(data)
    if not paths:
        return
    path = draw.draw(st.sampled_from(paths))
    forgotten = copy.deepcopy(data)
    target = forgotten
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    before = evaluate_dict(data)
    after = evaluate_dict(forgotten)
    for letter in "ABC":
        was, now = before.criterion(letter).status, after.criterion(letter).status
        assert now is was or now is UNDETERMINED, (letter, path, was, now)
    assert after.verdict is before.verdict or after.verdict is UNDETERMINED


@SETTINGS
@given(profiles)
def test_verdict_is_the_conjunction_of_a_b_and_c(data):
    """§ 1189(a)(1): (A); (B); and (C)."""
    report = evaluate_dict(data)
    assert report.verdict is all_of(report.criterion(x).status for x in "ABC")
