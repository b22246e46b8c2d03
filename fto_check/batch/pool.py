"""`fto-check batch`: judge many profiles, one matrix row each, written as each is decided.

Inputs are files, directories (searched for *.yaml and *.yml, in sorted order) and `-` for a
`---`-separated stream on stdin. Every input becomes exactly one row, in input order: a bad
file is an error row with its `path:line:col` problems, and the rest go on. Rows are written as
they come and reports are dropped once their row is built, so memory stays flat as a batch
grows. Large batches are judged by a pool of forked worker processes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from fto_check.base.errors import InputError, UsageError
from fto_check.cli.commands import EXIT_NOT_MET, EXIT_OK, exit_code, parse_day
from fto_check.law.readings import parse_option, resolve
from fto_check.reasoning.logic import Status
from fto_check.render import matrix

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Measured on 2 cores (benchmarks/bench.py): forking a pool costs ~0.03 s, and a profile
# ~1 ms, so from about a thousand profiles two processes finish well ahead of one. Chunks of a
# few hundred keep the per-task overhead of the pool negligible; towards the end they shrink,
# so no worker sits idle while another finishes a big last chunk (~0.1 s at 256 profiles).
PARALLEL_MIN = 1000
CHUNK = 256
MAX_AUTO_JOBS = 8
PROGRESS_MIN = 200  # below this a batch is over before a progress bar is worth drawing
SUFFIX_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "table",
}

Item = tuple[str, bytes | None, int | None]  # (label, stream bytes or None for a file, offset)


@dataclass(frozen=True)
class Options:
    as_of: date | None
    readings: dict[str, str]
    max_bytes: int
    check_expected: bool


def run(
    paths: list[str],
    *,
    fmt: str | None,
    output: Path | None,
    jobs: int | None,
    as_of: str | None,
    readings: list[str],
    check_expected: bool,
    max_bytes: int,
) -> int:
    options = Options(parse_day(as_of), parse_option(readings), max_bytes, check_expected)
    resolve(options.readings)  # a bad --reading is a usage error before any work is done
    items = collect(paths)
    if not items:
        raise UsageError("no profiles found: give YAML files, directories, or - for stdin")
    fmt = fmt or default_format(output)
    started = time.perf_counter()
    verdicts: Counter[str] = Counter()
    errors = mismatched = warned = 0
    with _terminate_as_exit(), _destination(output) as (out, is_terminal):
        color = is_terminal and not os.environ.get("NO_COLOR")
        decided = _with_progress(results(items, options, jobs), len(items), show=not is_terminal)
        writer = matrix.writer(
            fmt, out, check=check_expected, color=color, paths=[label for label, _, _ in items]
        )
        # Stopped early (a signal, the reader gone), the workers stop here, not when (or if)
        # the generator is collected.
        with closing(decided):
            for rows in decided:
                for row in rows:
                    writer.write(row)
                    if row["error"]:
                        errors += 1
                        print(row["error"], file=sys.stderr)
                    else:
                        verdicts[row["verdict"]] += 1
                        warned += len(row["warnings"])
                    if check_expected and row.get("expected") != "ok":
                        mismatched += 1
                        print(f"{row['path']}: {row['diff']}", file=sys.stderr)
                out.flush()  # rows are out as soon as they are decided (`| head`, `tail -f`)
        writer.close()
    elapsed = time.perf_counter() - started
    print(
        summary(len(items), verdicts, errors, elapsed, mismatched, check_expected, warned),
        file=sys.stderr,
    )
    if check_expected:
        return EXIT_NOT_MET if mismatched else EXIT_OK
    return exit_code([Status(v) for v in verdicts], errors)


def summary(
    total: int,
    verdicts: Counter[str],
    errors: int,
    elapsed: float,
    mismatched: int,
    check: bool,
    warnings: int = 0,
) -> str:
    counts = ", ".join(f"{verdicts[s.value]} {s.label}" for s in Status)
    rate = f", {total / elapsed:,.0f} profiles/s" if elapsed > 0 else ""
    warned = (
        f"{warnings} warning{'s' * (warnings != 1)} (in the rows' warnings); " if warnings else ""
    )
    text = (
        f"{total} profile{'s' * (total != 1)}: {counts}; "
        f"{errors} error{'s' * (errors != 1)}; {warned}{elapsed:.2f} s{rate}"
    )
    if check:
        text += f"; {total - mismatched} of {total} as expected"
    return text


# ---------------------------------------------------------------- inputs


def collect(paths: Iterable[str]) -> list[Item]:
    """Every input once, in order: files as given, directories' YAML files sorted, stdin split."""
    items: list[Item] = []
    seen: set[str] = set()
    for arg in paths:
        if arg == "-":
            raw = sys.stdin.buffer.read()
            from fto_check.base.loader import split_documents

            items.extend(
                (f"<stdin>:{line + 1}", chunk, line) for line, chunk in split_documents(raw)
            )
            continue
        # a directory without profiles is an input of its own, judged an error
        found = _yaml_files(arg) if os.path.isdir(arg) else []
        for file, key in found or [(arg, os.path.realpath(arg))]:
            if key not in seen:
                seen.add(key)
                items.append((file, None, None))
    return items


def _yaml_files(directory: str) -> list[tuple[str, str]]:
    """The *.yaml and *.yml files under `directory`, sorted, each with its real path.

    As `os.walk` walks (symbolic links to folders are listed, not followed), except that a
    folder that cannot be listed is listed itself, to become an error row. From `os.scandir`'s
    entries, which know a symbolic link without a system call, the real path of any other file
    is its folder's real path and its name: one `realpath` a folder, not one a file (a tenth of
    a second in 10,000 files). Plain strings, not Paths: a batch may be big.
    """
    found = []
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # an input of its own, judged an error: its profiles are not lost silently
            found.append((folder, os.path.realpath(folder)))
            continue
        real_folder = os.path.realpath(folder)
        for entry in entries:
            if _is_folder(entry):
                if not entry.is_symlink():
                    folders.append(entry.path)
            elif entry.name.endswith((".yaml", ".yml")):
                link = entry.is_symlink()
                real = (
                    os.path.realpath(entry.path) if link else os.path.join(real_folder, entry.name)
                )
                found.append((entry.path, real))
    return sorted(found)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def default_format(output: Path | None) -> str:
    """table on a terminal; otherwise from --output's suffix; else jsonl (streams, one per line)."""
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


# ---------------------------------------------------------------- judging


_OPTIONS: Options | None = None  # set in each worker (inherited by fork, or by the initializer)


def _init(options: Options) -> None:
    global _OPTIONS
    _OPTIONS = options


def _init_worker(options: Options) -> None:
    """Signals are for the batch process, which stops its workers (Ctrl-C reaches them all).

    A batch killed outright (SIGKILL) stops nothing, and a worker waiting for its next chunk
    would wait forever: a watcher ends the worker as soon as the batch is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_exit_with_batch, daemon=True).start()
    _init(options)


def _exit_with_batch() -> None:
    from multiprocessing.connection import wait

    batch = multiprocessing.parent_process()
    if batch is not None:
        wait([batch.sentinel])  # readable once the batch process has ended
        os._exit(1)


def _judge_chunk(chunk: list[Item]) -> list[dict[str, Any]]:
    return [judge(item) for item in chunk]


def judge(item: Item) -> dict[str, Any]:
    """One input → its matrix row. Never raises: a problem becomes an error row."""
    from fto_check.profile.read import parse_profile, read_profile
    from fto_check.reasoning.evaluate import evaluate
    from fto_check.reasoning.expect import mismatches

    options = _OPTIONS
    assert options is not None
    label, raw, offset = item
    try:
        if raw is None:
            loaded = read_profile(label, max_bytes=options.max_bytes)
        else:
            loaded = parse_profile(raw, "<stdin>", max_bytes=options.max_bytes, line_offset=offset)
        report = evaluate(
            loaded.profile,
            loaded.source,
            as_of=options.as_of,
            readings=options.readings,
            provenance=False,  # a row shows no fact's place or sources
        )
    except InputError as e:
        problem: InputError | str = e
        if raw is None and os.path.isdir(label):  # a folder without profiles, or not listable
            problem = _folder_problem(label)
        return _checked(matrix.error_row(label, problem), options, "not judged: input error")
    except Exception as e:  # a bug in fto-check: say so against its input, and go on
        message = f"{label}: internal error (a bug in fto-check): {type(e).__name__}: {e}"
        return _checked(matrix.error_row(label, message), options, "not judged: internal error")
    row = matrix.row(report, label)
    if options.check_expected:
        diff = mismatches(loaded.profile, report)
        row["expected"] = "mismatch" if diff else "ok"
        row["diff"] = "; ".join(diff) or None
    return row


def _folder_problem(folder: str) -> str:
    try:
        with os.scandir(folder):
            pass
    except OSError as e:
        return f"{folder}: cannot list this folder: {e.strerror or e}"
    return f"{folder}: no profiles found in this directory (no *.yaml or *.yml files)"


def _checked(row: dict[str, Any], options: Options, diff: str) -> dict[str, Any]:
    if options.check_expected:
        row["expected"], row["diff"] = "error", diff
    return row


def results(
    items: list[Item], options: Options, jobs: int | None
) -> Iterator[list[dict[str, Any]]]:
    """The rows of `items` in order, as they are decided: one at a time in this process, or a
    chunk at a time from a pool of forked workers."""
    _init(options)
    workers = worker_count(jobs, len(items))
    if workers <= 1:
        for item in items:
            yield [judge(item)]
        return
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start with the law, readings and modules already loaded (spawn would
    # re-import everything, ~0.4 s). An executor, not a Pool: a worker that dies raises
    # BrokenProcessPool instead of leaving the batch waiting forever (unless it dies in the
    # microseconds it takes to send a chunk's rows: see kill_workers).
    context = multiprocessing.get_context("fork")
    from fto_check.law.statute import load_law
    from fto_check.reasoning import evaluate  # noqa: F401 - loaded here, judge's imports are free in workers

    load_law()
    pool = ProcessPoolExecutor(workers, context, initializer=_init_worker, initargs=(options,))
    try:
        # submit, not map: closing map's iterator cancels futures, and on 3.11 a pool broken
        # afterwards fails in its own thread (InvalidStateError) when it fails them
        futures = deque(
            pool.submit(_judge_chunk, items[start:end])
            for start, end in chunks(len(items), workers)
        )
        while futures:  # a future keeps its rows: drop each once written, so memory stays flat
            yield futures.popleft().result()
    except BaseException:
        # stopped early (a signal, an error, the reader gone): the rest is not wanted, and a
        # worker may be stuck in a read that never returns: kill the workers, not wait for them
        kill_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True)


def kill_workers(pool: ProcessPoolExecutor) -> None:
    """Kill a ProcessPoolExecutor's workers, so that it shuts down as broken, and promptly.

    A worker killed while it sends a chunk's rows (more than a pipe holds) leaves half a message
    in the result pipe, and the pool's manager thread would wait for the rest forever: this
    process holds the pipe's write end too. Once the workers are dead, closing that end turns
    the wait into end-of-file. The pool offers neither step (3.14 has `kill_workers`, which
    does not close the pipe), hence its private attributes.
    """
    processes = list(pool._processes.values())
    for process in processes:
        process.kill()
    for process in processes:
        process.join()  # dead: their ends of the pipe are closed
    pool._result_queue._writer.close()


def chunks(n: int, workers: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each chunk of n inputs: a quarter of each worker's share of what is left,
    at most CHUNK (OpenMP's "guided" schedule)."""
    start = 0
    while start < n:
        size = max(1, min(CHUNK, (n - start) // (workers * 4)))
        yield start, min(n, start + size)
        start += size


def worker_count(jobs: int | None, n: int) -> int:
    """--jobs N as given (at most one per input); auto: parallel only when it pays."""
    if jobs is not None:
        return max(1, min(jobs, n))
    if n < PARALLEL_MIN or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, MAX_AUTO_JOBS))


# ---------------------------------------------------------------- output


def _with_progress(
    decided: Iterator[list[dict]], total: int, *, show: bool
) -> Iterator[list[dict]]:
    """A progress bar on stderr for a large batch, when stderr is a terminal of its own."""
    if not (show and total >= PROGRESS_MIN and sys.stderr.isatty()):
        yield from decided
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress, closing(decided):
        task = progress.add_task("judging", total=total)
        for rows in decided:
            yield rows
            progress.advance(task, len(rows))


@contextmanager
def _destination(output: Path | None) -> Iterator[tuple[IO[str], bool]]:
    """Standard output, or --output written atomically: all of it, or the old file untouched."""
    if output is None:
        yield sys.stdout, sys.stdout.isatty()
        sys.stdout.flush()
        return
    try:
        with atomic_write(output) as f:
            yield f, False
    except (KeyboardInterrupt, SystemExit):  # a signal: say what became of the file
        print(f"interrupted: {output} left as it was", file=sys.stderr)
        raise


@contextmanager
def atomic_write(path: Path) -> Iterator[IO[str]]:
    """Write `path` through a temporary file in the same directory, renamed over it at the end.

    On any exception (a signal included, see `_terminate_as_exit`) the temporary file is
    removed and an existing `path` is left as it was.
    """
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    except OSError as e:
        raise UsageError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, _mode(path))
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def _mode(path: Path) -> int:
    """The permissions the file would have had if written directly (mkstemp makes it 0600)."""
    with suppress(OSError):
        return os.stat(path).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def _terminate_as_exit() -> Iterator[None]:
    """Turn SIGTERM into SystemExit while a batch runs, so `finally` blocks clean up."""

    def stop(signum, frame):
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (e.g. under a test runner's thread): leave it
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
