"""`fto-check new`: an interview that asks only what could still change the verdict, and writes
a profile that validates and evaluates to the verdict its answers imply."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from fto_check.base.errors import InputError
from fto_check.cli.app import app
from fto_check.profile.model import Profile
from fto_check.profile.read import parse_profile, read_profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED
from fto_check.teaching.interview import (
    NEW_INCIDENT,
    Interview,
    Question,
    Unknown,
    template,
    to_yaml,
)

runner = CliRunner()

# name, as_of, (A): a group, not dissolved, based in XK, not organized under US law;
# (B): one incident within five years: what happened (an assassination), to whom (officials),
# why (political), the organization's part (committed it); the intention to kill and its
# unlawfulness are inferred from the act;
# (C): the US interests it reached: US nationals.
MEETS_ALL = ["Test Front", "2024-06-30", "y", "n", "XK", "n"]
MEETS_ALL += ["y", "2024-03-02", "assassination", "officials", "political", "committed"]
MEETS_ALL += ["nationals"]


def interview(answers: list[str], *args: str):
    result = runner.invoke(app, ["new", *args], input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    return result


def asked(result) -> list[str]:
    """The criterion tags of the questions asked ("(A)", "(B)", …), in order."""
    return re.findall(r"^\[(\([ABC]\))", result.stderr, re.MULTILINE)


def test_answers_that_meet_every_criterion_write_a_profile_that_meets_them(tmp_path):
    """The profile written validates and is met on every criterion, as its answers imply."""
    out = tmp_path / "front.yaml"
    result = interview(MEETS_ALL, "--output", str(out))
    loaded = read_profile(out)
    report = evaluate(loaded.profile)
    assert report.verdict is MET
    assert [c.status for c in report.criteria.children] == [MET, MET, MET]
    assert "The verdict is settled: met." in result.stderr
    assert f"Wrote the profile to {out}" in result.stderr


def test_once_a_criterion_is_not_met_nothing_else_is_asked(tmp_path):
    """A lone individual fails (A): the interview stops; nothing about (B) or (C) is asked."""
    out = tmp_path / "lone.yaml"
    result = interview(["Lone Wolf", "2024-06-30", "n", *["y"] * 20], "--output", str(out))
    assert asked(result) == ["(A)"]
    report = evaluate(read_profile(out).profile)
    assert report.verdict is NOT_MET
    assert report.criterion("A").status is NOT_MET


def test_dont_know_leaves_every_fact_unknown_and_the_verdict_undetermined(tmp_path):
    """Answering ? to everything ends the interview with no facts and an undetermined verdict."""
    out = tmp_path / "unknown.yaml"
    result = interview(["Unknown Front", "2024-06-30", *["?"] * 300], "--output", str(out))
    assert "Nothing left to ask could settle the verdict" in result.stderr
    profile = read_profile(out).profile
    assert profile.organization is profile.foreign is profile.incidents is None
    assert evaluate(profile).verdict is UNDETERMINED


def test_the_profile_goes_to_standard_output_without_output(tmp_path):
    """Without --output the YAML is all of standard output; the conversation is on stderr."""
    result = interview(MEETS_ALL)
    loaded = parse_profile(result.stdout.encode(), "<stdout>")
    assert evaluate(loaded.profile).verdict is MET
    assert "Is it a group" not in result.stdout


def test_each_fact_written_carries_its_meaning_as_a_comment(tmp_path):
    """Every fact line of the written profile is commented with the field's description."""
    text = interview(MEETS_ALL).stdout
    assert re.search(r"^  is_group: true +# A group of people acting together", text, re.M)
    assert re.search(r"^    acts: \[assassination\] +# What was done, in the record's", text, re.M)


def test_q_stops_and_writes_what_is_known(tmp_path):
    """q ends the interview and writes the facts answered so far."""
    out = tmp_path / "partial.yaml"
    interview(["Half Front", "2024-06-30", "y", "q"], "--output", str(out))
    profile = read_profile(out).profile
    assert profile.organization.is_group is True
    assert profile.foreign is None


def test_an_answer_that_is_no_answer_is_asked_again():
    """A reply that the question cannot take is explained, and the question asked again."""
    result = interview(["Test Front", "2024-06-30", "perhaps", *MEETS_ALL[2:]])
    assert "answer yes (y), no (n), or ? if you do not know" in result.stderr
    assert evaluate(parse_profile(result.stdout.encode(), "<stdout>").profile).verdict is MET


def test_an_existing_output_file_is_not_overwritten(tmp_path):
    """--output refuses a file that exists (exit 2)."""
    out = tmp_path / "taken.yaml"
    out.write_text("keep me")
    result = runner.invoke(app, ["new", "--output", str(out)], input="")
    assert result.exit_code == 2
    assert out.read_text() == "keep me"


def test_an_answer_contradicting_another_is_refused():
    """An answer that contradicts an earlier one raises, and is not recorded."""
    interview = Interview("Test Front", date(2024, 6, 30))
    interview.answer(Question(NEW_INCIDENT, "", "yes-no", ""), True)
    kill = Question("incidents[0].intent_to_kill_or_injure", "", "yes-no", "")
    endanger = Question("incidents[0].intent_to_endanger", "", "yes-no", "")
    interview.answer(kill, True)
    try:
        interview.answer(endanger, False)
    except InputError as e:
        assert "intent-to-kill-without-intent-to-endanger" in str(e)
    else:
        raise AssertionError("the contradiction was accepted")
    assert "incidents[0].intent_to_endanger" not in interview.facts


# ---------------------------------------------------------------- relevance, as a law


def relevant_by_tree(report) -> set[str]:
    """Fields missing from an undetermined finding whose ancestors are all undetermined."""
    found: set[str] = set()
    stack = [(report.criteria, report.criteria.status is UNDETERMINED)]
    while stack:
        finding, open_path = stack.pop()
        if not open_path or finding.status is not UNDETERMINED:
            continue
        found.update(finding.missing)
        stack.extend((child, True) for child in finding.children)
    return found


def answers_for(question: Question) -> list:
    """A few answers of the right kind for a question, "don't know" among them."""
    if question.kind == "yes-no":
        return [True, False, Unknown()]
    if question.kind == "country":
        return ["XK", "US", Unknown()]
    if question.kind == "countries":
        return [["XK"], ["US"], Unknown()]
    if question.kind == "date":
        return ["2024-03-02", "2015", Unknown()]
    if question.kind == "day":  # a quiet period or a complete list: since before the window, or not
        return ["2019-01-01", "2024-01-01", Unknown()]
    if question.kind == "demand":
        return ["none", {"on": question.choices[0]}, Unknown()]
    choices = question.choices
    return [[choices[0]], [choices[-1]], [], Unknown()]


# Answers that meet (A), so that a drawn interview goes on to (B) and (C) more often than not.
FOREIGN_GROUP = {
    "organization.is_group": True,
    "organization.dissolved": False,
    "foreign.headquarters_in": "XK",
    "foreign.organized_under_us_law": False,
}


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    foreign_group=st.booleans(),
    picks=st.lists(st.integers(min_value=0, max_value=3), min_size=60, max_size=60),
)
def test_every_question_could_still_change_the_verdict(foreign_group, picks):
    """Whatever the answers: a question is asked only while the verdict is undetermined and
    only for a fact the undetermined part of the tree still lacks; the profile written then
    validates and evaluates to the verdict the interview reached; and it ends once the person
    has no more to tell (the drawn answers cycled, and could add incidents for ever)."""
    interview = Interview("Drawn Front", date(2024, 6, 30))
    for step in range(200):
        question = interview.next()
        if question is None:
            break
        report = interview.report()
        assert report.verdict is UNDETERMINED
        wanted = relevant_by_tree(report)
        if question.path == NEW_INCIDENT:
            assert any(p.startswith(f"incidents[{len(interview.incidents)}]") for p in wanted)
        else:
            assert question.path in wanted
        options = answers_for(question)
        if foreign_group and question.path in FOREIGN_GROUP:
            options = [FOREIGN_GROUP[question.path]]
        if step < len(picks):
            choice = options[picks[step] % len(options)]
        else:  # they have told all they know: no further incident, nothing else known
            choice = False if question.path == NEW_INCIDENT else Unknown()
        try:
            interview.answer(question, choice)
        except InputError:
            interview.answer(question, Unknown())
    else:
        raise AssertionError("the interview did not end")
    final = interview.final()
    assert final.verdict is not UNDETERMINED or interview.next() is None
    written = parse_profile(to_yaml(interview).encode(), "<written>")
    assert evaluate(written.profile).verdict is final.verdict


# ---------------------------------------------------------------- --template


def test_the_template_is_a_valid_profile_naming_every_field():
    """--template validates as written and mentions every field of the profile model."""
    result = runner.invoke(app, ["new", "--template"])
    assert result.exit_code == 0
    profile = parse_profile(result.stdout.encode(), "<template>").profile
    assert evaluate(profile).verdict is UNDETERMINED
    for name, field in Profile.model_fields.items():
        key = field.alias or name  # as a profile spells it: `register`, not `register_entry`
        assert re.search(rf"^#? ?{key}:", result.stdout, re.M), key


def test_the_template_uncommented_is_a_profile_with_every_fact_unknown():
    """Uncommenting every field line gives a valid profile in which nothing is yet known."""
    text = re.sub(r"^# (?=\s*(- )?[a-z_-]+:)", "", template(), flags=re.M)
    profile = parse_profile(text.encode(), "<uncommented>").profile
    assert profile.organization is not None and profile.incidents
    # successors are names the record gives (empty by default), not a fact a criterion reads
    assert all(
        value is None
        for name, value in profile.organization
        if name not in ("sources", "note", "successors")
    )
    assert profile.organization.successors == ()
    assert evaluate(profile).verdict is UNDETERMINED
