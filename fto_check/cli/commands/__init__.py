"""One module per command. Each `run(...)` returns the exit code; `cli.py` only wires options."""

from __future__ import annotations

from datetime import date

from fto_check.base.errors import UsageError
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status

EXIT_OK, EXIT_NOT_MET, EXIT_INPUT, EXIT_UNDETERMINED = 0, 1, 2, 3


def exit_code(verdicts: list[Status], errors: int = 0) -> int:
    """2 if any input failed; else 1 if any verdict is not met; else 3 if any is undetermined."""
    if errors:
        return EXIT_INPUT
    if NOT_MET in verdicts:
        return EXIT_NOT_MET
    if UNDETERMINED in verdicts:
        return EXIT_UNDETERMINED
    assert all(v is MET for v in verdicts)
    return EXIT_OK


def parse_day(text: str | None, option: str = "--as-of") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, got {text!r}") from None
