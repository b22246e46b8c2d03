"""Profiles: what a valid profile is, and how an invalid one is reported (file:line:col)."""

from datetime import date

import pytest

from fto_check.base.errors import InputError
from fto_check.profile.read import parse_profile


def parse(text: str):
    return parse_profile(text.encode(), "p.yaml").profile


def problems(text: str):
    with pytest.raises(InputError) as caught:
        parse(text)
    return caught.value.problems


def test_a_minimal_profile_is_a_name_and_nothing_else_is_known():
    """Every fact is optional; absent means unknown (None), not false."""
    profile = parse("name: X\n")
    assert profile.foreign is None and profile.incidents is None and profile.as_of is None


def test_an_empty_incident_list_is_a_known_negative():
    """`incidents: []` says none are known, which differs from leaving incidents out."""
    assert parse("name: X\nincidents: []\n").incidents == []


def test_country_codes_stay_strings_even_norway():
    """YAML 1.1 would read NO as false; a country field keeps it as Norway's code."""
    assert parse("name: X\nforeign: {formed_in: NO}\n").foreign.formed_in == "NO"


def test_yes_and_no_are_accepted_for_true_false_facts():
    """Authors write yes/no; a boolean field reads them as meant."""
    assert parse("name: X\norganization: {is_group: yes}\n").organization.is_group is True


def test_incident_dates_may_be_partial():
    """A month or a year is often all the public record gives: it becomes an interval."""
    when = parse("name: X\nincidents: [{date: 2019-11}]\n").incidents[0].date
    assert (when.first, when.last) == (date(2019, 11, 1), date(2019, 11, 30))


def test_a_fact_can_carry_its_own_sources():
    """`{value, sources}` attaches sources to one fact."""
    profile = parse(
        "name: X\nsources: {fr: {title: FR}}\nforeign:\n  formed_in: {value: mx, sources: [fr]}\n"
    )
    assert profile.foreign.formed_in.value == "MX"


def test_unknown_field_gets_line_column_and_did_you_mean():
    """A typo in a key is located at the key and corrected."""
    (p,) = problems("name: X\nforeign:\n  formed_inn: MX\n")
    assert (p.line, p.col, p.field) == (3, 3, "foreign")
    assert "unknown field 'formed_inn'" in p.message and "formed_in" in p.hint


def test_unknown_enum_value_gets_did_you_mean():
    """A misspelt act is named with the closest allowed value."""
    (p,) = problems("name: X\nincidents:\n  - involves: [firarm]\n")
    assert p.field == "incidents[0].involves[0]" and (p.line, p.col) == (3, 16)
    assert "'firearm'" in p.hint


def test_an_impossible_date_is_located_and_explained():
    """2012-13-45 is not a date; the error says so at its line."""
    (p,) = problems("name: X\nas_of: 2012-13-45\n")
    assert (p.line, p.field) == (2, "as_of") and "not a real date" in p.message


def test_a_number_where_a_date_is_meant_explains_the_yaml_trap():
    """`1e3` is what YAML 1.1 would make a number; a date field says to write it in full."""
    (p,) = problems("name: X\nas_of: 1e3\n")
    assert "YYYY-MM-DD" in p.message


def test_wrong_type_is_reported_in_plain_words():
    """A list where true/false is expected is named as such."""
    (p,) = problems("name: X\norganization:\n  is_group: [a]\n")
    assert p.field == "organization.is_group" and p.line == 3


def test_every_problem_is_reported_not_only_the_first():
    """A profile with three mistakes gets three lines, in file order."""
    found = problems("name: X\nforeign: {formed_in: Mexico}\nas_of: soon\nbogus: 1\n")
    assert [p.line for p in found] == [2, 3, 4]


def test_a_missing_name_is_reported():
    """`name` is the one required field."""
    (p,) = problems("as_of: 2020-01-01\n")
    assert p.field == "name" and "missing" in p.message


def test_a_cited_source_must_exist():
    """A source key that is not listed under `sources:` is an error with a hint."""
    (p,) = problems("name: X\nsources: {fr-2025: {title: FR}}\nforeign:\n  sources: [fr-2052]\n")
    assert p.field == "foreign.sources[0]" and "fr-2025" in p.hint


def test_a_reading_in_the_profile_must_exist():
    """A profile can choose readings, but only real ones with real alternatives."""
    (p,) = problems("name: X\nreadings: {engages-recency: 7-years}\n")
    assert "not an alternative" in p.message and "5-years" in p.hint


def test_a_list_is_not_a_profile():
    """The top of a profile is a mapping of fields."""
    (p,) = problems("- name: X\n")
    assert "not a list" in p.message


def test_errors_never_echo_the_input():
    """Messages are built without the offending input, which can be huge and hostile."""
    (p,) = problems("name: X\norganization: {members: " + "9" * 5000 + ":30}\n")
    assert len(str(p)) < 300


def test_a_count_of_members_is_a_number_and_words_stay_words():
    """YAML hands `members: 5000` over as text: it is read as the number; a range or the
    record's words are kept as written; what is neither is refused."""

    def members(value: str):
        text = f"name: X\norganization: {{members: {value}}}\n".encode()
        return parse_profile(text, "p.yaml").profile.organization.members

    assert members("5000") == 5000 and members("'5,000'") == 5000
    assert members("1000-5000") == "1000-5000" and members("tens of thousands") == (
        "tens of thousands"
    )
    (p,) = problems("name: X\norganization: {members: 12:30}\n")
    assert "whole number" in p.message
