"""No traceback anywhere (issue 16 §3, §5): each of these printed one, or hung, or did the wrong
thing quietly. Real processes, as a shell runs them; timeouts are hang guards."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and file names")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "minimal-pairs" / "base-abroad.yaml"
HANG_GUARD = 60


def fto_check(*args, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    if "input" not in kwargs:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "fto_check", *map(os.fsencode, map(str, args))],
        stderr=subprocess.PIPE,
        timeout=HANG_GUARD,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


COMMANDS = [
    ["--version"],
    ["check", EXAMPLE],
    ["check", "-f", "json", EXAMPLE],
    ["batch", EXAMPLE],
    ["tour", "--no-pause", EXAMPLE],
    ["rules"],
    ["explain", "1189(a)(1)(B)"],
    ["schema"],
    ["quiz", "-f", "json", "--seed", "1", "--count", "2"],
    ["new", "--template"],
]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(map(str, c[:2])))
def test_a_full_disk_on_standard_output_is_one_line_and_exit_2(command):
    with open("/dev/full", "w") as full:
        result = fto_check(*command, stdout=full)
    assert result.returncode == 2
    assert result.stderr.decode().endswith("No space left on device\n")
    assert b"Traceback" not in result.stderr


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path):
    """It aborted a whole batch (UnicodeEncodeError), and check -f json raised
    PydanticSerializationError."""
    name = os.fsdecode(b"caf\xe9\x1b[2J.yaml")
    path = tmp_path / name
    path.write_bytes(EXAMPLE.read_bytes())
    shown = f"{tmp_path}/caf\\xe9\\x1b[2J.yaml"
    report = fto_check("check", "-f", "json", path)
    assert report.returncode == 0 and json.loads(report.stdout)["path"] == shown
    text = fto_check("check", path)
    assert text.returncode == 0 and shown.encode() in text.stdout
    missing = tmp_path / os.fsdecode(b"gone\xff\n.yaml")
    batch = fto_check("batch", path, missing)
    rows = [json.loads(line) for line in batch.stdout.splitlines()]
    assert [r["path"] for r in rows] == [shown, f"{tmp_path}/gone\\xff\\n.yaml"]
    assert batch.returncode == 2
    assert f"{tmp_path}/gone\\xff\\n.yaml: no such file\n".encode() in batch.stderr


@pytest.mark.parametrize("value", ["-1", "0", "99999999999999999999", "64000001"])
def test_max_bytes_out_of_range_is_one_line(value):
    """A huge value raised MemoryError or OverflowError; -1 was accepted."""
    from typer.testing import CliRunner

    from fto_check.cli.app import app

    for command in ("check", "batch"):
        result = CliRunner().invoke(app, [command, "--max-bytes", value, str(EXAMPLE)])
        assert result.exit_code == 2
        assert result.stderr == "error: --max-bytes takes a number of bytes from 1 to 64,000,000\n"


@pytest.mark.parametrize("value", ["0", "-1", "257", "99999999999999999999"])
def test_jobs_out_of_range_is_one_line(value):
    """--jobs 0 was typer's usage box; --jobs 10**20 was taken, and a pool forks all its
    workers at once."""
    for command in ("check", "batch"):
        result = fto_check(command, "--jobs", value, EXAMPLE)
        assert result.returncode == 2
        assert result.stderr == b"error: --jobs takes a number of worker processes from 1 to 256\n"
        assert result.stdout == b""


def test_an_output_encoding_that_cannot_say_everything_escapes_what_it_cannot():
    """PYTHONIOENCODING=ascii: the first "—" or "✓" raised UnicodeEncodeError."""
    env = {"PYTHONIOENCODING": "ascii"}
    text = fto_check("check", EXAMPLE, env=env)
    assert text.returncode == 0 and b"\\u2713 (A)" in text.stdout
    report = fto_check("check", "-f", "json", EXAMPLE, env=env)
    assert (
        json.loads(report.stdout.decode("ascii"))["criteria"]["citation"] == "8 U.S.C. § 1189(a)(1)"
    )
    batch = fto_check("batch", "-f", "table", EXAMPLE, env=env)
    assert batch.returncode == 0 and b"Traceback" not in batch.stderr


def test_new_into_a_folder_that_does_not_exist_is_refused_before_the_interview(tmp_path):
    result = fto_check("new", "-o", tmp_path / "missing" / "p.yaml", input=b"")
    assert result.returncode == 2
    assert (
        result.stderr.decode()
        == f"error: cannot write {tmp_path}/missing/p.yaml: no folder {tmp_path}/missing\n"
    )


# Root reads and writes what permissions forbid (CAP_DAC_OVERRIDE): without those capabilities
# (setpriv, util-linux) it is refused like anyone else.
SETPRIV = "/usr/bin/setpriv"
AS_ANYONE = (
    [SETPRIV, "--bounding-set=-dac_override,-dac_read_search"]
    if os.geteuid() == 0 and os.path.exists(SETPRIV)
    else []
)
needs_permissions = pytest.mark.skipif(
    os.geteuid() == 0 and not AS_ANYONE, reason="root ignores permissions, and no setpriv"
)


def as_anyone(*args, **kwargs) -> subprocess.CompletedProcess:
    if "input" not in kwargs:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [*AS_ANYONE, sys.executable, "-m", "fto_check", *map(str, args)],
        capture_output=True,
        timeout=HANG_GUARD,
        **kwargs,
    )


@needs_permissions
def test_new_into_a_read_only_folder_is_refused_before_the_interview(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    result = as_anyone("new", "-o", folder / "p.yaml", input=b"")
    assert result.returncode == 2 and "the folder is not writable" in result.stderr.decode()


@needs_permissions
@pytest.mark.parametrize("command", [["check"], ["check", "-f", "json"], ["tour", "--no-pause"]])
def test_a_file_that_cannot_be_read_is_one_line_for_every_command(tmp_path, command):
    """An unreadable file: one line, exit 2, never a usage box or a traceback."""
    secret = tmp_path / "secret.yaml"
    secret.write_bytes(EXAMPLE.read_bytes())
    secret.chmod(0)
    result = as_anyone(*command, secret)
    assert result.returncode == 2
    assert result.stderr.decode() == f"{secret}: permission denied: cannot read this file\n"


def test_a_file_size_limit_met_while_writing_leaves_the_old_output(tmp_path):
    """Writing stops half-way (`ulimit -f`, a full disk): one line, exit 2, the old file kept,
    no temporary file left."""
    import resource

    folder = tmp_path / "profiles"
    folder.mkdir()
    for i in range(50):
        (folder / f"{i:02}.yaml").write_bytes(EXAMPLE.read_bytes())
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"old\n")
    result = fto_check(
        "batch", folder, "-o", out,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)),
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == (
        f"error: cannot write {out}: File too large; {out} left as it was"
    )
    assert out.read_bytes() == b"old\n" and sorted(tmp_path.iterdir()) == [out, folder]


def test_quiz_count_has_a_ceiling():
    """--count 10**18 never returned."""
    result = fto_check("quiz", "--count", "1000000000000000000", "-f", "json")
    assert result.returncode == 2
    assert result.stderr == b"error: --count takes a number of questions from 1 to 100\n"


def test_quiz_count_below_one_is_one_line():
    """--count 0 was typer's usage box, not the line --count 10**18 gets."""
    result = fto_check("quiz", "--count", "0", "-f", "json")
    assert result.returncode == 2
    assert result.stderr == b"error: --count takes a number of questions from 1 to 100\n"


def test_a_quiz_fed_the_same_wrong_answer_forever_stops():
    """`yes m | fto-check quiz` never returned: a question that is not met / not met wanted
    numbers got "m" again and again."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "fto_check", "quiz", "--seed", "1"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        out, _ = proc.communicate(b"m\n" * 100_000, timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("the quiz did not stop")
    assert proc.returncode == 0
    assert b"No answer understood: the quiz stops here." in out


def test_check_on_several_files_in_json_is_an_array_even_when_one_is_missing(tmp_path):
    result = fto_check("check", "-f", "json", EXAMPLE, tmp_path / "missing.yaml")
    assert result.returncode == 2
    reports = json.loads(result.stdout)
    assert isinstance(reports, list) and [r["name"][:13] for r in reports] == ["Cascade Front"]
    none = fto_check("check", "-f", "json", tmp_path / "a.yaml", tmp_path / "b.yaml")
    assert json.loads(none.stdout) == []


def test_check_on_many_files_writes_each_report_as_it_is_decided(tmp_path):
    """20,000 files as JSON held every report to the end (8.6 GB). The first report is out
    while the last file is still being read (tests/harness.py: its read never returns)."""
    for name in ("a.yaml", "b.yaml", "z-stall.yaml"):
        (tmp_path / name).write_bytes(EXAMPLE.read_bytes())
    proc = subprocess.Popen(
        [sys.executable, Path(__file__).parent / "harness.py", "check", "-f", "json",
         *sorted(map(str, tmp_path.iterdir()))],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        lines = []
        while not lines or lines[-1] != b"  },\n":  # the first element of the array, whole
            lines.append(proc.stdout.readline())
            assert lines[-1], "the output ended before a report"
        first = json.loads(b"".join(lines[1:])[:-2])
        assert first["path"] == str(tmp_path / "a.yaml")
    finally:
        proc.kill()
        proc.wait()
