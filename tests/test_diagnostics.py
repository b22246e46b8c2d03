"""The text report as a compiler would write it: every criterion not met or undetermined
points at the line of the profile that decided it, or names the field to add; facts show
their sources; missing fields are named once; boundary cases are flagged; a receipt ends it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from profiles import evaluate_dict
from typer.testing import CliRunner

from fto_check.cli.app import app

EXAMPLES = sorted(Path(__file__).parent.parent.glob("examples/**/*.yaml"))
runner = CliRunner()


def check(*args) -> str:
    return runner.invoke(app, ["check", *map(str, args)]).output


def criteria_sections(output: str) -> dict[str, list[str]]:
    """Each criterion's block of the text report, by its letter and status mark."""
    sections, current = {}, None
    for line in output.splitlines():
        m = re.match(r"^([✓✗?]) \(([ABC])\)", line)
        if m:
            current = sections.setdefault(f"{m[1]}{m[2]}", [])
        elif not line.strip():
            current = None
        if current is not None:
            current.append(line)
    return sections


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_criterion_not_met_points_at_a_line_or_names_a_field(path):
    """On every example, a criterion not met (✗) or undetermined (?) shows a `file:line:col`
    snippet or a `help: add` line for a missing field."""
    sections = criteria_sections(check(path))
    for mark, lines in sections.items():
        if mark[0] == "✓":
            continue
        text = "\n".join(lines)
        located = re.search(rf"--> {re.escape(str(path))}:\d+:\d+", text)
        # (C) speaks of "the terrorist activity or terrorism of the organization": where it
        # fails only because (B) does, it points at (B), whose own section must be located.
        only_b = mark[1] == "C" and re.search(r"\(B\) (is undetermined|finds no)", text)
        if only_b and not located and "help: add `" not in text:
            b = "\n".join(next(v for k, v in sections.items() if k[1] == "B"))
            assert re.search(r"--> |help: add `", b), f"{path} (B):\n{b}"
            continue
        assert located or "help: add `" in text, f"{path} {mark}:\n{text}"


PROFIT = """\
name: Test Cartel
as_of: 2025-02-20
sources:
  press: {title: "Gunmen kill six", url: https://example.org/x, date: 2024-09-18}
incidents:
  - id: ambush
    date: 2024-09-17
    involves: [firearm]
    motives: {only: [financial, territorial]}
    sources: [press]
conduct: {all_incidents_since: 2020-01-01}
"""


def test_a_failing_element_shows_its_line_with_a_caret_under_the_value(tmp_path):
    """rustc-style: ` --> path:line:col`, the line as written, carets under the value."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT)
    lines = check(path).splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(f"--> {path}:9:21"))
    assert lines[at + 2].endswith("9 |     motives: {only: [financial, territorial]}")
    caret = lines[at + 3].split("|", 1)[1]
    assert caret == " " + " " * 20 + "^" * len("[financial, territorial]")
    assert (
        lines[at + 4].strip() == "= because its motives (financial, territorial) are not political"
    )


def test_a_list_not_complete_is_shown_where_it_is_not_called_unknown(tmp_path):
    """A list given but not said to be complete leaves an element open: the caret goes under
    the list as written, and the report does not call a given fact unknown."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT.replace("{only: [financial, territorial]}", "[financial, territorial]"))
    output = check(path)
    lines = output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.endswith(f"--> {path}:9:14"))
    assert lines[at + 2].endswith("9 |     motives: [financial, territorial]")
    assert lines[at + 3].split("|", 1)[1] == " " + " " * 13 + "^" * len("[financial, territorial]")
    assert "the list may not be complete" in lines[at + 4]
    assert "`motives` is unknown here" not in output


def test_a_fact_shown_lists_its_sources(tmp_path):
    """The sources cited for a fact are listed under its snippet."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT)
    output = check(path)
    assert "= source: Gunmen kill six, 2024-09-18, https://example.org/x" in output


def test_the_register_of_sources_cites_no_fact_by_itself():
    """The top-level `sources:` lists sources by key; `incidents: []` cites none of them."""
    report = evaluate_dict(
        {"name": "X", "as_of": "2024-01-01", "sources": {"a": {"title": "A"}}, "incidents": []}
    )
    uses = [use for f in report.criteria.walk() for use in f.facts if use.path == "incidents"]
    assert uses and all(use.sources == [] for use in uses)


def test_missing_fields_are_named_once_per_criterion(tmp_path):
    """A sparse profile names each field to add once, not once per clause it would decide."""
    path = tmp_path / "sparse.yaml"
    path.write_text("name: X\nas_of: 2020-07-01\nincidents:\n  - id: raid\n    date: 2020-03-01\n")
    for lines in criteria_sections(check(path)).values():
        helps = [line for line in lines if "help: add" in line]
        assert len(helps) == len(set(helps))
        fields = []
        for line in helps:  # `incidents[0].unlawful_where_committed`, `.unlawful_in_us`: in full
            names = re.findall(r"`([\w\[\]\.]+)`", line)
            section = names[0].rpartition(".")[0]
            fields += [section + name if name.startswith(".") else name for name in names]
        assert fields and len(fields) == len(set(fields))


def test_a_missing_field_is_named_with_the_clause_it_would_decide(tmp_path):
    """ "add `incidents[0].motives` to decide § 2656f(d)(2) politically motivated"."""
    path = tmp_path / "p.yaml"
    path.write_text(PROFIT.replace("    motives: {only: [financial, territorial]}\n", ""))
    assert "help: add `incidents[0].motives` to decide" in check(path)
    assert "§ 2656f(d)(2) politically motivated" in check(path)


def test_the_same_field_missing_from_many_incidents_is_said_once(tmp_path):
    """Twenty incidents without a motive: one line, not twenty."""
    incidents = "".join(f"  - {{id: i{n}, date: 2024-01-{n + 1:02d}}}\n" for n in range(20))
    path = tmp_path / "many.yaml"
    path.write_text(f"name: X\nas_of: 2024-06-30\nincidents:\n{incidents}")
    output = check(path)
    assert "add `incidents[].motives` (in 20 incidents)" in output
    assert output.count("incidents[3].motives") == 0


def test_the_receipt_states_version_law_readings_and_the_profile_hash(tmp_path):
    """Two reports can be compared: the footer has the tool, the law, the readings, a hash."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT)
    footer = check(path).split("\nreceipt: ")[1]
    assert footer.startswith("fto-check ")
    assert hashlib.sha256(PROFIT.encode()).hexdigest() in footer
    # each clause applied, with the wording applied: the text of that day and its enactment
    assert "law: 8 U.S.C. §§ 1189(a)(1), (a)(1)(A): as enacted by Pub. L. 104-132" in footer
    assert "law: 8 U.S.C. § 1189(d)(2): as enacted by Pub. L. 108-458" in footer
    assert "law: 22 U.S.C. § 2656f(d)(2): as enacted by Pub. L. 100-204" in footer
    assert "readings in force: engages-recency=5-years (the default for the law in force" in footer


def test_the_receipt_names_the_wording_of_the_day_judged(tmp_path):
    """Judged in 2000, the receipt cites the clauses of that day: § 1182(a)(3)(B)(ii) as the
    definition of terrorist activity, and § 1189(c)(2) for national security."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT.replace("2024-09-17", "1999-09-17"))
    footer = check("--as-of", "2000-06-30", path).split("\nreceipt: ")[1]
    assert "1182(a)(3)(B)(ii)" in footer
    assert "(c)(2): as enacted by Pub. L. 104-132" in footer and "(d)(2)" not in footer


def test_json_carries_the_receipt_but_not_the_profile_text(tmp_path):
    """The JSON report has version, law, readings and hash; the source map stays out."""
    path = tmp_path / "cartel.yaml"
    path.write_text(PROFIT)
    report = json.loads(check("--format", "json", path))
    assert report["sha256"] == hashlib.sha256(PROFIT.encode()).hexdigest()
    assert report["fto_check_version"] and report["law"] and report["readings"]
    assert "source" not in report


def boundary(tmp_path, incident: str) -> str:
    path = tmp_path / "b.yaml"
    path.write_text(f"name: X\nas_of: 2024-06-30\nincidents:\n  - {incident}\n")
    return check(path)


def test_property_only_violence_is_flagged_under_2656f(tmp_path):
    """Boundary: violence against property alone, and § 2656f(d)(2)'s noncombatant targets. It
    is a named reading (`property-targets`): met by default, and the report names the reading;
    on `people-only` the report shows the targets that are not noncombatants."""
    incident = {"date": "2024-01-01", "violent": True, "targets": ["property"]}
    report = evaluate_dict({"name": "X", "as_of": "2024-06-30", "incidents": [incident]})
    targets = next(
        f for f in report.criteria.walk() if f.rule == "2656f(d)(2)/noncombatant-targets"
    )
    assert targets.status.value == "met"
    assert "`property-targets` reading" in targets.reason
    assert targets.readings == {"property-targets": "civilian-property"}
    path = tmp_path / "b.yaml"
    path.write_text(f"name: X\nas_of: 2024-06-30\nincidents:\n  - {json.dumps(incident)}\n")
    output = check("--reading", "property-targets=people-only", path)
    assert "it targeted property, not noncombatants" in output
    assert "reading property-targets=people-only" in output


def test_an_act_without_the_iv_i_intention_is_flagged(tmp_path):
    """Boundary: committing without circumstances showing an intention to kill or injure."""
    output = boundary(
        tmp_path, "{date: 2024-01-01, role: [committed], intent_to_kill_or_injure: no}"
    )
    assert "boundary: committing or inciting an act is engaging" in output


def test_seizing_a_vehicle_is_flagged_as_possible_hijacking(tmp_path):
    """Boundary: a seizure of a conveyance may be (iii)(I) hijacking, which has no money
    carve-out."""
    output = boundary(
        tmp_path, "{date: 2024-01-01, summary: Gunmen seized a fuel truck on the highway}"
    )
    assert "boundary: the summary describes seizing a conveyance" in output


@pytest.mark.parametrize(
    ("summary", "flagged"),
    [
        ("MEN SEIZED A FUEL TRUCK", True),  # whatever the case
        ("They commandeered two buses", True),  # plurals: buses, lorries, ferries
        ("Three lorries were hijacked at the border", True),
        ("A carjacking on the ring road", False),  # no conveyance word of its own
        ("The unseized cargo left on a truck", False),  # 'seiz' inside a word is no seizure
        ("Gunmen seized the Carlos ranch", False),  # 'car' inside a word is no conveyance
    ],
)
def test_the_seizure_note_reads_whole_words_in_any_case(tmp_path, summary, flagged):
    output = boundary(tmp_path, f"{{date: 2024-01-01, summary: {summary}}}")
    assert ("boundary: the summary describes seizing a conveyance" in output) is flagged


def test_a_hijacking_for_money_is_flagged_as_outside_the_carve_out(tmp_path):
    """Boundary: (iii)(I) has no motive element, so a hijacking for profit still counts."""
    output = boundary(tmp_path, "{date: 2024-01-01, involves: [hijacking], motives: [financial]}")
    assert "boundary: (I) has no motive element" in output


def test_a_boundary_note_stays_on_its_own_finding():
    """A finding with nothing in a field shares one empty list with the others: a note added
    to one finding must reach no other."""
    report = evaluate_dict(
        {
            "name": "X",
            "as_of": "2024-06-30",
            "incidents": [
                {"date": "2024-01-01", "role": ["committed"], "intent_to_kill_or_injure": False}
            ],
        }
    )
    noted = [f.rule for f in report.criteria.walk() if f.notes]
    assert noted == ["1182(a)(3)(B)(iv)(I)/intention"]


def test_an_empty_field_of_a_finding_refuses_to_grow():
    """Shared, it says so rather than lending an item to every finding that has none."""
    report = evaluate_dict({"name": "X", "as_of": "2024-06-30"})
    empty = next(f for f in report.criteria.walk() if not f.notes)
    with pytest.raises(TypeError, match="shared"):
        empty.notes.append("a note")
    assert all(not f.notes for f in report.criteria.walk())


ASSERTED = """\
name: Asserted
as_of: 2024-06-30
sources:
  fr: {title: "Designation notice", date: 2024-06-01}
threat_to_us:
  secretary_finding: {threatens: true, date: 2024-06-01, sources: [fr]}
"""


def test_c_on_the_secretarys_asserted_finding_is_reported_as_such(tmp_path):
    """(C) met on the asserted finding, distinct from met on facts the checker derived."""
    path = tmp_path / "asserted.yaml"
    path.write_text(ASSERTED)
    output = check(path)
    head = next(line for line in output.splitlines() if line.startswith("✓ (C)"))
    assert head.endswith("met  on the Secretary's asserted finding")
    assert "on the facts alone the checker finds it undetermined" in output
    assert "= source: Designation notice, 2024-06-01" in output
    criterion = json.loads(check("--format", "json", path))["criteria"]["children"][2]
    assert criterion["basis"] == "asserted" and criterion["status"] == "met"


def test_c_met_on_derived_facts_is_not_called_asserted(tmp_path):
    """Without a Secretary's finding, a met (C) rests on the checker's own derivation."""
    path = tmp_path / "derived.yaml"
    path.write_text(
        PROFIT + "threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}\n"
    )
    output = check(path)
    assert "asserted" not in output
    criterion = json.loads(check("--format", "json", path))["criteria"]["children"][2]
    assert criterion["basis"] == "derived"


def test_a_secretarys_finding_of_no_threat_would_be_reversed_only_by_another_finding(tmp_path):
    """Not met on the assertion: what would change it is the finding, not the facts."""
    path = tmp_path / "asserted.yaml"
    path.write_text(ASSERTED.replace("threatens: true", "threatens: false"))
    report = json.loads(check("--format", "json", path))
    answer = next(w for w in report["why_not"] if w["rule"] == "1189(a)(1)(C)")
    changes = [c for fix in answer["fixes"] for step in fix["steps"] for c in step]
    assert changes == [
        {"path": "threat_to_us.secretary_finding.threatens", "value": True, "op": "set", "text": ""}
    ]
