"""The inputs of a batch: files, folders and standard input, each input once, in order.

Files are taken as given; a folder stands for the profiles under it (`*.yaml` and `*.yml` in
any case, sorted); `-` for the `---`-separated documents of standard input, read as they come
(`base.loader.stream_documents`), so a stream of any length is judged in bounded memory. Files
and folders are listed at once (paths are small); a stream is never held.

Every input is an `Item`: how outputs name it (`label`, escaped for showing), and what to read.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import BinaryIO

from fto_check.base.limits import MAX_BYTES
from fto_check.batch import STDIN, Item
from fto_check.render.safe import terminal

PROFILE_SUFFIXES = (".yaml", ".yml")  # matched in any case: `*.YAML` is a profile too


# A plain class, not a dataclass: a dataclass costs ~0.3 ms to define.
class Inputs:
    """The items of a batch, as they come; how many (None while a stream is among them); and
    the files among them, so an output file is never written over one of its inputs."""

    __slots__ = ("files", "items", "labels", "total")

    def __init__(
        self,
        items: Iterator[Item],
        total: int | None,
        files: list[str] | None = None,
        labels: list[str] | None = None,  # every item's label, when no stream is among them
    ) -> None:
        self.items, self.total, self.files, self.labels = items, total, files or [], labels

    def first(self) -> Item | None:
        """The first item (None if there is none), left in place: a batch with nothing to judge
        is refused before anything is written."""
        head = next(self.items, None)
        if head is not None:
            self.items = chain((head,), self.items)
        return head


def collect(
    paths: Iterable[str], *, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None
) -> Inputs:
    """Every input once, in order: files as given, folders' profiles sorted, `-` streamed."""
    parts: list[Iterable[Item]] = []
    listed: list[Item] = []
    files: list[str] = []
    seen: set[str] = set()
    streams = 0
    for arg in paths:
        if arg == "-":
            parts.append(listed)
            listed = []
            parts.append(stream(stdin or sys.stdin.buffer, max_bytes))
            streams += 1
            continue
        found = yaml_files(arg) if os.path.isdir(arg) else None
        if found == []:  # a folder without profiles (or unlistable) is an input of its own
            listed.append(Item(terminal(arg), problem=_folder_problem(arg)))
            continue
        for file, key, folder in found or [(arg, os.path.realpath(arg), False)]:
            if key in seen:
                continue
            seen.add(key)
            if folder:  # a folder below that cannot be listed
                listed.append(Item(terminal(file), problem=_folder_problem(file)))
            else:
                listed.append(Item(terminal(file), file))
                files.append(file)
    parts.append(listed)
    if streams:
        return Inputs(chain.from_iterable(parts), None, files)
    labels = [item.label for part in parts for item in part]  # type: ignore[union-attr]
    return Inputs(chain.from_iterable(parts), len(labels), files, labels)


def stream(binary: BinaryIO, max_bytes: int) -> Iterator[Item]:
    """The documents of a `---` stream as items, read as they come (labels `<stdin>:LINE`)."""
    from fto_check.base.loader import stream_documents

    for doc in stream_documents(binary, STDIN, max_bytes=max_bytes):
        label = f"{STDIN}:{doc.line_offset + 1}"
        if doc.problem is not None:
            yield Item(label, problem=terminal(str(doc.problem)))
        else:
            yield Item(label, raw=doc.raw, offset=doc.line_offset)


def yaml_files(directory: str) -> list[tuple[str, str, bool]]:
    """The profiles under `directory`, sorted, each with its real path and whether it is a
    folder that could not be listed: [] if there are none.

    As `os.walk` walks (symbolic links to folders are listed, not followed), except that a
    folder below that cannot be listed is listed itself, to become an error row. From
    `os.scandir`'s entries, which know a symbolic link without a system call, the real path of
    any other file is its folder's real path and its name: one `realpath` a folder, not one a
    file (a tenth of a second in 10,000 files). Plain strings, not Paths: a batch may be big.
    """
    found = []
    folders = [directory]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:  # an input of its own, judged an error: its profiles are not lost silently
            if folder != directory:
                found.append((folder, os.path.realpath(folder), True))
            continue
        real_folder = os.path.realpath(folder)
        for entry in entries:
            if _is_folder(entry):
                if not entry.is_symlink():
                    folders.append(entry.path)
            elif entry.name.lower().endswith(PROFILE_SUFFIXES):
                link = entry.is_symlink()
                real = (
                    os.path.realpath(entry.path) if link else os.path.join(real_folder, entry.name)
                )
                found.append((entry.path, real, False))
    return sorted(found)


def _is_folder(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _folder_problem(folder: str) -> str:
    """Why a folder given as an input holds no profile to judge."""
    try:
        with os.scandir(folder):
            pass
    except OSError as e:
        return f"{terminal(folder)}: cannot list this folder: {e.strerror or e}"
    return f"{terminal(folder)}: no profiles found in this directory (no *.yaml or *.yml files)"
