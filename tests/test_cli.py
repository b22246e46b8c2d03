"""The `check` and `schema` commands, as a user runs them."""

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.render.json import parse

runner = CliRunner()

MEETS_ALL = """\
name: Test Front
as_of: 2024-06-30
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}
incidents:
  - date: 2024-03-02
    involves: [explosive]
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: [political]
    premeditated: true
    violent: true
    targets: [civilians]
    us_nationals_harmed: true
    role: [committed]
threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}
"""


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "p.yaml") -> str:
        path = tmp_path / name
        path.write_text(text)
        return str(path)

    return write


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_all_criteria_met_exits_0(write):
    """Exit 0: every criterion met."""
    result = run("check", write(MEETS_ALL))
    assert result.exit_code == 0, result.output
    assert "Verdict: ✓ met" in result.output


def test_a_criterion_not_met_exits_1(write):
    """Exit 1: some criterion not met (here (A): led from the United States)."""
    result = run("check", write(MEETS_ALL.replace("headquarters_in: XK", "headquarters_in: US")))
    assert result.exit_code == 1, result.output
    assert "✗ (A) foreign organization" in result.output


def test_undetermined_without_not_met_exits_3(write):
    """Exit 3: nothing fails, but something is undetermined."""
    result = run("check", write("name: X\nas_of: 2020-01-01\n"))
    assert result.exit_code == 3, result.output


def test_text_report_shows_citation_reason_and_fact_lines(write):
    """Each criterion: mark, citation, reason, and the facts with their YAML line."""
    output = run("check", write(MEETS_ALL)).output
    assert "8 U.S.C. § 1189(a)(1)(A)" in output
    assert "↳ foreign.headquarters_in = XK  (line 4)" in output
    verdict_and_before = output.split("\nreceipt:")[0]  # the receipt footer follows (issue 5)
    assert verdict_and_before.rstrip().splitlines()[-1].startswith("Verdict:")


def test_no_colour_codes_when_not_a_terminal(write):
    """Colour only on a terminal: piped output is plain text."""
    assert "\x1b[" not in run("check", write(MEETS_ALL)).output


def test_json_report_round_trips_and_carries_a_format_version(write):
    """`--format json` is the finding tree, documented by `schema --report`, and stable."""
    result = run("check", "--format", "json", write(MEETS_ALL))
    data = json.loads(result.output)
    assert data["format_version"] == 2 and data["verdict"] == "met"
    assert "law_notes" not in data  # gone in format 2: the receipt names the wording applied
    assert [c["rule"] for c in data["criteria"]["children"]] == [
        "1189(a)(1)(A)",
        "1189(a)(1)(B)",
        "1189(a)(1)(C)",
    ]
    assert parse(result.output).verdict.value == "met"


def test_json_for_several_profiles_is_an_array(write):
    """One report object per profile; several profiles give an array."""
    a, b = write(MEETS_ALL, "a.yaml"), write(MEETS_ALL, "b.yaml")
    assert len(json.loads(run("check", "-f", "json", a, b).output)) == 2


def test_input_error_is_one_line_with_position_and_exit_2(write):
    """`path:line:col: field: message`, no traceback."""
    path = write(MEETS_ALL.replace("formed_in: XK", "formed_inn: XK"))
    result = run("check", path)
    assert result.exit_code == 2
    assert f"{path}:4:11: foreign: unknown field 'formed_inn'" in result.output
    assert "Traceback" not in result.output


def test_one_bad_file_does_not_stop_the_others(write):
    """The good profile is still reported; the exit code says an error happened."""
    good, bad = write(MEETS_ALL, "good.yaml"), write("name: [", "bad.yaml")
    result = run("check", bad, good)
    assert result.exit_code == 2
    assert "bad.yaml:2:1: not valid YAML" in result.output and "Verdict: ✓ met" in result.output


def test_a_missing_file_is_an_input_error(tmp_path):
    """No such file: exit 2 with the path."""
    result = run("check", tmp_path / "nope.yaml")
    assert result.exit_code == 2 and "no such file" in result.output


def test_as_of_on_the_command_line_overrides_the_profile(write):
    """--as-of judges the same facts on another date (here: the incident is no longer current,
    and the record says it lists every incident since 2019)."""
    listed = MEETS_ALL + "conduct: {all_incidents_since: 2019-01-01}\n"
    result = run("check", "--as-of", "2030-01-01", write(listed))
    assert "as of 2030-01-01" in result.output
    assert "✗ engages now" in result.output and "more than 5 years before" in result.output


def test_an_old_incident_alone_leaves_b_open_on_a_later_date(write):
    """Without a quiet period or a complete list, an incident too old to count does not show
    that the organization no longer engages: others may have gone unrecorded."""
    result = run("check", "--as-of", "2030-01-01", write(MEETS_ALL))
    assert "(B) ?" in result.output
    assert "conduct.quiet_since" in result.output


def test_a_date_before_the_statute_is_refused(write):
    """§ 1189 did not exist before 24 April 1996: there is nothing to judge."""
    result = run("check", "--as-of", "1995-01-01", write(MEETS_ALL))
    assert result.exit_code == 2 and "before 8 U.S.C. § 1189 was enacted" in result.output


def test_a_reading_can_be_chosen_and_is_reported(write):
    """--reading NAME=VALUE changes the reading, and the report lists the readings in force."""
    result = run("check", "--reading", "engages-recency=2-years", write(MEETS_ALL))
    assert "engages-recency=2-years" in result.output


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--reading", "nonsense=1"], "unknown reading"),
        (["--reading", "engages-recency=7-years"], "no alternative '7-years'"),
        (["--reading", "engages-recency"], "NAME=VALUE"),
        (["--as-of", "yesterday"], "YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(write, option, message):
    """Bad options are named, not tracebacks."""
    result = run("check", *option, write(MEETS_ALL))
    assert result.exit_code == 2 and message in result.output


def test_help_documents_the_exit_codes():
    """The exit codes are in `check --help`."""
    assert "3 none not met but some undetermined" in " ".join(run("check", "--help").output.split())


def test_schema_is_the_profiles_json_schema():
    """`fto-check schema` prints a JSON Schema editors can use."""
    schema = json.loads(run("schema").output)
    assert schema["title"] == "fto-check organization profile"
    assert {"name", "as_of", "foreign", "incidents"} <= set(schema["properties"])


def test_python_dash_m_runs_the_cli(write):
    """`python -m fto_check` is the same program."""
    done = subprocess.run(
        [sys.executable, "-m", "fto_check", "check", write(MEETS_ALL)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (MEETS_ALL, 0),
        (MEETS_ALL.replace("headquarters_in: XK", "headquarters_in: US"), 1),
        ("name: [broken\n", 2),
        ("name: X\nas_of: 2020-01-01\n", 3),
    ],
    ids=["met", "not-met", "input-error", "undetermined"],
)
def test_the_program_exits_with_the_commands_code_and_all_its_output(write, text, code):
    """The program leaves without tearing the interpreter down: nothing it printed is lost."""
    done = subprocess.run(
        [sys.executable, "-m", "fto_check", "check", "--format", "json", write(text)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == code, done.stderr
    if code != 2:
        assert json.loads(done.stdout)["verdict"]
    else:
        assert done.stderr.strip() and not done.stdout


def test_a_command_runs_with_the_garbage_collector_back_on(monkeypatch):
    """`main` turns the collector off for start-up; the command itself runs with it on."""
    from fto_check.cli import app as cli

    frozen, seen = [], []
    monkeypatch.setattr(cli.gc, "freeze", lambda: frozen.append(True))
    gc.disable()
    try:
        with pytest.raises(typer.Exit):
            cli._run(lambda: seen.append(gc.isenabled()) or 0)
    finally:
        gc.enable()
    assert seen == [True]
    assert frozen == [True]
