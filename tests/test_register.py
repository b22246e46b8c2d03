"""The register of designations: its data, the in-force rule, alias dating and look-up.

The rule (`fto_check/law/register.py`): an organization is an FTO on a day iff its last
decision on or before that day is a designation, redesignation, amendment or review, and not a
revocation, lapse, merger or setting aside. Each test below pins one case of it on the real
register; the property at the end pins it for any history and any day.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fto_check.base.errors import InputError, UsageError
from fto_check.base.loader import load_document
from fto_check.law.register import (
    KINDS,
    MAINTAINING,
    Decision,
    Span,
    Standing,
    load_register,
    parse,
    parse_span,
    standing,
)
from fto_check.law.statute import load_law

IN, OUT, UNSETTLED = Standing.IN_FORCE, Standing.NOT_IN_FORCE, Standing.UNSETTLED
D = date.fromisoformat


@pytest.fixture(scope="module")
def register():
    return load_register()


def on(register, entry_id: str, day: str) -> Standing:
    return register.entries[entry_id].on(D(day)).standing


def in_force(register, day: str) -> set[str]:
    return {e.id for e, o in register.on(D(day)) if o.standing is IN}


# ---------------------------------------------------------------- the file


def test_the_register_file_validates_and_covers_the_record(register):
    """rules/register.yaml loads through the model; every decision carries a mark."""
    counts = register.counts()
    assert counts["entries"] >= 115
    assert counts["decisions"] == counts["verified"] + counts["unverified"]
    assert counts["unverified"] >= 10  # the record's [M] items stay unverified


def test_the_first_list_as_published_has_thirty_organizations(register):
    """62 Fed. Reg. 52,649: 30 organizations, Kach and Kahane Chai apart, ELA on it."""
    first = in_force(register, "1997-10-08")
    assert len(first) == 30
    assert {"kach", "kahane-chai", "ela", "hum", "dflp", "khmer-rouge", "fpmr-d"} <= first
    assert register.entries["hum"].title_on(D("1997-10-08")).name == "Harakat ul-Ansar"
    assert in_force(register, "1997-10-07") == set()


def test_each_two_year_round_renewed_the_designations_the_record_says(register):
    """1999: 27 of 30 (al-Qa'ida new); 2001: 26 of 28 (Kach folded into Kahane Chai); 2003: 25."""
    uses = {}
    for entry in register.entries.values():
        for d in entry.decisions:
            if d.notice:
                uses.setdefault(d.notice, []).append(d.kind)
    assert len(uses["first-list-1997"]) == 30
    assert uses["redesignation-1999"].count("redesignation") == 27
    assert sorted(uses["redesignation-2001"]).count("redesignation") == 25
    assert uses["redesignation-2001"].count("merger") == 1
    assert len(uses["redesignation-2003"]) == 25
    assert len(in_force(register, "2003-10-02") & in_force(register, "1999-10-08")) == 25


def test_every_clause_a_decision_acted_under_is_in_the_law(register):
    """`under:` names a clause of rules/*-usc-*.yaml, so a report can quote it."""
    clauses = load_law().clauses
    for entry in register.entries.values():
        for d in entry.decisions:
            assert d.under is None or d.under in clauses, (entry.id, d.under)


def test_an_unverified_decision_says_what_is_not_verified(register):
    """An [M] item is never silently presented as fact: its mark_note says what is missing."""
    for entry in register.entries.values():
        for d in entry.decisions:
            if d.mark == "unverified":
                assert d.mark_note, (entry.id, d.kind, d.effective)


def test_a_date_known_only_to_the_month_is_written_as_a_month(register):
    """Viv Ansanm's publication day was not seen: its date is a span, not a guessed day."""
    designation = register.entries["viv-ansanm"].designated
    assert not designation.effective.exact
    assert designation.mark == "unverified"


def test_register_errors_name_the_file_line_and_column():
    """A bad register is reported like a bad profile: path:line:col: field: message."""
    text = (
        "sources: {s: {title: T}}\n"
        "entries:\n"
        "  - id: x\n"
        "    names: [{name: X}]\n"
        "    decisions:\n"
        "      - {kind: designation, effective: 2001-02-30, dated_by: publication,"
        " mark: verified, sources: [s]}\n"
        "      - {kind: revokation, effective: 2002, dated_by: publication, mark: verified,"
        " sources: [t]}\n"
    )
    with pytest.raises(InputError) as e:
        parse(load_document(text, "reg.yaml"))
    message = str(e.value)
    assert "reg.yaml:6:" in message and "not a real date" in message
    assert "reg.yaml:7:" in message and "entries[0].decisions[1].kind" in message


def test_register_references_are_checked_with_suggestions():
    text = (
        "sources: {state: {title: T}}\n"
        "entries:\n"
        "  - id: x\n"
        "    names: [{name: X}]\n"
        "    decisions:\n"
        "      - {kind: designation, effective: 2001, dated_by: publication, mark: verified,"
        " sources: [stat]}\n"
        "      - {kind: merger, notice: first, mark: verified}\n"
    )
    with pytest.raises(InputError) as e:
        parse(load_document(text, "reg.yaml"))
    message = str(e.value)
    assert "reg.yaml:6:" in message and "unknown source 'stat' (did you mean 'state'?)" in message
    assert "unknown notice 'first'" in message
    assert "a merger names the entry it merged `into`" in message


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("1997-10-08", "1997-10-08", "1997-10-08", "day"),
        ("2025-02", "2025-02-01", "2025-02-28", "month"),
        ("2013", "2013-01-01", "2013-12-31", "year"),
        ("2015-08-26..2015-09-04", "2015-08-26", "2015-09-04", "window"),
        ("2003-11..2016", "2003-11-01", "2016-12-31", "window"),
    ],
)
def test_a_date_says_how_much_of_it_is_known(text, earliest, latest, precision):
    span = parse_span(text)
    assert (span.earliest, span.latest, span.precision) == (D(earliest), D(latest), precision)


@pytest.mark.parametrize("text", ["2025-13", "2015-09-04..2015-08-26", "1997-10-08..1997-10-08"])
def test_an_impossible_date_is_refused(text):
    with pytest.raises(ValueError):
        parse_span(text)


# ---------------------------------------------------------------- the in-force rule


def test_a_designation_takes_effect_on_its_day_not_the_day_before(register):
    assert on(register, "farc", "1997-10-07") is OUT
    assert on(register, "farc", "1997-10-08") is IN
    assert on(register, "cjng", "2025-02-19") is OUT
    assert on(register, "cjng", "2025-02-20") is IN


def test_a_revocation_ends_the_designation_on_its_day(register):
    """FARC: in force the day before 2021-11-30, not on it; HTS likewise on 2025-07-08."""
    assert on(register, "farc", "2021-11-29") is IN
    assert on(register, "farc", "2021-11-30") is OUT
    assert on(register, "hts", "2025-07-07") is IN
    assert on(register, "hts", "2025-07-08") is OUT


def test_a_designation_not_renewed_lapses_at_the_end_of_its_term(register):
    """Before 2004-12-17 a designation lapsed unless renewed: the DFLP in 1999, the JRA in 2001."""
    assert on(register, "dflp", "1999-10-07") is IN
    assert on(register, "dflp", "1999-10-08") is OUT
    assert on(register, "jra", "2001-10-07") is IN
    assert on(register, "jra", "2001-10-08") is OUT
    assert on(register, "asg", "2001-10-08") is IN  # renewed on 2001-10-05


def test_the_mek_revocation_took_effect_the_day_state_said_before_publication(register):
    """The exception to effect-on-publication: State declared the MEK's delisting "effective
    today" (2012-09-28), with Federal Register publication to follow."""
    revocation = register.entries["mek"].decisions[-1]
    assert revocation.kind == "revocation"
    assert revocation.dated_by == "statement"
    assert revocation.effective.text == "2012-09-28"
    assert on(register, "mek", "2012-09-27") is IN
    assert on(register, "mek", "2012-09-28") is OUT


def test_a_merger_ends_an_entry_and_its_name_lives_on_in_the_other(register):
    """Kach was folded into Kahane Chai by the 2001 redesignation."""
    assert on(register, "kach", "2001-10-04") is IN
    assert on(register, "kach", "2001-10-05") is OUT
    assert on(register, "kahane-chai", "2001-10-05") is IN
    assert register.find("Kach", D("2000-01-01")).entry.id == "kach"
    assert register.find("Kach", D("2005-01-01")).entry.id == "kahane-chai"


def test_a_day_within_an_unknown_publication_day_is_unsettled(register):
    """The Houthis' 2025 designation was announced 2025-03-04, published some day that month."""
    assert on(register, "ansarallah", "2021-01-19") is IN
    assert on(register, "ansarallah", "2021-02-16") is OUT
    assert on(register, "ansarallah", "2025-03-03") is OUT
    assert on(register, "ansarallah", "2025-03-10") is UNSETTLED
    assert on(register, "ansarallah", "2025-04-01") is IN


def test_isis_is_an_fto_from_its_designation_as_jtj_not_from_states_date(register):
    """The verification pass: 2004-10-15 (JTJ), not the 2004-12-17 alias amendment."""
    assert on(register, "isis", "2004-10-15") is IN
    assert register.entries["isis"].title_on(D("2004-11-01")).short == "JTJ"
    assert register.entries["isis"].title_on(D("2005-01-01")).short == "AQI"


# ---------------------------------------------------------------- names and look-up


def test_al_nusrah_was_an_alias_of_aqi_before_its_own_designation(register):
    """From 2012-12-11 the name belonged to the AQI designation; from 2014-05-15 to its own."""
    assert register.find("al-Nusrah Front", D("2013-06-01")).entry.id == "isis"
    assert register.find("al-Nusrah Front", D("2014-05-15")).entry.id == "hts"
    nusrah = next(a for a in register.entries["isis"].names if a.name == "al-Nusrah Front")
    assert nusrah.held_on(D("2012-12-10")) is False
    assert nusrah.held_on(D("2012-12-11")) is True
    assert nusrah.held_on(D("2014-05-15")) is False


def test_the_name_al_nusrah_front_finds_the_entry_later_renamed_hts(register):
    match = register.find("al-Nusrah Front")
    assert match.entry.id == "hts"
    assert match.entry.title_on().name == "Hay'at Tahrir al-Sham"
    assert [e.id for e, _ in match.others] == ["isis"]


@pytest.mark.parametrize(
    "query, entry",
    [
        ("farc", "farc"),
        ("FARC", "farc"),
        ("Revolutionary Armed Forces of Colombia", "farc"),
        ("hay’at tahrir al sham", "hts"),  # curly apostrophe, no hyphen, any case
        ("Cartel de Sinaloa", "sinaloa"),  # without the accent
        ("Sinaloa", "sinaloa"),  # the words of one entry's names
        ("The Resistance Front", "let"),  # an alias added by amendment
        ("kahane-chai", "kahane-chai"),
        ("17N", "17n"),
    ],
)
def test_look_up_by_id_name_alias_or_abbreviation(register, query, entry):
    assert register.find(query).entry.id == entry


def test_an_unknown_name_is_refused_with_did_you_mean(register):
    with pytest.raises(UsageError) as e:
        register.find("Hezbolah")
    assert "did you mean Hezbollah (hizballah)?" in str(e.value)
    with pytest.raises(UsageError) as e:
        register.find("Tren de Aragwa")
    assert "Tren de Aragua (tda)" in str(e.value)


def test_a_name_too_vague_lists_the_entries_it_could_mean(register):
    with pytest.raises(UsageError) as e:
        register.find("Nusra")
    assert "(hts)" in str(e.value) and "(isis)" in str(e.value)


# ---------------------------------------------------------------- the rule, for any history


DAY0 = date(1997, 1, 1)


def _decision(kind: str, offset: int, index: int, width: int = 0) -> Decision:
    start = DAY0 + timedelta(days=offset)
    end = start + timedelta(days=width)
    text = start.isoformat() if not width else f"{start}..{end}"
    span = Span(text=text, earliest=start, latest=end)
    return Decision(kind=kind, effective=span, dated_by="publication", mark="verified", index=index)


def histories(width: st.SearchStrategy[int]) -> st.SearchStrategy[list[Decision]]:
    """A designation, then any decisions, in the order they took effect."""
    steps = st.lists(st.tuples(st.sampled_from(KINDS), st.integers(0, 400), width), max_size=8)
    return st.tuples(st.integers(0, 400), steps).map(
        lambda drawn: _history([("designation", drawn[0], 0), *drawn[1]])
    )


def _history(steps) -> list[Decision]:
    decisions, offset = [], 0
    for i, (kind, gap, width) in enumerate(steps):
        offset += gap
        decisions.append(_decision(kind, offset, i, width))
    return decisions


def last_rule(decisions: list[Decision], day: date) -> bool:
    """The rule as the issue states it, for exact dates: the last decision on or before `day`
    is a designation, redesignation, amendment or review."""
    before = [d for d in decisions if d.effective.latest <= day]
    return bool(before) and max(before, key=lambda d: (d.effective.latest, d.index)).maintains


@settings(max_examples=300, deadline=None)
@given(histories(st.just(0)), st.integers(-10, 4000))
def test_in_force_iff_the_last_decision_on_or_before_the_day_maintains(decisions, offset):
    """For any history and any day: in force iff the last decision by then maintains it."""
    day = DAY0 + timedelta(days=offset)
    expected = IN if last_rule(decisions, day) else OUT
    assert standing(decisions, day).standing is expected


@settings(max_examples=300, deadline=None)
@given(histories(st.integers(0, 40)), st.integers(-10, 4000), st.randoms())
def test_an_uncertain_date_settles_only_what_every_possible_day_agrees_on(
    decisions, offset, random
):
    """With dates known only within spans, a settled answer is the rule's answer whichever day
    in its span each decision took effect; an unsettled one has two such days that differ."""
    day = DAY0 + timedelta(days=offset)
    found = standing(decisions, day).standing
    answers = set()
    for _ in range(12):
        exact = [
            _decision(d.kind, (pick - DAY0).days, d.index)
            for d in decisions
            for pick in [d.effective.earliest + timedelta(days=random.randint(0, _width(d)))]
        ]
        answers.add(last_rule(exact, day))
    if found is not UNSETTLED:
        assert answers == {found is IN}
    for extreme in ("earliest", "latest"):
        exact = [
            _decision(d.kind, (getattr(d.effective, extreme) - DAY0).days, d.index)
            for d in decisions
        ]
        if found is not UNSETTLED:
            assert last_rule(exact, day) is (found is IN)


def _width(d: Decision) -> int:
    return (d.effective.latest - d.effective.earliest).days


def test_the_kinds_that_maintain_a_designation_are_the_statutes_four():
    assert set(MAINTAINING) == {"designation", "redesignation", "amendment", "review"}
    assert set(KINDS) - MAINTAINING == {"revocation", "lapse", "merger", "set-aside"}
