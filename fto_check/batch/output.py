"""Where a batch writes: standard output, or `--output FILE`, safely.

`--output FILE` is resolved once, deliberately:
- a regular file, or a name not yet taken, is written atomically: to a temporary file beside
  it, `.FILE.<pid>.<random>.tmp`, renamed over it only when complete, so FILE is either the old
  file or the complete new one (a signal or an error removes the temporary file);
- a symbolic link is followed: the file it points to is the one replaced (the link stays a
  link), as a shell's `>` would write through it;
- a character device or a named pipe (`/dev/null`, `/dev/stdout`, `/proc/self/fd/1`, a pipe
  someone reads) is written through, as it is: a device is never replaced by a file;
- a directory, a block device, a socket, an empty name, or one of the batch's own input files
  is refused before anything is read or written.
A batch killed outright (SIGKILL) leaves its temporary file behind; the next batch writing the
same FILE removes it (`sweep`) once its process is gone and it has been left alone a while.
Any failure to write (a full disk, a closed pipe's reader aside) is one line and exit 2.

`fto-check new --output FILE` writes a new file instead (`refuse_unwritable`, `create`): one
that did not exist, created and never replaced, its folder checked before the interview.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import IO

from fto_check.base.errors import UsageError
from fto_check.render.safe import terminal

STALE_AFTER = 60.0  # seconds a dead batch's temporary file is left alone before it is swept


class OutputError(UsageError):
    """The output could not be written (a full disk, a missing folder, …)."""


@contextmanager
def destination(
    output: str | None, *, inputs: Iterable[str] = ()
) -> Iterator[tuple[IO[str], bool]]:
    """(stream, is a terminal) to write to: standard output, or `output` as described above."""
    if output is None:
        try:
            yield sys.stdout, sys.stdout.isatty()
            sys.stdout.flush()
        except OSError as e:
            if e.errno == errno.EPIPE:
                raise  # the reader has gone (`| head`): not an error worth a message
            raise OutputError(f"cannot write to standard output: {e.strerror or e}") from None
        return
    target, kind = _resolve(output, inputs)
    shown = terminal(output)
    try:
        if kind == "through":
            with _through(target, shown) as f:
                yield f, False
        else:
            with atomic_write(target) as f:
                yield f, False
    except (KeyboardInterrupt, SystemExit):  # a signal: say what became of the file
        if kind != "through":
            print(f"interrupted: {shown} left as it was", file=sys.stderr)
        raise
    except OSError as e:
        kept = "" if kind == "through" else f"; {shown} left as it was"
        raise OutputError(f"cannot write {shown}: {e.strerror or e}{kept}") from None


def _resolve(output: str, inputs: Iterable[str]) -> tuple[str, str]:
    """The path to write and how: "atomic" (a file, through a temporary one) or "through"."""
    shown = terminal(output)
    if not output:
        raise UsageError("--output needs a file name")
    try:
        info = os.stat(output)  # through symbolic links: what writing would reach
    except FileNotFoundError:
        return os.path.realpath(output), "atomic"  # a new file (or where a dangling link points)
    except OSError as e:
        raise OutputError(f"cannot write {shown}: {e.strerror or e}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise UsageError(f"{shown} is a directory; --output takes a file name")
    if stat.S_ISCHR(mode) or stat.S_ISFIFO(mode):
        return output, "through"
    if not stat.S_ISREG(mode):
        kind = "a block device" if stat.S_ISBLK(mode) else "a socket"
        raise UsageError(f"{shown} is {kind}; --output takes a file name")
    for path in inputs:
        with suppress(OSError):
            other = os.stat(path)
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise UsageError(
                    f"{shown} is one of the batch's inputs; refusing to write the output over it"
                )
    return os.path.realpath(output), "atomic"


@contextmanager
def _through(path: str, shown: str) -> Iterator[IO[str]]:
    """Write straight into a device or a pipe (no temporary file, no renaming)."""
    try:
        # without blocking: a named pipe nobody reads would wait forever (ENXIO says so)
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        if e.errno == errno.ENXIO:
            raise OutputError(f"cannot write {shown}: nothing is reading this pipe") from None
        raise OutputError(f"cannot write {shown}: {e.strerror or e}") from None
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        yield f


@contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[IO[str]]:
    """Write `path` through a temporary file in the same directory, renamed over it at the end.

    On any exception (a signal included, see `signals.exit_on_signals`) the temporary file is
    removed and an existing `path` is left as it was. Temporary files a killed batch left
    beside `path` are swept first.
    """
    import tempfile

    path = os.fspath(path)
    directory, name = os.path.split(path)
    directory = directory or "."
    sweep(directory, name)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.{os.getpid()}.", suffix=".tmp", dir=directory)
    except OSError as e:
        raise OutputError(f"cannot write {terminal(path)}: {e.strerror or e}") from None
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


def sweep(directory: str, name: str) -> list[str]:
    """Remove the temporary files of `name` that a batch killed outright left in `directory`.

    Only files this user owns, named as `atomic_write` names them, whose process is gone, and
    left untouched for STALE_AFTER seconds (a process on another machine sharing the folder is
    still writing to its own): never a file a running batch may still write. Returns the names
    removed.
    """
    pattern = re.compile(re.escape(f".{name}.") + r"(\d{1,9})\.[A-Za-z0-9_]+\.tmp")
    removed = []
    try:
        entries = [e for e in os.scandir(directory) if pattern.fullmatch(e.name)]
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        with suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            pid = int(pattern.fullmatch(entry.name)[1])  # type: ignore[index]
            if (
                stat.S_ISREG(info.st_mode)
                and info.st_uid == os.geteuid()
                and pid != os.getpid()
                and not _alive(pid)
                and now - info.st_mtime > STALE_AFTER
            ):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no right to ask: alive, for all we know
        return True
    return True


def refuse_unwritable(output: str) -> None:
    """Refuse a new file `create` could not write, before any work is done (the interview
    of `new` is long: its answers are not to be lost to a missing folder)."""
    shown = terminal(output)
    if not output:
        raise UsageError("--output needs a file name")
    if os.path.lexists(output):
        raise UsageError(f"{shown} exists; choose another file, or remove it first")
    folder = os.path.dirname(output) or "."
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {shown}: no folder {terminal(folder)}")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"cannot write {shown}: the folder is not writable")


def create(output: str, text: str) -> None:
    """Write `text` to the new file `output`: created, never replaced (a file that appeared
    since `refuse_unwritable` is kept), and removed again if it cannot be written whole."""
    shown = terminal(output)
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    except FileExistsError:
        raise UsageError(f"{shown} exists; choose another file, or remove it first") from None
    except OSError as e:
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        with suppress(OSError):
            os.unlink(output)
        raise UsageError(f"cannot write {shown}: {e.strerror or e}") from None


def _mode(path: str) -> int:
    """The permissions the file would have had if written directly (mkstemp makes it 0600)."""
    with suppress(OSError):
        return os.stat(path).st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
