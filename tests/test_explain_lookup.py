"""`fto-check explain` finds a clause, rule or reading by its words, not only by its id: its
title, its summary, and the statute's own words (issue 20, item 7); and it lists every example
that exercises a rule, those left undetermined on some facts too."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.reasoning import catalog

runner = CliRunner()


def explain(*args: str, code: int = 0):
    result = runner.invoke(app, ["explain", *args])
    assert result.exit_code == code, result.output
    return result


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("hijacking", "1182(a)(3)(B)(iii)(I)"),  # a word of the rule's title
        ("highjacking", "1182(a)(3)(B)(iii)(I)"),  # as the statute spells it
        # two words of a title: the element "afforded material support" that (iv)(VI)'s
        # subclauses (aa)–(dd) share
        ("material support", "1182(a)(3)(B)(iv)(VI)/afforded"),
        ("Material Support", "1182(a)(3)(B)(iv)(VI)/afforded"),
        ("solicit funds", "1182(a)(3)(B)(iv)(IV)/solicited"),  # an inflection of its words
        ("conveyance", "1182(a)(3)(B)(iii)(I)"),
        ("hostages", "1182(a)(3)(B)(iii)(II)"),
        ("monetary gain", "personal-monetary-gain"),  # a reading, by the words of its name
    ],
)
def test_a_rule_is_found_by_the_words_of_its_title_or_its_law(query, found):
    assert catalog.resolve(query).id == found
    data = json.loads(explain("-f", "json", query).stdout)
    assert data["id"] == found


def test_words_the_law_has_said_under_two_numbers_find_todays_clause():
    """Before 26 October 2001 hijacking was (ii)(I), since then (iii)(I): the words find the
    clause in force today, and its id still finds the earlier one."""
    assert catalog.resolve("hijacking").id == "1182(a)(3)(B)(iii)(I)"
    assert catalog.resolve("1182(a)(3)(B)(ii)(I)").id == "1182(a)(3)(B)(ii)(I)"


def test_the_statutes_own_words_find_a_clause_without_a_title_of_its_own():
    """'biological agent' is in the words of (iii)(V)(a), and in the title of its rule."""
    assert catalog.resolve("biological agent").id == "1182(a)(3)(B)(iii)(V)(a)"


def test_words_several_rules_share_list_them_and_exit_2():
    out = explain("organization", code=2).output
    assert "several clauses, rules or readings match 'organization'" in out
    assert "1189(a)(1)(A)/organization (an organization)" in out


def test_a_citation_is_never_looked_up_by_its_words():
    """A mistyped citation is an unknown id with the closest ids, not a search for 'a' and '1'."""
    out = explain("1189(a)(1)(D)", code=2).output
    assert "unknown id '1189(a)(1)(D)'" in out


EXAMPLE = """\
name: {name}
as_of: 2025-02-20
organization: {{is_group: true, dissolved: false}}
foreign: {{headquarters_in: MX, organized_under_us_law: false}}
incidents:
  - date: 2024-09-17
    involves: [firearm]
{motives}"""


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """Our own examples/: a firearm attack for profit, and one whose motive is not given."""
    known = EXAMPLE.format(name="Known", motives="    motives: [territorial]\n")
    (tmp_path / "known.yaml").write_text(known)
    (tmp_path / "unknown.yaml").write_text(EXAMPLE.format(name="Unknown", motives=""))
    (tmp_path / "nothing.yaml").write_text("name: Nothing\nas_of: 2025-02-20\nincidents: []\n")
    real = catalog.data_dir
    monkeypatch.setattr(
        catalog, "data_dir", lambda name: tmp_path if name == "examples" else real(name)
    )
    catalog._example_reports.cache_clear()
    yield tmp_path
    catalog._example_reports.cache_clear()


def test_an_example_left_undetermined_on_some_facts_is_listed_as_undetermined(examples):
    """A firearm used with no motive given leaves (iii)(V)(b)'s carve-out open: that example
    teaches the rule too, and is listed; one with no incident at all is not."""
    uses = json.loads(explain("-f", "json", "1182(a)(3)(B)(iii)(V)(b)").stdout)["examples"]
    assert uses == [
        {"example": "known.yaml", "as_of": "2025-02-20", "outcomes": ["met"]},
        {"example": "unknown.yaml", "as_of": "2025-02-20", "outcomes": ["undetermined"]},
    ]
    assert (
        "unknown.yaml (as of 2025-02-20): undetermined"
        in explain("1182(a)(3)(B)(iii)(V)(b)").stdout
    )
