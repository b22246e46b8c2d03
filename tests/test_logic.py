"""Kleene's strong three-valued logic, the algebra every composite criterion relies on."""

from hypothesis import given
from hypothesis import strategies as st

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, all_of, any_of, from_bool, negate

statuses = st.sampled_from([MET, NOT_MET, UNDETERMINED])
status_lists = st.lists(statuses, max_size=6)
known = st.sampled_from([MET, NOT_MET])
TRUTH = {MET: True, NOT_MET: False}


def test_all_of_nothing_is_met():
    """An empty conjunction is met (nothing is required)."""
    assert all_of([]) is MET


def test_any_of_nothing_is_not_met():
    """An empty disjunction is not met (no alternative exists)."""
    assert any_of([]) is NOT_MET


def test_not_met_part_decides_all_of_whatever_the_unknowns():
    """One failed element fails an all-of even when other elements are unknown."""
    assert all_of([UNDETERMINED, NOT_MET, MET]) is NOT_MET


def test_met_part_decides_any_of_whatever_the_unknowns():
    """One met alternative meets an any-of even when other alternatives are unknown."""
    assert any_of([UNDETERMINED, MET, NOT_MET]) is MET


def test_unknown_is_never_read_as_false():
    """An unknown fact leaves the question open: from_bool(None) is undetermined."""
    assert from_bool(None) is UNDETERMINED
    assert from_bool(False) is NOT_MET
    assert from_bool(True) is MET


@given(st.lists(known, max_size=6))
def test_agrees_with_boolean_logic_on_known_values(parts):
    """Without unknowns, Kleene logic is ordinary logic."""
    assert TRUTH[all_of(parts)] == all(TRUTH[p] for p in parts)
    assert TRUTH[any_of(parts)] == any(TRUTH[p] for p in parts)


@given(status_lists, st.randoms())
def test_order_of_parts_does_not_matter(parts, random):
    """all-of and any-of are commutative."""
    shuffled = parts[:]
    random.shuffle(shuffled)
    assert all_of(parts) is all_of(shuffled)
    assert any_of(parts) is any_of(shuffled)


@given(status_lists, status_lists)
def test_grouping_does_not_matter(left, right):
    """all-of and any-of are associative."""
    assert all_of([all_of(left), all_of(right)]) is all_of(left + right)
    assert any_of([any_of(left), any_of(right)]) is any_of(left + right)


@given(status_lists)
def test_de_morgan(parts):
    """not (all of X) is any of (not X), and not (any of X) is all of (not X)."""
    assert negate(all_of(parts)) is any_of([negate(p) for p in parts])
    assert negate(any_of(parts)) is all_of([negate(p) for p in parts])


@given(statuses)
def test_negation_is_an_involution(status):
    """not not x is x; unknown stays unknown."""
    assert negate(negate(status)) is status


@given(status_lists, st.data())
def test_forgetting_a_part_never_flips_a_decided_result(parts, data):
    """Monotone in information: making one part unknown can only make the result unknown."""
    if not parts:
        return
    i = data.draw(st.integers(0, len(parts) - 1))
    forgotten = [*parts[:i], UNDETERMINED, *parts[i + 1 :]]
    for combine in (all_of, any_of):
        before, after = combine(parts), combine(forgotten)
        assert after is before or after is UNDETERMINED
