"""A profile naming its register entry: the record shown beside the reasoning, never in it."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from profiles import evaluate_dict
from strategies import profiles
from typer.testing import CliRunner

from fto_check.base.errors import InputError
from fto_check.cli.app import app
from fto_check.law.register import Standing, load_register
from fto_check.profile.read import parse_profile
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED
from fto_check.reasoning.record import agreement, record

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
ENTRIES = sorted(load_register().entries)


def statuses(report) -> dict:
    return {(f.rule, f.subject): (f.status, f.reason) for f in report.criteria.walk()}


# ---------------------------------------------------------------- never in the reasoning


@settings(max_examples=100, deadline=None)
@given(profiles, st.sampled_from([None, "none", *ENTRIES]))
def test_the_record_never_changes_a_finding(data, entry):
    """Naming a register entry, another one, `none` or none at all changes no finding's status
    or reason: the Secretary's decision is not evidence of the criteria."""
    named = copy.deepcopy(data)
    if entry is not None:
        named["register"] = entry
    assert statuses(evaluate_dict(named)) == statuses(evaluate_dict(data))


@pytest.mark.parametrize("entry", ["farc", "tda", "eta", "none"])
def test_removing_or_changing_register_leaves_the_checked_report_alike(tmp_path, entry):
    """Through `check --format json`: everything but the record is the same."""
    text = (
        "name: Test Front\nas_of: 2024-06-30\n"
        "organization: {is_group: true, dissolved: false, subnational_group: true}\n"
        "foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}\n"
        "capability: {armed_members: true}\nintent: {public_threats: true}\n"
        "threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}\n"
    )
    plain, named = tmp_path / "plain.yaml", tmp_path / "named.yaml"
    plain.write_text(text)
    named.write_text(text + f"register: {entry}\n")
    a = json.loads(runner.invoke(app, ["check", str(plain), "-f", "json"]).output)
    b = json.loads(runner.invoke(app, ["check", str(named), "-f", "json"]).output)
    assert a.pop("record") is None and b.pop("record")["entry"] == entry
    for report in (a, b):
        report.pop("path"), report.pop("sha256")
    assert a == b


# ---------------------------------------------------------------- the comparison


@pytest.mark.parametrize(
    "verdict, standing, expected",
    [
        (MET, Standing.IN_FORCE, "agree"),
        (NOT_MET, Standing.NOT_IN_FORCE, "agree"),
        (MET, Standing.NOT_IN_FORCE, "disagree"),
        (NOT_MET, Standing.IN_FORCE, "disagree"),
        (UNDETERMINED, Standing.IN_FORCE, "undetermined"),
        (UNDETERMINED, Standing.NOT_IN_FORCE, "undetermined"),
        (MET, Standing.UNSETTLED, "unsettled"),
    ],
)
def test_designated_means_met_not_in_force_means_not_met(verdict, standing, expected):
    """A designation in force agrees with met, its absence with not met; an undetermined
    verdict, and a record that cannot fix the day, are categories of their own."""
    assert agreement(verdict, standing) == expected


def test_the_record_says_when_the_secretary_designated_and_revoked():
    rec = record("farc", date(1997, 10, 8), MET)
    assert rec.summary == (
        "The Secretary designated it effective 1997-10-08 (62 Fed. Reg. 52,649) and revoked it "
        "effective 2021-11-30."
    )
    assert rec.standing == "in_force" and rec.agreement == "agree"
    assert [e.kind for e in rec.history][-1] == "revocation"


def test_an_organization_never_designated_is_named_none():
    rec = record("none", date(2022, 8, 23), NOT_MET)
    assert rec.standing == "not_in_force" and rec.agreement == "agree"


# ---------------------------------------------------------------- the profile field


def _parse(text: str):
    return parse_profile(text.encode(), "p.yaml")


def test_register_names_an_entry_of_the_register():
    assert _parse("name: X\nregister: farc\n").profile.register_entry == "farc"
    assert _parse("name: X\nregister: none\n").profile.register_entry == "none"


def test_an_unknown_register_entry_is_refused_at_its_line_with_did_you_mean():
    with pytest.raises(InputError) as e:
        _parse("name: X\nas_of: 2020-01-01\nregister: FARC-Colombia\n")
    assert str(e.value).startswith("p.yaml:3:11: register: no register entry 'FARC-Colombia'")
    with pytest.raises(InputError) as e:
        _parse("name: X\nregister: Hay'at Tahrir al-Sham\n")
    assert "did you mean 'hts'?" in str(e.value)


# ---------------------------------------------------------------- check shows it


def test_check_shows_the_record_beside_the_verdict(tmp_path):
    path = tmp_path / "farc.yaml"
    path.write_text("name: FARC\nas_of: 1997-10-08\nregister: farc\n")
    text = runner.invoke(app, ["check", str(path)]).output
    assert "The record: rules/register.yaml, entry farc" in text
    assert "The Secretary designated it effective 1997-10-08 (62 Fed. Reg. 52,649)" in text
    assert "In force on 1997-10-08: designated effective 1997-10-08" in text
    assert "The verdict on the facts is undetermined" in text
    assert text.index("Verdict:") < text.index("The record:") < text.index("receipt:")
    memo = runner.invoke(app, ["check", str(path), "-f", "markdown"]).output
    assert "## Beside the reasoning: the public record" in memo
    assert "took no part in the analysis above" in memo
    data = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).output)
    assert data["record"]["entry"] == "farc" and data["record"]["standing"] == "in_force"


def test_the_json_record_validates_against_the_report_schema(tmp_path):
    import jsonschema

    path = tmp_path / "hts.yaml"
    path.write_text("name: HTS\nas_of: 2025-07-08\nregister: hts\n")
    data = json.loads(runner.invoke(app, ["check", str(path), "-f", "json"]).output)
    schema = json.loads(runner.invoke(app, ["schema", "--report"]).output)
    jsonschema.validate(data, schema)
    assert data["record"]["since"] == "revoked effective 2025-07-08"


def test_check_reads_the_register_only_for_a_profile_that_names_an_entry(tmp_path):
    """Start-up stays light: a profile without `register:` never imports the register."""

    def imports_register(text: str) -> bool:
        path = tmp_path / "p.yaml"
        path.write_text(text)
        code = (
            "import sys\n"
            "import fto_check.cli.app as cli\n"
            f"sys.argv = ['fto-check', 'check', {str(path)!r}]\n"
            "try:\n    cli.app()\nexcept SystemExit:\n    pass\n"
            "print('fto_check.law.register' in sys.modules)\n"
        )
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        return run.stdout.strip().splitlines()[-1] == "True"

    assert not imports_register("name: Test Front\nas_of: 2024-06-30\n")
    assert imports_register("name: Test Front\nas_of: 2024-06-30\nregister: farc\n")


def test_a_report_with_its_record_reads_back_from_json():
    from fto_check.profile.read import read_profile
    from fto_check.reasoning import record as records
    from fto_check.reasoning.evaluate import evaluate
    from fto_check.render.json import parse, render

    loaded = read_profile(ROOT / "examples/public-record/farc-2021-revocation.yaml")
    report = evaluate(loaded.profile, loaded.source)
    records.attach(report, loaded.profile)
    assert report.record is not None
    assert parse(render(report)).record == report.record
