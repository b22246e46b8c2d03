"""A batch row is judged for its statuses first (`evaluate(..., status_first=True)`).

A row shows each criterion's status, each route's, the verdict, and for a verdict not met the
leaf that decides it. So a batch judges each profile for its statuses alone, where an any-of
stops at its first part met and an all-of at its first part not met, and then in full only the
criterion whose reason the row gives. The row must be the very row a full evaluation gives.
"""

from pathlib import Path

import pytest
from hypothesis import given, settings
from strategies import profiles

from fto_check.law.readings import all_readings
from fto_check.profile.model import Profile
from fto_check.profile.read import read_profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.logic import MET
from fto_check.render import matrix
from fto_check.render.json import adapter

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted((ROOT / "examples").rglob("*.yaml"))
ONE_READING_EACH = [{}] + [
    {name: value} for name, r in sorted(all_readings().items()) for value in r.alternatives
]


def rows(profile, source=None, **options) -> tuple[dict, dict]:
    full = evaluate(profile, source, provenance=False, **options)
    first = evaluate(profile, source, provenance=False, status_first=True, **options)
    return matrix.row(full, "p"), matrix.row(first, "p")


def _deciding(report):
    if report.verdict is MET:
        return None
    found = next(c for c in report.criteria.children if c.status is report.verdict)
    return adapter().dump_python(report, mode="json")["criteria"]["children"][
        report.criteria.children.index(found)
    ]


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_example_has_the_same_row_judged_status_first_under_every_reading(path):
    loaded = read_profile(path)
    for readings in ONE_READING_EACH:
        full, first = rows(loaded.profile, loaded.source, readings=readings)
        assert first == full, readings


@settings(max_examples=150, deadline=None)
@given(profiles)
def test_a_generated_profile_has_the_same_row_and_deciding_criterion_judged_status_first(data):
    profile = Profile.model_validate(data)
    full = evaluate(profile, provenance=False)
    first = evaluate(profile, provenance=False, status_first=True)
    assert matrix.row(first, "p") == matrix.row(full, "p")
    assert _deciding(first) == _deciding(full)


def test_a_verdict_met_is_judged_without_the_alternatives_a_met_one_made_unnecessary():
    """The saving is real: with one incident met, the others are not judged for the row."""
    loaded = read_profile(ROOT / "examples/public-record/hamas-1997-designation.yaml")
    full = evaluate(loaded.profile, provenance=False)
    first = evaluate(loaded.profile, provenance=False, status_first=True)
    assert full.verdict is first.verdict is MET
    assert sum(1 for _ in first.criteria.walk()) < sum(1 for _ in full.criteria.walk()) * 0.8
