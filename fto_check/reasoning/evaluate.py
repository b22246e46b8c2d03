"""Profile → Report: judge one profile under the law in force on its `as_of` date."""

from __future__ import annotations

from datetime import date

from fto_check import __version__
from fto_check.base.errors import InputError
from fto_check.base.loader import SourceMap
from fto_check.law.readings import resolve
from fto_check.law.statute import FTO_STATUTE_ENACTED, load_law
from fto_check.profile.lint import warnings
from fto_check.profile.model import Profile
from fto_check.reasoning import predicates  # noqa: F401 - predicates register the rules
from fto_check.reasoning.engine import Context
from fto_check.reasoning.findings import Report
from fto_check.reasoning.logic import MET


def evaluate(
    profile: Profile,
    source: SourceMap | None = None,
    *,
    as_of: date | None = None,
    readings: dict[str, str] | None = None,
    sha256: str = "",
    provenance: bool = True,
    status_first: bool = False,
) -> Report:
    """Apply § 1189(a)(1) to `profile`. `as_of` and `readings` override the profile's own.

    With `provenance=False` the facts a finding cites carry no line, column or sources: the
    statuses and reasons are the same, for a batch row, which shows no more. With
    `status_first`, the profile is judged for the statuses alone (an any-of stops at its first
    part met, an all-of at its first part not met), and then in full only the criterion that
    gives a verdict not met its reason: exactly what a batch row shows, and no more.
    Raises InputError when there is no date to judge on, or one before the statute existed.
    """
    path = source.path if source else "<profile>"
    day = as_of or profile.as_of
    if day is None:
        raise InputError.at(
            path,
            *_where(source, ("name",)),
            "no as_of date: the law and the facts depend on when the assessment speaks for",
            field="as_of",
            hint="add `as_of: YYYY-MM-DD` to the profile or pass --as-of",
        )
    if day < FTO_STATUTE_ENACTED:
        raise InputError.at(
            path,
            *_where(source, ("as_of",)) if not as_of else (0, 0),
            f"{day} is before 8 U.S.C. § 1189 was enacted on "
            f"{FTO_STATUTE_ENACTED} (Pub. L. 104-132, § 302): there was no "
            "foreign terrorist organization designation to judge",
            field="as_of",
        )
    chosen = resolve(profile.readings, readings or {}, day=day)
    ctx = Context(
        profile=profile,
        source=source,
        as_of=day,
        readings=chosen,
        law=load_law(),
        provenance=provenance,
        status_only=status_first,
    )
    root = ctx.apply("1189(a)(1)")
    if status_first and root.status is not MET:
        # The reason for a verdict not met is found in the first criterion with its status:
        # that one is judged in full; the others' statuses are all a row shows of them.
        deciding = next(c for c in root.children if c.status is root.status)
        ctx = ctx.in_full(keep=[c for c in root.children if c is not deciding])
        root = ctx.apply("1189(a)(1)")
    applied = dict(sorted(ctx.applied.items()))
    return Report(
        name=profile.name,
        path=path,
        as_of=day.isoformat(),
        verdict=root.status,
        criteria=root,
        readings=chosen,
        law=applied,
        sha256=sha256,
        fto_check_version=__version__,
        warnings=warnings(profile, source, day),
    )


def _where(source: SourceMap | None, loc: tuple) -> tuple[int, int]:
    return source.position(loc) if source else (0, 0)
