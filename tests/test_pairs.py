"""Minimal pairs teach by contrast: two profiles one fact apart, one criterion flipped.

Each file in examples/minimal-pairs/ names its twin (`# Twin: FILE …`) and the element whose
status flips (`# Flips: RULE in (X)`). These tests hold the pairs to that promise.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from fto_check.base.loader import load_document
from fto_check.profile.read import read_profile
from fto_check.reasoning.evaluate import evaluate

PAIRS_DIR = Path(__file__).resolve().parents[1] / "examples" / "minimal-pairs"
FILES = sorted(PAIRS_DIR.glob("*.yaml"))
TWIN = re.compile(r"^# Twin: (\S+\.yaml) ", re.MULTILINE)
FLIPS = re.compile(r"^# Flips: (\S+) in \(([ABC])\)$", re.MULTILINE)
IGNORED = {"name", "expect"}  # what a twin may change besides its one fact


def header(path: Path) -> tuple[str, str, str]:
    """(twin file name, rule id that flips, criterion letter) from the file's comments."""
    text = path.read_text(encoding="utf-8")
    twin, flips = TWIN.search(text), FLIPS.search(text)
    assert twin and flips, f"{path.name} must name its twin and what flips"
    return twin[1], flips[1], flips[2]


PAIRS = sorted({tuple(sorted((p.name, header(p)[0]))) for p in FILES})


@cache
def report(name: str):
    loaded = read_profile(PAIRS_DIR / name)
    return evaluate(loaded.profile, loaded.source)


def facts(name: str) -> dict[tuple, object]:
    """The file's data as {path: leaf value}, without the fields a twin may change freely."""
    text = (PAIRS_DIR / name).read_text(encoding="utf-8")
    data = {k: v for k, v in load_document(text, name).data.items() if k not in IGNORED}
    leaves: dict[tuple, object] = {}

    def walk(value, path):
        if isinstance(value, dict) and value:
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            for i, item in enumerate(value):
                walk(item, (*path, i))
        else:  # a scalar, or a list of scalars (one fact: `motives: [a, b]`)
            leaves[path] = value

    walk(data, ())
    return leaves


def statuses(name: str, rule: str) -> list[str]:
    return [f.status.value for f in report(name).criteria.walk() if f.rule == rule]


def test_every_file_has_a_twin():
    """Every minimal-pairs file names a twin that exists and names it back."""
    for path in FILES:
        twin, _, _ = header(path)
        assert (PAIRS_DIR / twin).is_file(), f"{path.name}: no twin {twin}"
        assert header(PAIRS_DIR / twin)[0] == path.name, f"{twin} does not name {path.name}"


def test_there_are_at_least_eight_pairs():
    """The pairs cover at least the eight contrasts the examples set out to teach."""
    assert len(PAIRS) >= 8


@pytest.mark.parametrize("pair", PAIRS, ids=["|".join(p) for p in PAIRS])
def test_twins_sort_next_to_each_other(pair):
    """The two files of a pair are neighbours in a sorted listing."""
    names = [p.name for p in FILES]
    assert abs(names.index(pair[0]) - names.index(pair[1])) == 1


@pytest.mark.parametrize("pair", PAIRS, ids=["|".join(p) for p in PAIRS])
def test_twins_state_the_same_flip(pair):
    """Both files of a pair name the same element and criterion as the one that flips."""
    assert header(PAIRS_DIR / pair[0])[1:] == header(PAIRS_DIR / pair[1])[1:]


@pytest.mark.parametrize("pair", PAIRS, ids=["|".join(p) for p in PAIRS])
def test_twins_differ_in_exactly_one_fact(pair):
    """Apart from name and expect, the two profiles differ in one fact (one path)."""
    a, b = facts(pair[0]), facts(pair[1])
    differing = [path for path in a.keys() | b.keys() if a.get(path, ...) != b.get(path, ...)]
    assert len(differing) == 1, f"{pair} differ in {sorted(map(str, differing))}"


@pytest.mark.parametrize("pair", PAIRS, ids=["|".join(p) for p in PAIRS])
def test_twins_flip_the_verdict_on_exactly_the_stated_criterion(pair):
    """The verdict differs, and the criteria that differ are the stated one, and (C) besides
    where (B) flips: (C) speaks of "the terrorist activity or terrorism of the organization",
    so it rests on (B) (`1189(a)(1)(C)/its-activity`), and the threat it weighs comes from the
    incidents that are that activity, so an incident that stops counting stops being evidence."""
    _, _, letter = header(PAIRS_DIR / pair[0])
    a, b = report(pair[0]), report(pair[1])
    assert a.verdict is not b.verdict
    flipped = [x for x in "ABC" if a.criterion(x).status is not b.criterion(x).status]
    if letter == "B" and flipped == ["B", "C"]:
        activity = "1189(a)(1)(C)/its-activity"
        assert a.criteria.find(activity).status is not b.criteria.find(activity).status
        return
    assert flipped == [letter]


@pytest.mark.parametrize("pair", PAIRS, ids=["|".join(p) for p in PAIRS])
def test_twins_flip_the_stated_element(pair):
    """The element named in `# Flips:` has a different status in the two reports."""
    _, rule, _ = header(PAIRS_DIR / pair[0])
    a, b = statuses(pair[0], rule), statuses(pair[1], rule)
    assert a and b, f"{rule} is not in the reports of {pair}"
    assert a != b
