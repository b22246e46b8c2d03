"""What `fto-check batch` writes: a table laid out for the terminal's width, and the same rows,
warnings included, in every format, spelled as docs/vocabulary.md says."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from fto_check.cli.app import app
from fto_check.render.matrix import FIELDS, LEGEND, short_paths

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

PROFILE = """\
name: Test Front
as_of: {as_of}
organization: {{is_group: true, dissolved: false, subnational_group: true}}
foreign: {{formed_in: XK, headquarters_in: {base}, organized_under_us_law: false}}
incidents:
  - date: 2024-03-02
    involves: [explosive]
    unlawful_where_committed: true
    intent_to_endanger: true
    intent_to_kill_or_injure: true
    motives: [political]
    premeditated: true
    violent: true
    targets: [civilians]
    us_nationals_harmed: true
    role: [committed]
threat_to_us: {{us_nationals: true, arises_from: [terrorist-activity]}}
"""


@pytest.fixture
def pair(tmp_path):
    """A minimal pair of profiles with the same name: met abroad, not met at home."""
    folder = tmp_path / "pairs"
    folder.mkdir()
    (folder / "front-abroad.yaml").write_text(PROFILE.format(as_of="2024-06-30", base="XK"))
    (folder / "front-at-home.yaml").write_text(PROFILE.format(as_of="2024-06-30", base="US"))
    return folder


@pytest.fixture
def early(tmp_path):
    """A profile whose incident comes after its as_of: a warning, and the row still judged."""
    path = tmp_path / "early.yaml"
    path.write_text(PROFILE.format(as_of="2024-01-01", base="XK"))
    return path


def batch(*args: str, columns: int = 80):
    return runner.invoke(app, ["batch", *args], env={"COLUMNS": str(columns)})


def table(*args: str, columns: int) -> list[str]:
    result = batch("-f", "table", *args, columns=columns)
    assert result.exit_code in (0, 1, 3), result.output
    return result.stdout.splitlines()


# ---------------------------------------------------------------- the table


@pytest.mark.parametrize("columns", [80, 120])
def test_the_table_fits_the_terminal_width(columns):
    """No line of the table is wider than the terminal, at 80 columns as at 120."""
    lines = table(str(EXAMPLES), columns=columns)
    assert max(cell_len(line) for line in lines) <= columns


@pytest.mark.parametrize("columns", [80, 120])
def test_each_row_names_its_file_so_a_minimal_pair_never_looks_alike(pair, columns):
    """Two profiles of the same name are told apart by their paths, shown in full."""
    out = "\n".join(table(str(pair), columns=columns))
    assert re.search(r"^front-abroad\s.*✓ met", out, re.M)
    assert re.search(r"^front-at-home\s.*✗ not met", out, re.M)


@pytest.mark.parametrize("columns", [80, 120])
def test_a_legend_says_what_the_marks_and_route_columns_mean(pair, columns):
    out = " ".join(table(str(pair), columns=columns))
    for words in ("✓ met", "✗ not met", "? undetermined", "– not yet law", "act, terr, c&i"):
        assert words in " ".join(out.split())


def test_at_120_columns_why_not_is_a_column_and_at_80_a_line_under_its_row(pair):
    """The reason a profile fails sits beside its row where there is room, else under it."""
    wide = table(str(pair), columns=120)
    row = next(line for line in wide if line.startswith("front-at-home"))
    assert "(A) foreign" in row
    narrow = table(str(pair), columns=80)
    at = next(i for i, line in enumerate(narrow) if line.startswith("front-at-home"))
    assert "(A)" not in narrow[at].split("not met")[1]
    assert narrow[at + 1].lstrip().startswith("why not: (A) foreign")


def test_every_example_is_named_by_the_shortest_unique_form_of_its_path():
    out = "\n".join(table(str(EXAMPLES), columns=120))
    for path in EXAMPLES.rglob("*.yaml"):
        assert re.search(rf"^{re.escape(path.stem)}\s", out, re.M), path.stem


def test_a_short_path_keeps_the_folders_it_takes_to_be_unique():
    paths = ["a/2024/acme.yaml", "a/2025/acme.yaml", "a/2025/zeta.yaml", "<stdin>:4"]
    assert short_paths(paths) == {
        "a/2024/acme.yaml": "2024/acme",
        "a/2025/acme.yaml": "2025/acme",
        "a/2025/zeta.yaml": "zeta",
        "<stdin>:4": "<stdin>:4",
    }
    assert short_paths(["x/a.yaml", "x/a.yml"]) == {"x/a.yaml": "x/a.yaml", "x/a.yml": "x/a.yml"}


def test_the_legend_names_every_route_column():
    assert all(short in LEGEND for short in ("act", "terr", "c&i"))


# ---------------------------------------------------------------- warnings


def test_a_warning_is_a_field_of_the_row_in_json_and_jsonl(early):
    for fmt in ("jsonl", "json"):
        out = batch("-f", fmt, str(early)).stdout
        rows = json.loads(out) if fmt == "json" else [json.loads(line) for line in out.splitlines()]
        (warning,) = rows[0]["warnings"]
        assert re.fullmatch(rf"{re.escape(str(early))}:6:\d+: incident dated 2024-03-02, "
                            r"after as_of 2024-01-01: not counted", warning)  # fmt: skip


def test_a_warning_is_a_column_in_csv_and_markdown(early):
    (row,) = csv.DictReader(io.StringIO(batch("-f", "csv", str(early)).stdout))
    assert "after as_of 2024-01-01: not counted" in row["warnings"]
    markdown = batch("-f", "markdown", str(early)).stdout.splitlines()
    header = [c.strip() for c in markdown[0].strip("|").split("|")]
    cells = [c.strip() for c in markdown[2].strip("|").split("|")]
    assert "after as_of 2024-01-01" in cells[header.index("warnings")]


def test_a_warning_is_a_line_under_its_row_in_the_table(early):
    lines = table(str(early), columns=80)
    assert any("warning: line 6: incident dated 2024-03-02" in line for line in lines)


def test_warnings_are_counted_on_standard_error(early, pair):
    result = batch(str(early), str(pair))
    assert "; 1 warning (in the rows' warnings); " in result.stderr.splitlines()[-1]
    assert "warning" not in batch(str(pair)).stderr


# ---------------------------------------------------------------- one vocabulary


def test_csv_and_markdown_headers_are_the_json_keys():
    keys = list(json.loads(batch("-f", "jsonl", str(EXAMPLES)).stdout.splitlines()[0]))
    assert keys == list(FIELDS)
    assert next(csv.reader(io.StringIO(batch("-f", "csv", str(EXAMPLES)).stdout))) == keys
    header = batch("-f", "markdown", str(EXAMPLES)).stdout.splitlines()[0]
    assert [c.strip() for c in header.strip("|").split("|")] == keys


def test_statuses_are_spelled_alike_in_json_csv_and_markdown():
    statuses = {"met", "not_met", "undetermined"}
    status_keys = ["A", "B.terrorist-activity", "B.terrorism", "B.capability-and-intent", "B", "C"]
    jsonl = [json.loads(line) for line in batch("-f", "jsonl", str(EXAMPLES)).stdout.splitlines()]
    assert {r[k] for r in jsonl for k in [*status_keys, "verdict"]} <= statuses | {None}
    rows = list(csv.DictReader(io.StringIO(batch("-f", "csv", str(EXAMPLES)).stdout)))
    assert {r[k] for r in rows for k in [*status_keys, "verdict"]} <= statuses | {"–"}
    assert {r["verdict"] for r in rows} == statuses


def test_a_route_not_yet_law_is_null_in_json_and_a_dash_where_the_table_shows_one():
    """Before 26 October 2001 (B) had one route: the others are null in JSON, – elsewhere."""
    old = EXAMPLES / "public-record" / "farc-1997-designation.yaml"
    (row,) = [json.loads(line) for line in batch("-f", "jsonl", str(old)).stdout.splitlines()]
    assert row["B.terrorism"] is None
    (row,) = csv.DictReader(io.StringIO(batch("-f", "csv", str(old)).stdout))
    assert row["B.terrorism"] == row["B.capability-and-intent"] == "–"
    markdown = batch("-f", "markdown", str(old)).stdout.splitlines()
    assert "| – | – |" in markdown[2]
    (line,) = [line for line in table(str(old), columns=80) if line.startswith(old.stem)]
    assert re.search(r"\s–\s+–\s", line)


def test_an_error_row_leaves_the_statuses_blank_not_dashed(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: X\norganization: {is_group: maybe}\n")
    (row,) = csv.DictReader(io.StringIO(batch("-f", "csv", str(bad)).stdout))
    assert row["A"] == row["verdict"] == "" and "is_group" in row["error"]
