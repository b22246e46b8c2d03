"""One module per command. Each `run(...)` returns the exit code; `cli.py` only wires options."""

from __future__ import annotations

from datetime import date

from fto_check.base.errors import UsageError
from fto_check.base.limits import MAX_BYTES_CEILING, MAX_JOBS
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status
from fto_check.render.safe import terminal

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


def _is_day(text: str) -> bool:
    """YYYY-MM-DD in ASCII digits (`str.isdigit` alone takes any script's)."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()


def parse_day(text: str | None, option: str = "--as-of", *, judging: bool = True) -> date | None:
    """The date of a YYYY-MM-DD option, and only that form (Python also reads 20240630 and
    2024-W26-7). To judge on, a date from the day § 1189 was enacted."""
    if text is None:
        return None
    shown = terminal(text)
    try:
        if not _is_day(text):
            raise ValueError
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, got {shown!r}") from None
    from fto_check.law.statute import FTO_STATUTE_ENACTED

    if judging and day < FTO_STATUTE_ENACTED:
        raise UsageError(
            f"{option} {shown} is before 8 U.S.C. § 1189 was enacted on {FTO_STATUTE_ENACTED} "
            "(Pub. L. 104-132, § 302): there was no designation to judge"
        )
    return day


def max_bytes_option(value: int) -> int:
    """--max-bytes as given, if it is a size fto-check can read (one line if not)."""
    if not 1 <= value <= MAX_BYTES_CEILING:
        raise UsageError(f"--max-bytes takes a number of bytes from 1 to {MAX_BYTES_CEILING:,}")
    return value


def jobs_option(value: int | None) -> int | None:
    """--jobs as given, if it is a number of worker processes fto-check starts (one line if not:
    typer's own check of a range would print a usage box)."""
    if value is not None and not 1 <= value <= MAX_JOBS:
        raise UsageError(f"--jobs takes a number of worker processes from 1 to {MAX_JOBS}")
    return value
