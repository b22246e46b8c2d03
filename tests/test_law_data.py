"""The law in rules/*.yaml: valid, consistently dated, and verbatim from rules/sources/*.md."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from fto_check.base.loader import load_document
from fto_check.base.resources import data_dir
from fto_check.law.statute import FTO_STATUTE_ENACTED, Clause, Section, load_law

RULES = data_dir("rules")
SOURCES = RULES / "sources"

# Each section's YAML file and the statute text (provenance) it transcribes.
SECTION_FILES = {
    "8 U.S.C. § 1189": ("8-usc-1189.yaml", "8-usc-1189.md"),
    "8 U.S.C. § 1182(a)(3)(B)": ("8-usc-1182-a-3-B.yaml", "8-usc-1182-a-3-B.md"),
    "22 U.S.C. § 2656f": ("22-usc-2656f.yaml", "22-usc-2656f.md"),
}

# The texts in force before the current ones, each transcribed in a source of its own: every
# past version's words must appear there verbatim.
PAST_SOURCES = {
    "8 U.S.C. § 1189": "8-usc-1189-1996-2004.md",
    "8 U.S.C. § 1182(a)(3)(B)": "8-usc-1182-a-3-B-history.md",
}

# Clauses a predicate implements today; every other clause with words must say why it has none.
ENCODED = {
    "1189(a)(1)",
    "1189(a)(1)(A)",
    "1189(a)(1)(B)",
    "1189(a)(1)(C)",
    "1189(d)(2)",
    "1182(a)(3)(B)(iii)",
    "1182(a)(3)(B)(iii)(I)",
    "1182(a)(3)(B)(iii)(II)",
    "1182(a)(3)(B)(iii)(III)",
    "1182(a)(3)(B)(iii)(IV)",
    "1182(a)(3)(B)(iii)(V)",
    "1182(a)(3)(B)(iii)(V)(a)",
    "1182(a)(3)(B)(iii)(V)(b)",
    "1182(a)(3)(B)(iii)(VI)",
    "1182(a)(3)(B)(iv)",
    "1182(a)(3)(B)(iv)(I)",
    "1182(a)(3)(B)(iv)(II)",
    "1182(a)(3)(B)(iv)(III)",
    "1182(a)(3)(B)(iv)(IV)",
    "1182(a)(3)(B)(iv)(IV)(aa)",
    "1182(a)(3)(B)(iv)(IV)(bb)",
    "1182(a)(3)(B)(iv)(IV)(cc)",
    "1182(a)(3)(B)(iv)(V)",
    "1182(a)(3)(B)(iv)(V)(aa)",
    "1182(a)(3)(B)(iv)(V)(bb)",
    "1182(a)(3)(B)(iv)(V)(cc)",
    "1182(a)(3)(B)(iv)(VI)",
    "1182(a)(3)(B)(iv)(VI)(aa)",
    "1182(a)(3)(B)(iv)(VI)(bb)",
    "1182(a)(3)(B)(iv)(VI)(cc)",
    "1182(a)(3)(B)(iv)(VI)(dd)",
    "1182(a)(3)(B)(vi)",
    "1182(a)(3)(B)(vi)(I)",
    "1182(a)(3)(B)(vi)(II)",
    "1182(a)(3)(B)(vi)(III)",
    "2656f(d)(2)",
}

# The texts the issue names, written out here so that neither the YAML nor the copied source
# can drift from the statute unnoticed. (Current versions; flush language keyed with "/flush".)
NAMED_TEXTS = {
    "1189(a)(1)": (
        "The Secretary is authorized to designate an organization as a foreign terrorist "
        "organization in accordance with this subsection if the Secretary finds that—"
    ),
    "1189(a)(1)(A)": "the organization is a foreign organization;",
    "1189(a)(1)(B)": (
        "the organization engages in terrorist activity (as defined in section 1182(a)(3)(B) of "
        "this title or terrorism (as defined in section 2656f(d)(2) of title 22), or retains the "
        "capability and intent to engage in terrorist activity or terrorism); and"
    ),
    "1189(a)(1)(C)": (
        "the terrorist activity or terrorism of the organization threatens the security of "
        "United States nationals or the national security of the United States."
    ),
    "1182(a)(3)(B)(iii)": (
        "As used in this chapter, the term “terrorist activity” means any activity which is "
        "unlawful under the laws of the place where it is committed (or which, if it had been "
        "committed in the United States, would be unlawful under the laws of the United States "
        "or any State) and which involves any of the following:"
    ),
    "1182(a)(3)(B)(iii)(I)": (
        "The highjacking or sabotage of any conveyance (including an aircraft, vessel, or vehicle)."
    ),
    "1182(a)(3)(B)(iii)(II)": (
        "The seizing or detaining, and threatening to kill, injure, or continue to detain, "
        "another individual in order to compel a third person (including a governmental "
        "organization) to do or abstain from doing any act as an explicit or implicit condition "
        "for the release of the individual seized or detained."
    ),
    "1182(a)(3)(B)(iii)(III)": (
        "A violent attack upon an internationally protected person (as defined in section "
        "1116(b)(4) of title 18) or upon the liberty of such a person."
    ),
    "1182(a)(3)(B)(iii)(IV)": "An assassination.",
    "1182(a)(3)(B)(iii)(V)": "The use of any—",
    "1182(a)(3)(B)(iii)(V)(a)": "biological agent, chemical agent, or nuclear weapon or device, or",
    "1182(a)(3)(B)(iii)(V)(b)": (
        "explosive, firearm, or other weapon or dangerous device (other than for mere personal "
        "monetary gain),"
    ),
    "1182(a)(3)(B)(iii)(V)/flush": (
        "with intent to endanger, directly or indirectly, the safety of one or more individuals "
        "or to cause substantial damage to property."
    ),
    "1182(a)(3)(B)(iii)(VI)": "A threat, attempt, or conspiracy to do any of the foregoing.",
    "1182(a)(3)(B)(iv)": (
        "As used in this chapter, the term “engage in terrorist activity” means, in an "
        "individual capacity or as a member of an organization—"
    ),
    "1182(a)(3)(B)(iv)(I)": (
        "to commit or to incite to commit, under circumstances indicating an intention to cause "
        "death or serious bodily injury, a terrorist activity;"
    ),
    "1182(a)(3)(B)(iv)(II)": "to prepare or plan a terrorist activity;",
    "1182(a)(3)(B)(iv)(III)": "to gather information on potential targets for terrorist activity;",
    "1182(a)(3)(B)(iv)(IV)": "to solicit funds or other things of value for—",
    "1182(a)(3)(B)(iv)(IV)(aa)": "a terrorist activity;",
    "1182(a)(3)(B)(iv)(IV)(bb)": (
        "a terrorist organization described in clause (vi)(I) or (vi)(II); or"
    ),
    "1182(a)(3)(B)(iv)(IV)(cc)": (
        "a terrorist organization described in clause (vi)(III), unless the solicitor can "
        "demonstrate by clear and convincing evidence that he did not know, and should not "
        "reasonably have known, that the organization was a terrorist organization;"
    ),
    "1182(a)(3)(B)(iv)(V)": "to solicit any individual—",
    "1182(a)(3)(B)(iv)(V)(aa)": "to engage in conduct otherwise described in this subsection;",
    "1182(a)(3)(B)(iv)(V)(bb)": (
        "for membership in a terrorist organization described in clause (vi)(I) or (vi)(II); or"
    ),
    "1182(a)(3)(B)(iv)(V)(cc)": (
        "for membership in a terrorist organization described in clause (vi)(III) unless the "
        "solicitor can demonstrate by clear and convincing evidence that he did not know, and "
        "should not reasonably have known, that the organization was a terrorist organization; or"
    ),
    "1182(a)(3)(B)(iv)(VI)": (
        "to commit an act that the actor knows, or reasonably should know, affords material "
        "support, including a safe house, transportation, communications, funds, transfer of "
        "funds or other material financial benefit, false documentation or identification, "
        "weapons (including chemical, biological, or radiological weapons), explosives, or "
        "training—"
    ),
    "1182(a)(3)(B)(iv)(VI)(aa)": "for the commission of a terrorist activity;",
    "1182(a)(3)(B)(iv)(VI)(bb)": (
        "to any individual who the actor knows, or reasonably should know, has committed or "
        "plans to commit a terrorist activity;"
    ),
    "1182(a)(3)(B)(iv)(VI)(cc)": (
        "to a terrorist organization described in subclause (I) or (II) of clause (vi) or to any "
        "member of such an organization; or"
    ),
    "1182(a)(3)(B)(iv)(VI)(dd)": (
        "to a terrorist organization described in clause (vi)(III), or to any member of such an "
        "organization, unless the actor can demonstrate by clear and convincing evidence that "
        "the actor did not know, and should not reasonably have known, that the organization was "
        "a terrorist organization."
    ),
    "2656f(d)(1)": (
        "the term “international terrorism” means terrorism involving citizens or the territory "
        "of more than 1 country;"
    ),
    "2656f(d)(2)": (
        "the term “terrorism” means premeditated, politically motivated violence perpetrated "
        "against noncombatant targets by subnational groups or clandestine agents;"
    ),
}

# A unit line of a source file: "<id> [Heading] text", e.g. "1189(a)(1)(A) the organization …".
_UNIT = re.compile(r"^((?:1189|1182|2656f)(?:\([A-Za-z0-9]+\))+)(?: (.*))?$")
_BRACKET = re.compile(r"^\[([^\]]*)\] ?(.*)$")
_MARKER = re.compile(r" ?\[(?:fn \d+|dash confirmed)\]")
_FOOTNOTE = re.compile(r"^- \[fn (\d+)\] \"(.*)\"")


def _source_units(md_name: str) -> list[dict]:
    """The units of a statute file, in order: id, heading, text (markers stripped), flush, fns."""
    units: list[dict] = []
    for line in (SOURCES / md_name).read_text(encoding="utf-8").splitlines():
        match = _UNIT.match(line)
        if not match:
            continue
        clause_id, rest = match.group(1), match.group(2) or ""
        heading, flush = "", False
        bracket = _BRACKET.match(rest)
        if bracket:
            if bracket.group(1).startswith("flush language"):
                flush = True
            else:
                heading = bracket.group(1)
            rest = bracket.group(2)
        footnotes = re.findall(r"\[fn (\d+)\]", rest)
        text = _MARKER.sub("", rest)
        if flush:
            owner = next(u for u in reversed(units) if u["id"] == clause_id)
            owner["flush"] = text
            continue
        units.append(
            {
                "id": clause_id,
                "heading": heading,
                "text": text,
                "flush": None,
                "footnotes": footnotes,
            }
        )
    return units


def _source_footnotes(md_name: str) -> dict[str, str]:
    """The Code footnotes a source file gives verbatim, by number."""
    text = (SOURCES / md_name).read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for line in text.splitlines() if (m := _FOOTNOTE.match(line))}


def _sections() -> dict[str, Section]:
    return {section.section: section for section in load_law().sections}


def _all_clauses() -> list[Clause]:
    return list(load_law().clauses.values())


def test_the_loader_reads_yaml_null_as_none_which_past_versions_rely_on():
    """`text: null` and `in_force_from: null` must reach the model as None, not the word 'null'."""
    doc = load_document("a: null\nb: ~\nc: 'null'\n", "<test>")
    assert doc.data == {"a": None, "b": None, "c": "null"}


def test_every_rules_file_validates_as_a_section():
    """Each of the three rules files loads through the loader and validates against the model."""
    for name, (yaml_file, _) in SECTION_FILES.items():
        doc = load_document((RULES / yaml_file).read_text(encoding="utf-8"), yaml_file)
        section = Section.model_validate(doc.data)
        assert section.section == name
        assert section.clauses
    assert set(_sections()) == set(SECTION_FILES)


def test_versions_are_in_date_order_and_contiguous():
    """Each version starts the day after the previous one ended, so no day has two wordings."""
    for clause in _all_clauses():
        for before, after in zip(clause.versions, clause.versions[1:], strict=False):
            assert before.in_force_until is not None, clause.id
            assert after.in_force_from == before.in_force_until + timedelta(days=1), clause.id


def test_only_the_last_version_is_open_ended_and_only_the_first_may_lack_a_start():
    """The last version is the law today, unless the unit ceased to exist (renumbered or struck),
    which its last version says; an open start is only for the oldest version."""
    for clause in _all_clauses():
        if clause.current.in_force_until is not None:
            assert re.search(r"[Rr]edesignated|ceased|struck|relettered", clause.current.note), (
                clause.id
            )
        assert all(v.in_force_until is not None for v in clause.versions[:-1]), clause.id
        assert all(v.in_force_from is not None for v in clause.versions[1:]), clause.id
        for version in clause.versions:
            assert version.in_force_from is None or version.in_force_from <= date.today()


def test_no_version_of_1189_predates_the_fto_statute():
    """§ 1189 was added by AEDPA on 24 April 1996, so none of its versions starts earlier."""
    for clause in _sections()["8 U.S.C. § 1189"].clauses:
        assert clause.versions[0].in_force_from is not None, clause.id
        assert clause.versions[0].in_force_from >= FTO_STATUTE_ENACTED, clause.id


def test_every_version_has_its_text():
    """Every version of every clause since 1996-04-24 is quoted in full: no wording in force on
    a day the checker judges is missing (the earlier texts were retrieved in 2026-12)."""
    for clause in _all_clauses():
        for version in clause.versions:
            assert version.text is not None and version.text != "null", clause.id


@pytest.mark.parametrize("section_name", sorted(PAST_SOURCES))
def test_every_past_version_is_verbatim_from_its_source(section_name):
    """The words of each earlier version appear, exactly, in the earlier texts' source file."""
    source = (SOURCES / PAST_SOURCES[section_name]).read_text(encoding="utf-8")
    for clause in _sections()[section_name].clauses:
        for version in (
            clause.versions[:-1] if clause.current.in_force_until is None else clause.versions
        ):
            if version is clause.current or not version.text:
                continue
            if version.source.startswith("U.S. Code, OLRC (uscode.house.gov"):
                continue  # a version still quoted from the current Code's text
            assert version.text in source, (clause.id, version.in_force_from)


@pytest.mark.parametrize("section_name", sorted(SECTION_FILES))
def test_every_source_unit_is_a_clause_with_its_verbatim_current_text(section_name):
    """Each unit line of the statute is a clause whose current wording is exactly that line's."""
    clauses = {c.id: c for c in _sections()[section_name].clauses}
    for unit in _source_units(SECTION_FILES[section_name][1]):
        clause = clauses.get(unit["id"])
        assert clause is not None, f"{unit['id']} is in the statute but not in rules/"
        assert clause.heading == unit["heading"], unit["id"]
        assert clause.current.text == unit["text"], unit["id"]
        assert clause.current.flush_text == unit["flush"], unit["id"]


@pytest.mark.parametrize("section_name", sorted(SECTION_FILES))
def test_every_clause_comes_from_a_source_unit_in_statute_order(section_name):
    """No clause is invented: the rules hold the statute's units in the statute's order, and a
    unit the current text no longer has is one an earlier text had."""
    source_ids = [u["id"] for u in _source_units(SECTION_FILES[section_name][1])]
    rule_ids = [c.id for c in _sections()[section_name].clauses]
    assert [i for i in rule_ids if i in source_ids] == source_ids
    for clause in _sections()[section_name].clauses:
        if clause.id not in source_ids:
            assert clause.current.in_force_until is not None, f"{clause.id} is not in the statute"


def test_no_text_keeps_an_editorial_marker():
    """Footnote markers and '[dash confirmed]' are stripped from every version's words."""
    for clause in _all_clauses():
        for version in clause.versions:
            for words in (version.text, version.flush_text):
                assert not words or not _MARKER.search(words), clause.id


@pytest.mark.parametrize("section_name", sorted(SECTION_FILES))
def test_code_footnotes_are_recorded_verbatim_on_their_clause(section_name):
    """A Code footnote whose wording the source gives is listed verbatim on the clause it marks."""
    md_name = SECTION_FILES[section_name][1]
    wording = _source_footnotes(md_name)
    clauses = {c.id: c for c in _sections()[section_name].clauses}
    for unit in _source_units(md_name):
        expected = [wording[n] for n in unit["footnotes"] if n in wording]
        assert clauses[unit["id"]].footnotes == expected, unit["id"]
        for n in unit["footnotes"]:
            if n not in wording:  # marker without retrieved wording: the clause must say so
                assert f"[fn {n}]" in clauses[unit["id"]].current.note, unit["id"]


def test_every_clause_is_encoded_or_says_why_not():
    """A clause with words has a predicate or a specific one-line reason for having none."""
    reasons = []
    for clause in _all_clauses():
        if clause.id in ENCODED or clause.current.text == "":
            assert clause.not_encoded is None, clause.id
        elif clause.current.in_force_until is None:
            reason = clause.not_encoded or clause.current.not_encoded
            assert reason and reason.strip() == reason and "\n" not in reason, clause.id
            reasons.append(reason)
    assert len(set(reasons)) == len(reasons), "reasons are meant to be specific to each clause"
    assert set(load_law().clauses) >= ENCODED


def test_heading_only_units_have_empty_text_and_a_heading():
    """A unit that is only a catchline has empty words, a heading, and no not-encoded reason."""
    heading_only = [c for c in _all_clauses() if c.current.text == ""]
    assert heading_only
    for clause in heading_only:
        assert clause.heading, clause.id
        assert clause.current.flush_text is None, clause.id
    assert {c.id for c in heading_only} >= {"1189(a)", "1189(a)(4)(B)", "1189(b)", "1189(c)"}


def test_the_texts_the_issue_names_are_present_verbatim():
    """The criteria of § 1189(a)(1), § 1182(a)(3)(B)(iii)–(iv) and § 2656f(d)(1)–(2) are exact."""
    law = load_law()
    for key, expected in NAMED_TEXTS.items():
        clause_id, _, part = key.partition("/")
        current = law.clause(clause_id).current
        assert (current.flush_text if part == "flush" else current.text) == expected, key
    named_1182 = {k.split("/")[0] for k in NAMED_TEXTS if k.startswith("1182")}
    in_rules = {i for i in law.clauses if re.match(r"1182\(a\)\(3\)\(B\)\(i(ii|v)\)", i)}
    assert named_1182 == in_rules, "every subclause of (iii) and (iv) is named"


def test_1189_criteria_are_the_1996_wording_before_26_october_2001():
    """Before the USA PATRIOT Act, (a)(1)(B) had no 'terrorism' or 'capability and intent' limb."""
    law = load_law()
    old_b = law.clause("1189(a)(1)(B)").version_on(date(2001, 10, 25))
    new_b = law.clause("1189(a)(1)(B)").version_on(date(2001, 10, 26))
    assert old_b.text == (
        "the organization engages in terrorist activity (as defined in section "
        "1182(a)(3)(B) of this title); and"
    )
    assert new_b is law.clause("1189(a)(1)(B)").current
    old_c = law.clause("1189(a)(1)(C)").version_on(date(2000, 1, 1))
    assert "or terrorism" not in old_c.text
    assert (
        law.clause("1189(a)(1)(A)").version_on(date(1996, 4, 24)).text
        == NAMED_TEXTS["1189(a)(1)(A)"]
    )
    assert law.clause("1189(a)(1)").version_on(date(1996, 4, 23)) is None
