"""render/safe.py, the one home for escaping: each helper on what it is for (docs/hostile-input.md,
"Outputs that cannot attack their reader")."""

from __future__ import annotations

import csv
import io
import json

import pytest
from markdown_it import MarkdownIt

from fto_check.render import safe

C0 = [chr(c) for c in range(0x20) if c != 0x09]  # tab is text
C1 = [chr(c) for c in range(0x7F, 0xA0)]  # DEL and C1
BIDI = [chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
SEPARATORS = ["\u2028", "\u2029"]
UNSAFE = C0 + C1 + BIDI + SEPARATORS


@pytest.mark.parametrize("char", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
def test_every_control_bidi_and_separator_character_is_written_as_a_visible_escape(char):
    shown = safe.terminal(f"a{char}b")
    assert shown.isascii() and shown.isprintable()
    assert shown.startswith("a\\") and shown.endswith("b")


def test_a_terminal_escape_sequence_is_shown_not_sent():
    name = "Evil\x1b]0;TITLE\x07\x1b[2J\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
    assert safe.terminal(name) == (
        "Evil\\x1b]0;TITLE\\x07\\x1b[2J\\x1b]8;;https://evil.example/\\x1b\\click\\x1b]8;;\\x1b\\"
    )


def test_a_newline_cannot_forge_a_line():
    assert safe.terminal("a.yaml\nerror: forged") == "a.yaml\\nerror: forged"


def test_the_bytes_of_a_file_name_that_are_not_utf8_are_shown_as_bytes():
    name = b"caf\xe9.yaml".decode("utf-8", "surrogateescape")  # as os.listdir gives it
    assert safe.terminal(name) == "caf\\xe9.yaml"


def test_text_without_such_characters_is_left_alone_and_escaping_twice_changes_nothing():
    for text in ("Cártel del Noreste", "名前 — § 1189(a)(1)", "tab\tkept"):
        assert safe.terminal(text) == text
    once = safe.terminal("\x1b[31mred\u202e")
    assert safe.terminal(once) == once


@pytest.mark.parametrize("prefix", safe.FORMULA_PREFIXES, ids=repr)
def test_a_csv_cell_beginning_with_a_formula_prefix_is_text_to_a_spreadsheet(prefix):
    """OWASP, "CSV Injection": = + - @ tab and carriage return start a formula in spreadsheets."""
    cell = safe.csv_cell(f'{prefix}HYPERLINK("https://evil.example","x")')
    assert cell.startswith("'")
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([cell, "next"])
    (row,) = csv.reader(io.StringIO(buffer.getvalue()))
    assert row[0] == cell and not row[0].startswith(safe.FORMULA_PREFIXES)
    assert buffer.getvalue().count("\n") == 1  # one record, one line


def test_a_csv_cell_with_a_nul_or_a_line_break_stays_one_line():
    assert safe.csv_cell("a\x00b\nc\r") == "a\\x00b\\nc\\r"


def test_a_cell_that_only_looks_like_a_number_or_a_date_is_left_alone():
    assert safe.csv_cell("2024-06-30") == "2024-06-30"
    assert safe.csv_cell("not met") == "not met"


def _tokens(markdown: str):
    parser = MarkdownIt("commonmark").enable("table")
    for token in parser.parse(markdown):
        yield token
        yield from token.children or ()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "![x](https://evil.example/x.png)",
        "<javascript:alert(1)>",
        "&lt;script&gt;",
        "x | y",
        "`code` and as_of",
    ],
)
def test_markdown_text_is_text_no_tag_link_image_or_code(text):
    """Emphasis (`*a*`, `_a_`) is left as Markdown reads it: harmless, and `as_of` stays as
    written."""
    tokens = list(
        _tokens(f"| a | b |\n|---|---|\n| {safe.markdown(text)} | x |\n\n{safe.markdown(text)}")
    )
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline"}
    assert [t.content for t in tokens if t.type == "text"].count(text) == 2


def test_a_code_span_cannot_be_closed_by_its_text():
    for text in ("a`b", "``", "`x`", "a | b"):
        tokens = [t for t in _tokens(safe.markdown_code(text)) if t.type == "code_inline"]
        assert [t.content for t in tokens] == [text]


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/x?a=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD4=", False),
        ("https://evil.example/\u202egnp.exe", False),
        ("https://x.example/<script>", False),
    ],
)
def test_only_an_http_or_https_url_becomes_a_link(url, linked):
    links = [t.attrs.get("href") for t in _tokens(safe.markdown_link(url)) if t.type == "link_open"]
    assert bool(links) is linked
    assert all(str(href).startswith(("http://", "https://")) for href in links)


def test_json_escapes_what_json_leaves_raw_and_reads_back_the_same():
    value = "a\x85b\u2028c\u2029d\u202ee\x9bf\x7f"
    text = safe.json(json.dumps({"v": value}, ensure_ascii=False))
    assert text.isascii()
    assert len(text.splitlines()) == 1  # str.splitlines also splits at U+0085 and U+2028
    assert json.loads(text) == {"v": value}


def test_json_escapes_del_too():
    assert safe.json('{"v": "a\x7fb"}') == '{"v": "a\\u007fb"}'
