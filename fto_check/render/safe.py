"""Text from input, made harmless to whatever reads the output: the one home for escaping.

A profile's strings (names, source titles and URLs, incident ids) and the names of files reach
terminals, spreadsheets, browsers and line-oriented tools. None of them may be able to act on
it, so every renderer passes what came from input through one of these:

- `terminal` — for anything a terminal or a line-oriented reader shows (text reports, tables,
  the tour, messages on stderr): control characters (C0 but tab, DEL, C1), bidirectional
  overrides, embeddings, isolates and marks, the line and paragraph separators, and the bytes
  of a file name that are not UTF-8 are written as escapes (`\\x1b`, `\\u202e`, `\\xff`). A
  terminal cannot be driven (title, screen, hyperlinks), a line cannot be forged, and text
  cannot be reordered on screen (Trojan Source).
- `csv_cell` — `terminal`, then OWASP's neutralization of formulas: a cell beginning with
  `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a spreadsheet
  shows it as text instead of evaluating it.
- `markdown` — `terminal`, then HTML's `&`, `<` and `>` as entities and the Markdown that
  could make a link, an image, a code span or a table cell (`\\ ` | ](`) backslash-escaped:
  text stays text, never a tag, a link or an image (emphasis, `*` and `_`, is left: it is
  harmless, and a field name like `as_of` reads as written). `markdown_code` is a code span
  the text cannot close; `markdown_link`, an autolink for an http(s) URL, and escaped text
  for anything else.
- `json` — JSON already escapes C0; this also escapes what it leaves raw and a terminal or a
  line-splitting reader would act on (DEL, C1, U+2028/U+2029, bidirectional controls), with
  JSON's own `\\uXXXX`, so the data read back is exactly the data written.

Each is a no-op (the same string back) on text without such characters, and safe to apply
twice: an escape is itself plain ASCII. And `escape_what_streams_cannot_encode`, set at
start-up, has standard output and error write what their encoding cannot say as `\\uXXXX`.
"""

from __future__ import annotations

import re
from functools import cache

# What a terminal or a line-oriented reader would act on, rather than show. Compiled when
# first needed: most text has none of it, and says so faster (`str.isprintable`, in C: none
# of these is printable) than a search, or a `check` would pay ~1 ms at start-up for them.
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_UNSAFE = f"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029{_BIDI}\ud800-\udfff]"
# JSON escapes C0 itself; the rest of the above it writes raw (surrogates it cannot write).
_JSON_UNSAFE = f"[\x7f-\x9f\u2028\u2029{_BIDI}]"
# A link or an image needs `](` or `][` (a reference's definition is a line of its own, which no
# escaped text can start): escaping that `]` is enough, and `[]` stays as written.
_MARKDOWN = r"[\\`|&<>]|\](?=[(\[])"
_MARKDOWN_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # OWASP, "CSV Injection"
_HTTP_URL = r"(?i)https?://[^\s<>\"'`\\]+"


def _escape(match: re.Match) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return {0x0A: "\\n", 0x0D: "\\r"}.get(code) or f"\\x{code:02x}"
    return f"\\u{code:04x}"


def terminal(text: str) -> str:
    """`text` with every character a terminal would act on written as a visible escape."""
    if text.isprintable():
        return text
    return _compiled(_UNSAFE).sub(_escape, text)


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def lines(text: str) -> str:
    """Several lines, each made safe with `terminal` (the breaks between them kept)."""
    return "\n".join(terminal(line) for line in text.split("\n"))


def csv_cell(text: str) -> str:
    """A CSV cell that a spreadsheet shows as text: escaped, and never read as a formula."""
    formula = text.startswith(FORMULA_PREFIXES)  # before escaping: a CR is one of them
    text = terminal(text)
    return "'" + text if formula or text.startswith(FORMULA_PREFIXES) else text


def markdown(text: str) -> str:
    """Text for Markdown that renders as this text: no HTML, link, image or code span."""
    return _compiled(_MARKDOWN).sub(_markdown_escape, terminal(text))


def _markdown_escape(match: re.Match) -> str:
    return _MARKDOWN_ENTITIES.get(match[0]) or "\\" + match[0]


def markdown_code(text: str, *, table: bool = False) -> str:
    """A Markdown code span of `text` that the text cannot close (in a table, `|` escaped)."""
    text = terminal(text)
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith(("`", " ")) or text.endswith(("`", " ")):
        text = f" {text} "
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def markdown_link(url: str) -> str:
    """An autolink for an http(s) URL; anything else (javascript:, data:, …) as plain text."""
    if url.isprintable() and _compiled(_HTTP_URL).fullmatch(url):
        return f"<{url}>"
    return markdown(url)


def json(text: str) -> str:
    """JSON text with the characters JSON leaves raw but readers act on as `\\uXXXX` escapes.

    Only for JSON text: outside strings JSON has none of these characters, and inside them the
    escape means the same character, so the data read back is unchanged.
    """
    if text.isascii() and "\x7f" not in text:  # both in C, both fast
        return text
    return _compiled(_JSON_UNSAFE).sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def escape_what_streams_cannot_encode() -> None:
    """What a standard stream's encoding cannot say (PYTHONIOENCODING=ascii, a C locale) is
    written as `\\uXXXX` rather than failing: valid inside a JSON string, legible in text."""
    import codecs
    import sys

    def escape(error: UnicodeError) -> tuple[str, int]:
        assert isinstance(error, UnicodeEncodeError)
        text = error.object[error.start : error.end]
        escaped = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else _pair(c) for c in text)
        return escaped, error.end

    codecs.register_error("fto-check-escape", escape)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="fto-check-escape")


def _pair(c: str) -> str:
    """A character beyond the BMP as JSON writes it: a surrogate pair."""
    code = ord(c) - 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
