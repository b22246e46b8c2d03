"""A report's caret points where the fact that decided a finding is, and for a finding left
undetermined by a missing fact, where that fact would be written: not at the facts the profile
does give (issue 20, item 5)."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from fto_check.cli.app import app

runner = CliRunner()

INCIDENT = """\
  - id: {id}
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
"""
PROFILE = (
    "name: Two Incidents Front\n"
    "as_of: 2024-06-30\n"
    "organization:\n"
    "  is_group: true\n"
    "  subnational_group: true\n"
    "foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}\n"
    "incidents:\n"
    + INCIDENT.format(id="first")
    + "    us_nationals_harmed: false\n"
    + "    us_targets: []\n"
    + INCIDENT.format(id="second")
    + "threat_to_us: {arises_from: [terrorist-activity]}\n"
)


def report(tmp_path, text: str = PROFILE) -> list[str]:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path)])
    return result.stdout.splitlines()


def caret_under(lines: list[str], reason: str) -> tuple[str, str]:
    """The profile line shown above the caret of the finding that says `reason`, and the
    caret's own line."""
    at = next(i for i, line in enumerate(lines) if f"= because {reason}" in line)
    caret = next(i for i in range(at, 0, -1) if "^" in lines[i])
    return lines[caret - 1], lines[caret]


def test_a_fact_missing_from_one_incident_is_pointed_at_in_that_incident(tmp_path):
    """One incident says no US national or interest was harmed or aimed at, the other does
    not say: the caret is at the incident that does not say, not under the other's facts."""
    shown, caret = caret_under(report(tmp_path), "not known whether its terrorist activity")
    assert re.search(r"\d+ \|   - id: second$", shown)
    assert "`us_targets` would go in this incident" in caret
    assert caret.index("^") == shown.index("id: second") - shown.index("|") + caret.index("|")


def test_a_missing_field_of_a_section_is_pointed_at_under_the_sections_key(tmp_path):
    """Not known whether it still exists: the caret is at `organization:`, where `dissolved`
    would be written, not under `is_group`."""
    shown, caret = caret_under(report(tmp_path), "not known whether it is still in existence")
    assert shown.endswith("| organization:")
    assert "^^^^^^^^^^^^ `dissolved` would go here" in caret


def test_a_fact_written_as_null_is_pointed_at_where_it_is(tmp_path):
    text = PROFILE.replace("  is_group: true\n", "  is_group: true\n  dissolved: ~\n")
    shown, caret = caret_under(report(tmp_path, text), "not known whether it is still")
    assert shown.endswith("|   dissolved: ~")
    assert "`dissolved` is unknown here" in caret


def test_a_fact_that_decided_a_finding_is_still_underlined_where_it_is(tmp_path):
    """Not met on a known fact: the caret stays under that fact."""
    text = PROFILE.replace("headquarters_in: XK", "headquarters_in: US")
    lines = report(tmp_path, text)
    at = next(i for i, line in enumerate(lines) if "= because it is a US organization" in line)
    start = max(i for i in range(at) if "-->" in lines[i])
    snippet = lines[start:at]
    assert any("headquarters_in: US" in line for line in snippet)
    assert not any("would go" in line for line in snippet)
