"""`fto-check rules`: the criteria tree as the engine composes it, its coverage of the law, and
the readings, in text, Markdown and JSON."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.readings import all_readings
from fto_check.law.statute import load_law
from fto_check.reasoning.engine import RULES


def _rules(*args: str, code: int = 0):
    r = CliRunner().invoke(app, ["rules", *args])
    assert r.exit_code == code, r.output
    return r


def _tree(*args: str) -> dict:
    return json.loads(_rules("--format", "json", *args).stdout)


def test_the_tree_starts_at_1189_a_1_with_its_three_findings():
    """The root is § 1189(a)(1), an all-of of (A), (B) and (C)."""
    data = _tree()
    root = next(r for r in data["rules"] if r["id"] == data["root"])
    assert data["root"] == "1189(a)(1)"
    assert root["combine"] == "all-of"
    assert root["parts"] == ["1189(a)(1)(A)", "1189(a)(1)(B)", "1189(a)(1)(C)"]


def test_every_part_in_the_tree_is_a_rule_of_the_tree():
    """The tree is closed: no part points outside it."""
    data = _tree()
    ids = {r["id"] for r in data["rules"]}
    assert all(set(r["parts"]) <= ids for r in data["rules"])


def test_the_text_tree_shows_every_rule_with_its_citation_and_summary():
    """Each rule in force appears with its id, its title, its summary and the law it applies:
    today's in today's tree, a rule of an earlier text (clause (ii) before 26 October 2001) in
    the tree of a day when it was in force."""
    trees: dict[str, str] = {}
    for rule_id, impls in RULES.items():
        last = impls[-1]
        day = "" if last.until is None else last.since.isoformat()
        if day not in trees:
            trees[day] = _rules(*(("--as-of", day) if day else ())).stdout
        assert rule_id in trees[day], (rule_id, day)
        assert last.title in trees[day]
    out = trees[""]
    assert "as amended by Pub. L. 107-56, § 411(c) (USA PATRIOT Act)" in out
    assert "[any of]" in out and "[all of]" in out and "[any incident]" in out
    assert "1182(a)(3)(B)(ii)" not in out and "1182(a)(3)(B)(ii)" in trees["1996-04-24"]


def test_as_of_1999_shows_b_as_enacted_with_one_route():
    """On 8 October 1999, (B) is the 1996 rule: terrorist activity only, no terrorism route."""
    data = _tree("--as-of", "1999-10-08")
    b = next(r for r in data["rules"] if r["id"] == "1189(a)(1)(B)")
    assert b["parts"] == ["1189(a)(1)(B)/terrorist-activity"]
    assert b["law"].startswith("as enacted by Pub. L. 104-132, § 302(a)")
    assert b["rule_version"] == {"since": "1996-04-24", "until": "2001-10-25", "of": 2}
    assert "2656f(d)(2)" not in {r["id"] for r in data["rules"]}


def test_today_b_has_three_routes():
    """Today (B) is an any-of of terrorist activity, terrorism, and capability and intent."""
    b = next(r for r in _tree()["rules"] if r["id"] == "1189(a)(1)(B)")
    assert b["combine"] == "any-of"
    assert b["parts"] == [
        "1189(a)(1)(B)/terrorist-activity",
        "1189(a)(1)(B)/terrorism",
        "1189(a)(1)(B)/capability-and-intent",
    ]


def test_a_route_over_incidents_is_marked_each_incident():
    """The routes through incidents apply their part to each incident in turn."""
    rules = {r["id"]: r for r in _tree()["rules"]}
    assert rules["1189(a)(1)(B)/terrorist-activity"]["each_incident"]
    assert rules["1189(a)(1)(B)/terrorist-activity"]["parts"] == [
        "1189(a)(1)(B)/engages-in-terrorist-activity"
    ]
    assert not rules["1189(a)(1)(B)"]["each_incident"]


def test_each_incident_is_judged_recent_and_engaged_in_per_the_definitions_of_the_day():
    """Per incident: is it recent enough ("engages", present tense), and did the organization
    engage in terrorist activity by it: § 1182(a)(3)(B)(iv) today, clause (iii) before 2001."""
    today = {r["id"]: r for r in _tree()["rules"]}
    assert today["1189(a)(1)(B)/engages-in-terrorist-activity"]["parts"] == [
        "1189(a)(1)(B)/present",
        "1182(a)(3)(B)(iv)",
    ]
    assert today["1189(a)(1)(B)/engages-in-terrorism"]["parts"] == [
        "1189(a)(1)(B)/present",
        "2656f(d)(2)",
    ]
    then = {r["id"]: r for r in _tree("--as-of", "1999-10-08")["rules"]}
    assert then["1189(a)(1)(B)/engages-in-terrorist-activity"]["parts"] == [
        "1189(a)(1)(B)/present",
        "1182(a)(3)(B)(iii)",
    ]


def test_markdown_draws_the_tree_as_a_mermaid_flowchart():
    """The Markdown has a Mermaid flowchart: a node per rule, all-of and any-of visible."""
    out = _rules("--format", "markdown").stdout
    block = re.search(r"```mermaid\n(.*?)```", out, re.S)
    assert block, out[:500]
    chart = block.group(1)
    assert chart.startswith("flowchart TD")
    assert chart.count("<i>all of</i>") and chart.count("<i>any of</i>")
    assert "-->|each incident|" in chart
    nodes = re.findall(r"^  (n\d+)[\[{(]", chart, re.M)
    assert len(nodes) == len(_tree()["rules"])


def test_a_date_before_the_statute_is_refused():
    """There were no FTO criteria before 24 April 1996: exit 2 with a clear error."""
    r = _rules("--as-of", "1995-01-01", code=2)
    assert "before 8 U.S.C. § 1189 was enacted on 1996-04-24" in r.output


def test_a_malformed_date_is_a_usage_error():
    """--as-of takes YYYY-MM-DD."""
    assert "YYYY-MM-DD" in _rules("--as-of", "8 Oct 1999", code=2).output


def test_coverage_lists_every_clause_with_totals():
    """`--coverage` names each clause of rules/, and the totals add up."""
    data = json.loads(_rules("--coverage", "--format", "json").stdout)
    assert sorted(c["clause"] for c in data["clauses"]) == sorted(load_law().clauses)
    totals = data["totals"]
    assert totals["clauses"] == len(data["clauses"])
    assert sum(n for kind, n in totals.items() if kind != "clauses") == totals["clauses"]
    assert totals["uncovered"] == 0


def _coverage_of(out: str, clause_id: str) -> str:
    """What the text coverage report says of one clause."""
    line = next(line for line in out.splitlines() if line.split()[:1] == [clause_id])
    return line.split(maxsplit=1)[1]


def test_coverage_text_says_how_each_kind_of_clause_is_covered():
    """Encoded clauses name their rules and dates, lead-ins their subclauses, the others why."""
    out = _rules("--coverage").stdout
    b = _coverage_of(out, "1189(a)(1)(B)")
    assert b.startswith("encoded by 1189(a)(1)(B) (1996-04-24 – 2001-10-25; 2001-10-26 onward)")
    # a lead-in ("to solicit funds … for—") is encoded by the element its subclauses share
    lead_in = _coverage_of(out, "1182(a)(3)(B)(iv)(IV)")
    assert lead_in == "encoded by 1182(a)(3)(B)(iv)(IV)/solicited (2001-10-26 onward)"
    assert _coverage_of(out, "1189(a)(2)(C)").startswith("not encoded: Treasury blocking")
    assert _coverage_of(out, "1189(a)").startswith("structural")
    redesignation = _coverage_of(out, "1189(a)(4)(B)")
    assert "its words of 1996-04-24 – 2001-10-25 not encoded: Redesignation" in redesignation
    assert re.search(r"^\d+ clauses: \d+ encoded, \d+ through subclauses", out, re.M)


def test_readings_lists_every_reading_with_its_default():
    """`--readings` names each reading, its clause and its default."""
    out = _rules("--readings").stdout
    for name, reading in all_readings().items():
        assert f"{name}  (§ {reading.clause}; default {reading.current_default};" in out


@pytest.mark.parametrize("fmt", ["markdown", "json"])
def test_readings_in_other_formats_name_every_reading(fmt):
    """The readings table has every reading in Markdown and JSON as well."""
    out = _rules("--readings", "--format", fmt).stdout
    assert all(name in out for name in all_readings())


def test_full_needs_markdown():
    """`--full` writes the Markdown reference; asked for text it says how to call it."""
    assert "--format markdown --full" in _rules("--full", code=2).output


def test_only_one_view_at_a_time():
    """--coverage, --readings and --full are alternatives."""
    assert "choose one of" in _rules("--coverage", "--readings", code=2).output
