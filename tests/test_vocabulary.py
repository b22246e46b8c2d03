"""One vocabulary: every machine-readable output spells each concept as docs/vocabulary.md
says, and inputs take the human spelling too where people type it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.profile.read import parse_profile
from fto_check.reasoning.logic import Status
from fto_check.render.matrix import CHECK_FIELDS, FIELDS

ROOT = Path(__file__).resolve().parent.parent
TABLE = (ROOT / "docs" / "vocabulary.md").read_text(encoding="utf-8")
EXAMPLE = ROOT / "examples" / "public-record" / "cartel-del-noreste-2019.yaml"
STATUSES = {s.value for s in Status}
runner = CliRunner()


def output(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code in (0, 1, 3), result.output
    return result.stdout


def spelled(name: str) -> bool:
    return f"`{name}`" in TABLE


def test_the_table_names_every_status_and_every_field_of_a_batch_row():
    missing = [n for n in [*STATUSES, *FIELDS, *CHECK_FIELDS] if not spelled(n)]
    assert missing == []


def test_the_table_names_how_rules_combine_and_how_clauses_are_covered():
    tree = json.loads(output("rules", "-f", "json"))
    coverage = json.loads(output("rules", "--coverage", "-f", "json"))
    names = {r["combine"] for r in tree["rules"]} | {c["kind"] for c in coverage["clauses"]}
    assert [n for n in names if not spelled(n)] == []
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)


def test_the_json_report_spells_every_status_as_the_table_does():
    report = json.loads(output("check", "-f", "json", str(EXAMPLE)))
    found = set(re.findall(r'"status": "([^"]*)"', json.dumps(report)))
    assert found and found <= STATUSES
    assert report["verdict"] in STATUSES


def test_explain_lists_its_examples_with_the_statuses_the_table_spells():
    data = json.loads(output("explain", "-f", "json", "1189(a)(1)(A)"))
    outcomes = {o for use in data["examples"] for o in use["outcomes"]}
    assert outcomes and outcomes <= STATUSES


def test_a_quiz_in_json_gives_a_status_answer_as_the_table_spells_it():
    quiz = json.loads(output("quiz", "--seed", "7", "--count", "12", "-f", "json"))
    answers = [q["answer"] for q in quiz["questions"] if q["kind"] == "status"]
    assert answers and all(a[0] in STATUSES for a in answers)


@pytest.mark.parametrize(
    ("written", "read"),
    [("not_met", "not_met"), ("not met", "not_met"), ("Not-Met", "not_met"), ("MET", "met")],
)
def test_an_expect_block_takes_the_human_spelling_of_a_status(written, read):
    loaded = parse_profile(f"name: X\nexpect: {{verdict: {written}}}\n".encode(), "x.yaml")
    assert loaded.profile.expect["verdict"] == read
