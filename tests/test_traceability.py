"""Traceability, both ways, and the law over time.

Every rule cites a clause of rules/ in force on every day the rule claims, and changes version
only where (and wherever) its clause's wording did; every clause of rules/ is encoded, encoded
through its subclauses, a heading, or says why not. A profile judged on 8 October 1999 and on
20 February 2025 differs exactly where the USA PATRIOT Act changed the law, and says why.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.statute import FTO_STATUTE_ENACTED, load_law
from fto_check.reasoning.catalog import coverage, in_force, tree
from fto_check.reasoning.engine import RULES

LAW = load_law()
PATRIOT = date(2001, 10, 26)
TODAY = date.today()
# Days around every amendment the checker knows: AEDPA, PATRIOT, IRTPA, REAL ID, and now.
DAYS = [FTO_STATUTE_ENACTED, date(1999, 10, 8), PATRIOT, date(2004, 12, 17), date(2005, 5, 11)]


def _rule_versions():
    for rule_id, impls in RULES.items():
        for impl in impls:
            yield rule_id, impl


# ---------------------------------------------------------------- rules → law


def test_every_rule_cites_a_clause_that_exists_in_rules():
    """Each version of each rule implements a clause of rules/, and cites it in full."""
    for rule_id, impl in _rule_versions():
        assert impl.clause in LAW.clauses, rule_id
        assert impl.citation == LAW.citation(impl.clause), rule_id


def test_the_cited_clause_is_in_force_on_every_day_a_rule_version_claims():
    """From a rule version's first day (or the FTO statute's) to its last (or today), each day
    falls in a version of its clause: both ends and every boundary of the clause in between."""
    for rule_id, impl in _rule_versions():
        clause = LAW.clauses[impl.clause]
        first = max(impl.since or FTO_STATUTE_ENACTED, FTO_STATUTE_ENACTED)
        last = impl.until or TODAY
        edges = {v.in_force_from for v in clause.versions if v.in_force_from}
        days = {first, last} | {d for e in edges for d in (e - timedelta(days=1), e)}
        for day in sorted(d for d in days if first <= d <= last):
            assert clause.version_on(day) is not None, (rule_id, day)


def test_a_rule_changes_version_only_where_its_clause_does():
    """Each boundary between two versions of a rule is a boundary between versions of its
    clause: the checker's law never changes on a day the statute did not."""
    for rule_id, impls in RULES.items():
        clause = LAW.clauses[impls[0].clause]
        clause_ends = {v.in_force_until for v in clause.versions}
        for before, after in pairwise(impls):
            assert before.until in clause_ends, rule_id
            assert after.since == before.until + timedelta(days=1), rule_id


def test_a_clause_s_rule_changes_version_wherever_its_known_wording_changed():
    """Where two retrieved wordings of a clause differ, the clause's own rule has a version
    boundary on that day: a change in the words is never applied silently."""
    for clause in LAW.clauses.values():
        if clause.id not in RULES:
            continue
        rule_ends = {impl.until for impl in RULES[clause.id]}
        first = RULES[clause.id][0].since  # a rule spans only the days its clause's words matter
        last = RULES[clause.id][-1].until
        for before, after in pairwise(clause.versions):
            if last is not None and before.in_force_until > last:
                continue
            if first is not None and before.in_force_until < first:
                continue
            known = before.text is not None and after.text is not None
            if known and (before.text, before.flush_text) != (after.text, after.flush_text):
                assert before.in_force_until in rule_ends, clause.id


@pytest.mark.parametrize(
    "clause_id", ["1189(a)(1)(B)", "1189(a)(1)(C)", "1182(a)(3)(B)(iii)(V)(b)"]
)
def test_the_amended_criteria_have_a_rule_version_for_each_version_of_their_law(clause_id):
    """(B), (C) and (iii)(V)(b), whose words the USA PATRIOT Act changed, have one rule version
    per law version, ending on the same days."""
    law_ends = [v.in_force_until for v in LAW.clauses[clause_id].versions]
    assert [impl.until for impl in RULES[clause_id]] == law_ends


# ---------------------------------------------------------------- law → rules


def test_every_clause_is_encoded_through_subclauses_structural_or_says_why_not():
    """No clause of rules/ is left uncovered."""
    assert [c.clause.id for c in coverage() if c.kind == "uncovered"] == []


def test_coverage_lists_every_clause_of_rules_once():
    """The coverage report has one entry per clause, none invented."""
    assert sorted(c.clause.id for c in coverage()) == sorted(LAW.clauses)


def test_an_encoded_clause_carries_no_not_encoded_reason():
    """A clause is encoded or not encoded, never both."""
    for cover in coverage():
        if cover.kind in ("encoded", "through-subclauses"):
            assert cover.clause.not_encoded is None, cover.clause.id


def test_heading_only_units_are_structural():
    """A unit whose words today are only a heading is structure, not law to encode."""
    for cover in coverage():
        if cover.clause.current.text == "" and cover.kind != "encoded":
            assert cover.kind == "structural", cover.clause.id


def test_past_words_of_a_clause_not_encoded_say_why():
    """A heading today that had words of its own once (§ 1189(a)(4)(B), the 1996
    redesignation) says why those words are not encoded."""
    for cover in coverage():
        if cover.kind != "structural":
            continue
        for version in cover.clause.versions:
            if version.text:
                assert version.not_encoded, (cover.clause.id, version.in_force_from)
    redesignation = next(c for c in coverage() if c.clause.id == "1189(a)(4)(B)")
    assert [v.in_force_from for v, _ in redesignation.versions_not_encoded] == [
        FTO_STATUTE_ENACTED,
        date(2001, 10, 26),  # the USA PATRIOT Act's wording of the two-year redesignation
    ]


@pytest.mark.parametrize(
    ("item", "subitems"), [("IV", "aa bb cc"), ("V", "aa bb cc"), ("VI", "aa bb cc dd")]
)
def test_lead_ins_of_iv_are_encoded_through_every_item(item, subitems):
    """§ 1182(a)(3)(B)(iv)(IV)–(VI) ("to solicit funds … for—") are implemented through their
    items: the terrorist activity itself (aa), and the tiers of organization (bb)–(dd)."""
    covers = {c.clause.id: c for c in coverage()}
    assert covers[f"1182(a)(3)(B)(iv)({item})"].kind in ("encoded", "through-subclauses")
    for sub in subitems.split():
        assert covers[f"1182(a)(3)(B)(iv)({item})({sub})"].kind == "encoded", sub


# ---------------------------------------------------------------- the tree is the engine's


@pytest.mark.parametrize("day", [*DAYS, TODAY], ids=str)
def test_the_probe_tree_reaches_every_rule_in_force(day):
    """The tree read off the engine holds exactly the rules in force that day, each in the
    version in force, so `fto-check rules` shows the whole of the criteria."""
    nodes = tree(day)
    in_force_then = {r for r, impls in RULES.items() if any(i.in_force_on(day) for i in impls)}
    assert set(nodes) == in_force_then
    assert all(node.rule is in_force(rule_id, day) for rule_id, node in nodes.items())


# ---------------------------------------------------------------- the law over time

CAPABILITY_AND_INTENT = """\
name: Mountain Front (test)
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {formed_in: CO, headquarters_in: CO, organized_under_us_law: false}
incidents: []
capability: {armed_members: true, weapons: true}
intent:
  public_threats: true
  plots: true
  acts: [bombing]
  targets: [civilians]
  motives: [political]
threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}
"""

OTHER_WEAPON = """\
name: Machete Brigade (test)
organization: {is_group: true, dissolved: false, subnational_group: true}
conduct: {all_incidents_since: 1994-01-01}
foreign: {formed_in: CO, headquarters_in: CO, organized_under_us_law: false}
incidents:
  - id: market-attack
    date: 1998-06-01
    involves: {only: [other-weapon]}
    means: {only: [other-weapon]}
    threatened: []
    attempted: []
    conspired: []
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: [retaliation]
    us_nationals_harmed: false
    role: {only: [committed]}
capability: {armed_members: false, weapons: false, explosives: false, funds: false}
threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}
"""


def _check(tmp_path, text: str, day: str, *options: str):
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(app, ["check", "--as-of", day, *options, str(path)])


def _report(tmp_path, text: str, day: str, code: int) -> dict:
    r = _check(tmp_path, text, day, "--format", "json")
    assert r.exit_code == code, r.output
    return json.loads(r.stdout)


def _findings(node: dict):
    yield node
    for child in node["children"]:
        yield from _findings(child)


def _statuses(report: dict) -> dict[tuple[str, ...], str]:
    """Each finding's status, keyed by its path of rules (and subjects) from the root."""
    statuses = {}

    def walk(node: dict, path: tuple[str, ...]) -> None:
        path = (*path, node["rule"] + (f" {node['subject']}" if node["subject"] else ""))
        statuses[path] = node["status"]
        for child in node["children"]:
            walk(child, path)

    walk(report["criteria"], ())
    return statuses


def _changed(before: dict, after: dict) -> set[str]:
    """The rules whose findings, at the same place in the tree, changed status."""
    old, new = _statuses(before), _statuses(after)
    return {path[-1].split()[0] for path in old.keys() & new.keys() if old[path] != new[path]}


def _added(before: dict, after: dict) -> set[str]:
    return {path[-1].split()[0] for path in _statuses(after).keys() - _statuses(before).keys()}


def _ancestors(rule_id: str, day: date) -> set[str]:
    """Every rule that has `rule_id` among its parts, directly or further down."""
    nodes = tree(day)
    found: set[str] = set()
    todo = [rule_id]
    while todo:
        current = todo.pop()
        for parent, node in nodes.items():
            if current in node.parts and parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def test_capability_and_intent_meets_b_in_2025_but_not_in_1999(tmp_path):
    """Retained capability and intent meets (B) under today's law; under the 1996 text, which
    had no such route, (B) and the verdict fail, and nothing else changes."""
    then = _report(tmp_path, CAPABILITY_AND_INTENT, "1999-10-08", 1)
    now = _report(tmp_path, CAPABILITY_AND_INTENT, "2025-02-20", 0)
    # (C) speaks of the terrorist activity of the organization: it falls with (B).
    assert _changed(then, now) == {
        "1189(a)(1)",
        "1189(a)(1)(B)",
        "1189(a)(1)(C)",
        "1189(a)(1)(C)/its-activity",
    }
    added = _added(then, now)
    assert "1189(a)(1)(B)/capability-and-intent" in added
    for rule in added:  # each is, or is part of, a rule that did not exist in 1999
        lineage = {rule} | _ancestors(rule, date(2025, 2, 20))
        assert any(in_force(r, date(1999, 10, 8)) is None for r in lineage), rule


def test_the_1999_report_says_the_route_was_added_by_the_patriot_act(tmp_path):
    """The report judged in 1999 names the 1996 version of (B) and why its other routes are
    missing: added by Pub. L. 107-56, § 411(c)."""
    then = _report(tmp_path, CAPABILITY_AND_INTENT, "1999-10-08", 1)
    b = next(c for c in then["criteria"]["children"] if c["rule"] == "1189(a)(1)(B)")
    assert b["status"] == "not_met"
    assert b["version"].startswith("as enacted by Pub. L. 104-132, § 302(a)")
    assert any("Pub. L. 107-56, § 411(c)" in note for note in b["notes"])
    text = _check(tmp_path, CAPABILITY_AND_INTENT, "1999-10-08").output
    assert "Pub. L. 107-56, § 411(c)) added terrorism" in text


def test_an_other_weapon_counts_under_v_b_only_after_2001(tmp_path):
    """An attack with an "other weapon" is terrorist activity under (V)(b) as amended in 2001
    (clause (iii)(V)(b)), not under the 1990 text's "explosive or firearm" (clause (ii)(V)(b)):
    the same incident, judged before and after 2001-10-26."""
    then = _report(tmp_path, OTHER_WEAPON, "1999-10-08", 1)
    now = _report(tmp_path, OTHER_WEAPON, "2002-10-08", 0)
    old = next(f for f in _findings(then["criteria"]) if f["rule"] == "1182(a)(3)(B)(ii)(V)(b)")
    new = next(f for f in _findings(now["criteria"]) if f["rule"] == "1182(a)(3)(B)(iii)(V)(b)")
    assert (old["status"], new["status"]) == ("not_met", "met")
    assert old["version"] == "as enacted by Pub. L. 101-649, § 601(a) (Immigration Act of 1990)"
    assert old["reason"] == "no explosive or firearm carried out"
    assert any("Pub. L. 107-56, § 411(a)" in note for note in old["notes"])
    assert not any(
        f["rule"] in ("1182(a)(3)(B)(iii)(V)(b)", "1182(a)(3)(B)(iii)(V)/use")
        for f in _findings(then["criteria"])
    )


def test_every_clause_applied_is_quoted_as_in_force_on_the_day(tmp_path):
    """No wording is stood in for another: the report lists each clause it applied with the
    version in force on as_of, and has no 'not retrieved' notes (the 1990 and 2001 texts of
    § 1182(a)(3)(B) and the 1996 text of § 1189 are all in rules/)."""
    for day in ("1999-10-08", "2002-10-08", "2025-02-20"):
        report = _report(tmp_path, OTHER_WEAPON, day, 0 if day.startswith("2002") else 1)
        assert "law_notes" not in report
        for clause_id, label in report["law"].items():
            version = LAW.clauses[clause_id].version_on(date.fromisoformat(day))
            assert version is not None and version.text is not None, (day, clause_id)
            assert label == LAW.clauses[clause_id].label_on(date.fromisoformat(day))
    then = _report(tmp_path, OTHER_WEAPON, "1999-10-08", 1)
    assert "1182(a)(3)(B)(ii)(V)(b)" in then["law"]
    assert "1189(c)(2)" in then["law"] and "1189(d)(2)" not in then["law"]
    text = _check(tmp_path, OTHER_WEAPON, "1999-10-08").output
    assert "§§ 1182(a)(3)(B)(ii)" in text and "Immigration Act of 1990" in text


def test_every_part_evaluation_produces_is_a_part_of_the_tree(tmp_path):
    """On real facts, each finding's parts are parts of its rule in the tree of that day."""
    for profile, days in (
        (CAPABILITY_AND_INTENT, ("1999-10-08", "2025-02-20")),
        (OTHER_WEAPON, ("1999-10-08", "2002-10-08")),
    ):
        for day in days:
            report = _report(tmp_path, profile, day, 1 if day < "2001" else 0)
            nodes = tree(date.fromisoformat(day))
            for finding in _findings(report["criteria"]):
                parts = {child["rule"] for child in finding["children"]}
                assert parts <= set(nodes[finding["rule"]].parts), finding["rule"]
