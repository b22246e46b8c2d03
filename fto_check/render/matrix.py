"""The criteria × profiles matrix of `fto-check batch`: one row per profile, in five formats.

A row is a small flat dict, built from a report as soon as it exists (reports are not kept, so
a batch's memory does not grow with its size). Every writer streams: it writes each row as it
comes, and `close()` ends the document (the closing bracket of a JSON array, the last rows of
a table).
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from fto_check.base.errors import InputError
from fto_check.reasoning.expect import outcome
from fto_check.reasoning.findings import Finding, Report
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status

# (key in a row, table header, CSV/Markdown header); status columns follow `expect.outcome`.
STATUS_COLUMNS = (
    ("A", "(A)", "A"),
    ("B.terrorist-activity", "B:act", "B terrorist activity"),
    ("B.terrorism", "B:terr", "B terrorism"),
    ("B.capability-and-intent", "B:c&i", "B capability and intent"),
    ("B", "(B)", "B"),
    ("C", "(C)", "C"),
)
FIELDS = ("path", "name", "as_of", *(k for k, _, _ in STATUS_COLUMNS), "verdict", "reason", "error")
CHECK_FIELDS = ("expected", "diff")  # added by --check-expected
FORMATS = ("table", "json", "jsonl", "csv", "markdown")
LETTERS = {"1189(a)(1)(A)": "A", "1189(a)(1)(B)": "B", "1189(a)(1)(C)": "C"}
MARK = {MET: "✓", NOT_MET: "✗", UNDETERMINED: "?"}
STYLE = {MET: "green", NOT_MET: "red", UNDETERMINED: "yellow"}


# ---------------------------------------------------------------- rows


def row(report: Report, path: str) -> dict[str, Any]:
    """The matrix row for one report: statuses per criterion and route, and why it fails."""
    found = outcome(report)
    return {
        "path": path,
        "name": report.name,
        "as_of": report.as_of,
        **{key: found[key].value if key in found else None for key, _, _ in STATUS_COLUMNS},
        "verdict": report.verdict.value,
        "reason": first_reason(report),
        "error": None,
    }


def error_row(path: str, error: InputError | str) -> dict[str, Any]:
    """The row for an input that could not be judged: its `path:line:col: message` lines."""
    message = "; ".join(map(str, error.problems)) if isinstance(error, InputError) else error
    return {**dict.fromkeys(FIELDS), "path": path, "error": message}


def first_reason(report: Report) -> str:
    """Why the verdict is not met: the first criterion that decided it, down to one leaf.

    Below an all-of the first part with the verdict's status decided it. Below an any-of every
    alternative failed, so the one nearest to succeeding is followed: the fewest leaves to
    change, then the most already met, then the most facts behind it (the most specific reason).
    """
    verdict = report.verdict
    if verdict is MET:
        return ""
    node = next(c for c in report.criteria.children if c.status is verdict)
    letter, subject = LETTERS[node.rule], ""
    known: dict[int, tuple[int, int, int]] = {}  # each subtree measured once, not once per level
    while True:
        candidates = [c for c in node.children if c.status is verdict]
        if not candidates:  # a leaf, or an asserted (C) finding its children do not explain
            break
        if node.combine == "any-of":
            node = min(candidates, key=lambda c: _distance(c, verdict, known))
        else:
            node = candidates[0]
        subject = node.subject or subject
    where = f"{subject}: " if subject and subject != node.subject else ""
    return f"({letter}) {where}{_label(node)} — {node.reason}"


def _distance(
    finding: Finding, status: Status, known: dict[int, tuple[int, int, int]]
) -> tuple[int, int, int]:
    """(leaves with `status` to change, -leaves met, -facts used) below `finding`."""
    found = known.get(id(finding))
    if found is not None:
        return found
    if not finding.children:
        is_status, is_met = finding.status is status, finding.status is MET
        found = (1 if is_status else 0, -1 if is_met else 0, -len(finding.facts))
    else:
        parts = [_distance(c, status, known) for c in finding.children]
        if finding.combine == "any-of":
            found = min(parts)
        else:  # each part is a (changes, -met, -facts) triple: add them up term by term
            found = tuple(map(sum, zip(*parts, strict=True)))
    known[id(finding)] = found
    return found


def _label(finding: Finding) -> str:
    return finding.subject or finding.title


# ---------------------------------------------------------------- writers


# One encoder for every row: `json.dumps` with any option set builds a new one per call.
_json = json.JSONEncoder(ensure_ascii=False).encode


class JsonLines:
    """One JSON object per line: streamable, and easy to read back (`jq`, pandas)."""

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.out, self.fields = out, fields

    def write(self, r: dict[str, Any]) -> None:
        self.out.write(_json({k: r.get(k) for k in self.fields}) + "\n")

    def close(self) -> None:
        pass


class JsonArray(JsonLines):
    """A JSON array of rows, written element by element: the `]` comes with `close()`."""

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        super().__init__(out, fields)
        self.count = 0
        out.write("[")

    def write(self, r: dict[str, Any]) -> None:
        self.out.write(",\n  " if self.count else "\n  ")
        self.out.write(_json({k: r.get(k) for k in self.fields}))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")


def _label_of(value: str | None) -> str:
    return Status(value).label if value else ""


class Csv:
    """RFC 4180 CSV with a header row; statuses as people write them ('not met')."""

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.fields = fields
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow([_header(f) for f in fields])

    def write(self, r: dict[str, Any]) -> None:
        self.writer.writerow([_cell(f, r.get(f)) for f in self.fields])

    def close(self) -> None:
        pass


class Markdown:
    """A GitHub-flavoured Markdown table, for reports and pull requests."""

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.out, self.fields = out, fields
        out.write("| " + " | ".join(_header(f) for f in fields) + " |\n")
        out.write("|" + "---|" * len(fields) + "\n")

    def write(self, r: dict[str, Any]) -> None:
        cells = (_cell(f, r.get(f)).replace("|", "\\|").replace("\n", " ") for f in self.fields)
        self.out.write("| " + " | ".join(cells) + " |\n")

    def close(self) -> None:
        pass


_HEADERS = {key: long for key, _, long in STATUS_COLUMNS} | {"as_of": "as of"}


def _header(field: str) -> str:
    return _HEADERS.get(field, field)


def _cell(field: str, value: Any) -> str:
    if value is None:
        return ""
    if (field in _HEADERS and field != "as_of") or field == "verdict":
        return _label_of(value)
    return str(value)


class Table:
    """The criteria × profiles matrix as a rich table, printed in blocks as rows arrive.

    Column widths are fixed from the console width, so the blocks line up as one table while
    no more than `block` rows are ever held.
    """

    def __init__(self, out: IO[str], fields: tuple[str, ...], *, color: bool, block: int = 50):
        from rich.console import Console

        self.console = Console(
            file=out,
            force_terminal=color,
            no_color=not color,
            width=None if color else 200,
            highlight=False,
            soft_wrap=False,
        )
        self.check = "expected" in fields
        self.wrap = not color
        self.rows: list[dict[str, Any]] = []
        self.block, self.printed = block, False
        columns = 3 + len(STATUS_COLUMNS) + 1 + self.check  # + profile, as of, verdict, why
        fixed = 10 + 6 * len(STATUS_COLUMNS) + 14 + 6 * self.check
        spare = self.console.width - fixed - (2 * columns - 2)  # one space each side, no edges
        self.name_width = max(16, min(36, spare // 3))
        self.reason_width = max(20, spare - self.name_width)

    def write(self, r: dict[str, Any]) -> None:
        self.rows.append(r)
        if len(self.rows) >= self.block:
            self._flush()

    def close(self) -> None:
        self._flush(last=True)

    def _flush(self, last: bool = False) -> None:
        from rich.table import Table as RichTable
        from rich.text import Text

        if not self.rows and (self.printed or not last):
            return
        table = RichTable(
            box=None,  # no rules: blocks printed one under another read as one table
            show_header=not self.printed,
            pad_edge=False,
            header_style="bold underline",
        )
        table.add_column("profile", width=self.name_width, no_wrap=True, overflow="ellipsis")
        table.add_column("as of", width=10, no_wrap=True)
        for _, short, _ in STATUS_COLUMNS:
            table.add_column(short, width=6, no_wrap=True, justify="center")
        table.add_column("verdict", width=14, no_wrap=True)
        if self.check:
            table.add_column("expect", width=6, no_wrap=True)
        # On a terminal a row stays one line; in a file the reason wraps rather than being cut.
        table.add_column(
            "why not",
            width=self.reason_width,
            no_wrap=self.wrap is False,
            overflow="ellipsis" if self.wrap is False else "fold",
        )
        for r in self.rows:
            table.add_row(*self._cells(r, Text))
        self.console.print(table)
        self.rows.clear()
        self.printed = True

    def _cells(self, r: dict[str, Any], Text) -> list:
        if r["error"]:
            cells = [Text(r["path"]), Text("")] + [Text("")] * len(STATUS_COLUMNS)
            cells.append(Text("error", style="bold red"))
            if self.check:
                cells.append(Text("✗", style="red"))
            return [*cells, Text(r["error"], style="red")]
        cells = [Text(r["name"] or r["path"]), Text(r["as_of"] or "")]
        for key, _, _ in STATUS_COLUMNS:
            value = r[key]
            status = Status(value) if value else None
            cells.append(Text(MARK[status], style=STYLE[status]) if status else Text("–", "dim"))
        verdict = Status(r["verdict"])
        cells.append(Text(f"{MARK[verdict]} {verdict.label}", style=f"bold {STYLE[verdict]}"))
        if self.check:
            ok = r.get("expected") == "ok"
            cells.append(Text("✓" if ok else "✗", style="green" if ok else "red"))
        return [*cells, Text(r["reason"] or "")]


WRITERS = {"jsonl": JsonLines, "json": JsonArray, "csv": Csv, "markdown": Markdown}


def writer(fmt: str, out: IO[str], *, check: bool = False, color: bool = False):
    """A streaming writer for `fmt` (one of FORMATS) writing to `out`."""
    fields = FIELDS + (CHECK_FIELDS if check else ())
    if fmt == "table":
        return Table(out, fields, color=color)
    return WRITERS[fmt](out, fields)
