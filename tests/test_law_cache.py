"""The parsed law is cached as JSON, keyed by the rules files' bytes (fto_check/law.py)."""

from __future__ import annotations

import os
import time

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
    assert [p.name.startswith("law2-") and p.suffix == ".json" for p in fresh.iterdir()] == [True]


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


def _tampered(fresh, change) -> bytes:
    """The cache file, changed by `change(header, payload) -> bytes`."""
    law.load_law()
    (cached,) = fresh.iterdir()
    header, _, payload = cached.read_bytes().partition(b"\n")
    cached.write_bytes(change(header, payload))
    law.load_law.cache_clear()
    return cached.read_bytes()


def test_a_cache_with_altered_statute_text_is_not_used(fresh):
    """The memo printed poisoned text from a cache file edited by someone else."""
    word = b"foreign terrorist organization"
    _tampered(fresh, lambda header, payload: header + b"\n" + payload.replace(word, b"POISON", 1))
    text = law.load_law().clauses["1189(a)(1)"].current.text
    assert "POISON" not in text and "foreign terrorist organization" in text


def test_a_cache_whose_hash_was_recomputed_but_for_other_rules_is_not_used(fresh):
    import hashlib
    import json

    def forged(header, payload):
        payload = payload.replace(b"foreign terrorist organization", b"POISON", 1)
        stamp = {"rules": "0" * 64, "sha256": hashlib.sha256(payload).hexdigest()}
        return json.dumps(stamp).encode() + b"\n" + payload

    _tampered(fresh, forged)
    assert "POISON" not in law.load_law().clauses["1189(a)(1)"].current.text


@pytest.mark.parametrize("damage", ["a clause twice", "nested too deep", "too large"])
def test_a_damaged_cache_is_a_miss_never_an_error(fresh, damage):
    """A duplicated clause or deeply nested JSON broke every command until deleted."""
    import hashlib
    import json

    def damaged(header, payload):
        if damage == "a clause twice":
            sections = json.loads(payload)
            sections[0]["clauses"].append(sections[0]["clauses"][0])
            payload = json.dumps(sections).encode()
        elif damage == "nested too deep":
            payload = b"[" * 100_000 + b"]" * 100_000
        else:
            payload = b" " * (law.CACHE_MAX_BYTES + 1)
        stamp = {
            "rules": json.loads(header)["rules"],
            "sha256": hashlib.sha256(payload).hexdigest(),
        }
        return json.dumps(stamp).encode() + b"\n" + payload

    _tampered(fresh, damaged)
    assert law.load_law().clauses["1189(a)(1)"].current.text


def test_a_cache_others_could_have_written_is_not_used(fresh, monkeypatch):
    law.load_law()
    (cached,) = fresh.iterdir()
    cached.chmod(0o666)
    law.load_law.cache_clear()
    monkeypatch.setattr(law, "_parse", lambda *a: pytest.fail("parsed the YAML"))
    with pytest.raises(pytest.fail.Exception):
        law.load_law()


def test_no_folder_is_made_where_home_points_nowhere(tmp_path, monkeypatch):
    """HOME=/nonexistent made root create /nonexistent/.cache."""
    nowhere = tmp_path / "nonexistent"
    monkeypatch.delenv(law.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(nowhere))
    law.load_law.cache_clear()
    try:
        assert law.load_law().clauses
    finally:
        law.load_law.cache_clear()
    assert not nowhere.exists()


def _cache_files(folder, names: list[str]) -> None:
    """Cache files of other rules, each written a minute after the one before."""
    for age, name in enumerate(reversed(names)):
        (folder / name).write_bytes(b"{}")
        os.utime(folder / name, (1_700_000_000 - 60 * age,) * 2)


def test_writing_the_cache_sweeps_the_stale_ones_but_the_newest(fresh):
    """Cache files of older versions and of rules since edited were never removed; the newest
    are kept, so two versions sharing the folder do not each remove the other's every run."""
    names = [f"law2-{n:032x}.json" for n in range(5)] + [f"law-{5:032x}.json"]  # oldest first
    _cache_files(fresh, names)
    law.load_law()
    left = sorted(p.name for p in fresh.iterdir())
    assert len(left) == law.CACHE_KEEP
    assert [n for n in left if n in names] == sorted(names[-(law.CACHE_KEEP - 1) :])
    (written,) = [n for n in left if n not in names]
    assert written.startswith("law2-")


def test_the_sweep_removes_a_temporary_file_abandoned_an_hour_ago_not_one_being_written(fresh):
    """A process killed while writing the cache leaves its temporary file: swept once it is an
    hour old; a younger one may be another process's, mid-write."""
    old, young = (fresh / f".law2-{n:032x}.json.abcd{n}234.tmp" for n in (1, 2))
    for temporary in (old, young):
        temporary.write_bytes(b"{}")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    law.load_law()
    assert not old.exists() and young.exists()


def test_the_sweep_removes_only_this_users_regular_files_named_as_cache_files(
    fresh, tmp_path_factory
):
    """Never a link (nor what it points to), a folder, another name, another user's file, or a
    temporary file being written."""
    elsewhere = tmp_path_factory.mktemp("elsewhere") / f"law2-{0:032x}.json"
    elsewhere.write_bytes(b"not the cache's")
    kept = {
        f"law2-{1:032x}.json": lambda p: p.symlink_to(elsewhere),
        f"law2-{2:032x}.json": lambda p: p.mkdir(),
        f"law2-{0xABC:032X}.json": lambda p: p.write_bytes(b"{}"),  # upper case: not its name
        f"law2-{4:032x}.json.bak": lambda p: p.write_bytes(b"{}"),
        f".law2-{5:032x}.json.abcd1234.tmp": lambda p: p.write_bytes(b"{}"),
        "notes.txt": lambda p: p.write_bytes(b"mine"),
    }
    if os.geteuid() == 0:
        kept[f"law2-{6:032x}.json"] = lambda p: (p.write_bytes(b"{}"), os.chown(p, 12345, 12345))
    for name, make in kept.items():
        make(fresh / name)
    _cache_files(fresh, [f"law2-{n:032x}.json" for n in range(7, 7 + 5)])  # swept: 3 of 5
    law.load_law()
    left = {p.name for p in fresh.iterdir()}
    assert kept.keys() <= left
    assert len(left - kept.keys()) == law.CACHE_KEEP
    assert elsewhere.read_bytes() == b"not the cache's"
