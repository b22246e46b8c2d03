"""Where the package's data lives: `rules/` (the law) and `examples/`, and how it is read.

In a source checkout they sit at the top of the repository; an installed wheel carries them
inside the package (see `force-include` in pyproject.toml). Looking inside the package first
means an installed fto-check never reads a stray `rules/` from the working directory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from fto_check.base.errors import DataError

_PACKAGE = Path(__file__).resolve().parent.parent  # fto_check/

# What a path that is not a regular file is, as an error says it.
FILE_KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def data_dir(name: str) -> Path:
    """The directory `name` ("rules" or "examples"), packaged or in the source tree."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fto-check is missing its {name}/ directory (looked in {_PACKAGE})")


def read_data(path: str | os.PathLike) -> bytes:
    """The bytes of one of fto-check's own data files (`rules/…`, `examples/…`).

    It must be a regular file. It is opened without following a symbolic link (what it points
    to is not fto-check's data) and without waiting (a named pipe would wait forever for a
    writer), and anything else is a DataError naming what it is, before a byte is read.
    """
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY | os.O_NONBLOCK | os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise DataError(_damaged(path, "is a symbolic link, not a regular file")) from None
        raise DataError(_damaged(path, f"cannot be read: {e.strerror or e}")) from None
    try:
        kind = stat.S_IFMT(os.fstat(fd).st_mode)
        if kind != stat.S_IFREG:
            what = FILE_KINDS.get(kind, "not a regular file")
            raise DataError(_damaged(path, f"is {what}, not a regular file"))
        with open(fd, "rb", closefd=False) as f:
            return f.read()
    finally:
        os.close(fd)


def _damaged(path: str | os.PathLike, what: str) -> str:
    return f"fto-check's data file {os.fspath(path)} {what} (reinstall fto-check)"
