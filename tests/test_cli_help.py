"""The command line as a newcomer meets it (issue 20, item 8): `-h` as well as `--help`; help
in the words a user types, never Python's type names; exit codes in every command's help; a
wrong `--format` refused in plain words; shell completion; `check -` reads standard input, and
`check --format json` of several profiles is one array."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
COMMANDS = ["check", "batch", "schema", "rules", "explain", "quiz", "tour", "new"]


def help_of(*args: str, flag: str = "--help") -> str:
    result = runner.invoke(app, [*args, flag], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["fto-check", *COMMANDS])
def test_dash_h_is_help(command):
    assert help_of(*command, flag="-h") == help_of(*command)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_help_states_its_exit_codes(command):
    assert "Exit codes: 0 " in help_of(command)


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=["fto-check", *COMMANDS])
def test_help_shows_no_python_type_names(command):
    out = help_of(*command)
    for internal in ("<bool>", "<list[", "<int>", "<str>", "<Path>", "int range", "{"):
        assert internal not in out, internal


def test_help_writes_no_word_in_pieces():
    """Formats are listed in the help's own words, which wrap between words."""
    out = help_of("batch")
    assert "FORMAT" in out and "m arkdown" not in out and "----" not in out
    assert "table, json, jsonl, csv or" in out


def test_why_not_says_what_it_shows():
    assert "Under each criterion not met, the" in help_of("check")


@pytest.mark.parametrize(
    ("command", "choices"),
    [
        (["check", "x.yaml"], "text, json or markdown"),
        (["batch", "x.yaml"], "table, json, jsonl, csv or markdown"),
        (["rules"], "text, markdown or json"),
        (["explain", "1189(a)(1)(B)"], "text, markdown or json"),
        (["quiz"], "text or json"),
    ],
)
def test_a_wrong_format_is_refused_in_plain_words(command, choices):
    result = runner.invoke(app, [*command, "--format", "xml"])
    assert result.exit_code == 2
    text = " ".join(result.output.replace("│", " ").split())
    assert f"'xml' is not a format here; choose {choices}" in text
    assert "Value error" not in text


def test_the_shell_completion_of_typer_is_offered():
    out = help_of()
    assert "--install-completion" in out and "--show-completion" in out


def test_check_dash_reads_a_profile_from_standard_input():
    text = (EXAMPLES / "minimal-pairs" / "base-abroad.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["check", "-f", "json", "-"], input=text)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["path"] == "<stdin>"


def test_check_dash_reads_each_profile_of_a_stream():
    pair = [EXAMPLES / "minimal-pairs" / f"base-{w}.yaml" for w in ("abroad", "in-us")]
    stream = "---\n".join(p.read_text(encoding="utf-8") for p in pair)
    result = runner.invoke(app, ["check", "-f", "json", "-"], input=stream)
    assert [r["verdict"] for r in json.loads(result.stdout)] == ["met", "not_met"]
    assert result.exit_code == 1


def test_json_of_several_profiles_is_an_array_even_when_one_cannot_be_read():
    one = str(EXAMPLES / "minimal-pairs" / "base-abroad.yaml")
    result = runner.invoke(app, ["check", "-f", "json", one, "missing.yaml"])
    assert result.exit_code == 2
    reports = json.loads(result.stdout)
    assert isinstance(reports, list) and len(reports) == 1
    assert "missing.yaml: no such file" in result.stderr
    result = runner.invoke(app, ["check", "-f", "json", "missing.yaml", "gone.yaml"])
    assert json.loads(result.stdout) == []


def test_json_of_one_profile_is_one_object():
    one = str(EXAMPLES / "minimal-pairs" / "base-abroad.yaml")
    assert isinstance(json.loads(runner.invoke(app, ["check", "-f", "json", one]).stdout), dict)


def test_usage_line_names_arguments_as_typed():
    assert re.search(r"Usage: fto-check check \[OPTIONS\] PROFILE\.\.\.", help_of("check"))
