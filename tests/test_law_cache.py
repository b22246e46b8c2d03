"""The parsed law is cached as JSON, keyed by the rules files' bytes (fto_check/law.py)."""

from __future__ import annotations

import pytest

from fto_check.law import statute as law


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """load_law() as a new process sees it, with its cache in tmp_path."""
    monkeypatch.setenv(law.CACHE_ENV, str(tmp_path))
    law.load_law.cache_clear()
    yield tmp_path
    law.load_law.cache_clear()


def test_the_first_load_writes_the_cache(fresh):
    law.load_law()
    assert [p.name.startswith("law-") and p.suffix == ".json" for p in fresh.iterdir()] == [True]


def test_a_later_load_reads_the_cache_instead_of_the_yaml(fresh, monkeypatch):
    parsed = law.load_law().clauses
    law.load_law.cache_clear()
    monkeypatch.setattr(law, "_parse", lambda *a: pytest.fail("parsed the YAML again"))
    assert law.load_law().clauses == parsed


def test_a_damaged_cache_is_ignored_and_rewritten(fresh):
    parsed = law.load_law().clauses
    (cached,) = fresh.iterdir()
    for damage in (b"{not json", b"null", b'[{"section": 1}]'):
        cached.write_bytes(damage)
        law.load_law.cache_clear()
        assert law.load_law().clauses == parsed
        assert cached.read_bytes() != damage


def test_an_edited_rules_file_gets_a_new_cache_key():
    assert law._rules_digest([b"a", b"b"]) != law._rules_digest([b"a", b"c"])


def test_an_empty_cache_setting_means_no_cache(fresh, monkeypatch):
    monkeypatch.setenv(law.CACHE_ENV, "")
    assert law.load_law().clauses
    assert list(fresh.iterdir()) == []


def test_a_cache_that_cannot_be_written_is_not_used(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(law.CACHE_ENV, str(blocker / "cache"))
    law.load_law.cache_clear()
    try:
        assert law.load_law().clauses
    finally:
        law.load_law.cache_clear()
