"""`fto-check quiz`: drills whose every answer is the engine's, reproducible by seed."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.statute import load_law
from fto_check.profile.model import Profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.findings import Change
from fto_check.reasoning.logic import MET
from fto_check.reasoning.whynot import apply
from fto_check.teaching.lesson import clause_of, closure

runner = CliRunner()


def quiz_json(*args: str) -> dict:
    result = runner.invoke(app, ["quiz", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def judged(data: dict):
    """The engine's report on a question's profile, evaluated here, independently of the quiz."""
    return evaluate(Profile.model_validate(data))


def engine_answer(question: dict) -> list[str]:
    """The right answer to a question, worked out from the engine's report on its profile."""
    report = judged(question["profile"])
    if question["kind"] == "status":
        return [report.criterion(question["criterion"]).status.value]
    if question["kind"] == "route":
        routes = report.criterion("B").children
        met = [str(i + 1) for i, route in enumerate(routes) if route.status is MET]
        return met or ["none"]
    right = []
    for choice in question["choices"]:
        change = Change(**choice["change"])
        after = judged(apply(question["profile"], [change]))
        if after.criterion(question["criterion"]).status is MET:
            right.append(choice["key"])
    return right


@pytest.fixture(scope="module")
def quiz() -> dict:
    return quiz_json("--seed", "7", "--count", "12")


def test_a_json_quiz_has_the_questions_asked_for_with_their_seed(quiz):
    """--format json gives the seed and --count questions, each with an answer and the law."""
    assert quiz["seed"] == 7
    assert len(quiz["questions"]) == 12
    for question in quiz["questions"]:
        assert question["answer"] and question["explanation"] and question["law"]


def test_every_answer_key_is_the_engines(quiz):
    """Each question's profile, judged again here, gives exactly the quiz's answer."""
    for question in quiz["questions"]:
        assert sorted(question["answer"]) == sorted(engine_answer(question)), question["number"]


def test_a_quiz_asks_every_kind_of_question():
    """Status, route and change questions all come up over a couple of quizzes."""
    kinds = {q["kind"] for seed in (1, 2) for q in quiz_json("--seed", str(seed))["questions"]}
    assert kinds == {"status", "route", "change"}


def test_a_change_question_has_exactly_one_right_choice(quiz):
    """Of the changes offered, the engine confirms one meets the criterion; the others do not."""
    changes = [q for q in quiz_json("--seed", "2")["questions"] if q["kind"] == "change"]
    assert changes
    for question in changes:
        assert len(engine_answer(question)) == 1


def test_variations_flip_drop_and_move_across_an_amendment():
    """Questions are asked on the examples and on variations of each systematic kind."""
    said = [
        q["variation"] or ""
        for seed in range(1, 6)
        for q in quiz_json("--seed", str(seed), "--count", "10")["questions"]
    ]
    assert any(s.startswith("every date moved") and "2001-10-26" in s for s in said)
    assert any(": now unknown (was " in s for s in said)
    assert any(re.search(r": now (?!unknown)\S.* \(was ", s) for s in said)
    assert "" in said


def test_the_explanation_quotes_the_law_verbatim_from_rules(quiz):
    """Each quoted clause holds the words rules/ gives for it on the question's date."""
    law = load_law()
    for question in quiz["questions"]:
        day = date.fromisoformat(question["as_of"])
        for quote in question["law"]:
            version = law.clauses[quote["clause"]].version_on(day)
            words = version.text or law.clauses[quote["clause"]].current.text
            assert words in quote["text"]


def test_the_same_seed_draws_the_same_quiz():
    """A seed reproduces a quiz exactly; another seed draws another."""
    assert quiz_json("--seed", "11", "-n", "5") == quiz_json("--seed", "11", "-n", "5")
    assert quiz_json("--seed", "11", "-n", "5") != quiz_json("--seed", "12", "-n", "5")


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(min_value=0, max_value=10**6))
def test_any_seed_gives_keys_the_engine_agrees_with(seed):
    """Whatever the seed, every answer key is what the engine says."""
    from fto_check.teaching.drills import generate, to_json

    for i, question in enumerate(generate(seed=seed, count=4)):
        data = json.loads(json.dumps(to_json(question, i + 1)))
        assert sorted(data["answer"]) == sorted(engine_answer(data))


# ---------------------------------------------------------------- --topic


@pytest.mark.parametrize("spelling", ["2656f(d)(2)", "22 U.S.C. § 2656f(d)(2)"])
def test_a_topic_keeps_only_questions_its_clause_decides(spelling):
    """With --topic (spelled as `explain` takes it), every question turns on that clause."""
    quiz = quiz_json("--seed", "3", "-n", "6", "--topic", spelling)
    assert quiz["questions"]
    for question in quiz["questions"]:
        assert any(clause_of(rule) == "2656f(d)(2)" for rule in question["decided_by"])
        if question["kind"] == "status":
            criterion = judged(question["profile"]).criterion(question["criterion"])
            assert question["decided_by"] == list(dict.fromkeys(f.rule for f in closure(criterion)))


def test_a_topic_may_be_a_reading():
    """A reading's name focuses the quiz on findings that consulted it."""
    quiz = quiz_json("--seed", "5", "-n", "4", "--topic", "personal-monetary-gain")
    assert quiz["questions"]
    for question in quiz["questions"]:
        report = judged(question["profile"])
        used = {f.rule for f in report.criteria.walk() if "personal-monetary-gain" in f.readings}
        assert used & set(question["decided_by"])


def test_an_unknown_topic_names_the_closest_ids():
    """A topic that is no id is a usage error (exit 2) listing the closest."""
    result = runner.invoke(app, ["quiz", "--topic", "2656f(d)(9)", "--format", "json"])
    assert result.exit_code == 2
    assert "unknown id" in result.output and "2656f(d)(2)" in result.output


def test_a_topic_no_rule_decides_is_refused():
    """A clause the checker does not encode cannot focus a drill."""
    result = runner.invoke(app, ["quiz", "--topic", "1189(a)(4)", "--format", "json"])
    assert result.exit_code == 2
    assert "no rule of the checker decides" in result.output


# ---------------------------------------------------------------- in the terminal


def test_right_answers_typed_at_the_prompts_score_full_marks(quiz):
    """Answering each prompt with the engine's answer scores every question right."""
    answers = [",".join(engine_answer(q)) for q in quiz["questions"]]
    result = runner.invoke(app, ["quiz", "--seed", "7", "-n", "12"], input="\n".join(answers))
    assert result.exit_code == 0, result.output
    assert result.output.count("✓ Right") == 12
    assert "Score: 12 of 12 right (100%)." in result.output


def test_wrong_answers_score_nothing_and_name_the_clauses_missed(quiz):
    """Wrong answers are marked wrong, explained, and counted against their clauses."""
    wrong = {"status": {"met": "u", "not_met": "m", "undetermined": "n"}}
    answers = []
    for question in quiz["questions"][:4]:
        right = question["answer"]
        if question["kind"] == "status":
            answers.append(wrong["status"][right[0]])
        else:
            keys = [c["key"] for c in question["choices"]]
            answers.append(next(k for k in keys if [k] != right))
    result = runner.invoke(
        app, ["quiz", "--seed", "7", "-n", "12"], input="\n".join([*answers, "q"]) + "\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("✗ Wrong") == 4
    assert "Score: 0 of 4 right (0%)." in result.output
    assert "Clauses missed most: § " in result.output
    assert "The law: " in result.output


@pytest.mark.parametrize(
    ("typed", "right"),
    [("met", "met"), ("m", "met"), ("not met", "not_met"), ("n", "not_met"),
     ("not_met", "not_met"), ("Not-Met", "not_met"), ("undetermined", "undetermined"),
     ("u", "undetermined"), ("?", "undetermined")],
)  # fmt: skip
def test_a_status_can_be_answered_in_short(typed, right):
    """met/m, not met/n, undetermined/u/? all name their status."""
    from fto_check.teaching.drills import STATUS_CHOICES, Question, parse

    question = Question("status", "A", None, "", STATUS_CHOICES, [right], "", [], [], [])
    assert parse(question, typed) == [right]


def test_something_that_is_no_answer_is_asked_again(quiz):
    """A reply that names no choice prompts again instead of counting as wrong."""
    first = quiz["questions"][0]
    answer = ",".join(engine_answer(first))
    result = runner.invoke(
        app, ["quiz", "--seed", "7", "-n", "12"], input=f"perhaps\n{answer}\nq\n"
    )
    assert "Not an answer here" in result.output
    assert "Score: 1 of 1 right (100%)." in result.output


def test_q_stops_the_quiz_with_the_score_so_far():
    """q ends the quiz at once; the score counts the questions answered."""
    result = runner.invoke(app, ["quiz", "--seed", "7"], input="q\n")
    assert result.exit_code == 0
    assert "Score: 0 of 0 right." in result.output
    assert "Question 2 of" not in result.output


# ---------------------------------------------------------------- variations


def test_moving_across_an_amendment_keeps_every_interval():
    """Dates move by whole years, together: as_of lands on the other side of 26 October 2001
    and each incident keeps its distance from it."""
    from fto_check.teaching.drills import across, base, examples

    patriot = date(2001, 10, 26)
    for name, _ in examples():
        example = base(name)
        moved = across(example, patriot)
        assert moved is not None, name
        before, after = example.profile.as_of, moved.profile.as_of
        assert (before < patriot) != (after < patriot), name
        years = after.year - before.year
        pairs = zip(example.profile.incidents or (), moved.profile.incidents or (), strict=True)
        for old, new in pairs:
            if old.date is not None:
                assert new.date.first.year - old.date.first.year == years, name
