"""The examples are specifications: each states its expected outcome, and the checker agrees.

Like OpenFisca's YAML tests, every file in examples/ carries an `expect:` block (the status of
each criterion, each route to (B) and the verdict); one test per example compares it with the
report. `python tests/test_examples.py` rewrites the table in examples/README.md, which a test
keeps in step with the files.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest

from fto_check.profile.model import SourcedFact
from fto_check.profile.read import Loaded, read_profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.expect import ROUTES, mismatches, missing_keys, outcome
from fto_check.reasoning.logic import MET, NOT_MET

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FILES = sorted(EXAMPLES.rglob("*.yaml"))
PUBLIC = [p for p in FILES if p.parent.name == "public-record"]
IDS = [str(p.relative_to(EXAMPLES)) for p in FILES]
SECTIONS = ("organization", "foreign", "capability", "intent", "threat_to_us")
NOT_FACTS = {"sources", "note", "secretary_finding", "stated_aims"}  # carry their own sourcing
README = EXAMPLES / "README.md"
TABLE_START, TABLE_END = "<!-- examples:table -->", "<!-- /examples:table -->"


@cache
def load(path: Path) -> Loaded:
    return read_profile(path)


@cache
def report(path: Path):
    loaded = load(path)
    return evaluate(loaded.profile, loaded.source)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_example_meets_its_expectation(path):
    """The checker's outcome for an example is the one its `expect:` block states."""
    diff = mismatches(load(path).profile, report(path))
    assert not diff, f"{path.relative_to(ROOT)}:\n  " + "\n  ".join(diff)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_example_states_every_outcome(path):
    """An example's expectation covers every criterion, route to (B) in force, and the verdict."""
    assert missing_keys(load(path).profile, report(path)) == []


def test_examples_come_in_two_groups_of_twenty_or_more():
    """There are at least 20 examples, all in examples/public-record/ or examples/minimal-pairs/."""
    assert len(FILES) >= 20
    assert {p.parent.name for p in FILES} == {"public-record", "minimal-pairs"}


@pytest.mark.parametrize("key", ["A", "B", *ROUTES, "C"])
def test_examples_show_each_criterion_and_route_both_met_and_not_met(key):
    """For each criterion and each route to (B), some example meets it and some does not."""
    statuses = {outcome(report(p)).get(key) for p in FILES}
    assert {MET, NOT_MET} <= statuses


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_example_says_what_it_teaches(path):
    """Every example opens with a comment saying what it teaches."""
    assert path.read_text(encoding="utf-8").startswith("# Teaches: ")


@pytest.mark.parametrize("path", PUBLIC, ids=[p.name for p in PUBLIC])
def test_public_record_facts_cite_their_sources(path):
    """In a public-record example every fact has a source, and every source says where it is."""
    profile = load(path).profile
    for key, source in profile.sources.items():
        assert source.url or source.publisher, f"source {key} says neither url nor publisher"
    for name in SECTIONS:
        section = getattr(profile, name)
        if section is None or section.sources:
            continue
        for field in type(section).model_fields:
            value = getattr(section, field)
            if field not in NOT_FACTS and value is not None:
                assert isinstance(value, SourcedFact) and value.sources, f"{name}.{field} unsourced"
    for incident in profile.incidents or ():
        assert incident.sources, f"incident {incident.id} has no sources"


@pytest.mark.parametrize("path", PUBLIC, ids=[p.name for p in PUBLIC])
def test_public_record_example_is_a_real_organization_on_a_real_date(path):
    """A public-record example names no hypothetical organization and states its own as_of."""
    profile = load(path).profile
    assert "hypothetical" not in profile.name.lower()
    assert profile.as_of is not None


def test_examples_readme_table_lists_every_example():
    """examples/README.md holds the table of examples as generated from the files themselves."""
    text = README.read_text(encoding="utf-8")
    assert table() in text, "examples/README.md is stale: run `python tests/test_examples.py`"


# ---------------------------------------------------------------- the README table


def teaches(path: Path) -> str:
    """The first sentence of the example's `# Teaches:` comment."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").strip())
    text = " ".join(lines).removeprefix("Teaches: ")
    sentence = re.split(r"(?<=\.)\s+(?=[A-Z])", text, maxsplit=1)[0]
    return sentence.rstrip(".").replace("|", "\\|")


def table() -> str:
    rows = [TABLE_START, "| file | as of | verdict | what it teaches |", "|---|---|---|---|"]
    for path in FILES:
        rel = path.relative_to(EXAMPLES)
        r = report(path)
        rows.append(f"| [`{rel}`]({rel}) | {r.as_of} | {r.verdict.label} | {teaches(path)} |")
    rows.append(TABLE_END)
    return "\n".join(rows)


if __name__ == "__main__":  # rewrite the table in examples/README.md
    text = README.read_text(encoding="utf-8")
    start, end = text.index(TABLE_START), text.index(TABLE_END) + len(TABLE_END)
    README.write_text(text[:start] + table() + text[end:], encoding="utf-8")
    sys.exit(0)
