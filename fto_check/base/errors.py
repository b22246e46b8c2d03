"""The one family of errors fto-check raises for bad input, each pinned to a place in a file.

The core raises these; only the CLI prints them (as `path:line:col: field: message`) and turns
them into exit code 2. Anything else escaping the core is a bug in fto-check, not in the input.
"""

from __future__ import annotations

from dataclasses import dataclass


class FtoCheckError(Exception):
    """Base class of every error fto-check reports to its user."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, at a 1-based line and column (0 when unknown)."""

    path: str
    line: int
    col: int
    message: str
    field: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else self.path
        what = f"{self.field}: {self.message}" if self.field else self.message
        text = f"{where}: {what}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(FtoCheckError):
    """An input that cannot be read as a profile. Carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    @classmethod
    def at(cls, path: str, line: int, col: int, message: str, **kw: str) -> InputError:
        return cls([Problem(path, line, col, message, **kw)])


class UsageError(FtoCheckError):
    """A command-line mistake that is not about a profile's content (bad option value, …)."""


class DataError(FtoCheckError):
    """fto-check's own data (`rules/`, `examples/`) is not what it should be: a damaged
    installation or checkout, not a mistake of the user's."""
