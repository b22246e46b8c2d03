"""`fto-check calibrate`: the verdict on the facts against the register, profile by profile.

`python tests/test_calibrate.py` rewrites the agreement table of the examples in
docs/register.md, which a test keeps current.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from profiles import COMPLETE
from typer.testing import CliRunner

from fto_check.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ROOT / "examples" / "public-record"
README = ROOT / "docs" / "register.md"  # the page that shows the table
START, END = "<!-- calibration -->", "<!-- /calibration -->"
runner = CliRunner()


def calibrate(*args: str):
    return runner.invoke(app, ["calibrate", *map(str, args)])


def table() -> str:
    result = calibrate(PUBLIC, "--format", "markdown")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_every_public_record_example_names_its_register_entry():
    data = json.loads(calibrate(PUBLIC, "-f", "json").stdout)
    assert data["summary"]["skipped"] == 0
    assert data["summary"]["profiles"] == len(list(PUBLIC.glob("*.yaml")))


def test_by_default_the_examples_are_calibrated_and_those_without_an_entry_skipped():
    data = json.loads(calibrate("-f", "json").stdout)
    assert data["summary"]["profiles"] == len(list(PUBLIC.glob("*.yaml")))
    assert data["summary"]["skipped"] == len(list((ROOT / "examples").rglob("*.yaml"))) - len(
        list(PUBLIC.glob("*.yaml"))
    )


def test_the_agreement_rate_counts_only_the_profiles_the_facts_decide():
    data = json.loads(calibrate(PUBLIC, "-f", "json").stdout)
    s, rows = data["summary"], data["rows"]
    assert s["agree"] + s["disagree"] + s["undetermined"] + s["unsettled"] == len(rows)
    decided = s["agree"] + s["disagree"]
    assert s["rate"] == (round(s["agree"] / decided, 4) if decided else None)
    for row in rows:
        assert row["agreement"] in ("agree", "disagree", "undetermined", "unsettled")


def test_a_disagreement_names_the_criterion_and_the_fact_that_made_it(tmp_path):
    """Facts that fail (A) against a designation in force: the row names (A) and its leaves."""
    path = tmp_path / "p.yaml"
    path.write_text(
        "name: Domestic Front\nas_of: 2024-06-30\nregister: hamas\n"
        "foreign: {formed_in: US, headquarters_in: US, organized_under_us_law: true}\n"
    )
    row = json.loads(calibrate(path, "-f", "json").stdout)["rows"][0]
    assert (row["verdict"], row["standing"], row["agreement"]) == (
        "not_met",
        "in_force",
        "disagree",
    )
    (a,) = [d for d in row["differences"] if d["criterion"] == "A"]
    assert a["status"] == "not_met" and a["implied"] == "met"
    assert any(leaf["facts"] or leaf["readings"] for leaf in a["leaves"])
    text = calibrate(path).stdout
    assert "✗ Domestic Front" in text and "(A) " in text


def test_met_on_the_facts_against_a_revocation_quotes_the_reason_stated(tmp_path):
    path = tmp_path / "p.yaml"  # JSON is YAML: the complete profile, naming a revoked entry
    path.write_text(json.dumps({**COMPLETE, "register": "eta", "as_of": "2024-06-30"}))
    row = json.loads(calibrate(path, "-f", "json").stdout)["rows"][0]
    assert row["agreement"] == "disagree"
    assert "no longer engaged in terrorism" in row["note"]


def test_undetermined_on_the_facts_names_what_is_missing(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("name: Unknown\nas_of: 2025-02-20\nregister: tda\n")
    row = json.loads(calibrate(path, "-f", "json").stdout)["rows"][0]
    assert row["agreement"] == "undetermined"
    assert any(leaf["missing"] for d in row["differences"] for leaf in d["leaves"])


def test_csv_has_one_row_per_profile():
    rows = list(csv.DictReader(io.StringIO(calibrate(PUBLIC, "-f", "csv").stdout)))
    assert len(rows) == len(list(PUBLIC.glob("*.yaml")))
    assert {"path", "entry", "verdict", "standing", "agreement", "differences"} <= set(rows[0])


def test_markdown_is_a_table_and_the_agreement_rate():
    lines = table().splitlines()
    assert lines[0].startswith("| Profile | As of | Register entry |")
    assert any(line.startswith("The verdict on the facts agrees with the record") for line in lines)


def test_a_profile_that_cannot_be_read_exits_2_and_the_rest_are_calibrated(tmp_path):
    (tmp_path / "bad.yaml").write_text("name: [\n")
    (tmp_path / "ok.yaml").write_text("name: FARC\nas_of: 1997-10-08\nregister: farc\n")
    result = calibrate(tmp_path, "-f", "json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["summary"]["profiles"] == 1


def _readme_block() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(START) + r"\n(.*?)" + re.escape(END), text, re.S)
    assert match, "docs/register.md has no calibration section"
    return match.group(1)


def test_the_register_page_shows_the_current_agreement_table_of_the_examples():
    assert _readme_block() == table(), (
        "docs/register.md's calibration table is out of date: python tests/test_calibrate.py"
    )


if __name__ == "__main__":  # rewrite the table of docs/register.md
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START + "\n")
    _, _, tail = rest.partition(END)
    README.write_text(head + START + "\n" + table() + END + tail, encoding="utf-8")
    sys.exit(0)
