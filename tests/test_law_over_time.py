"""The law as it stood on every date: the 1990, 2001 and 2005 texts of § 1182(a)(3)(B), and the
1996 text of § 1189, each applied on the days it was in force and cited by its number then."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from profiles import evaluate_dict, finding
from strategies import as_of_dates, incidents

from fto_check.base.errors import InputError
from fto_check.law.statute import load_law
from fto_check.reasoning.catalog import in_force
from fto_check.reasoning.logic import MET, NOT_MET

LAW = load_law()
ORG = {"is_group": True, "dissolved": False, "subnational_group": True}
ABROAD = {"headquarters_in": "XX", "organized_under_us_law": False}


def bombing(as_of: str, when: str, **facts) -> dict:
    incident = {
        "id": "night-bomb",
        "date": when,
        "acts": ["bombing"],
        "targets": ["civilians"],
        "unlawful_where_committed": True,
        "role": ["committed"],
        **facts,
    }
    return {
        "name": "Test Front",
        "as_of": as_of,
        "organization": ORG,
        "foreign": ABROAD,
        "incidents": [incident],
    }


def rules_applied(report) -> set[str]:
    return {f.rule for f in report.criteria.walk()}


# ---------------------------------------------------------------- the boundaries


def test_a_day_before_section_1189_was_enacted_is_refused():
    with pytest.raises(InputError, match=r"before 8 U\.S\.C\. § 1189 was enacted on 1996-04-24"):
        evaluate_dict(bombing("1996-04-23", "1996-01-01"))


def test_from_1996_04_24_terrorist_activity_is_clause_ii_and_engaging_clause_iii():
    """The Immigration Act of 1990 numbering, in force when § 1189 was enacted."""
    applied = rules_applied(evaluate_dict(bombing("1996-04-24", "1996-03-01")))
    assert {"1182(a)(3)(B)(ii)", "1182(a)(3)(B)(ii)(V)(b)", "1182(a)(3)(B)(iii)"} <= applied
    assert "1182(a)(3)(B)(iv)" not in applied


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("1996-09-29", "false identification,"),
        ("1996-09-30", "false documentation or identification"),
    ],
)
def test_iirira_changed_the_material_support_clause_on_1996_09_30(day, words):
    """The 1990 text's (iii)(III) said "false identification" until IIRIRA (Pub. L. 104-208,
    § 342) made it "false documentation or identification"."""
    version = LAW.clause("1182(a)(3)(B)(iii)(III)").version_on(date.fromisoformat(day))
    assert words in version.text
    assert in_force("1182(a)(3)(B)(iii)(III)", date.fromisoformat(day)).summary.count(words) == 1


@pytest.mark.parametrize(
    ("day", "terrorist_activity", "engage"),
    [
        ("2001-10-25", "1182(a)(3)(B)(ii)", "1182(a)(3)(B)(iii)"),
        ("2001-10-26", "1182(a)(3)(B)(iii)", "1182(a)(3)(B)(iv)"),
    ],
)
def test_the_usa_patriot_act_renumbered_the_definitions_on_2001_10_26(
    day, terrorist_activity, engage
):
    applied = rules_applied(evaluate_dict(bombing(day, "2001-09-01")))
    assert terrorist_activity in applied and engage in applied
    text = LAW.clause(engage).version_on(date.fromisoformat(day)).text
    assert "engage in terrorist activity" in text


def test_before_2001_10_26_committing_an_act_needs_no_intention_to_kill():
    """The 1990 definition: "to commit … an act of terrorist activity". The (iv)(I) qualifier,
    "under circumstances indicating an intention to cause death or serious bodily injury",
    dates from the USA PATRIOT Act."""
    facts = {
        "intent_to_kill_or_injure": False,
        "role": {"only": ["committed"]},
        "motives": ["political"],
    }
    before = evaluate_dict(bombing("2001-10-25", "2001-09-01", **facts))
    after = evaluate_dict(bombing("2001-10-26", "2001-09-01", **facts))
    assert finding(before, "1182(a)(3)(B)(iii)/commit").status is MET
    assert finding(before, "1182(a)(3)(B)(iii)").status is MET
    assert finding(after, "1182(a)(3)(B)(iv)(I)").status is NOT_MET
    assert finding(after, "1182(a)(3)(B)(iv)(I)/intention").status is NOT_MET


def test_before_2001_10_26_incitement_was_not_a_way_to_engage():
    """The 1990 definition lists committing, planning, gathering, soliciting and supporting;
    incitement was only a ground of inadmissibility, (i)(III)."""
    facts = {"role": {"only": ["incited"]}, "intent_to_kill_or_injure": True}
    before = evaluate_dict(bombing("2001-10-25", "2001-09-01", **facts))
    after = evaluate_dict(bombing("2001-10-26", "2001-09-01", **facts))
    assert finding(before, "1182(a)(3)(B)(iii)/commit").status is NOT_MET
    assert finding(after, "1182(a)(3)(B)(iv)(I)").status is MET


@pytest.mark.parametrize(
    ("day", "clause"), [("2004-12-16", "1189(c)(2)"), ("2004-12-17", "1189(d)(2)")]
)
def test_national_security_was_defined_in_1189_c_2_until_irtpa_relettered_it(day, clause):
    report = evaluate_dict(bombing(day, "2004-01-01"))
    assert clause in report.law
    assert (
        LAW.clause(clause)
        .version_on(date.fromisoformat(day))
        .text.startswith("the term “national security” means")
    )


@pytest.mark.parametrize(
    ("day", "words"),
    [
        ("2005-05-10", "would further the organization's terrorist activity"),
        ("2005-05-11", "by clear and convincing evidence"),
    ],
)
def test_the_real_id_act_rewrote_the_tier_iii_defence_on_2005_05_11(day, words):
    rule = in_force("1182(a)(3)(B)(iv)/no-defence", date.fromisoformat(day))
    assert words in rule.summary
    clause = LAW.clause("1182(a)(3)(B)(iv)(VI)(dd)").version_on(date.fromisoformat(day))
    assert words.split(" ")[-1] in clause.text


def test_the_waiver_of_material_support_was_law_only_from_2001_to_2005():
    assert in_force("1182(a)(3)(B)(iv)(VI)/no-waiver", date(2005, 5, 10)) is not None
    assert in_force("1182(a)(3)(B)(iv)(VI)/no-waiver", date(2005, 5, 11)) is None
    assert in_force("1182(a)(3)(B)(iv)(VI)/no-waiver", date(2001, 10, 25)) is None


@pytest.mark.parametrize(("day", "waiver"), [("2005-05-10", True), ("2005-05-11", False)])
def test_a_part_struck_from_the_law_is_no_part_of_its_clause_after(day, waiver):
    """(iv)(VI)(aa) is one declaration of its parts; the waiver among them is a part only on the
    days it was the law."""
    report = evaluate_dict(bombing(day, "2005-01-01", motives=["political"]))
    parts = [c.rule for c in finding(report, "1182(a)(3)(B)(iv)(VI)(aa)").children]
    assert ("1182(a)(3)(B)(iv)(VI)/no-waiver" in parts) is waiver
    assert parts[:2] == ["1182(a)(3)(B)(iv)(VI)/afforded", "1182(a)(3)(B)(iv)(VI)/knowingly"]


def test_a_1997_report_cites_the_clause_numbers_of_1997():
    report = evaluate_dict(bombing("1997-10-08", "1996-06-01", motives=["political"]))
    cited = {f.citation for f in report.criteria.walk()}
    assert "8 U.S.C. § 1182(a)(3)(B)(ii)(V)(b)" in cited
    assert "8 U.S.C. § 1182(a)(3)(B)(iii)(V)(b)" not in cited


# ---------------------------------------------------------------- every clause, every day


@settings(max_examples=60, deadline=None)
@given(as_of_dates, st.lists(incidents, max_size=2))
def test_the_clauses_applied_are_exactly_those_in_force_on_the_day_judged(day, drawn):
    """For any profile and any day: every rule applied is a version in force that day, citing
    a clause whose words were in force that day, and the report says which words those were."""
    data = {"name": "Generated", "as_of": day.isoformat(), "incidents": drawn}
    report = evaluate_dict(data)
    for node in report.criteria.walk():
        version = in_force(node.rule, day)
        assert version is not None, (node.rule, day)
        clause = LAW.clause(version.clause)
        assert clause.version_on(day) is not None and clause.version_on(day).text, node.rule
        assert node.version == clause.label_on(day), node.rule
    for clause_id, label in report.law.items():
        assert label == LAW.clause(clause_id).label_on(day)


# ---------------------------------------------------------------- teaching the old law


def test_the_quiz_drills_what_the_1990_text_required():
    """A drill on the 1990 definition of "engage" is drawn from a case judged under it."""
    from fto_check.teaching.drills import generate

    questions = generate(seed=7, count=3, topic="1182(a)(3)(B)(iii)/commit")
    assert questions
    assert all(q.case.profile.as_of < date(2001, 10, 26) for q in questions)


def test_the_tour_quotes_the_words_in_force_in_1997(tmp_path):
    """Walking the FARC's 1997 designation, the tour quotes the 1990 definition of "engage in
    terrorist activity" (then clause (iii)), not today's clause (iv)."""
    from typer.testing import CliRunner

    from fto_check.base.resources import data_dir
    from fto_check.cli.app import app

    example = data_dir("examples") / "public-record" / "farc-1997-designation.yaml"
    out = " ".join(CliRunner().invoke(app, ["tour", str(example)]).stdout.split())
    assert "§ 1182(a)(3)(B)(iii), as enacted by Pub. L. 101-649" in out
    assert "means to commit, in an individual capacity" in out  # the 1990 words
    assert "§ 1182(a)(3)(B)(iv)" not in out
