"""`fto-check tour PROFILE`: the criteria in the statute's order, each with its law, facts and
reasoning, pausing only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.statute import load_law

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent

# The tour's own profile (the examples are others' to change): a beating done to rob a tax
# office. Profit is not a political motive, so it is not terrorism; no act of (iii)(I)-(VI),
# every incident since 2019 listed, and no capability: (B) is not met.
PROFIT_TEXT = """\
name: Valley Tax Resistance (hypothetical; profit motive)
as_of: 2024-06-30
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {formed_in: XA, headquarters_in: XA, organized_under_us_law: false}
incidents:
  - id: tax-office-raid
    date: 2024-02-12
    country: XA
    summary: Members stormed a district tax office and beat the tax collector with their fists.
    involves: []
    threatened: []
    attempted: []
    conspired: []
    unlawful_where_committed: true
    motives: {only: [financial]}
    premeditated: true
    violent: true
    targets: [officials]
    role: {only: [planned, committed]}
conduct: {all_incidents_since: 2019-01-01}
capability: {armed_members: false, weapons: false, explosives: false, funds: false}
intent: {public_threats: false, plots: false, stated_aims_violent: false}
threat_to_us:
  us_nationals: true
  arises_from: [terrorism]
"""
MOTIVES_LINE = PROFIT_TEXT.splitlines().index("    motives: {only: [financial]}") + 1


@pytest.fixture(scope="module")
def PROFIT(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tour") / "motive-profit.yaml"
    path.write_text(PROFIT_TEXT, encoding="utf-8")
    return path


def tour(*args: str, input: str | None = None) -> str:
    result = runner.invoke(app, ["tour", *args], input=input)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def walk(PROFIT) -> str:
    return tour("--no-pause", str(PROFIT))


def test_the_steps_follow_the_statutes_order(walk):
    """(A), then (B), then (C), then the verdict."""
    marks = ["Step 1 of 3: (A)", "Step 2 of 3: (B)", "Step 3 of 3: (C)", "── The verdict"]
    positions = [walk.index(mark) for mark in marks]
    assert positions == sorted(positions)


def test_each_step_quotes_its_clause_verbatim(walk):
    """The words of (A), (B) and (C) in force on as_of appear as rules/ has them."""
    from datetime import date

    law = load_law()
    flat = " ".join(walk.split())
    for clause in ("1189(a)(1)(A)", "1189(a)(1)(B)", "1189(a)(1)(C)"):
        words = law.clauses[clause].version_on(date(2024, 6, 30)).text
        assert f"“{words}”" in flat


def test_the_definition_that_decided_is_quoted_too(walk):
    """(B) failed on terrorism's political motive, so § 2656f(d)(2) is quoted under (B)."""
    step_b = " ".join(walk[walk.index("Step 2 of 3") : walk.index("Step 3 of 3")].split())
    assert "22 U.S.C. § 2656f(d)(2)" in step_b
    assert "premeditated, politically motivated violence" in step_b


def test_the_facts_are_shown_at_their_yaml_lines(walk, PROFIT):
    """The facts that decided (B) are the profile's own lines, numbered, with a caret."""
    step_b = walk[walk.index("Step 2 of 3") : walk.index("Step 3 of 3")]
    assert f"--> {PROFIT}:" in step_b
    assert f"{MOTIVES_LINE} |     motives: {{only: [financial]}}" in step_b
    assert "^^^^^^^^^^^" in step_b


def test_facts_that_did_not_decide_are_left_out(walk):
    """(B) failed on the act, the motive, capability and intent: the incident's date, which
    was met, is not among the facts shown for it."""
    step_b = walk[walk.index("Step 2 of 3") : walk.index("The reasoning", walk.index("Step 2"))]
    assert "date: 2024-02-12" not in step_b


def test_the_reasoning_gives_each_route_and_what_decided_it(walk):
    """Every route to (B) is reasoned, down to the element that failed."""
    step_b = walk[walk.index("The reasoning", walk.index("Step 2 of 3")) :]
    for route in (
        "engages in terrorist activity",
        "engages in terrorism",
        "retains the capability",
    ):
        assert f"✗ {route}" in step_b
    assert "politically motivated  [§ 2656f(d)(2)]: its motives (financial) are not political" in (
        step_b
    )
    assert "So ✗ (B) is not met" in walk


def test_the_verdict_says_what_would_change_it(walk):
    """The last step gives the verdict and the smallest changes that would meet (B)."""
    verdict = walk[walk.index("── The verdict") :]
    assert "Verdict: ✗ not met" in verdict
    assert "(B) would be met by any one of these changes:" in verdict


def test_a_missing_fact_is_named_as_the_field_to_add(tmp_path):
    """An undetermined criterion names the field that would decide it: the same raid done for
    a political aim is terrorism, and nothing says whether it reached US interests."""
    political = PROFIT_TEXT.replace("{only: [financial]}", "[political]")
    path = tmp_path / "political.yaml"
    path.write_text(political.split("threat_to_us:")[0], encoding="utf-8")
    text = tour("--no-pause", str(path))
    assert "help: add `incidents[0].us_targets`" in text


def test_the_tour_applies_the_law_of_as_of(PROFIT):
    """--as-of 1999 quotes the 1996 wording of (B), before the PATRIOT Act added terrorism."""
    text = " ".join(tour("--no-pause", "--as-of", "1999-10-08", str(PROFIT)).split())
    assert "“the organization engages in terrorist activity (as defined in section " in text
    assert "1182(a)(3)(B) of this title); and”" in text


def test_it_never_pauses_when_input_is_not_a_terminal(PROFIT):
    """Without --no-pause, input that is not a terminal still gets every step at once."""
    text = tour(str(PROFIT), input="")
    assert "Enter: next step" not in text
    assert "── The verdict" in text


def test_on_a_terminal_it_waits_between_steps_and_q_stops(monkeypatch, capsys, PROFIT):
    """On a terminal each step waits for Enter; q ends the tour there."""
    from fto_check.cli.commands import tour as command

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("\nq\n"))
    assert command.run(PROFIT, pause=True, as_of=None, readings=[]) == 0
    text = capsys.readouterr().out
    assert text.count("Enter: next step") == 2
    assert "Step 1 of 3" in text and "Step 3 of 3" not in text


def test_a_bad_profile_is_an_input_error():
    """A profile that does not read is reported at its line, exit 2, no traceback."""
    result = runner.invoke(app, ["tour", "--no-pause", str(ROOT / "no-such-file.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output and "Traceback" not in result.output
