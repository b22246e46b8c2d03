"""A value the vocabulary does not know gets a suggestion a reader can trust: the value that
word means (`murder` → `killing`), or a typo's correction, never a guess across meanings."""

from __future__ import annotations

import pytest

from fto_check.profile.model import Act, Attribution, Means, Motive, Target
from fto_check.profile.vocabulary import SYNONYMS, suggestion

ACTS, TARGETS = [a.value for a in Act], [t.value for t in Target]


@pytest.mark.parametrize(
    ("word", "expected", "meant"),
    [
        ("murder", ACTS, "killing"),
        ("abduction", ACTS, "kidnapping"),
        ("Abductions", ACTS, "kidnapping"),
        ("car bomb", ACTS, "bombing"),
        ("soldiers", TARGETS, "military"),
        ("troops", TARGETS, "military"),
        ("tourists", TARGETS, "civilians"),
        ("mayors", TARGETS, "officials"),
        ("guns", [m.value for m in Means], "firearm"),
        ("profit", [m.value for m in Motive], "financial"),
        ("indictment", [a.value for a in Attribution], "us-government"),
    ],
)
def test_a_word_the_record_uses_suggests_the_value_it_means(word, expected, meant):
    assert suggestion(word, expected).startswith(f"did you mean {meant!r}")


def test_a_word_of_many_acts_says_so():
    """A shooting may be a killing, a wounding or an assault: the hint says to choose."""
    hint = suggestion("shooting", ACTS)
    assert "`injuring`" in hint and "`assault`" in hint and "firearm" in hint


@pytest.mark.parametrize(
    ("word", "expected"),
    [("abduction", TARGETS), ("soldiers", ACTS), ("shootings", TARGETS)],
)
def test_a_word_is_never_suggested_for_a_field_it_does_not_belong_to(word, expected):
    assert suggestion(word, expected) == ""


@pytest.mark.parametrize(
    ("word", "expected", "meant"),
    [("kidnaping", ACTS, "kidnapping"), ("civilans", TARGETS, "civilians")],
)
def test_a_typo_gets_its_correction(word, expected, meant):
    assert suggestion(word, expected) == f"did you mean {meant!r}?"


@pytest.mark.parametrize(
    ("word", "expected"),
    [("abdication", ACTS), ("tourism", TARGETS), ("polling", TARGETS)],
)
def test_a_distant_word_gets_no_guess(word, expected):
    """A word a letter or two from a value is a typo; one further off is another word, and a
    guess at it would cross meanings (the old hint offered `destruction` for `abduction`)."""
    assert suggestion(word, expected) == ""


def test_every_synonym_names_a_value_of_the_vocabulary():
    values = {m.value for e in (Act, Means, Target, Motive, Attribution) for m in e}
    assert {value for value, _ in SYNONYMS.values()} <= values


def test_the_profile_error_carries_the_suggestion(tmp_path):
    from fto_check.base.errors import InputError
    from fto_check.profile.read import read_profile

    path = tmp_path / "p.yaml"
    path.write_text("name: X\nincidents:\n  - targets: [soldiers]\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_profile(path)
    assert "did you mean 'military'" in str(caught.value)
