"""`fto-check batch`, as a researcher runs it over a folder of profiles."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import struct
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from fto_check.batch import pool as engine
from fto_check.batch.jobs import Rows
from fto_check.cli.app import app
from fto_check.cli.commands import batch
from fto_check.profile.read import read_profile
from fto_check.reasoning.evaluate import evaluate
from fto_check.render import matrix

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
N_EXAMPLES = len(list(EXAMPLES.rglob("*.yaml")))

MET = """\
name: Test Front
as_of: 2024-06-30
organization: {is_group: true, dissolved: false, subnational_group: true}
foreign: {formed_in: XK, headquarters_in: XK, organized_under_us_law: false}
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
threat_to_us: {us_nationals: true, arises_from: [terrorist-activity]}
"""
NOT_MET = MET.replace("headquarters_in: XK", "headquarters_in: US").replace("Test", "Home")
UNDETERMINED = "name: Sparse Front\nas_of: 2024-06-30\n"
BAD = "name: Broken Front\nas_of: 2024-06-30\norganization: {is_group: maybe}\n"


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, ["batch", *args], input=input)


def rows(result) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture
def folder(tmp_path):
    """A folder of profiles: write(name, text) adds one and returns its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    write.path = tmp_path
    return write


def test_a_directory_gives_one_row_per_profile_in_sorted_order():
    """Every YAML file under a directory becomes one row, in sorted path order."""
    result = invoke(str(EXAMPLES))
    paths = [r["path"] for r in rows(result)]
    assert len(paths) == N_EXAMPLES
    assert paths == sorted(paths)


def test_a_directory_is_searched_below_for_yaml_and_yml_files_only(folder):
    folder("a.yaml", MET)
    folder("deep/er/b.yml", NOT_MET)
    folder("notes.txt", "not a profile")
    names = [
        Path(r["path"]).relative_to(folder.path).as_posix() for r in rows(invoke(str(folder.path)))
    ]
    assert names == ["a.yaml", "deep/er/b.yml"]


def test_a_file_reached_twice_is_judged_once(folder):
    """Given by itself, through its folder and through a symbolic link: one input, one row."""
    profile = folder("p.yaml", MET)
    (folder.path / "link.yaml").symlink_to(profile)
    result = invoke(str(profile), str(folder.path))
    assert [r["path"] for r in rows(result)] == [str(profile)]


def test_a_symbolic_link_to_a_folder_is_not_followed(folder):
    """As `os.walk` does: a link may lead back up the tree, and a walk must end."""
    folder("real/p.yaml", MET)
    (folder.path / "real" / "loop").symlink_to(folder.path, target_is_directory=True)
    result = invoke(str(folder.path / "real"))
    assert [r["path"] for r in rows(result)] == [str(folder.path / "real" / "p.yaml")]


def test_a_folder_that_cannot_be_listed_is_an_error_row_not_lost(folder, monkeypatch):
    """A sub-folder without read permission: its profiles are not silently left out."""
    folder("a.yaml", MET)
    folder("locked/b.yaml", MET)
    locked = str(folder.path / "locked")
    scandir = os.scandir

    def refusing(path):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    result = invoke(str(folder.path))
    found = rows(result)
    assert [r["path"] for r in found] == [str(folder.path / "a.yaml"), locked]
    assert found[1]["error"] == f"{locked}: cannot list this folder: Permission denied"
    assert result.exit_code == 2


def test_the_examples_match_their_expectations():
    """`--check-expected` exits 0 on the shipped examples, and the summary says so."""
    result = invoke("--check-expected", str(EXAMPLES))
    assert result.exit_code == 0, result.stderr
    assert f"{N_EXAMPLES} of {N_EXAMPLES} as expected" in result.stderr


def test_a_wrong_expectation_exits_1_with_a_diff(folder):
    """`--check-expected` exits 1 and prints what differs when an expectation is wrong."""
    folder("wrong.yaml", MET + "expect: {A: met, B: met, C: met, verdict: not met}\n")
    result = invoke("--check-expected", str(folder.path))
    assert result.exit_code == 1
    assert "wrong.yaml: verdict: expected not met, got met" in result.stderr
    assert rows(result)[0]["expected"] == "mismatch"


def test_a_profile_without_expectations_fails_check_expected(folder):
    """A profile with no expect: block does not count as matching it."""
    folder("plain.yaml", MET)
    assert invoke("--check-expected", str(folder.path)).exit_code == 1


def test_a_bad_file_is_an_error_row_and_the_rest_go_on(folder):
    """A broken profile gives an error row with path:line:col; the others are still judged."""
    folder("a.yaml", MET)
    bad = folder("b.yaml", BAD)
    folder("c.yaml", MET)
    result = invoke(str(folder.path))
    assert result.exit_code == 2
    out = rows(result)
    assert [r["verdict"] for r in out] == ["met", None, "met"]
    assert out[1]["error"].startswith(f"{bad}:3:")
    assert f"{bad}:3:" in result.stderr


def test_a_missing_path_is_an_error_row(folder):
    """A path that does not exist is reported in its row, not by a crash."""
    result = invoke(str(folder.path / "nowhere.yaml"))
    assert result.exit_code == 2
    assert rows(result)[0]["error"].endswith("no such file")


@pytest.mark.parametrize(
    ("profiles", "code"),
    [([MET], 0), ([MET, NOT_MET, UNDETERMINED], 1), ([MET, UNDETERMINED], 3), ([MET, BAD], 2)],
    ids=["all-met", "some-not-met", "some-undetermined", "input-error"],
)
def test_exit_code_means_what_it_means_for_check(folder, profiles, code):
    """2 on any input error, else 1 if any not met, else 3 if any undetermined, else 0."""
    for i, text in enumerate(profiles):
        folder(f"p{i}.yaml", text)
    assert invoke(str(folder.path)).exit_code == code


def test_stdin_is_a_stream_of_profiles_with_positions_in_the_stream():
    """`-` reads ----separated profiles; rows and errors point at lines of the whole stream."""
    stream = MET + "---\n" + BAD + "---\n" + UNDETERMINED
    result = invoke("-", input=stream)
    out = rows(result)
    start = MET.count("\n") + 1
    assert [r["path"] for r in out] == ["<stdin>:1", f"<stdin>:{start}", f"<stdin>:{start + 4}"]
    assert out[1]["error"].startswith(f"<stdin>:{start + 3}:")


def test_each_input_appears_once_even_if_named_twice(folder):
    """A file named directly and again through its directory gives one row."""
    path = folder("p.yaml", MET)
    assert len(rows(invoke(str(path), str(folder.path), str(path)))) == 1


def test_no_profiles_is_a_usage_error(folder):
    """An empty directory is a mistake worth an error, not an empty success."""
    result = invoke(str(folder.path))
    assert result.exit_code == 2
    assert "no profiles found" in result.stderr


def test_json_is_one_array_of_rows():
    """`--format json` writes a JSON array with a row per profile."""
    data = json.loads(invoke("-f", "json", str(EXAMPLES)).stdout)
    assert len(data) == N_EXAMPLES
    assert set(data[0]) == set(matrix.FIELDS)


def test_csv_has_a_header_and_a_row_per_profile():
    """`--format csv` writes a header row, then the statuses spelled as in the JSON."""
    table = list(csv.DictReader(io.StringIO(invoke("-f", "csv", str(EXAMPLES)).stdout)))
    assert len(table) == N_EXAMPLES
    assert {r["verdict"] for r in table} == {"met", "not_met", "undetermined"}


def test_markdown_is_a_table():
    """`--format markdown` writes a pipe table: header, rule, one line per profile."""
    lines = invoke("-f", "markdown", str(EXAMPLES)).stdout.splitlines()
    assert len(lines) == N_EXAMPLES + 2
    assert lines[1].startswith("|---|")


def test_table_shows_the_matrix_with_the_reason_it_fails():
    """`--format table` lists each profile with marks per criterion and route, and why not."""
    out = invoke("-f", "table", str(EXAMPLES / "minimal-pairs" / "motive-profit.yaml")).stdout
    assert "motive-profit" in out
    assert "politically motivated" in out
    assert "✗ not met" in out


def test_a_route_not_in_force_is_empty():
    """Before 2001 (B) had one route: the others are absent (null), not failed."""
    path = EXAMPLES / "public-record" / "farc-1997-designation.yaml"
    (row,) = rows(invoke(str(path)))
    assert row["B.terrorism"] is None and row["B.terrorist-activity"] == "met"


def test_the_default_format_off_a_terminal_is_jsonl_or_the_output_suffix(tmp_path):
    """Piped output is JSON lines; --output FILE.csv is CSV unless --format says otherwise."""
    assert batch.default_format(None) == "jsonl"  # the test runner's stdout is no terminal
    assert batch.default_format(str(tmp_path / "out.csv")) == "csv"
    assert batch.default_format(str(tmp_path / "out.unknown")) == "jsonl"


def test_summary_line_counts_verdicts_and_errors(folder):
    """The last line on stderr counts profiles by verdict, errors, and the time taken."""
    folder("a.yaml", MET)
    folder("b.yaml", BAD)
    last = invoke(str(folder.path)).stderr.splitlines()[-1]
    assert last.startswith("2 profiles: 1 met, 0 not met, 0 undetermined; 1 error; ")
    assert last.endswith("profiles/s")


def test_parallel_workers_give_the_same_rows_in_the_same_order():
    """`--jobs 2` writes exactly what one process writes."""
    serial = invoke("--jobs", "1", str(EXAMPLES)).stdout
    parallel = invoke("--jobs", "2", str(EXAMPLES)).stdout
    assert parallel == serial


def test_auto_jobs_stay_serial_for_small_batches():
    """Without --jobs a small batch runs in one process; --jobs never exceeds the inputs."""
    assert engine.worker_count(None, 10) == 1
    assert engine.worker_count(4, 2) == 2


def _send_half_a_message(result_pipe: int, sent: Path) -> None:
    """In a worker: what a worker killed while sending its rows leaves in the result pipe."""
    os.write(result_pipe, struct.pack("!i", 1 << 20) + b"rows")  # 4 bytes of a 1 MiB message
    sent.touch()
    time.sleep(60)  # killed long before this ends


def test_workers_killed_while_sending_their_rows_leave_a_pool_that_shuts_down(tmp_path):
    """A batch stopped early (`| head`, Ctrl-C) kills its workers, perhaps half-way through
    sending a chunk's rows: the pool must not wait for the rest of that message."""
    pool = ProcessPoolExecutor(1, multiprocessing.get_context("fork"))
    sent = tmp_path / "sent"
    pool.submit(_send_half_a_message, pool._result_queue._writer.fileno(), sent)
    deadline = time.monotonic() + 10
    while not sent.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert sent.exists(), "the worker never started"

    stopping = threading.Thread(target=lambda: (engine.kill_workers(pool), pool.shutdown()))
    stopping.start()
    stopping.join(timeout=10)
    hung = stopping.is_alive()
    if hung:  # end the pool's wait as the fix does, or pytest would wait for it at exit
        pool._result_queue._writer.close()
    assert not hung, "the pool still waits for the killed worker's rows"


@given(n=st.integers(0, 5000), workers=st.integers(1, 8))
def test_chunks_cover_every_input_once_in_order_and_shrink_towards_the_end(n, workers):
    chunks = list(engine.chunks(n, workers))
    assert [i for start, end in chunks for i in range(start, end)] == list(range(n))
    sizes = [end - start for start, end in chunks]
    assert all(1 <= size <= engine.CHUNK for size in sizes)
    assert sizes == sorted(sizes, reverse=True)


def test_rows_are_written_as_they_come(folder, monkeypatch):
    """Each row is written before the next profile is judged (nothing is held back)."""
    for i in range(3):
        folder(f"p{i}.yaml", MET)
    out = folder.path / "out.jsonl"
    seen = []
    judge = Rows.__call__

    def spy(self, item):
        seen.append(_written(folder.path))
        return judge(self, item)

    monkeypatch.setattr(Rows, "__call__", spy)
    invoke("--output", str(out), str(folder.path))
    assert seen == [0, 1, 2]


def _written(directory: Path) -> int:
    """Rows so far in the temporary output file of a running batch."""
    temps = list(directory.glob(".out.jsonl.*.tmp"))
    if not temps:
        return 0
    return temps[0].read_text(encoding="utf-8").count("\n")


def test_output_replaces_the_file_only_when_complete(folder):
    """--output writes the whole result and leaves no temporary file behind."""
    folder("p.yaml", MET)
    out = folder.path / "result.csv"
    out.write_text("old\n", encoding="utf-8")
    result = invoke("--output", str(out), str(folder.path / "p.yaml"))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("path,name,as_of")
    assert [p.name for p in folder.path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("failure", ["exception", "sigterm"])
def test_a_failure_mid_run_leaves_the_old_output_intact(folder, monkeypatch, failure):
    """If the batch dies half-way (an exception or SIGTERM), --output FILE keeps its old text."""
    for i in range(4):
        folder(f"p{i}.yaml", MET)
    out = folder.path / "result.jsonl"
    out.write_text("old\n", encoding="utf-8")
    write = matrix.JsonLines.write
    calls = []

    def failing_write(self, row):
        calls.append(row)
        if len(calls) == 2:
            if failure == "sigterm":
                os.kill(os.getpid(), signal.SIGTERM)
            raise RuntimeError("disk on fire")
        write(self, row)

    monkeypatch.setattr(matrix.JsonLines, "write", failing_write)
    result = invoke("--output", str(out), str(folder.path))
    assert result.exit_code != 0
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in folder.path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.yaml")), ids=lambda p: p.stem)
def test_a_row_judged_without_provenance_is_the_row_judged_with_it(path):
    """A batch judges without each fact's place and sources, which a row does not show: every
    finding keeps its status, reason and the paths of its facts."""
    loaded = read_profile(path)
    full = evaluate(loaded.profile, loaded.source)
    lean = evaluate(loaded.profile, loaded.source, provenance=False)
    assert matrix.row(lean, str(path)) == matrix.row(full, str(path))
    assert _decisions(lean) == _decisions(full)
    assert all(u.line == 0 and not u.sources for f in lean.criteria.walk() for u in f.facts)


def _decisions(report) -> list[tuple]:
    return [(f.rule, f.status, f.reason, [u.path for u in f.facts]) for f in report.criteria.walk()]
