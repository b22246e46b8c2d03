"""`fto-check explain ID`: a clause, rule or reading taught in full, whatever common spelling
names it; an unknown id is an error that suggests the closest."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.law.statute import load_law
from fto_check.reasoning import catalog
from fto_check.reasoning.engine import RULES

LAW = load_law()


def _explain(*args: str, code: int = 0):
    r = CliRunner().invoke(app, ["explain", *args])
    assert r.exit_code == code, r.output
    return r


def _json(item: str) -> dict:
    return json.loads(_explain(item, "--format", "json").stdout)


def _flat(text: str) -> str:
    """Text with its line wrapping undone, to find a quotation in it."""
    return " ".join(text.split())


@pytest.mark.parametrize(
    ("spelling", "kind", "item"),
    [
        ("1189(a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("§ 1189(a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("8 USC 1189(a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("8 U.S.C. § 1189(a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("8 U.S.C. 1189 (a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("INA § 219(a)(1)(B)", "clause", "1189(a)(1)(B)"),
        ("1189-a-1-B", "clause", "1189(a)(1)(B)"),
        ("2656f(d)(2)", "clause", "2656f(d)(2)"),
        ("22 U.S.C. 2656f(d)(2)", "clause", "2656f(d)(2)"),
        ("22 U.S.C. § 2656f(d)(2)", "clause", "2656f(d)(2)"),
        ("1182(a)(3)(B)(iii)(V)", "clause", "1182(a)(3)(B)(iii)(V)"),
        ("1182(a)(3)(b)(iii)(v)(b)", "clause", "1182(a)(3)(B)(iii)(V)(b)"),
        ("2656f(d)(2)/politically-motivated", "rule", "2656f(d)(2)/politically-motivated"),
        ("2656f(d)(2)/politically motivated", "rule", "2656f(d)(2)/politically-motivated"),
        ("politically motivated", "rule", "2656f(d)(2)/politically-motivated"),
        ("Retains the capability and intent", "rule", "1189(a)(1)(B)/capability-and-intent"),
        ("terrorism", "clause", "2656f(d)(2)"),
        ("personal-monetary-gain", "reading", "personal-monetary-gain"),
    ],
)
def test_common_spellings_name_the_same_item(spelling, kind, item):
    """Citations with or without title, 'U.S.C.', '§' or spaces, INA numbers, element ids,
    rule titles and reading names all find their item."""
    data = _json(spelling)
    assert (data["kind"], data["id"]) == (kind, item)


def test_the_current_words_are_quoted_verbatim_with_their_version():
    """(B) is quoted word for word as in force since 26 October 2001, with the amending law."""
    out = _flat(_explain("1189(a)(1)(B)").stdout)
    current = LAW.clauses["1189(a)(1)(B)"].current.text
    assert f"“{current}”" in out
    assert (
        "In force since 2001-10-26, as amended by Pub. L. 107-56, § 411(c) (USA PATRIOT Act)" in out
    )


def test_earlier_versions_are_quoted_with_their_dates_and_enacting_law():
    """The 1996 wording of (B) follows, with the dates it was in force and the law enacting it."""
    out = _flat(_explain("1189(a)(1)(B)").stdout)
    assert "From 1996-04-24 to 2001-10-25, as enacted by Pub. L. 104-132, § 302(a)" in out
    assert "“the organization engages in terrorist activity (as defined in section " in out
    assert "1182(a)(3)(B) of this title); and”" in out


def test_a_number_that_named_other_words_then_quotes_them():
    """Before 26 October 2001, (iii)(I) was "the preparation or planning of a terrorist
    activity" (in the definition of "engage"): the earlier version quotes those words."""
    out = _flat(_explain("1182(a)(3)(B)(iii)(I)").stdout)
    assert "Until 2001-10-25, as enacted by Pub. L. 101-649, § 601(a) (Immigration Act" in out
    assert "“The preparation or planning of a terrorist activity.”" in out


def test_a_version_not_retrieved_says_so():
    """A past wording that was not retrieved is not invented: the version says why it is
    missing. (Every wording in rules/ is retrieved today; the renderers still say so.)"""
    from fto_check.render import explain as render
    from fto_check.teaching.explain import build

    data = build(catalog.resolve("1182(a)(3)(B)(iii)(I)"))
    data["law"]["versions"][0].update(text=None, note="not found in the 1990 Statutes at Large")
    assert "(wording not retrieved: not found in the 1990 Statutes at Large)" in _flat(
        render.text(data)
    )
    assert "> (wording not retrieved: not found in the 1990 Statutes at Large)" in (
        render.markdown(data)
    )


def test_the_so_in_original_footnote_and_how_the_checker_parses_it():
    """(B)'s misplaced parenthesis is shown, and the checker's reading of it explained."""
    data = _json("1189(a)(1)(B)")
    assert data["law"]["footnotes"] == LAW.clauses["1189(a)(1)(B)"].footnotes
    assert "three alternatives" in data["parsing"]
    out = _explain("1189(a)(1)(B)").stdout
    assert "Footnote: So in original." in out
    assert "How the checker reads the words" in out


def test_plain_english_comes_from_the_catalog():
    """What a clause means is taught in plain English, from rules/catalog.yaml."""
    out = _flat(_explain("2656f(d)(2)").stdout)
    assert "In plain English" in out
    assert _flat(catalog.teaching()["2656f(d)(2)"].plain) in out


def test_the_profile_fields_that_decide_it_come_from_the_rules():
    """An element lists the fields its rule reads; a clause adds those of its parts."""
    assert _json("2656f(d)(2)/politically-motivated")["fields"] == ["incidents[].motives"]
    fields = _json("2656f(d)(2)")["fields"]
    assert {"incidents[].motives", "incidents[].targets", "incidents[].premeditated"} <= set(fields)


def test_how_it_is_decided_shows_each_rule_version_and_its_parts():
    """(B)'s two rule versions are shown with their dates and their routes."""
    decision = _json("1189(a)(1)(B)")["decision"]
    assert [(v["since"], v["until"]) for v in decision] == [
        ("1996-04-24", "2001-10-25"),
        ("2001-10-26", None),
    ]
    assert [p["id"] for p in decision[0]["parts"]] == ["1189(a)(1)(B)/terrorist-activity"]
    assert len(decision[1]["parts"]) == 3
    assert {v["combine"] for v in decision} == {"any-of"}


def test_the_readings_it_may_consult_are_named_with_their_alternatives():
    """(iii)(V)(b) names the monetary-gain reading, its default and its alternative."""
    out = _flat(_explain("1182(a)(3)(B)(iii)(V)(b)").stdout)
    assert "personal-monetary-gain (default individual-only; or organizational-profit)" in out


@pytest.mark.parametrize(
    ("item", "mistake"),
    [
        (
            "1189(a)(1)(B)",
            "Terrorist activity does not require a political motive; terrorism does.",
        ),
        ("2656f(d)(2)", "Terrorism requires a political motive; terrorist activity does not."),
        ("1182(a)(3)(B)(iii)(V)(b)", "The monetary-gain carve-out reaches only (iii)(V)(b)"),
    ],
)
def test_common_mistakes_are_taught(item, mistake):
    """The mistakes students make about a clause are listed under it."""
    out = _flat(_explain(item).stdout)
    assert "Common mistakes" in out
    assert mistake in out


def test_a_clause_not_encoded_says_why():
    """A clause with no rule explains the reason it carries in rules/."""
    out = _flat(_explain("1189(a)(2)(C)").stdout)
    assert f"Not encoded: {LAW.clauses['1189(a)(2)(C)'].not_encoded}" in out


def test_a_lead_in_says_which_rule_encodes_it():
    """§ 1182(a)(3)(B)(iv)(IV) ("to solicit funds … for—") is encoded by its element, and
    says so."""
    data = _json("1182(a)(3)(B)(iv)(IV)")
    assert data["encoded"] == "encoded by its elements: 1182(a)(3)(B)(iv)(IV)/solicited"
    assert "Encoded by its elements: 1182(a)(3)(B)(iv)(IV)/solicited." in _flat(
        _explain("1182(a)(3)(B)(iv)(IV)").stdout
    )


def test_a_reading_prints_the_question_alternatives_default_and_arguments():
    """A reading name explains the contested question, who argues what, and where it applies."""
    data = _json("personal-monetary-gain")
    assert data["clause"] == "1182(a)(3)(B)(iii)(V)(b)"
    assert [a["name"] for a in data["alternatives"] if a["default"]] == ["individual-only"]
    assert {a["name"] for a in data["alternatives"]} == {"individual-only", "organizational-profit"}
    assert data["argument"]
    # (V)(b) under both its numbers: clause (ii) until 2001-10-25, (iii) since
    assert [r["id"] for r in data["consulted_by"]] == [
        "1182(a)(3)(B)(ii)(V)(b)",
        "1182(a)(3)(B)(iii)(V)(b)",
    ]
    out = _flat(_explain("personal-monetary-gain").stdout)
    assert "individual-only (default):" in out
    assert "--reading personal-monetary-gain=VALUE" in out


def test_an_unknown_id_is_an_error_listing_the_closest_ids():
    """A typo exits 2 and suggests the ids it may have meant."""
    r = _explain("1189(a)(1)(D)", code=2)
    assert "unknown id '1189(a)(1)(D)'" in r.output
    assert "closest: 1189(a)(1)(C), 1189(a)(1)(B), 1189(a)(1)(A)" in r.output


def test_a_misspelt_reading_is_found_by_its_words():
    """A reading name with a word inflected is matched to the reading, and explained."""
    out = _explain("personal-monetary-gains").stdout
    assert out.startswith("Reading personal-monetary-gain: ")


def test_markdown_quotes_the_law_and_has_one_heading_per_part():
    """The Markdown form quotes the words of the law and keeps the same sections."""
    out = _explain("1189(a)(1)(C)", "--format", "markdown").stdout
    assert out.splitlines()[2].startswith("# § 1189(a)(1)(C): ")
    assert f"> {LAW.clauses['1189(a)(1)(C)'].current.text}" in out
    for section in ("The law", "In plain English", "How the checker decides it", "Common mistakes"):
        assert f"## {section}" in out


EXAMPLE = """\
name: {name}
as_of: 2025-02-20
organization: {{is_group: true, dissolved: false}}
foreign: {{headquarters_in: MX, organized_under_us_law: false}}
incidents:
  - date: 2024-09-17
    involves: [{act}]
    motives: [territorial]
"""


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """An examples/ directory of our own: one firearm attack, one hostage-taking, one broken."""
    (tmp_path / "firearm.yaml").write_text(EXAMPLE.format(name="Firearm", act="firearm"))
    (tmp_path / "hostages.yaml").write_text(  # all it did, and no weapon used
        EXAMPLE.format(name="Hostages", act="hostage-taking").replace(
            "[hostage-taking]", "{only: [hostage-taking]}\n    means: []"
        )
    )
    (tmp_path / "no-incidents.yaml").write_text("name: Unknown\nas_of: 2025-02-20\n")
    (tmp_path / "broken.yaml").write_text("name: [unclosed\n")
    real = catalog.data_dir
    monkeypatch.setattr(
        catalog, "data_dir", lambda name: tmp_path if name == "examples" else real(name)
    )
    catalog._example_reports.cache_clear()
    yield tmp_path
    catalog._example_reports.cache_clear()


def test_the_examples_listed_are_those_whose_report_decides_the_rule(examples):
    """An example is listed under a rule when its report has a met or not-met finding for it;
    one that leaves the rule unknown, or cannot be read, is not."""
    uses = _json("1182(a)(3)(B)(iii)(V)(b)")["examples"]
    assert uses == [
        {"example": "firearm.yaml", "as_of": "2025-02-20", "outcomes": ["met"]},
        {"example": "hostages.yaml", "as_of": "2025-02-20", "outcomes": ["not_met"]},
    ]
    out = _explain("1182(a)(3)(B)(iii)(II)").stdout
    assert "hostages.yaml (as of 2025-02-20): met" in out
    assert "no-incidents.yaml" not in out


def test_a_reading_lists_the_examples_it_decided(examples):
    """Under a reading, the examples where it decided a finding are listed with its value."""
    uses = _json("personal-monetary-gain")["examples"]
    # a shooting for control of territory: money on the organizational-profit reading only
    assert uses == [
        {"example": "firearm.yaml", "as_of": "2025-02-20", "outcomes": ["individual-only"]}
    ]
    assert [u["example"] for u in _json("engages-recency")["examples"]] == [
        "firearm.yaml",
        "hostages.yaml",
    ]


def test_every_encoded_clause_has_teaching_text_and_every_entry_names_something():
    """Each clause a rule implements has a plain-English entry in rules/catalog.yaml, and each
    entry there is a clause or a rule."""
    entries = catalog.teaching()
    encoded = {rule_id for rule_id in RULES if rule_id in LAW.clauses}
    assert encoded - entries.keys() == set()
    assert entries.keys() - LAW.clauses.keys() - RULES.keys() == set()
    assert all(entry.plain.strip() for entry in entries.values())


def test_explain_and_rules_are_imported_only_when_run():
    """Starting the CLI (or asking for --help) imports neither the catalog nor pydantic."""
    code = (
        "import sys, fto_check.cli.app; "
        "assert not {'fto_check.reasoning.catalog', 'fto_check.cli.commands.explain', "
        "'fto_check.teaching.explain', 'fto_check.render.explain', 'pydantic'} & "
        "set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_clause_rule_and_reading_is_found_by_its_own_id_and_explained():
    """Each id that `rules` and `rules --coverage` print resolves to itself, and its
    explanation renders as text, Markdown and JSON."""
    from fto_check.law.readings import all_readings
    from fto_check.render import explain as render
    from fto_check.teaching.explain import build

    for item in [*LAW.clauses, *RULES, *all_readings()]:
        target = catalog.resolve(item)
        assert target.id == item
        data = build(target)
        assert render.text(data) and render.markdown(data) and json.dumps(data)
