"""Outputs that cannot attack their reader (issue 16 §4), as a property: random strings, made of
every C0 and C1 control, the bidirectional controls, the line separators, the CSV formula
prefixes and pieces of HTML and Markdown, put where a profile puts text (its name, aliases,
description, a source's key, title and URL, an incident's id), go through every output format
of `check`, `batch`, the memo and `tour`, and through the messages of a profile refused. None
reaches the output raw: a terminal is not driven, a line is not forged, a spreadsheet does not
evaluate, and the Markdown, rendered by a real renderer (markdown-it-py), has no raw HTML and
no link but to http(s).
"""

from __future__ import annotations

import contextlib
import copy
import csv
import io
import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from profiles import COMPLETE
from typer.testing import CliRunner

from fto_check.batch import Item
from fto_check.batch.jobs import Reports, Rows
from fto_check.cli.app import app
from fto_check.cli.commands import tour
from fto_check.render import matrix

CONTROLS = [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))]
BIDI = [chr(c) for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
PIECES = [
    *CONTROLS,
    *BIDI,
    "\u2028",
    "\u2029",
    "=",
    "+",
    "-",
    "@",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "<javascript:alert(1)>",
    "![x](http://evil.example/x.png)",
    "\x1b]8;;https://evil.example/\x1b\\",
    "\x1b[2J",
    "`",
    "|",
    "*",
    "_",
    "&amp;",
    "\\",
    "javascript:",
]
hostile = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), min_size=1, max_size=8).map(
    "".join
)
# Raw, these characters are what a terminal or a line-splitting reader acts on (tab is text).
RAW = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{''.join(BIDI)}]")
SGR = re.compile(r"\x1b\[[0-9;]*m")  # rich's own colours, in the colour text report


def profile(name: str, title: str, url: str, key: str, incident: str) -> dict:
    data = copy.deepcopy(COMPLETE)
    data["name"] = name
    data["aliases"] = [title]
    data["description"] = url
    data["sources"] = {key: {"title": title, "url": url, "date": "2024-03-03"}}
    data["incidents"][0]["id"] = incident
    data["incidents"][0]["sources"] = [key]
    data["organization"]["is_group"] = {"value": True, "sources": [key]}
    data["threat_to_us"].pop("us_nationals")  # (C) undetermined: what would meet it is said
    return data


texts = st.tuples(hostile, hostile, hostile, hostile, hostile)


def assert_safe_for_a_terminal(output: str, *, colour: bool = False) -> None:
    if colour:
        output = SGR.sub("", output)
    found = RAW.search(output)
    assert found is None, (
        f"raw {found[0]!r} in {output[max(0, found.start() - 40) : found.end() + 40]!r}"
    )


def assert_safe_markdown(markdown: str) -> None:
    assert_safe_for_a_terminal(markdown)
    parser = MarkdownIt("commonmark").enable("table")
    for token in parser.parse(markdown):
        for t in (token, *(token.children or ())):
            assert t.type not in ("html_block", "html_inline", "image"), t
            if t.type == "link_open":
                assert str(t.attrs["href"]).startswith(("http://", "https://")), t


def written(path, data: dict) -> str:
    path.write_text(flow_yaml(data), encoding="utf-8")
    return str(path)


def flow_yaml(value) -> str:
    """`value` as YAML in flow style, every string double-quoted with what YAML cannot hold
    raw (controls, line breaks, surrogates' stand-ins) as escapes: how a hostile profile
    smuggles any character into a value."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{flow_yaml(k)}: {flow_yaml(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(flow_yaml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    return '"' + "".join(_yaml_char(c) for c in value) + '"'


def _yaml_char(c: str) -> str:
    code = ord(c)
    if c in '"\\':
        return "\\" + c
    if 0x20 <= code <= 0x7E or (0xA0 <= code <= 0xD7FF and code not in (0x2028, 0x2029)):
        return c
    if (0xE000 <= code <= 0xFFFD and code != 0xFEFF) or code >= 0x10000:
        return c
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
def test_no_string_from_a_profile_reaches_any_output_raw(tmp_path, strings):
    name, title = strings[:2]
    data = profile(*strings)
    path = written(tmp_path / "p.yaml", data)
    item = Item(path, path)

    # check: text, text in colour, JSON, the memo (Markdown); with what would meet each criterion
    for fmt in ("text", "rich", "json", "markdown"):
        outcome = Reports(fmt, None, {}, 1_000_000, why_not=True)(item)
        assert outcome.error is None, outcome.error
        if fmt == "markdown":
            assert_safe_markdown(outcome.text)
        else:
            assert_safe_for_a_terminal(outcome.text, colour=fmt == "rich")
        if fmt == "json":
            report = json.loads(outcome.text)
            assert report["name"] == name  # escaped the JSON way: the data is unchanged
            sources = {
                s["title"]
                for f in _walk(report["criteria"])
                for u in f["facts"]
                for s in u["sources"]
            }
            assert title in sources

    # batch: every format of the matrix
    row = Rows(None, {}, 1_000_000, False)(item)
    for fmt in matrix.FORMATS:
        out = io.StringIO()
        writer = matrix.writer(fmt, out, color=fmt == "table")
        writer.write(row)
        writer.close()
        text = out.getvalue()
        if fmt == "markdown":
            assert_safe_markdown(text)
        else:
            assert_safe_for_a_terminal(text, colour=fmt == "table")
        if fmt == "jsonl":
            (line,) = text.splitlines()
            assert json.loads(line)["name"] == name
        if fmt == "csv":
            records = list(csv.reader(io.StringIO(text)))
            assert len(records) == 2 == len(text.splitlines())
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in records[1])

    # tour, as printed
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert tour.run(path, pause=False, as_of=None, readings=[]) == 0
    assert_safe_for_a_terminal(out.getvalue())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts)
def test_no_string_from_a_refused_profile_reaches_its_error_message_raw(tmp_path, strings):
    """Unknown fields and sources, wrong values: the messages name them, escaped."""
    name, title, _, _, incident = strings
    data = profile(*strings)
    data["organization"][title] = True  # an unknown field named by the input
    data["incidents"][0]["sources"] = [incident]  # an unknown source
    data["foreign"]["formed_in"] = name  # not a country
    path = written(tmp_path / f"p{len(name)}.yaml", data)
    result = CliRunner().invoke(app, ["check", path])
    assert result.exit_code == 2
    assert_safe_for_a_terminal(result.stderr)
    result = CliRunner().invoke(app, ["batch", "-f", "csv", path])
    assert_safe_for_a_terminal(result.stdout + result.stderr)


def _walk(finding: dict):
    yield finding
    for child in finding["children"]:
        yield from _walk(child)
