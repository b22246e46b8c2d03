"""`fto-check batch` under faults, run as a real process, as it is run from a shell.

Issue 6, "In a batch": one bad input never stops the others; each input appears once in the
output; the exit code says an error happened; `--output` is written atomically, so an
interrupted run (Ctrl-C, SIGTERM) leaves either the old file or the complete new one.
docs/hostile-input.md names these tests.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX signals, process groups and named pipes"
)

PAIRS = Path(__file__).resolve().parents[1] / "examples" / "minimal-pairs"
GOOD = PAIRS / "base-abroad.yaml"
ALSO_GOOD = PAIRS / "base-in-us.yaml"
OLD = b"the previous run's result\n"
# A profile takes ~1 ms here, so this is a batch of a second or more: long enough to be caught
# mid-run, with rows already in the temporary file, yet over quickly once it is interrupted.
BIG_BATCH = 1500
STARTUP_LIMIT = 10.0  # seconds for the first row to appear; generous for a loaded machine
STALLED = "z-stall.yaml"  # sorted last; an input whose read never returns (tests/harness.py)
HARNESS = Path(__file__).resolve().parent / "harness.py"


def start(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`fto-check batch ARGS` in a session of its own, Ctrl-C not ignored, with the faults of
    tests/harness.py planted (a profile named z-stall… is never read, z-kill… kills its reader).

    Its own session (and so process group) lets a test send Ctrl-C to the batch and its
    workers, as a terminal does, without signalling pytest. A shell starts a background job
    (`pytest &`) with Ctrl-C ignored, and Python keeps an ignored SIGINT ignored: the batch
    starts as from a terminal whatever started the tests.
    """
    return subprocess.Popen(
        [sys.executable, HARNESS, "batch", *map(str, args)],
        env={**os.environ, **(env or {})},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def temporary_files(directory: Path) -> list[Path]:
    return sorted(directory.glob(".*.tmp"))


def wait_for_rows(proc: subprocess.Popen, directory: Path, rows: int = 1) -> None:
    """Until the batch's temporary output holds `rows` rows: it is then mid-run, for certain."""
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        temps = temporary_files(directory)
        if temps and temps[0].read_bytes().count(b"\n") >= rows:
            return
        if proc.poll() is not None:
            pytest.fail(f"the batch ended before it could be interrupted: {proc.stderr.read()!r}")
        time.sleep(0.005)
    pytest.fail(f"no row reached the temporary output within {STARTUP_LIMIT} s")


def finish(proc: subprocess.Popen, timeout: float) -> tuple[int | None, str, str]:
    """Exit code, stdout and stderr; the code is None if `timeout` passed (it is then killed)."""
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = None
    return code, out.decode(), err.decode()


def send(proc: subprocess.Popen, signum: int, *, to_group: bool) -> None:
    if to_group:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def group_ended(pgid: int, within: float = 5.0) -> bool:
    """Whether every process of the group has ended, waiting up to `within` seconds."""
    deadline = time.monotonic() + within
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.01)
    return not group_alive(pgid)


def test_a_parallel_batch_whose_reader_goes_away_leaves_no_worker_running(big_batch):
    """`fto-check batch DIR | head -1`: the batch ends, and its workers with it."""
    proc = start("--jobs", "2", "--format", "jsonl", big_batch)
    try:
        assert proc.stdout.readline().startswith(b"{")
        proc.stdout.close()  # the reader has gone: the next write fails with EPIPE
        proc.wait(timeout=STARTUP_LIMIT)
        assert group_ended(proc.pid), "a worker of the batch is still running"
        assert "Traceback" not in proc.stderr.read().decode()
    finally:
        if group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


def test_a_parallel_batch_killed_outright_leaves_no_worker_running(big_batch):
    """SIGKILL (the OOM killer, `timeout -s KILL`, a cancelled job) gives the batch no chance to
    stop its workers, and they ignore SIGTERM and SIGINT: they must notice it is gone."""
    proc = start("--jobs", "2", "--format", "jsonl", big_batch)
    try:
        assert proc.stdout.readline().startswith(b"{")  # mid-run: the workers are at work
        proc.kill()
        proc.wait(timeout=STARTUP_LIMIT)
        assert group_ended(proc.pid), "a worker outlived the batch"
    finally:
        if group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)


# ---------------------------------------------------------------- an interrupted run


@dataclass(frozen=True)
class Interrupted:
    signum: int
    code: int | None
    stderr: str
    output: Path


@pytest.fixture(scope="module")
def big_batch(tmp_path_factory) -> Path:
    """A folder of BIG_BATCH profiles, the minimal pairs over and over."""
    folder = tmp_path_factory.mktemp("big-batch")
    texts = [p.read_bytes() for p in sorted(PAIRS.glob("*.yaml"))]
    for i in range(BIG_BATCH):
        (folder / f"{i:05}.yaml").write_bytes(texts[i % len(texts)])
    return folder


@pytest.fixture(scope="module")
def unending_batch(tmp_path_factory) -> Path:
    """A folder of profiles whose last input, whose read never returns, never arrives.

    However fast the batch and however loaded the machine, it is still running when the signal
    comes: without the pipe, a test that found rows written could find the batch over too.
    """
    folder = tmp_path_factory.mktemp("unending-batch")
    texts = [p.read_bytes() for p in sorted(PAIRS.glob("*.yaml"))]
    for i in range(300):
        (folder / f"{i:05}.yaml").write_bytes(texts[i % len(texts)])
    (folder / STALLED).write_bytes(texts[0])
    return folder


@pytest.fixture(
    scope="module",
    params=[
        # Ctrl-C in a terminal signals the whole foreground process group; `kill PID` and
        # `timeout` signal the batch process alone. Ctrl-C reaching the workers of a parallel
        # batch too is not here: see test_ctrl_c_on_a_parallel_batch_prints_no_worker_traceback.
        pytest.param((signal.SIGINT, True, 1), id="ctrl-c-serial"),
        pytest.param((signal.SIGINT, False, 2), id="sigint-parallel"),
        pytest.param((signal.SIGTERM, False, 1), id="sigterm-serial"),
        pytest.param((signal.SIGTERM, False, 2), id="sigterm-parallel"),
    ],
)
def interrupted(request, unending_batch, tmp_path_factory) -> Interrupted:
    """A batch writing --output over an existing file, interrupted once rows are being written."""
    signum, to_group, jobs = request.param
    directory = tmp_path_factory.mktemp("output")
    output = directory / "result.jsonl"
    output.write_bytes(OLD)
    proc = start("--jobs", str(jobs), "--output", output, unending_batch)
    try:
        wait_for_rows(proc, directory)
    except BaseException:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    send(proc, signum, to_group=to_group)
    code, _, err = finish(proc, timeout=10)
    return Interrupted(signum, code, err, output)


def test_an_interrupted_batch_leaves_the_old_output_byte_for_byte(interrupted):
    assert interrupted.output.read_bytes() == OLD


def test_an_interrupted_batch_leaves_no_temporary_file(interrupted):
    assert [p.name for p in interrupted.output.parent.iterdir()] == [interrupted.output.name]


def test_an_interrupted_batch_exits_128_plus_the_signal_number(interrupted):
    """As a shell reports a command killed by a signal: never 0, and not a verdict's 1 or 3."""
    assert interrupted.code == 128 + interrupted.signum, interrupted.stderr


def test_an_interrupted_batch_prints_no_traceback(interrupted):
    assert "Traceback" not in interrupted.stderr


def test_an_interrupted_batch_says_the_output_file_was_left_as_it_was(interrupted):
    assert f"interrupted: {interrupted.output} left as it was" in interrupted.stderr


@pytest.fixture
def stuck_parallel_batch(tmp_path):
    """A parallel batch mid-run: eight rows written, one worker blocked in a read that never
    returns (a stalled network mount); it sorts last, so the other worker has finished its
    share and is idle."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    for i, path in enumerate(sorted(PAIRS.glob("*.yaml"))[:8]):
        (folder / f"a{i}.yaml").write_bytes(path.read_bytes())
    (folder / STALLED).write_bytes(GOOD.read_bytes())
    output = tmp_path / "result.jsonl"
    output.write_bytes(OLD)
    proc = start("--jobs", "2", "--output", output, folder)
    try:
        wait_for_rows(proc, tmp_path, rows=8)
        yield proc, output
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()


def workers_of(proc: subprocess.Popen) -> list[int]:
    """The batch's worker processes: its children, as Linux lists them."""
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text()
    return [int(pid) for pid in children.split()]


@pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
    reason="finds the workers through /proc (Linux)",
)
def test_ctrl_c_on_a_parallel_batch_prints_no_worker_traceback(stuck_parallel_batch):
    """A terminal sends Ctrl-C to the whole process group at once, and the batch then stops
    its workers: a worker that did not ignore Ctrl-C might or might not print its
    KeyboardInterrupt first. Here the workers get it first and are given time to print."""
    proc, output = stuck_parallel_batch
    workers = workers_of(proc)
    assert len(workers) == 2
    for pid in workers:
        os.kill(pid, signal.SIGINT)
    time.sleep(0.5)
    send(proc, signal.SIGINT, to_group=False)
    code, _, err = finish(proc, timeout=5)
    assert code == 128 + signal.SIGINT
    # the batch's own word on its output file, and nothing from a worker (not even the
    # "Process ForkProcess-1:" that heads a worker's traceback)
    assert err.splitlines() == [f"interrupted: {output} left as it was"]


def test_sigterm_stops_a_parallel_batch_even_with_a_worker_stuck_reading(stuck_parallel_batch):
    proc, output = stuck_parallel_batch
    send(proc, signal.SIGTERM, to_group=False)
    code, _, _ = finish(proc, timeout=2)
    assert code == 128 + signal.SIGTERM
    assert temporary_files(output.parent) == []


# ---------------------------------------------------------------- bad inputs among good ones


@dataclass(frozen=True)
class Finished:
    code: int
    rows: list[dict]
    stderr: str

    def row(self, path: Path) -> dict:
        """The one row for `path` (there must be exactly one)."""
        found = [r for r in self.rows if r["path"] == str(path)]
        assert len(found) == 1, f"{len(found)} rows for {path}"
        return found[0]


def run(*args: str | Path) -> Finished:
    proc = start(*args)
    code, out, err = finish(proc, timeout=30)
    assert code is not None, "the batch did not finish"
    return Finished(code, [json.loads(line) for line in out.splitlines()], err)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """Good profiles, a missing path, a file that is not YAML and a directory with no profiles."""
    folder = tmp_path_factory.mktemp("mixed")
    inputs = {
        "good": folder / "good.yaml",
        "missing": folder / "nowhere.yaml",
        "not yaml": folder / "page.html",
        "empty directory": folder / "empty",
        "also good": folder / "also-good.yaml",
    }
    inputs["good"].write_bytes(GOOD.read_bytes())
    inputs["not yaml"].write_text("<html><body>Not a profile</body></html>\n", encoding="utf-8")
    inputs["empty directory"].mkdir()
    (inputs["empty directory"] / "README.txt").write_text("no profiles here\n", encoding="utf-8")
    inputs["also good"].write_bytes(ALSO_GOOD.read_bytes())
    return inputs, run(*inputs.values())


def test_every_input_of_a_mixed_batch_is_listed_once_in_input_order(mixed):
    inputs, result = mixed
    assert [r["path"] for r in result.rows] == [str(p) for p in inputs.values()]


def test_the_good_profiles_are_judged_despite_the_bad_inputs(mixed):
    inputs, result = mixed
    assert result.row(inputs["good"])["verdict"] == "met"
    assert result.row(inputs["also good"])["verdict"] == "not_met"


def test_a_missing_path_in_a_batch_is_an_error_row_saying_no_such_file(mixed):
    inputs, result = mixed
    assert result.row(inputs["missing"])["error"] == f"{inputs['missing']}: no such file"


def test_a_file_that_is_not_yaml_in_a_batch_is_an_error_row_at_line_and_column(mixed):
    inputs, result = mixed
    error = result.row(inputs["not yaml"])["error"]
    assert error.startswith(f"{inputs['not yaml']}:1:1: a profile is a mapping of fields")


def test_each_bad_input_of_a_batch_is_one_line_on_stderr_without_a_traceback(mixed):
    inputs, result = mixed
    for name in ("missing", "not yaml"):
        assert result.stderr.count(f"{inputs[name]}:") == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_batch_with_a_bad_input_exits_2(mixed):
    _, result = mixed
    assert result.code == 2


def test_a_directory_without_profiles_among_good_ones_is_an_error_and_exits_2(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run(GOOD, tmp_path / "empty")
    assert result.code == 2
    assert result.row(tmp_path / "empty")["error"]


def test_a_batch_of_only_a_directory_without_profiles_is_refused_with_exit_2(tmp_path):
    result = run(tmp_path)
    assert result.code == 2
    assert "no profiles found" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_without_read_permission_in_a_batch_is_an_error_row(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_bytes(GOOD.read_bytes())
    secret.chmod(0)
    try:
        try:
            secret.open("rb").close()
        except PermissionError:
            result = run(GOOD, secret)
        else:  # root, or any user with CAP_DAC_OVERRIDE
            pytest.skip("this user can read a file without read permission")
    finally:
        secret.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert result.code == 2
    assert "permission denied" in result.row(secret)["error"]
    assert result.row(GOOD)["verdict"] == "met"


# ---------------------------------------------------------------- a worker that dies


def test_a_worker_killed_from_outside_is_replaced_and_its_chunk_judged_again(tmp_path):
    """`kill -9` of a worker (the OOM killer) ended the batch with a BrokenProcessPool
    traceback, exit 1, and the rows not yet written lost. The batch now starts a new pool,
    judges the lost chunk again, and finishes: every input once, in order."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    texts = [p.read_bytes() for p in sorted(PAIRS.glob("*.yaml"))]
    for i in range(60):
        (folder / f"{i:03}.yaml").write_bytes(texts[i % len(texts)])
    (folder / STALLED).write_bytes(GOOD.read_bytes())  # stalls the first time only
    marker = tmp_path / "stalled-worker"
    proc = start("--jobs", "2", folder, env={"FTO_CHECK_STALL_ONCE": str(marker)})
    try:
        deadline = time.monotonic() + STARTUP_LIMIT
        while not (marker.exists() and marker.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(int(marker.read_text()), signal.SIGKILL)
        code, out, err = finish(proc, timeout=60)
    finally:
        if group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    rows = [json.loads(line) for line in out.splitlines()]
    assert [Path(r["path"]).name for r in rows] == sorted(p.name for p in folder.iterdir())
    assert all(r["error"] is None for r in rows), err
    assert code in (1, 3) and "Traceback" not in err


def test_an_input_that_kills_its_worker_every_time_becomes_an_error_row(tmp_path):
    """Judged again it kills again: its chunk is judged one input at a time, each alone in a
    pool, and the one that kills its worker is an error row; the others are judged."""
    folder = tmp_path / "profiles"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:03}.yaml").write_bytes(GOOD.read_bytes())
    (folder / "z-kill.yaml").write_bytes(GOOD.read_bytes())
    code, out, err = finish(start("--jobs", "2", folder), timeout=120)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 31 and [r["verdict"] for r in rows[:30]] == ["met"] * 30
    assert rows[30]["error"] == (
        f"{folder / 'z-kill.yaml'}: not judged: its worker process was killed (SIGKILL; out of "
        "memory?)"
    )
    assert code == 2 and "Traceback" not in err


def test_a_parallel_batch_without_file_descriptors_to_spare_is_judged_in_one_process(big_batch):
    """`ulimit -n 8`: the pool cannot be made (a traceback, before); the batch says so and
    judges every input itself."""
    import resource

    def few_files():
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        resource.setrlimit(resource.RLIMIT_NOFILE, (8, 8))

    proc = subprocess.Popen(
        [sys.executable, "-m", "fto_check", "batch", "--jobs", "2", big_batch],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=few_files,
    )
    code, out, err = finish(proc, timeout=120)
    assert code == 1, err
    assert len(out.splitlines()) == BIG_BATCH
    assert "warning: cannot start worker processes" in err and "Traceback" not in err
