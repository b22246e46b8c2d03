"""The YAML loader: YAML 1.2 scalars, positions for every value, and refusals that protect us."""

import io

import pytest

from fto_check.base.errors import InputError
from fto_check.base.loader import load_chunk, load_document, read_bytes, stream_documents


def load(text: str):
    return load_document(text, "p.yaml")


def problem(text: str):
    with pytest.raises(InputError) as caught:
        load(text)
    return caught.value.problems[0]


@pytest.mark.parametrize("plain", ["NO", "yes", "off", "012", "12:30", "1e3", "2019-12-27"])
def test_plain_scalars_stay_the_text_the_author_wrote(plain):
    """YAML 1.1 would turn these into booleans, octal, sexagesimal or dates; we keep the text."""
    assert load(f"value: {plain}\n").data == {"value": plain}


@pytest.mark.parametrize("null", ["", "~", "null", "Null", "NULL"])
def test_yaml_null_forms_are_none(null):
    """The YAML 1.2 core schema's null forms read as None (unknown)."""
    assert load(f"value: {null}\n").data == {"value": None}


def test_a_quoted_null_is_text():
    """Quoting keeps a word a string, as YAML intends."""
    assert load('value: "null"\n').data == {"value": "null"}


def test_every_value_and_key_has_its_line_and_column():
    """The source map points at values (and keys) by field path, 1-based."""
    doc = load("name: X\nfacts:\n  - a: 1\n    b: [x, y]\n")
    assert doc.source.value_position(("name",)) == (1, 7)
    assert doc.source.key_position(("facts",)) == (2, 1)
    assert doc.source.value_position(("facts", 0, "b", 1)) == (4, 12)


def test_position_of_a_missing_value_falls_back_to_its_parent():
    """A field that is absent is located at the mapping that should hold it."""
    doc = load("name: X\nfacts:\n  a: 1\n")
    assert doc.source.position(("facts", "b")) == (3, 3)


def test_duplicate_keys_are_an_error_naming_both_lines():
    """YAML keys are unique; PyYAML would silently keep the last one."""
    p = problem("name: A\nas_of: 2020-01-01\nname: B\n")
    assert (p.line, p.col) == (3, 1)
    assert "duplicate key 'name'" in p.message and "line 1" in p.message


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1]\n"])
def test_anchors_and_aliases_are_refused(text):
    """A profile never needs them, and they are how 'billion laughs' inputs explode."""
    assert "not allowed" in problem(text).message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!!str", "!custom"])
def test_tags_are_refused_and_never_executed(tag):
    """Tags would construct objects; nothing from the input is ever constructed or run."""
    assert "tag" in problem(f"a: {tag} x\n").message


def test_deep_nesting_is_refused_quickly_without_recursion():
    """100,000 levels of nesting crash libyaml's composer; the event loop refuses them early."""
    p = problem("a: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested more than" in p.message


def test_several_documents_in_one_file_are_refused():
    """A profile file holds one profile; a stream of them is for `batch -`."""
    assert "several YAML documents" in problem("name: A\n---\nname: B\n").message


def test_an_empty_file_is_an_error():
    """Nothing to check is an input error, not an empty profile."""
    assert "empty" in problem("# just a comment\n").message


def test_invalid_yaml_reports_where():
    """Syntax errors carry libyaml's line and column."""
    p = problem("name: A\n  bad: indent\n")
    assert p.line == 2 and "not valid YAML" in p.message


def test_a_byte_order_mark_is_accepted():
    """Editors on some systems write one; it is harmless."""
    assert read_bytes("p.yaml", "\ufeffname: A\n".encode()) == "name: A\n"


def test_invalid_utf8_is_reported_at_its_line_and_column():
    """A stray Latin-1 byte is located, not a traceback."""
    with pytest.raises(InputError) as caught:
        read_bytes("p.yaml", b"name: A\nplace: Bogot\xe1\n")
    p = caught.value.problems[0]
    assert (p.line, p.col) == (2, 13) and "UTF-8" in p.message


def test_binary_data_is_refused():
    """A NUL byte means this is not a text file at all."""
    with pytest.raises(InputError, match="binary"):
        read_bytes("p.yaml", b"\x00\x01\x02")


def test_files_over_the_size_limit_are_refused_before_parsing():
    """The limit is documented and can be raised with --max-bytes."""
    with pytest.raises(InputError, match="larger than the 10-byte limit"):
        read_bytes("p.yaml", b"name: far too long\n", max_bytes=10)


def test_a_stream_splits_at_document_markers_keeping_line_numbers():
    """Each document of a `---` stream is parsed alone and reports lines of the whole stream."""
    raw = b"name: A\n---\nname: B\n---\n\nname: C\n"
    chunks = list(stream_documents(io.BytesIO(raw), "-"))
    assert [chunk.line_offset for chunk in chunks] == [0, 1, 3]
    offset, chunk = chunks[2].line_offset, chunks[2].raw
    doc = load_chunk(chunk.decode(), "-", offset)
    assert doc.data == {"name": "C"} and doc.source.value_position(("name",)) == (6, 7)
