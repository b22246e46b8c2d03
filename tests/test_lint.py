"""Contradictions are refused by name; suspicious facts are evaluated and warned about."""

from datetime import date

import pytest
from profiles import evaluate_dict, finding

from fto_check.base.errors import InputError
from fto_check.profile.lint import CONTRADICTIONS, WARNINGS
from fto_check.profile.read import parse_profile
from fto_check.reasoning.logic import NOT_MET


def contradiction(text: str) -> str:
    with pytest.raises(InputError) as caught:
        parse_profile(text.encode(), "p.yaml")
    (problem,) = caught.value.problems
    return str(problem)


def test_a_lone_individual_with_thousands_of_members_is_refused():
    """'Not an organization' but 5,000 members: the facts cannot all be true."""
    message = contradiction("name: X\norganization: {is_group: false, members: 5000}\n")
    assert message.startswith("p.yaml:2:42: organization.members:")
    assert "[lone-individual-with-members]" in message


@pytest.mark.parametrize("members", ["1000-5000", "thousands", "'5,000'"])
def test_a_lone_individual_with_a_size_in_the_records_words_is_refused(members):
    """A size given as a range or in words ('thousands') contradicts a lone individual too."""
    text = f"name: X\norganization: {{is_group: false, members: {members}}}\n"
    assert "[lone-individual-with-members]" in contradiction(text)


def test_a_size_in_words_that_allows_one_member_is_not_a_contradiction():
    """'one' or 'a handful' is not several members for certain: no contradiction."""
    parse_profile(b"name: X\norganization: {is_group: false, members: one}\n", "p.yaml")


def test_an_assassination_marked_nonviolent_is_refused():
    """An assassination is violence by nature."""
    message = contradiction("name: X\nincidents:\n  - {involves: [assassination], violent: no}\n")
    assert "[nonviolent-violent-act]" in message


def test_an_act_both_carried_out_and_only_attempted_is_refused():
    """Carried out and merely attempted exclude each other."""
    text = "name: X\nincidents:\n  - {involves: [explosive], attempted: [explosive]}\n"
    assert "[carried-out-and-only-attempted]" in contradiction(text)


def test_intent_to_kill_without_intent_to_endanger_is_refused():
    """Whoever means to kill means to endanger."""
    text = "name: X\nincidents:\n  - {intent_to_kill_or_injure: true, intent_to_endanger: false}\n"
    assert "[intent-to-kill-without-intent-to-endanger]" in contradiction(text)


@pytest.mark.parametrize(
    "section",
    [
        "incidents:\n  - {acts: [], means: [firearm]}",
        "intent: {acts: {only: []}, means: [firearm]}",
    ],
)
def test_a_weapon_used_in_no_act_is_refused(section):
    """`acts: []` says nothing was done (or intended): nothing was used to do it. Left in, the
    weapon made (B) open where, forgotten, it was not met: more facts, less decided."""
    assert "[means-without-acts]" in contradiction(f"name: X\n{section}\n")


def test_a_premeditated_and_unpremeditated_incident_is_refused_as_a_duplicate_key():
    """Saying a fact twice is caught by the loader, naming both lines."""
    text = "name: X\nincidents:\n  - premeditated: true\n    premeditated: false\n"
    assert "duplicate key 'premeditated' (first at line 3)" in contradiction(text)


def test_an_incident_after_as_of_is_warned_about_and_not_counted(complete):
    """Later events are not facts on as_of."""
    complete["incidents"][0]["date"] = "2024-12-01"
    report = evaluate_dict(complete)
    assert [w.code for w in report.warnings] == ["incident-after-as-of"]
    assert finding(report, "1189(a)(1)(B)/present").status is NOT_MET


def test_an_as_of_in_the_future_is_warned_about(complete):
    """Facts about a date that has not come cannot be known."""
    report = evaluate_dict(complete, as_of=date(2999, 1, 1).isoformat())
    assert "as-of-in-the-future" in [w.code for w in report.warnings]


def test_every_check_has_a_code_and_a_summary():
    """Checks are named so reports can cite them."""
    checks = CONTRADICTIONS + WARNINGS
    assert len({c.code for c in checks}) == len(checks)
    assert all(c.summary.endswith(".") for c in checks)
