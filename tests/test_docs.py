"""docs/criteria.md is generated from the rules and the law, and must not fall behind them."""

from __future__ import annotations

from pathlib import Path

from fto_check.render.rules import REGENERATE, document
from fto_check.teaching.reference import reference

DOC = Path(__file__).resolve().parent.parent / "docs" / "criteria.md"


def test_the_criteria_document_is_up_to_date():
    """docs/criteria.md is exactly what `fto-check rules --format markdown --full` prints now."""
    assert DOC.read_text(encoding="utf-8") == document(reference()), (
        f"docs/criteria.md is out of date; regenerate it: {REGENERATE}"
    )


def test_the_document_says_how_to_regenerate_it_at_the_top():
    """Its first line is the one-line command that regenerates it."""
    assert REGENERATE in DOC.read_text(encoding="utf-8").splitlines()[0]


def test_the_document_covers_every_clause_the_checker_encodes():
    """Each clause with a rule has its own section, anchored by its id."""
    from fto_check.reasoning.catalog import coverage
    from fto_check.render.prose import anchor

    text = DOC.read_text(encoding="utf-8")
    for cover in coverage():
        if cover.kind in ("encoded", "through-subclauses"):
            assert f'<a id="{anchor(cover.clause.id)}"></a>' in text, cover.clause.id


def test_every_test_the_hostile_input_table_names_exists():
    """docs/hostile-input.md proves each row by a test: a renamed or deleted test breaks it."""
    import re

    root = DOC.parent.parent
    table = (root / "docs" / "hostile-input.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(?:tests/\w+\.py::)?(test_\w+)`", table))
    defined = {
        name
        for file in (root / "tests").glob("test_*.py")
        for name in re.findall(r"^def (test_\w+)", file.read_text(encoding="utf-8"), re.M)
    }
    assert named and named <= defined, sorted(named - defined)
