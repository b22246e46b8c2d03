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
from fto_check.render import safe

# (key in a row and every machine-readable header, table header, what the legend says of it).
# Keys and statuses are spelled as docs/vocabulary.md says, the same in JSON, JSONL, CSV and
# Markdown; status columns follow `expect.outcome`.
STATUS_COLUMNS = (
    ("A", "(A)", ""),
    ("B.terrorist-activity", "act", "terrorist activity (§ 1182(a)(3)(B))"),
    ("B.terrorism", "terr", "terrorism (§ 2656f(d)(2))"),
    ("B.capability-and-intent", "c&i", "capability and intent"),
    ("B", "(B)", ""),
    ("C", "(C)", ""),
)
FIELDS = (
    "path",
    "name",
    "as_of",
    *(k for k, _, _ in STATUS_COLUMNS),
    "verdict",
    "reason",
    "warnings",
    "error",
)
CHECK_FIELDS = ("expected", "diff")  # added by --check-expected
FORMATS = ("table", "json", "jsonl", "csv", "markdown")
LETTERS = {"1189(a)(1)(A)": "A", "1189(a)(1)(B)": "B", "1189(a)(1)(C)": "C"}
MARK = {MET: "✓", NOT_MET: "✗", UNDETERMINED: "?"}
STYLE = {MET: "green", NOT_MET: "red", UNDETERMINED: "yellow"}
NOT_IN_FORCE = "–"  # a route to (B) that was not yet law on the date: null in JSON
LEGEND = (
    f"✓ met · ✗ not met · ? undetermined · {NOT_IN_FORCE} not yet law on that date · "
    + ", ".join(short for _, short, words in STATUS_COLUMNS if words)
    + ": the routes to (B), by "
    + ", ".join(words for _, _, words in STATUS_COLUMNS if words)
)


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
        "warnings": [f"{path}:{w.line}:{w.col}: {w.message}" for w in report.warnings],
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
    found = deciding_leaf(report)
    if found is None:
        return ""
    letter, subject, node = found
    where = f"{subject}: " if subject and subject != node.subject else ""
    return f"({letter}) {where}{_label(node)} — {node.reason}"


def deciding_leaf(report: Report) -> tuple[str, str, Finding] | None:
    """The criterion's letter, the incident (if any) and the leaf that `first_reason` names;
    None for a verdict met."""
    verdict = report.verdict
    if verdict is MET:
        return None
    criterion = next(c for c in report.criteria.children if c.status is verdict)
    return (LETTERS[criterion.rule], *descend(criterion))


def descend(node: Finding) -> tuple[str, Finding]:
    """The incident (if any) and the leaf that decided `node`'s status: below an all-of, the
    first part with that status; below an any-of, the one nearest to succeeding."""
    status, subject = node.status, ""
    known: dict[int, tuple[int, int, int]] = {}  # each subtree measured once, not once per level
    while True:
        candidates = [c for c in node.children if c.status is status]
        if not candidates:  # a leaf, or an asserted (C) finding its children do not explain
            break
        if node.combine == "any-of":
            node = min(candidates, key=lambda c: _distance(c, status, known))
        else:
            node = candidates[0]
        subject = node.subject or subject
    return subject, node


def _distance(
    finding: Finding, status: Status, known: dict[int, tuple[int, int, int]]
) -> tuple[int, int, int]:
    """(leaves with `status` to change, -leaves met, -facts used) below `finding`.

    A leaf open only because a list the profile gives may be incomplete (it asks to add to
    `means: [firearm]` an agent no one reported) counts as two changes: the fact to ask for
    first is one the profile does not give at all. So does a leaf that asks for a threat stated
    directly (`threat_to_us.us_nationals`, `.arises_from`, …): a conclusion, where a fact of
    what happened (an incident's `us_targets`) would decide the same."""
    found = known.get(id(finding))
    if found is not None:
        return found
    if not finding.children:
        is_status, is_met = finding.status is status, finding.status is MET
        given = {use.path for use in finding.facts}
        extends = bool(finding.missing) and all(path in given for path in finding.missing)
        stated = bool(finding.missing) and all(path in STATED for path in finding.missing)
        found = (
            (2 if extends or stated else 1) if is_status else 0,
            -1 if is_met else 0,
            -len(finding.facts),
        )
    else:
        if finding.combine == "any-of":
            # Undetermined: only the alternatives still open can decide it (one already not met
            # needs no change, and decides nothing).
            open_ = finding.children
            if status is UNDETERMINED:
                open_ = [c for c in open_ if c.status is status] or open_
            found = min(_distance(c, status, known) for c in open_)
        else:  # each part is a (changes, -met, -facts) triple: add them up term by term
            parts = [_distance(c, status, known) for c in finding.children]
            found = tuple(map(sum, zip(*parts, strict=True)))
    known[id(finding)] = found
    return found


# A threat to the United States stated directly, not shown by what happened (model.ThreatToUS).
STATED = frozenset(
    f"threat_to_us.{name}"
    for name in ("us_nationals", "national_defense", "foreign_relations", "economic_interests")
) | {"threat_to_us.arises_from"}


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
        self.out.write(safe.json(_json({k: r.get(k) for k in self.fields})) + "\n")

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
        self.out.write(safe.json(_json({k: r.get(k) for k in self.fields})))
        self.count += 1

    def close(self) -> None:
        self.out.write("\n]\n" if self.count else "]\n")


class Csv:
    """RFC 4180 CSV with a header row: the same field names and statuses as the JSON.

    Every cell is one line, and none is read as a formula by a spreadsheet (`safe.csv_cell`).
    """

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.fields = fields
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(fields)

    def write(self, r: dict[str, Any]) -> None:
        self.writer.writerow([safe.csv_cell(cell(r, f)) for f in self.fields])

    def close(self) -> None:
        pass


class Markdown:
    """A GitHub-flavoured Markdown table, for reports and pull requests."""

    def __init__(self, out: IO[str], fields: tuple[str, ...]) -> None:
        self.out, self.fields = out, fields
        out.write("| " + " | ".join(fields) + " |\n")
        out.write("|" + "---|" * len(fields) + "\n")

    def write(self, r: dict[str, Any]) -> None:
        cells = (safe.markdown(cell(r, f)) for f in self.fields)
        self.out.write("| " + " | ".join(cells) + " |\n")

    def close(self) -> None:
        pass


_STATUS_KEYS = frozenset(key for key, _, _ in STATUS_COLUMNS)


def cell(r: dict[str, Any], field: str) -> str:
    """One field of a row as a CSV or Markdown cell: as in the JSON, a route not yet law `–`
    (as the table shows it), warnings joined by `; `, nothing for null."""
    value = r.get(field)
    if value is None:
        return NOT_IN_FORCE if field in _STATUS_KEYS and not r.get("error") else ""
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return str(value)


class Table:
    """The criteria × profiles matrix laid out for the terminal's width, rows as they come.

    A legend line says what the marks and the route columns mean; each profile is named by the
    shortest form of its path that is still unique (`short_paths`), so the two files of a
    minimal pair never look alike. Where the width leaves room (about 100 columns and more),
    why a profile fails is a column of its own; otherwise, as at 80 columns, it is a line of
    its own under the row, as are its warnings and an input's error. Columns are fixed from the
    width and the paths before the first row, so rows print in blocks and still line up.
    """

    GAP = "  "
    REASON_MIN = 36  # narrower than this, why-not goes under its row

    def __init__(
        self,
        out: IO[str],
        fields: tuple[str, ...],
        *,
        color: bool,
        width: int | None = None,
        paths: list[str] | None = None,
        block: int = 50,
    ):
        from rich.console import Console

        self.console = Console(
            file=out,
            force_terminal=color,
            no_color=not color,
            width=width,
            highlight=False,
            soft_wrap=True,  # lines are laid out here, never re-wrapped
        )
        self.check = "expected" in fields
        self.names = short_paths(paths) if paths else {}
        self.lines: list = []
        self.block, self.started = block, False
        width = self.console.width
        statuses = sum(len(short) for _, short, _ in STATUS_COLUMNS) + len(STATUS_COLUMNS) - 1
        fixed = 10 + statuses + 14 + (6 if self.check else 0)
        gaps = len(self.GAP) * (3 + self.check)
        longest = max((len(n) for n in self.names.values()), default=24)
        room = width - fixed - gaps
        self.path_width = max(12, min(longest, room))
        spare = room - self.path_width - len(self.GAP)
        self.reason_width = spare if spare >= self.REASON_MIN else 0
        self.reason_start = width - spare

    def write(self, r: dict[str, Any]) -> None:
        if not self.started:
            self._start()
        self.lines.extend(self._row(r))
        if len(self.lines) >= self.block:
            self._flush()

    def close(self) -> None:
        if not self.started:
            self._start()
        self._flush()

    def _start(self) -> None:
        from rich.text import Text

        self.started = True
        for line in _fill(LEGEND, self.console.width):
            self.lines.append(Text(line, style="dim"))
        head = [("profile", self.path_width, "left"), ("as of", 10, "left")]
        cells = [Text(_fit(t, w, a), style="bold underline") for t, w, a in head]
        for _, short, _ in STATUS_COLUMNS:
            cells.append(Text(short, style="bold underline"))
        cells.append(Text(_fit("verdict", 14), style="bold underline"))
        if self.check:
            cells.append(Text(_fit("expect", 6), style="bold underline"))
        if self.reason_width:
            cells.append(Text("why not", style="bold underline"))
        self.lines.append(self._join(cells))

    def _join(self, cells: list) -> Any:
        """Cells on one line: two spaces between columns, one between the status columns."""
        from rich.text import Text

        line = Text()
        for i, c in enumerate(cells):
            if i:
                inside = 2 < i <= 1 + len(STATUS_COLUMNS)
                line.append(" " if inside else self.GAP)
            line.append_text(c)
        line.rstrip()
        return line

    def _row(self, r: dict[str, Any]) -> list:
        from rich.text import Text

        name = safe.terminal(self.names.get(r["path"], r["path"]))
        cells = [Text(_fit(name, self.path_width, "path")), Text(_fit(r["as_of"] or "", 10))]
        if r["error"]:
            cells += [Text(" " * len(short)) for _, short, _ in STATUS_COLUMNS]
            cells.append(Text(_fit("error", 14), style="bold red"))
            if self.check:
                cells.append(Text(_fit(" ✗", 6), style="red"))
            return self._with_notes(cells, [("error: ", r["error"], "red")])
        for key, short, _ in STATUS_COLUMNS:
            value = r[key]
            mark, style = (MARK[Status(value)], STYLE[Status(value)]) if value else ("–", "dim")
            left = (len(short) - 1) // 2
            cells.append(Text(" " * left + mark + " " * (len(short) - 1 - left), style=style))
        verdict = Status(r["verdict"])
        cells.append(
            Text(_fit(f"{MARK[verdict]} {verdict.label}", 14), style=f"bold {STYLE[verdict]}")
        )
        if self.check:
            ok = r.get("expected") == "ok"
            cells.append(Text(_fit(" ✓" if ok else " ✗", 6), style="green" if ok else "red"))
        notes = [("why not: ", r["reason"], "")] if r["reason"] else []
        notes += [("warning: ", _warning(w, r["path"]), "yellow") for w in r["warnings"] or ()]
        return self._with_notes(cells, notes)

    def _with_notes(self, cells: list, notes: list[tuple[str, str, str]]) -> list:
        """The row, then what is said about it: why not (in its column if there is room),
        warnings, an error, each wrapped under the row."""
        from rich.text import Text

        lines = []
        if self.reason_width and notes and notes[0][0] != "warning: ":
            label, words, style = notes.pop(0)
            words = safe.terminal(words)
            text = words if label == "why not: " else label + words
            first, *rest = _fill(text, self.reason_width)
            cells.append(Text(first, style=style))
            lines.append(self._join(cells))
            lines += [Text(" " * self.reason_start + t, style=style) for t in rest]
        else:
            lines.append(self._join(cells))
        for label, words, style in notes:
            for i, text in enumerate(_fill(label + safe.terminal(words), self.console.width - 6)):
                lines.append(Text(("    " if i == 0 else "      ") + text, style=style or "dim"))
        return lines

    def _flush(self) -> None:
        from rich.text import Text

        if self.lines:
            self.console.print(Text("\n").join(self.lines))
            self.lines.clear()


def _fit(text: str, width: int, how: str = "left") -> str:
    """`text` in exactly `width` columns: padded, or cut with an ellipsis (a path keeps its
    end, which names the file)."""
    if len(text) <= width:
        return text.ljust(width)
    if how == "path":
        return "…" + text[len(text) - width + 1 :]
    return text[: width - 1] + "…"


def _fill(text: str, width: int) -> list[str]:
    from fto_check.render.prose import wrap

    return wrap(text, 0, width=max(width, 20)) or [""]


def _warning(text: str, path: str) -> str:
    """A row's warning without the path the row already names: 'line 12: …'."""
    rest = text.removeprefix(f"{path}:")
    line, _, after = rest.partition(":")
    if line.isdigit() and line != "0":
        return f"line {line}: {after.partition(': ')[2]}"
    return after.partition(": ")[2] if line.isdigit() else text


def short_paths(paths: list[str]) -> dict[str, str]:
    """Each path's shortest unique form: its file name without `.yaml` or `.yml`, with as many
    of its folders as it takes to tell it from every other path (`motive-profit`, and
    `2024/acme` beside `2025/acme`). A stream's `<stdin>:LINE` stays as it is."""
    parts = {p: [*p.split("/")[:-1], _without_suffix(p.split("/")[-1])] for p in paths}
    depth = dict.fromkeys(paths, 1)
    while True:
        forms: dict[str, list[str]] = {}
        for p in paths:
            forms.setdefault("/".join(parts[p][-depth[p] :]), []).append(p)
        clashes = [p for same in forms.values() if len(same) > 1 for p in same]
        deeper = [p for p in clashes if depth[p] < len(parts[p])]
        if not deeper:
            break
        for p in deeper:
            depth[p] += 1
    short = {p: "/".join(parts[p][-depth[p] :]) for p in paths}
    if len(set(short.values())) < len(short):  # `a.yaml` beside `a.yml`: the paths as given
        return {p: p for p in paths}
    return short


def _without_suffix(name: str) -> str:
    for suffix in (".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


WRITERS = {"jsonl": JsonLines, "json": JsonArray, "csv": Csv, "markdown": Markdown}


def writer(
    fmt: str,
    out: IO[str],
    *,
    check: bool = False,
    color: bool = False,
    paths: list[str] | None = None,
):
    """A streaming writer for `fmt` (one of FORMATS) writing to `out`; the table names each
    row by the shortest unique form of its path among `paths`."""
    fields = FIELDS + (CHECK_FIELDS if check else ())
    if fmt == "table":
        return Table(out, fields, color=color, paths=paths)
    return WRITERS[fmt](out, fields)
