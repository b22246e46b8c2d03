"""`--output` and the files around it (issue 16 §3; docs/hostile-input.md, "--output").

The batch never writes over one of its inputs; writes through character devices and pipes
(never replacing them by a file); follows a symbolic link to the file it names; removes its
temporary file on every signal that would end it, and sweeps those a killed batch left. Run as
real processes; timeouts are hang guards.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fto_check.batch import output

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices, pipes, signals")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "minimal-pairs" / "base-abroad.yaml"
HARNESS = Path(__file__).resolve().parent / "harness.py"
HANG_GUARD = 60
OLD = b"the previous run's result\n"


def fto_check(*args, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [sys.executable, "-m", "fto_check", *map(str, args)],
        capture_output=True,
        timeout=HANG_GUARD,
        **kwargs,
    )


@pytest.fixture
def profile(tmp_path) -> Path:
    path = tmp_path / "in.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    return path


def test_the_output_is_never_written_over_an_input(profile):
    """`batch in.yaml -o in.yaml` replaced the profile with JSON lines."""
    before = profile.read_bytes()
    result = fto_check("batch", profile, "-o", profile)
    assert result.returncode == 2
    assert (
        "is one of the batch's inputs; refusing to write the output over it"
        in result.stderr.decode()
    )
    assert profile.read_bytes() == before


def test_nor_over_an_input_reached_through_a_folder_or_a_link(profile, tmp_path):
    link = tmp_path / "out.jsonl"
    link.symlink_to(profile)
    before = profile.read_bytes()
    result = fto_check("batch", tmp_path, "-o", link)
    assert result.returncode == 2 and profile.read_bytes() == before and link.is_symlink()


def test_a_named_pipe_as_the_output_is_written_through_and_stays_a_pipe(profile, tmp_path):
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(_read_when_opened(pipe)), daemon=True)
    reader.start()
    result = fto_check("batch", "-f", "jsonl", profile, "-o", pipe)
    reader.join(HANG_GUARD)
    assert result.returncode == 0, result.stderr
    assert json.loads(got[0])["verdict"] == "met"
    assert pipe.is_fifo()


def _read_when_opened(pipe: Path) -> bytes:
    with open(pipe, "rb") as f:  # waits for the batch to open it for writing
        return f.read()


def test_a_named_pipe_nobody_reads_is_refused_at_once(profile, tmp_path):
    pipe = tmp_path / "out.pipe"
    os.mkfifo(pipe)
    result = fto_check("batch", profile, "-o", pipe)
    assert result.returncode == 2
    assert "nothing is reading this pipe" in result.stderr.decode()


@pytest.mark.parametrize("device", ["/dev/stdout", "/proc/self/fd/1"])
def test_a_device_or_a_descriptor_as_the_output_is_written_through(profile, device):
    """`-o /dev/stdout` replaced it with a regular file (as root, `-o /dev/null` would have
    replaced the system's /dev/null); here stdout is a pipe, which must get the rows."""
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    result = fto_check("batch", "-f", "jsonl", profile, "-o", device)
    assert result.returncode == 0
    assert json.loads(result.stdout)["verdict"] == "met"


def test_dev_null_as_the_output_stays_a_device(profile):
    result = fto_check("batch", profile, "-o", "/dev/null")
    assert result.returncode == 0 and Path("/dev/null").is_char_device()


def test_a_symbolic_link_as_the_output_is_followed_and_stays_a_link(profile, tmp_path):
    target = tmp_path / "real.jsonl"
    target.write_bytes(OLD)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    assert fto_check("batch", profile, "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text())["verdict"] == "met"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.yaml", "link.jsonl", "real.jsonl"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("{dir}", "is a directory; --output takes a file name"),
        ("", "--output needs a file name"),
        ("{dir}/no/such/folder/out.jsonl", "No such file or directory"),
        ("/dev/full", "No space left on device"),
    ],
    ids=["a-directory", "empty", "a-missing-folder", "a-full-disk"],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2(
    profile, tmp_path, target, message
):
    result = fto_check("batch", profile, "-o", target.format(dir=tmp_path))
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert message in line and "Traceback" not in line


# ---------------------------------------------------------------- signals, and what they leave


@pytest.fixture(scope="module")
def unending(tmp_path_factory) -> Path:
    """Profiles, the last of which is never read (tests/harness.py): a batch always mid-run."""
    folder = tmp_path_factory.mktemp("unending")
    for i in range(20):
        (folder / f"{i:03}.yaml").write_bytes(EXAMPLE.read_bytes())
    (folder / "z-stall.yaml").write_bytes(EXAMPLE.read_bytes())
    return folder


def _started(args, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, HARNESS, "batch", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        **kwargs,
    )


def _wait_for_rows(directory: Path, proc: subprocess.Popen, rows: int = 20) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while time.monotonic() < deadline:
        temps = list(directory.glob(".*.tmp"))
        if temps and temps[0].read_bytes().count(b"\n") >= rows:
            return
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.01)
    pytest.fail("the batch never got to its last input")


ENDING = [s for s in ("SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM") if hasattr(signal, s)]


@pytest.mark.parametrize(
    ("name", "jobs"), [*((name, "1") for name in ENDING), ("SIGHUP", "2"), ("SIGQUIT", "2")]
)
def test_every_signal_that_would_end_a_batch_leaves_no_temporary_file(
    unending, tmp_path, name, jobs
):
    """SIGHUP (a closed terminal), SIGQUIT, SIGUSR1, SIGALRM left `.FILE.*.tmp` beside the output
    forever (only SIGINT and SIGTERM were handled)."""
    signum = getattr(signal, name)
    out = tmp_path / "result.jsonl"
    out.write_bytes(OLD)
    proc = _started(["--jobs", jobs, "-o", out, unending])
    try:
        _wait_for_rows(tmp_path, proc)
        proc.send_signal(signum)
        proc.wait(HANG_GUARD)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    err = proc.stderr.read().decode()
    assert proc.returncode == 128 + signum, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.jsonl"], err
    assert out.read_bytes() == OLD
    assert "Traceback" not in err


def test_a_batch_killed_outright_leaves_a_temporary_file_the_next_one_sweeps(unending, tmp_path):
    out = tmp_path / "result.jsonl"
    proc = _started(["-o", out, unending])
    try:
        _wait_for_rows(tmp_path, proc)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    (left,) = tmp_path.glob(".result.jsonl.*.tmp")
    stale = time.time() - output.STALE_AFTER - 1
    os.utime(left, (stale, stale))  # as if it had been left a while ago
    assert fto_check("batch", EXAMPLE, "-o", out).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["result.jsonl"]


def test_the_sweep_leaves_what_a_running_batch_may_still_write(tmp_path):
    live = tmp_path / f".out.jsonl.{os.getpid()}.abcdefgh.tmp"  # this process is alive
    dead = tmp_path / ".out.jsonl.999999999.abcdefgh.tmp"  # no such process, but just written
    foreign = tmp_path / ".other.jsonl.999999999.abcdefgh.tmp"  # another output's
    unlike = tmp_path / ".out.jsonl.tmp"  # not named as a batch names them
    for path in (live, dead, foreign, unlike):
        path.write_bytes(b"rows")
    assert output.sweep(str(tmp_path), "out.jsonl") == []
    stale = time.time() - output.STALE_AFTER - 1
    for path in (live, dead, foreign, unlike):
        os.utime(path, (stale, stale))
    assert output.sweep(str(tmp_path), "out.jsonl") == [dead.name]
