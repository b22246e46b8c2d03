"""The batch engine: many profiles judged in order, streamed, with bounded memory.

`collect` gathers the inputs (files, folders, standard input as a stream), `pool` judges them
in order (in this process, or by a pool of forked workers that recovers from one that dies),
`jobs` says what is done to each (a matrix row for `batch`, a rendered report for `check`),
`output` writes safely, and `signals` ends a run cleanly on any signal that would end it.

The unit they all work on, an `Item`, is defined here: `check` of one file imports this and
`jobs` alone (each module more is ~0.3 ms of every start-up), and it is a plain class for the
same reason (a dataclass costs ~0.5 ms to define).
"""

from __future__ import annotations

STDIN = "<stdin>"


class Item:
    """One input: a file to read, a document of a stream, or a problem found collecting it."""

    __slots__ = ("label", "offset", "path", "problem", "raw")

    def __init__(
        self,
        label: str,  # how rows and messages name it: its path, escaped, safe to show
        path: str | None = None,  # the file to read, as the system names it (None: not a file)
        raw: bytes | None = None,  # a stream document's bytes
        offset: int = 0,  # lines of the stream before that document
        problem: str | None = None,  # why it cannot be judged (`path:line:col: message`)
    ) -> None:
        self.label, self.path, self.raw = label, path, raw
        self.offset, self.problem = offset, problem

    def __reduce__(self):  # pickled to the workers, slots and all
        return Item, (self.label, self.path, self.raw, self.offset, self.problem)
