"""Laws that must hold for every profile, checked on generated ones.

1. Evaluation never raises for a valid profile, and is deterministic.
2. The verdict never depends on the order of incidents.
3. Evaluation is monotone in information: forgetting a fact (making it unknown) can turn a
   met or not-met finding into undetermined, never into the opposite; saying that a list is
   complete (`{only: [...]}`) can only decide what was undetermined. The one exception is an
   inference (docs/evidence.md): a fact the profile states wins over what a rule would infer,
   so forgetting it lets the inference speak; with `inferences=facts-only` there is none.
4. The verdict is all-of (A), (B), (C), as the statute composes them.

The laws of information hold between profiles the reader takes: one whose facts contradict each
other (`fto_check.profile.lint`) is refused, and is no state of knowledge.
"""

import copy

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from profiles import consistent, evaluate_dict
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


def _forget(data: dict, path: tuple) -> dict:
    forgotten = copy.deepcopy(data)
    target = forgotten
    for part in path[:-1]:
        target = target[part]
    del target[path[-1]]
    return forgotten


def _text(path: tuple) -> str:
    """("incidents", 0, "role") → "incidents[0].role", as findings name facts."""
    return ".".join(p if isinstance(p, str) else f"[{p}]" for p in path).replace(".[", "[")


def _no_flip(before, after, why) -> None:
    for letter in "ABC":
        was, now = before.criterion(letter).status, after.criterion(letter).status
        assert now is was or now is UNDETERMINED, (letter, why, was, now)
    assert after.verdict is before.verdict or after.verdict is UNDETERMINED


@SETTINGS
@given(profiles, st.data())
def test_forgetting_a_fact_never_flips_a_finding(data, draw):
    """Monotone in information: known → unknown moves findings only towards undetermined, on
    the facts alone."""
    assume(consistent(data))
    paths = fact_paths(data)
    if not paths:
        return
    path = draw.draw(st.sampled_from(paths))
    before = evaluate_dict(data, inferences="facts-only")
    after = evaluate_dict(_forget(data, path), inferences="facts-only")
    _no_flip(before, after, path)


@SETTINGS
@given(profiles, st.data())
def test_forgetting_a_fact_flips_a_finding_only_where_an_inference_takes_its_place(data, draw):
    """With inferences drawn, a stated fact that overrode an inference may, once forgotten, give
    way to it: only then may a finding flip."""
    assume(consistent(data))
    paths = fact_paths(data)
    if not paths:
        return
    path = draw.draw(st.sampled_from(paths))
    before = evaluate_dict(data)
    after = evaluate_dict(_forget(data, path))
    forgotten = _text(path)
    inferred = {i.fact for f in after.criteria.walk() for i in f.inferred}
    if any(
        fact == forgotten or fact.startswith((forgotten + ".", forgotten + "["))
        for fact in inferred
    ):
        return
    _no_flip(before, after, path)


def _lists(data: dict, prefix: tuple = ()) -> list[tuple]:
    """Paths to the list facts a profile gives as what is known (not said to be complete)."""
    found = []
    for key, value in data.items():
        path = (*prefix, key)
        if isinstance(value, dict):
            if not {"only", "on"} & set(value):  # a complete list already; a demand
                found += _lists(value, path)
        elif key == "incidents" and isinstance(value, list):
            for i, item in enumerate(value):
                found += _lists(item, (*path, i))
        elif isinstance(value, list) and value and key not in ("sources", "operates_in"):
            found.append(path)
    return found


@SETTINGS
@given(profiles, st.data())
def test_saying_a_list_is_complete_only_decides_what_was_open(data, draw):
    """`{only: [...]}` adds information: what was met or not met stays so."""
    paths = _lists(data)
    if not paths:
        return
    path = draw.draw(st.sampled_from(paths))
    completed = copy.deepcopy(data)
    target = completed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = {"only": target[path[-1]]}
    assume(consistent(completed))
    for readings in ({}, {"inferences": "facts-only"}):
        # completing is the inverse of forgetting: the complete list is the more informed
        _no_flip(evaluate_dict(completed, **readings), evaluate_dict(data, **readings), path)


@SETTINGS
@given(profiles)
def test_verdict_is_the_conjunction_of_a_b_and_c(data):
    """§ 1189(a)(1): (A); (B); and (C)."""
    report = evaluate_dict(data)
    assert report.verdict is all_of(report.criterion(x).status for x in "ABC")
