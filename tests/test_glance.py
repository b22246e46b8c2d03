"""A one-profile report opens with what a reader takes in at a glance (issue 20, item 10): each
criterion's mark and the verdict, then why it is not met, or the fact that would decide each
criterion still open; `--brief` prints that alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app

runner = CliRunner()
EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").rglob("*.yaml"))
FRONT = """\
name: Test Front
as_of: 2024-06-30
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}
incidents:
  - id: bombing
    date: 2024-03-02
    involves: [explosive]
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: [political]
    premeditated: true
    violent: true
    targets: [civilians]
    role: [committed]
threat_to_us: {arises_from: [terrorist-activity]}
"""


def check(*args: str):
    return runner.invoke(app, ["check", *args])


def write(tmp_path, text: str) -> str:
    path = tmp_path / "front.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_report_opens_with_every_criterion_and_the_verdict(path):
    result = check(str(path))
    summary = result.stdout.splitlines()[1]
    mark = r"(?:[✓✗?]  |[✓✗?]\* )"  # a star: decided on the Secretary's asserted finding
    assert re.fullmatch(
        rf"\(A\) {mark}\(B\) {mark}\(C\) {mark}→ [✓✗?] (met|not met|undetermined)", summary
    )
    verdict = json.loads(check("-f", "json", str(path)).stdout)["verdict"]
    assert summary.endswith(verdict.replace("_", " "))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_brief_is_the_summary_alone_with_the_same_exit_code(path):
    full, brief = check(str(path)), check("--brief", str(path))
    assert brief.exit_code == full.exit_code
    lines = brief.stdout.splitlines()
    assert full.stdout.startswith(brief.stdout)
    assert len(lines) <= 4 and "Verdict:" not in brief.stdout


def test_an_undetermined_verdict_names_the_fact_that_would_decide_it(tmp_path):
    """US nationals: nothing said about them; the summary names the field to add, the one the
    full report's help names too."""
    out = check(write(tmp_path, FRONT)).stdout.splitlines()
    assert out[1].endswith("→ ? undetermined")
    assert out[2].startswith("    to decide (C): add `")
    field = out[2].split("`")[1]
    assert any(f"add `{field}`" in line for line in out[3:] if "help:" in line)


def test_the_glance_asks_for_what_happened_before_a_threat_stated_directly(tmp_path):
    """(C) open: a fact of what happened (an incident's US targets, cells in the US) decides it
    as well as a threat stated directly, which is a conclusion; the glance asks for the fact.
    The incident is known not to have harmed US nationals: that alternative, already not met,
    is no shortcut (it used to count as needing no change)."""
    text = FRONT.replace(
        "threat_to_us: {arises_from: [terrorist-activity]}",
        "threat_to_us: {us_nationals: true, arises_from: [drug-trafficking]}",
    ).replace("    role: [committed]\n", "    role: [committed]\n    us_nationals_harmed: false\n")
    line = check("--brief", write(tmp_path, text)).stdout.splitlines()[2]
    assert line.startswith("    to decide (C): add `")
    field = line.split("`")[1]
    assert field not in {
        "threat_to_us.us_nationals",
        "threat_to_us.national_defense",
        "threat_to_us.foreign_relations",
        "threat_to_us.economic_interests",
        "threat_to_us.arises_from",
    }


def test_a_verdict_not_met_says_why_once(tmp_path):
    text = FRONT.replace("headquarters_in: XK", "headquarters_in: US")
    out = check("--brief", write(tmp_path, text)).stdout.splitlines()
    assert out[1].startswith("(A) ✗")
    reason = "it is a US organization: its leadership is in the United States"
    assert out[2] == f"    because: (A) foreign — {reason}"
    assert len(out) == 3


def test_the_summary_gives_the_reason_a_batch_row_gives():
    """Not met: the summary's reason is the batch row's, for every example."""
    rows = runner.invoke(app, ["batch", "-f", "jsonl", *map(str, EXAMPLES)]).stdout.splitlines()
    for row in map(json.loads, rows):
        if row["verdict"] == "not_met":
            because = check("--brief", row["path"]).stdout.splitlines()[2]
            assert because == f"    because: {row['reason']}"


def test_a_criterion_met_only_on_the_secretarys_finding_is_starred_and_footnoted():
    """The glance does not let an asserted finding pass for one the facts bear out: the mark
    is starred, and a footnote says what the facts alone give."""
    path = next(p for p in EXAMPLES if p.stem == "auc-2001-designation")
    lines = check("--brief", str(path)).stdout.splitlines()
    assert "(C) ✓* →" in lines[1]
    assert lines[2] == (
        "    * (C) met on the Secretary's asserted finding; on the facts alone, undetermined"
    )


def test_brief_is_for_the_text_report_only():
    result = check("--brief", "-f", "json", str(EXAMPLES[0]))
    assert result.exit_code == 2
    assert "--brief" in result.stderr
