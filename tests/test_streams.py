"""Streams and special files (issue 16 §2; docs/hostile-input.md, "Streams and special files").

`batch -` is read as it comes, in bounded memory, and every document of the stream appears in
the output exactly once, whatever line breaks and document markers it uses, or the batch fails
loudly. Anything that is not a regular file is refused before it is read, wherever a file is
read (a profile, a folder's entry, the law cache), except a pipe given by descriptor
(`check <(command)`). The tests of real processes give each a generous timeout: a hang guard,
never a measure.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fto_check.base.loader import load_chunk, stream_documents

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX streams and named pipes")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "minimal-pairs" / "base-abroad.yaml"
HANG_GUARD = 60  # seconds; only ever reached if the process hangs


def fto_check(*args: str, env: dict | None = None, **kwargs):
    if "input" not in kwargs:
        kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run(
        [sys.executable, "-m", "fto_check", *args],
        capture_output=True,
        timeout=HANG_GUARD,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def profile(name: str, br: str = "\n") -> str:
    return br.join([f"name: {name}", "as_of: 2024-06-30", "organization: {is_group: true}"]) + br


# ---------------------------------------------------------------- batch -


def test_a_stream_is_judged_as_it_comes_not_after_it_ends():
    """The first row is out while the stream is still open (it used to read all of stdin first:
    `batch - < /dev/zero` reached 4.7 GB)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "fto_check", "batch", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        proc.stdin.write(profile("First").encode() + b"---\n")
        proc.stdin.flush()
        row = _readline(proc.stdout)
        assert json.loads(row)["name"] == "First"
        proc.stdin.write(profile("Second").encode())
        proc.stdin.close()
        rest = proc.stdout.read()
        assert [json.loads(line)["name"] for line in rest.splitlines()] == ["Second"]
        assert proc.wait(HANG_GUARD) == 3
    finally:
        proc.kill()
        proc.wait()


def _readline(stream) -> bytes:
    """A line from `stream`, or a failure if none comes within the hang guard."""
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(HANG_GUARD)
    assert got, "no row came while the stream was open"
    return got[0]


def test_binary_data_on_stdin_ends_the_stream_with_one_error():
    """/dev/zero never ends and has no line: the first NUL byte ends the stream, loudly."""
    with open("/dev/zero", "rb") as zero:
        result = fto_check("batch", "-", stdin=zero)
    assert result.returncode == 2
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["error"].startswith("<stdin>:1:1: binary data (a NUL byte)")
    assert b"Traceback" not in result.stderr


def test_a_document_over_the_size_limit_is_one_error_row_and_the_others_are_judged():
    stream = profile("A") + "---\n" + "name: big\n" + "# padding\n" * 200 + "---\n" + profile("C")
    result = fto_check("batch", "--max-bytes", "1000", "-", input=stream.encode())
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["A", None, "C"]
    assert "a document larger than the 1,000-byte limit" in rows[1]["error"]
    assert result.returncode == 2


def test_a_document_over_the_limit_is_skipped_not_held():
    """A stream of one 20 MB document: what is held stays far below it."""

    class Endless(io.RawIOBase):
        def __init__(self, size: int) -> None:
            self.left = size

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            n = min(len(buffer), self.left)
            buffer[:n] = b"x" * n
            self.left -= n
            return n

    tracemalloc.start()
    try:
        docs = list(stream_documents(io.BufferedReader(Endless(20_000_000)), "-", max_bytes=1000))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(docs) == 1 and docs[0].raw is None and "larger than" in str(docs[0].problem)
    assert peak < 2_000_000


@pytest.mark.parametrize(
    "stream",
    [
        profile("A") + "...\n" + profile("B"),  # `...` ends a document: B follows without ---
        profile("A") + "...\n---\n" + profile("B"),
        profile("A", "\r") + "---\r" + profile("B", "\r"),  # old Mac line breaks
        profile("A", "\r\n") + "---\r\n" + profile("B", "\r\n"),
        profile("A", "\x85") + "---\x85" + profile("B", "\x85"),  # NEL
        profile("A", "\u2028") + "---\u2028" + profile("B", "\u2028"),  # LINE SEPARATOR
        "# a stream of profiles\n---\n" + profile("A") + "---\n# nothing\n---\n" + profile("B"),
        "%YAML 1.2\n---\n" + profile("A") + "...\n%YAML 1.2\n---\n" + profile("B"),
    ],
    ids=["dots", "dots-dashes", "cr", "crlf", "nel", "ls", "comments", "directives"],
)
def test_every_document_of_a_stream_appears_once_whatever_its_line_breaks_and_markers(stream):
    """These dropped a profile (after `...`) or mis-split it (CR, NEL, U+2028): exit 1 with
    "0 errors" while a profile was missing."""
    result = fto_check("batch", "-", input=stream.encode())
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["name"] for r in rows] == ["A", "B"], result.stderr
    assert result.returncode == 3


BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}", fullmatch=True), min_size=1, max_size=6
    ),
    seps=st.lists(st.sampled_from(["---", "...\n---", "..."]), min_size=6, max_size=6),
    br=st.sampled_from(BREAKS),
    noise=st.lists(st.sampled_from(["", "# note", "   ", "#"]), min_size=6, max_size=6),
    block=st.integers(1, 40),
)
def test_a_stream_splits_into_exactly_its_documents_in_order(names, seps, br, noise, block):
    """However it is written, and wherever the reads fall, each document comes out once, in
    order, at its line (the parser reads each at the line the stream has it on)."""
    parts = []
    for i, name in enumerate(names):
        if i:
            parts.append(seps[i].replace("\n", br) + br)
        if noise[i]:
            parts.append(noise[i] + br)
        parts.append(profile(name, br))
    raw = "".join(parts).encode()
    docs = list(stream_documents(io.BufferedReader(io.BytesIO(raw), 1), "-", block=block))
    assert all(d.problem is None for d in docs)
    found = [load_chunk(d.raw.decode(), "-", d.line_offset) for d in docs]
    assert [doc.data["name"] for doc in found] == names
    lines = raw.decode().replace("\r\n", "\n")
    for doc, name in zip(found, names, strict=True):
        line, _ = doc.source.value_position(("name",))
        assert _lines(lines)[line - 1] == f"name: {name}"


def _lines(text: str) -> list[str]:
    for br in BREAKS[2:]:
        text = text.replace(br, "\n")
    return text.split("\n")


# ---------------------------------------------------------------- special files


@pytest.fixture
def fifo(tmp_path) -> str:
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return str(path)


@pytest.mark.parametrize("command", [["check"], ["tour", "--no-pause"], ["check", "-f", "json"]])
def test_a_named_pipe_given_as_a_profile_is_refused_at_once(fifo, command):
    """It hung check and tour forever (nobody writes to it)."""
    result = fto_check(*command, fifo)
    assert result.returncode == 2
    (line,) = result.stderr.decode().splitlines()
    assert line.startswith(f"{fifo}: not a profile file but a named pipe (give a profile file")


def test_a_named_pipe_in_a_folder_is_an_error_row_and_the_rest_is_judged(tmp_path, fifo):
    (tmp_path / "a.yaml").write_bytes(EXAMPLE.read_bytes())
    result = fto_check("batch", str(tmp_path))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(r["path"]).name, r["verdict"]) for r in rows] == [
        ("a.yaml", "met"),
        ("pipe.yaml", None),
    ]
    assert "not a profile file but a named pipe" in rows[1]["error"]
    assert result.returncode == 2


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_given_as_a_profile_is_refused_before_it_is_read(device):
    result = fto_check("check", device)
    assert result.returncode == 2
    assert "not a profile file but a character device" in result.stderr.decode()


def test_a_pipe_given_by_its_descriptor_is_read_to_its_end():
    """`check <(command)`: the shell hands over a pipe as /dev/fd/N."""
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as pipe:
        pipe.write(EXAMPLE.read_bytes())
    result = fto_check("check", "-f", "json", f"/dev/fd/{read_end}", pass_fds=(read_end,))
    os.close(read_end)
    assert result.returncode == 0
    assert json.loads(result.stdout)["name"].startswith("Cascade Front")


@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero", "link elsewhere"])
def test_a_law_cache_that_is_not_a_regular_file_is_a_miss(tmp_path, kind):
    """A cache symlinked to /dev/zero, or a named pipe, hung every command."""
    cache = tmp_path / "cache"
    env = {"FTO_CHECK_CACHE_DIR": str(cache)}
    assert fto_check("check", str(EXAMPLE), env=env).returncode == 0
    (cached,) = cache.iterdir()
    real = cached.read_bytes()
    cached.unlink()
    if kind == "named pipe":
        os.mkfifo(cached)
    elif kind == "link to /dev/zero":
        cached.symlink_to("/dev/zero")
    else:
        (tmp_path / "elsewhere.json").write_bytes(real)
        cached.symlink_to(tmp_path / "elsewhere.json")
    result = fto_check("check", str(EXAMPLE), env=env)
    assert result.returncode == 0, result.stderr


# ---------------------------------------------------------------- fto-check's own data


@pytest.mark.parametrize("kind", ["named pipe", "symbolic link"])
@pytest.mark.parametrize(
    ("name", "command"),
    [("8-usc-1189.yaml", ["check", str(EXAMPLE)]), ("readings.yaml", ["check", str(EXAMPLE)]),
     ("register.yaml", ["register"]), ("catalog.yaml", ["explain", "2656f(d)(2)"])],
)  # fmt: skip
def test_a_data_file_that_is_not_a_regular_file_is_one_line_never_read(
    tmp_path, name, command, kind
):
    """rules/*.yaml were read wherever they led: a named pipe there hung every command, and a
    link was followed to whatever it named."""
    import shutil

    rules = tmp_path / "rules"  # beside the package, as in a checkout
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", rules)
    data = rules / name
    (tmp_path / "elsewhere.yaml").write_bytes(data.read_bytes())
    data.unlink()
    if kind == "named pipe":
        os.mkfifo(data)
    else:
        data.symlink_to(tmp_path / "elsewhere.yaml")
    package = f"pathlib.Path({str(tmp_path / 'fto_check')!r})"
    code = f"import pathlib, fto_check.base.resources as r; r._PACKAGE = {package}; "
    code += "from fto_check.cli.app import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", code, *command],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=HANG_GUARD,
        env={**os.environ, "FTO_CHECK_CACHE_DIR": ""},
    )
    assert result.returncode == 2
    assert result.stderr.decode() == (
        f"error: fto-check's data file {data} is a {kind}, not a regular file "
        "(reinstall fto-check)\n"
    )


def test_a_data_file_is_read_only_if_it_is_a_regular_file(tmp_path):
    from fto_check.base.errors import DataError
    from fto_check.base.resources import read_data

    (tmp_path / "file.yaml").write_bytes(b"a: 1\n")
    assert read_data(tmp_path / "file.yaml") == b"a: 1\n"
    for path, kind in [(tmp_path, "a directory"), ("/dev/null", "a character device")]:
        with pytest.raises(DataError, match=f"{path} is {kind}, not a regular file"):
            read_data(path)
    with pytest.raises(DataError, match="cannot be read: No such file or directory"):
        read_data(tmp_path / "missing.yaml")
