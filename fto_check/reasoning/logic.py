"""Three-valued (Kleene) logic: every criterion is met, not met, or undetermined.

A fact missing from a profile is unknown, and unknown must never be read as false. Kleene's
strong logic is the standard way to combine such values: an all-of is not met as soon as one
part is not met (whatever the unknowns), an any-of is met as soon as one part is met.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNDETERMINED = "undetermined"

    @property
    def label(self) -> str:
        """How people write it: 'not met' rather than 'not_met'."""
        return self.value.replace("_", " ")


MET, NOT_MET, UNDETERMINED = Status.MET, Status.NOT_MET, Status.UNDETERMINED


def all_of(statuses: Iterable[Status]) -> Status:
    """Kleene AND: not met if any part is not met; else undetermined if any is; else met."""
    result = MET
    for status in statuses:
        if status is NOT_MET:
            return NOT_MET
        if status is UNDETERMINED:
            result = UNDETERMINED
    return result


def any_of(statuses: Iterable[Status]) -> Status:
    """Kleene OR: met if any part is met; else undetermined if any is; else not met."""
    result = NOT_MET
    for status in statuses:
        if status is MET:
            return MET
        if status is UNDETERMINED:
            result = UNDETERMINED
    return result


def negate(status: Status) -> Status:
    """Kleene NOT: swaps met and not met; unknown stays unknown (used for 'unless')."""
    return {MET: NOT_MET, NOT_MET: MET}.get(status, UNDETERMINED)


def from_bool(value: bool | None) -> Status:
    """A known fact decides; an unknown one (None) leaves the question open."""
    if value is None:
        return UNDETERMINED
    return MET if value else NOT_MET
