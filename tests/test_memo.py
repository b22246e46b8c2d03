"""`check --format markdown`: a reasoned memo per profile, for a law student: the question, the
statute quoted verbatim, the facts relied on with their sources, each criterion analysed, the
readings, the conclusion and what would change it, under a receipt."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fto_check import __version__
from fto_check.cli.app import app
from fto_check.law.statute import load_law

runner = CliRunner()
EXAMPLES = sorted(Path(__file__).parent.parent.glob("examples/**/*.yaml"))

PROFILE = """\
name: Test Cartel
as_of: 2025-02-20
sources:
  press: {title: "Gunmen kill six", url: https://example.org/x, date: 2024-09-18}
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {headquarters_in: MX, organized_under_us_law: false}
incidents:
  - id: ambush
    date: 2024-09-17
    involves: [firearm]
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: [financial]
    premeditated: true
    violent: true
    targets: [civilians]
    role: [committed]
    us_nationals_harmed: false
    us_targets: []
    sources: [press]
threat_to_us:
  us_nationals: false
  national_defense: false
  foreign_relations: false
  economic_interests: false
  operations_in_us: false
  threats_against_us: false
  arises_from: {only: [drug-trafficking]}
"""


@pytest.fixture
def memo(tmp_path) -> str:
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFILE)
    return runner.invoke(app, ["check", "--format", "markdown", str(path)]).output


def test_the_memo_has_the_parts_of_a_legal_memorandum(memo):
    """Question, short answer, statute, facts, analysis, readings, conclusion, in that order."""
    headings = [line for line in memo.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Question presented",
        "## Short answer",
        "## The statute",
        "## Facts relied on",
        "## Analysis",
        "## The readings this memo depends on",
        "## Conclusion",
    ]


def test_the_statute_is_quoted_verbatim_from_the_law_in_force(memo):
    """The words of § 1189(a)(1)(B) and of § 2656f(d)(2) are the rules' text for as_of."""
    law, day = load_law(), date(2025, 2, 20)
    for clause in ("1189(a)(1)(B)", "2656f(d)(2)", "1182(a)(3)(B)(iii)(V)(b)"):
        assert law.clause(clause).version_on(day).text in memo


def test_the_header_is_a_receipt(memo):
    """Version, the profile's SHA-256, the law applied and the readings in force."""
    header = memo.split("## Question presented")[0]
    assert hashlib.sha256(PROFILE.encode()).hexdigest() in header
    assert f"fto-check {__version__}" in header
    # each clause applied, with the wording of the day and the law that enacted it
    assert "8 U.S.C. §§ 1189(a)(1), (a)(1)(A): as enacted by Pub. L. 104-132" in header
    assert "8 U.S.C. §§ 1189(a)(1)(B), (a)(1)(C): as amended by Pub. L. 107-56" in header
    assert "personal-monetary-gain=individual-only" in header


def test_the_law_applied_is_a_row_each_under_one_label_with_no_html(memo):
    """The receipt's law applied was one cell with its own `<br>`, the only HTML in a memo."""
    from markdown_it import MarkdownIt

    rows = [
        line for line in memo.split("## Question presented")[0].splitlines() if "U.S.C." in line
    ]
    assert len(rows) > 1
    assert rows[0].startswith("| Law applied | 8 U.S.C. ")
    assert all(row.startswith("| | ") for row in rows[1:])
    tokens = MarkdownIt("commonmark").enable("table").parse(memo)
    inline = [child for token in tokens for child in token.children or ()]
    assert not [t.content for t in (*tokens, *inline) if t.type.startswith("html")]


def test_facts_relied_on_are_listed_with_their_lines_and_sources(memo):
    """Each fact once, with its line, and a numbered source list."""
    assert "- `incidents[0].motives`: financial (line 14) [1]" in memo
    assert "1. Gunmen kill six, 2024-09-18, <https://example.org/x>" in memo


def test_each_criterion_is_analysed_with_its_status(memo):
    """(A), (B) and (C) each get a section saying met, not met or undetermined."""
    assert "### (A) Foreign organization: met" in memo
    assert "### (B) Engages in terrorist activity or terrorism" in memo
    assert (
        "### (C) Its terrorist activity or terrorism threatens US nationals or US national "
        "security: not met"
    ) in memo


def test_the_memo_says_what_would_change_a_criterion_not_met(memo):
    """Under (C), the facts that would meet it."""
    section = memo.split("### (C)")[1]
    assert "What would make (C) met (any one of these):" in section
    assert "`incidents[0].us_targets`" not in section.split("What would make")[1]  # per incident
    assert "in `incidents[0]` (incident ambush (2024-09-17)): add one of `nationals`" in section


def test_the_readings_are_explained_with_their_alternatives(memo):
    """A reading that decided something is set out: applied value and the alternatives."""
    section = memo.split("## The readings this memo depends on")[1]
    assert "**personal-monetary-gain**" in section
    assert "- Applied here, `individual-only`:" in section
    assert "- Alternatively, `organizational-profit`:" in section


def test_the_conclusion_follows_the_verdict(memo):
    """Not met: the memo concludes that the criteria are not satisfied and says which fails."""
    conclusion = memo.split("## Conclusion")[1]
    assert "The criteria for designation are not satisfied: (C) is not met" in conclusion


def test_contested_criteria_are_called_so_with_all_readings(tmp_path):
    """With --all-readings, the memo says which reading flips (B)."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFILE)
    args = ["check", "--format", "markdown", "--all-readings", str(path)]
    memo = runner.invoke(app, args).output
    assert "**Contested.** It is met on the readings in force, but" in memo
    assert "`personal-monetary-gain=organizational-profit`" in memo


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_example_renders_a_memo(path):
    """Every example, whatever its verdict, gives a complete memo."""
    result = runner.invoke(app, ["check", "--format", "markdown", str(path)])
    assert result.exit_code in (0, 1, 3), result.output
    assert result.output.startswith("# Memorandum: ")
    assert "## Conclusion" in result.output
