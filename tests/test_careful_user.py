"""The smaller things a careful user hits (issue 20, item 11): a duplicate incident id refused at
its line; a tab named as a tab; no false "number" hint for a date written with dots; a warning
for an incident called nonviolent that used a weapon to kill; the --all-readings footer that
names what its report shows contested."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from fto_check.base.errors import InputError
from fto_check.cli.app import app
from fto_check.profile.read import parse_profile
from fto_check.reasoning.evaluate import evaluate

runner = CliRunner()


def problem(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_profile(text.encode(), "p.yaml")
    (first, *_) = caught.value.problems
    return str(first)


def test_a_duplicate_incident_id_is_refused_at_the_second_one():
    text = "name: X\nincidents:\n  - id: raid\n    date: 2024\n  - id: raid\n    date: 2023\n"
    assert problem(text) == (
        "p.yaml:5:9: incidents[1].id: incident id 'raid' is already the id of incidents[0] "
        "[duplicate-incident-id] (give each incident an id of its own)"
    )
    result = runner.invoke(app, ["check", "-"], input=text)
    assert result.exit_code == 2


def test_incidents_without_ids_are_not_duplicates():
    parse_profile(b"name: X\nincidents:\n  - date: 2024\n  - date: 2023\n", "p.yaml")


@pytest.mark.parametrize(
    "text",
    [
        "name: X\norganization:\n\tis_group: true\n",
        "name: X\nincidents:\n  - id: a\n\t  date: 2024\n",
    ],
)
def test_a_tab_used_for_indentation_is_named(text):
    message = problem(text)
    assert "tabs are not allowed for indentation in YAML (indent with spaces)" in message
    assert message.startswith(f"p.yaml:{text.count(chr(10), 0, text.index(chr(9))) + 1}:1: ")


@pytest.mark.parametrize(
    ("written", "hinted"),
    [("30.06.2024", False), ("06/30/2024", False), ("20240630", True), ("2024.0630", True)],
)
def test_only_a_date_yaml_reads_as_a_number_gets_the_number_hint(written, hinted):
    message = problem(f"name: X\nas_of: {written}\n")
    assert "expected a date as YYYY-MM-DD" in message
    assert ("YAML would read this as a number" in message) is hinted


NONVIOLENT_SHOOTING = """\
name: X
as_of: 2024-06-30
incidents:
  - id: shooting
    date: 2024-01-01
    involves: [firearm]
    intent_to_kill_or_injure: true
    violent: false
"""


def test_an_incident_called_nonviolent_that_used_a_firearm_to_kill_is_warned_about():
    loaded = parse_profile(NONVIOLENT_SHOOTING.encode(), "p.yaml")
    report = evaluate(loaded.profile, loaded.source)
    (warning,) = report.warnings
    assert warning.code == "nonviolent-use-of-weapon-to-kill"
    assert (warning.path, warning.line) == ("incidents[0].violent", 8)
    out = runner.invoke(app, ["check", "-"], input=NONVIOLENT_SHOOTING).stdout
    assert "warning: <stdin>:8:14: violent is false, yet it used firearm" in out


def test_a_nonviolent_incident_without_a_weapon_or_an_intent_to_kill_is_not_warned_about():
    for text in (
        NONVIOLENT_SHOOTING.replace("[firearm]", "[]"),
        NONVIOLENT_SHOOTING.replace("intent_to_kill_or_injure: true", "intent_to_endanger: true"),
    ):
        loaded = parse_profile(text.encode(), "p.yaml")
        assert evaluate(loaded.profile, loaded.source).warnings == []


LONE_FOREIGNER = """\
name: X
as_of: 2024-06-30
organization: {is_group: false}
foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}
"""


def test_the_all_readings_footer_names_a_part_contested_below_a_criterion_that_holds():
    """A lone individual: (A) is not met on every reading, but its element `foreign` is
    contested (the totality test leaves it open). The footer says so, not "nothing"."""
    out = runner.invoke(app, ["check", "--all-readings", "-"], input=LONE_FOREIGNER).stdout
    assert "    contested: foreign — met on the readings in force; undetermined with " in out
    footer = next(line for line in out.splitlines() if line.startswith("All readings:"))
    assert footer.endswith(
        "contested: not the verdict nor any criterion, but within them (A) foreign"
    )
