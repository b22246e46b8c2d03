"""What is done to each input of a batch: `Rows` for `fto-check batch` (a matrix row each),
`Reports` for `fto-check check` (a whole report each, rendered). Both run in the worker
processes as well as in the batch's own, never raise (a bad input is an error result; only
fto-check's own data, damaged, stops them), and return small picklable results: a report is
rendered where it was made, and only its text travels. `Calibration` gives `fto-check
calibrate` a profile's verdict beside its record.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fto_check.base.errors import DataError, InputError
from fto_check.batch import STDIN, Item
from fto_check.render.safe import terminal


def _read(item: Item, max_bytes: int):
    """The item read as a profile (raises InputError)."""
    from fto_check.profile.read import parse_profile, read_profile

    if item.problem is not None:
        raise _Problem(item.problem)
    if item.raw is not None:
        return parse_profile(item.raw, STDIN, max_bytes=max_bytes, line_offset=item.offset)
    assert item.path is not None
    return read_profile(item.path, max_bytes=max_bytes, name=item.label)


class _Problem(Exception):
    """An input found bad while collecting (a folder without profiles, a stream's document
    over the size limit): its message, as it stands."""


def _internal(item: Item, e: Exception) -> str:
    return terminal(f"{item.label}: internal error (a bug in fto-check): {type(e).__name__}: {e}")


# Plain classes, not dataclasses: a dataclass costs ~0.5 ms to define, and `check` imports these.


class Rows:
    """One input → its matrix row (render/matrix.py)."""

    def __init__(
        self, as_of: date | None, readings: dict[str, str], max_bytes: int, check_expected: bool
    ) -> None:
        self.as_of, self.readings = as_of, readings
        self.max_bytes, self.check_expected = max_bytes, check_expected

    def __call__(self, item: Item) -> dict[str, Any]:
        from fto_check.reasoning.evaluate import evaluate
        from fto_check.reasoning.expect import mismatches
        from fto_check.render import matrix

        try:
            loaded = _read(item, self.max_bytes)
            report = evaluate(
                loaded.profile,
                loaded.source,
                as_of=self.as_of,
                readings=self.readings,
                provenance=False,  # a row shows no fact's place or sources
                status_first=True,  # nor, for a verdict met, any reason
            )
        except InputError as e:
            return self._checked(matrix.error_row(item.label, _escaped(e)), "input error")
        except _Problem as e:
            return self._checked(matrix.error_row(item.label, str(e)), "input error")
        except DataError:
            raise  # fto-check's own data is damaged: every input would fail alike
        except Exception as e:  # a bug in fto-check: say so against its input, and go on
            return self._checked(matrix.error_row(item.label, _internal(item, e)), "internal error")
        row = matrix.row(report, item.label)
        if self.check_expected:
            diff = mismatches(loaded.profile, report)
            row["expected"] = "mismatch" if diff else "ok"
            row["diff"] = "; ".join(diff) or None
        return row

    def lost(self, item: Item, why: str) -> dict[str, Any]:
        from fto_check.render import matrix

        return self._checked(matrix.error_row(item.label, why), "worker died")

    def _checked(self, row: dict[str, Any], diff: str) -> dict[str, Any]:
        if self.check_expected:
            row["expected"], row["diff"] = "error", f"not judged: {diff}"
        return row


def _escaped(e: InputError) -> str:
    return "; ".join(terminal(str(p)) for p in e.problems)


class Outcome:
    """A report as rendered text, its verdict; or the input's error message instead."""

    __slots__ = ("error", "text", "verdict")

    def __init__(self, text: str = "", verdict: str | None = None, error: str | None = None):
        self.text, self.verdict, self.error = text, verdict, error

    def __reduce__(self):  # pickled back from the workers
        return Outcome, (self.text, self.verdict, self.error)


class Reports:
    """One input → its report, rendered in `fmt` (for `check`).

    fmt is "json", "markdown", "text", or "rich": text in colour for a terminal of `width`
    columns and `color_system` (rendered here, written there, byte for byte as if printed).
    """

    # A rendered report is ~10-60 KB, and a chunk's are held until written: chunks of a few,
    # so what a pool holds stays ~10 MB (a profile takes ~8 ms: a chunk is still 100 ms).
    chunk = 16

    def __init__(
        self,
        fmt: str,
        as_of: date | None,
        readings: dict[str, str],
        max_bytes: int,
        *,
        why_not: bool = False,
        all_readings: bool = False,
        brief: bool = False,
        width: int = 80,
        color_system: str | None = None,
    ) -> None:
        self.fmt, self.as_of, self.readings, self.max_bytes = fmt, as_of, readings, max_bytes
        self.why_not, self.all_readings, self.brief = why_not, all_readings, brief
        self.width, self.color_system = width, color_system

    def __call__(self, item: Item) -> Outcome:
        from fto_check.reasoning import contest, whynot
        from fto_check.reasoning.evaluate import evaluate

        try:
            loaded = _read(item, self.max_bytes)
            report = evaluate(
                loaded.profile,
                loaded.source,
                as_of=self.as_of,
                readings=self.readings,
                sha256=loaded.sha256,
            )
        except InputError as e:
            return Outcome(error="\n".join(terminal(str(p)) for p in e.problems))
        except _Problem as e:
            return Outcome(error=str(e))
        except DataError:
            raise  # fto-check's own data is damaged: every input would fail alike
        except Exception as e:
            return Outcome(error=_internal(item, e))
        report.source = loaded.source  # for snippets of the profile in the text report
        whynot.attach(report, loaded.profile)  # always in JSON and memos; text: --why-not
        if loaded.profile.register_entry:  # the register is read only for a profile naming one
            from fto_check.reasoning import record

            record.attach(report, loaded.profile)
        if self.all_readings:
            contest.attach(report, loaded.profile)
        return Outcome(self._render(report), report.verdict.value)

    def lost(self, item: Item, why: str) -> Outcome:
        return Outcome(error=why)

    def _render(self, report) -> str:
        if self.fmt == "json":
            from fto_check.render import json

            return json.render(report)
        if self.fmt == "markdown":
            from fto_check.render import memo

            return memo.render(report)
        from fto_check.render import text

        if self.fmt != "rich":
            return text.render(report, why_not=self.why_not, brief=self.brief)
        import io

        from rich.console import Console

        out = io.StringIO()
        console = Console(
            file=out, force_terminal=True, color_system=self.color_system, width=self.width
        )
        text.print_rich([report], console, why_not=self.why_not, brief=self.brief)
        return out.getvalue()


class Calibration:
    """One input → its row of `calibrate` (`reasoning.record.calibration_row`)."""

    def __init__(self, as_of: date | None, readings: dict[str, str], max_bytes: int) -> None:
        self.as_of, self.readings, self.max_bytes = as_of, readings, max_bytes

    def __call__(self, item: Item) -> tuple[dict[str, Any] | None, str | None]:
        """(the row, None); (None, None) for a profile that names no register entry, which is
        not calibrated; (None, why) for an input that cannot be read."""
        from fto_check.reasoning import record
        from fto_check.reasoning.evaluate import evaluate

        try:
            loaded = _read(item, self.max_bytes)
            if loaded.profile.register_entry is None:
                return None, None
            report = evaluate(
                loaded.profile, loaded.source, as_of=self.as_of, readings=self.readings
            )
        except InputError as e:
            return None, "\n".join(terminal(str(p)) for p in e.problems)
        except _Problem as e:
            return None, str(e)
        record.attach(report, loaded.profile)
        return record.calibration_row(report, item.label), None
