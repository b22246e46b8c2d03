"""`fto-check register`, as a user runs it: the list on a day, one history, every format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.register import RULE

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["register", *args])


def test_the_list_on_the_day_of_the_first_designations_has_thirty_entries():
    result = run("--as-of", "1997-10-08")
    assert result.exit_code == 0, result.output
    assert "on 1997-10-08: 30 in force" in result.output
    assert "Harakat ul-Ansar (HUA)" in result.output  # as listed that day, not HUM
    assert "Kach" in result.output and "Kahane Chai" in result.output


def test_the_text_output_states_the_rule_it_applies():
    for args in (("--as-of", "2001-10-08"), ("farc",)):
        output = " ".join(run(*args).output.split())
        assert " ".join(RULE.split()) in output


def test_the_history_shows_designation_and_revocation_with_citations():
    result = run("farc", "--as-of", "2022-01-01")
    assert result.exit_code == 0, result.output
    assert "1997-10-08  designation  62 Fed. Reg. 52,649" in result.output
    assert "2021-11-30  revocation" in result.output
    assert "On 2022-01-01: not in force — revoked effective 2021-11-30" in result.output


def test_a_name_resolves_to_the_entry_it_names_through_its_renamings():
    result = run("al-Nusrah Front")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Hay'at Tahrir al-Sham (HTS) — register entry hts")
    assert "'al-Nusrah Front' was also a name of isis" in result.output


def test_an_unknown_name_exits_2_with_did_you_mean():
    result = run("Hezbolah")
    assert result.exit_code == 2
    assert "no organization in the register is called 'Hezbolah'" in result.output
    assert "did you mean Hezbollah (hizballah)?" in result.output


def test_a_bad_date_is_a_usage_error():
    result = run("--as-of", "1997-13-01")
    assert result.exit_code == 2
    assert "--as-of takes a date as YYYY-MM-DD" in result.output


def test_all_lists_every_entry_with_its_standing():
    result = run("--all", "--as-of", "1997-10-08", "--format", "json")
    data = json.loads(result.output)
    standings = {e["id"]: e["standing"] for e in data["entries"]}
    assert standings["farc"] == "in_force" and standings["tda"] == "not_in_force"
    assert len(standings) >= 115


def test_a_day_the_record_cannot_settle_is_listed_apart():
    result = run("--as-of", "2025-03-10")
    assert "unsettled" in result.output
    assert "ansarallah" in result.output.split("Unsettled")[1]


# ---------------------------------------------------------------- formats


def test_json_list_is_the_data_and_the_rule():
    data = json.loads(run("--as-of", "1997-10-08", "-f", "json").output)
    assert data["day"] == "1997-10-08" and data["rule"] == RULE
    assert len(data["entries"]) == 30
    assert {"id", "name", "standing", "designated", "since", "mark"} <= set(data["entries"][0])


def test_csv_list_has_a_header_and_one_row_per_entry():
    rows = list(csv.DictReader(io.StringIO(run("--as-of", "1997-10-08", "-f", "csv").output)))
    assert len(rows) == 30
    assert rows[0]["id"] == "ano" and rows[0]["designated"] == "1997-10-08"


def test_markdown_list_is_a_table_with_escaped_cells():
    output = run("--as-of", "2002-01-01", "-f", "markdown").output
    lines = output.splitlines()
    assert lines[0].startswith("| id | name |") and lines[1].startswith("|---")
    assert all(line.count(" | ") == lines[0].count(" | ") for line in lines[2:])


def test_json_history_carries_names_decisions_sources_and_the_day():
    data = json.loads(run("hts", "--as-of", "2020-01-01", "-f", "json").output)
    assert data["id"] == "hts" and data["on"]["standing"] == "in_force"
    assert [d["kind"] for d in data["decisions"]] == [
        "designation",
        "amendment",
        "amendment",
        "revocation",
    ]
    assert data["decisions"][0]["effective"]["text"] == "2014-05-15"
    assert "fr-2014-11217" in data["sources"]
    assert {n["name"] for n in data["names"]} >= {"al-Nusrah Front", "Hay'at Tahrir al-Sham"}


def test_csv_history_has_one_row_per_decision():
    rows = list(csv.DictReader(io.StringIO(run("farc", "-f", "csv").output)))
    assert [r["kind"] for r in rows] == ["designation"] + ["redesignation"] * 3 + ["revocation"]
    assert rows[0]["citation"] == "62 Fed. Reg. 52,649"
    assert rows[-1]["effective"] == "2021-11-30"


def test_markdown_history_is_a_section_with_a_table():
    output = run("17n", "--as-of", "2015-09-01", "-f", "markdown").output
    assert output.startswith("## Revolutionary Organization 17 November (17N)")
    assert "| 2015-08-26..2015-09 | window | revocation |" in output
    assert "On 2015-09-01: **unsettled**" in output


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "markdown"])
def test_every_format_of_every_entry_renders(fmt):
    """No entry breaks a renderer (names with slashes, apostrophes, accents, windows)."""
    from fto_check.law.register import load_register

    for entry_id in load_register().entries:
        result = run(entry_id, "--as-of", "2026-01-15", "-f", fmt)
        assert result.exit_code == 0, (entry_id, result.output)
