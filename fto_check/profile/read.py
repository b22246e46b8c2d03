"""Reading profiles: file → YAML data → validated `Profile`, with every error at its line.

Pydantic reports errors by field path; the loader's source map turns each path into
`file:line:col`. Errors are built from `e.errors(include_input=False)`: echoing the input
of a hostile file can take longer than validating it.
"""

from __future__ import annotations

import difflib
import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from fto_check.base.errors import InputError, Problem, UsageError
from fto_check.base.limits import MAX_BYTES
from fto_check.base.loader import (
    Document,
    SourceMap,
    field_path,
    load_chunk,
    load_document,
    read_bytes,
)
from fto_check.law.readings import all_readings
from fto_check.profile.lint import contradictions
from fto_check.profile.model import (
    EXPECT_KEYS,
    Capability,
    Conduct,
    Finding,
    Foreign,
    Incident,
    Intent,
    Organization,
    Profile,
    Source,
    SourcedList,
    ThreatToUS,
    source_refs,
)
from fto_check.profile.vocabulary import suggestion

SECTIONS: dict[str, type[BaseModel]] = {
    "organization": Organization,
    "foreign": Foreign,
    "incidents": Incident,
    "conduct": Conduct,
    "capability": Capability,
    "intent": Intent,
    "threat_to_us": ThreatToUS,
}
_UNION_TAGS = {"bare", "sourced"}
MAX_PROBLEMS = 20


@dataclass(slots=True)
class Loaded:
    """A profile read from a file, with where its facts are and the bytes it was read from."""

    profile: Profile
    source: SourceMap
    raw: bytes

    @property
    def sha256(self) -> str:
        """The hash a report's receipt names (a batch row has none: not computed for it)."""
        return hashlib.sha256(self.raw).hexdigest()


def read_profile(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read one profile file; raise InputError (with positions) if it is not a valid profile."""
    name = str(path)
    try:
        raw = _read_at_most(name, max_bytes + 1)
    except FileNotFoundError:
        raise InputError.at(name, 0, 0, "no such file") from None
    except IsADirectoryError:
        raise InputError.at(
            name,
            0,
            0,
            "is a directory; `check` takes profile files "
            "(use `fto-check batch DIR` for a directory)",
        ) from None
    except PermissionError:
        raise InputError.at(name, 0, 0, "permission denied: cannot read this file") from None
    except OSError as e:
        raise InputError.at(name, 0, 0, f"cannot read: {e.strerror or e}") from None
    return parse_profile(raw, name, max_bytes=max_bytes)


def _read_at_most(path: str, limit: int) -> bytes:
    """Up to `limit` bytes of the file at `path`.

    Through its file descriptor: `open()` wraps one in two objects and makes twice the system
    calls (8 against 4 for a 2 KB profile), half the time a batch spends reading one. A
    regular file is read by its size (a read of `limit` would allocate a megabyte), and on
    until the limit in case it grew meanwhile.
    """
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        regular = stat.S_ISREG(info.st_mode)
        first = os.read(fd, min(info.st_size + 1, limit) if regular else limit)
        if regular and len(first) <= info.st_size:
            return first  # the whole file, as it was when we looked
        parts, limit = [first], limit - len(first)
        while limit > 0 and (part := os.read(fd, limit)):
            parts.append(part)
            limit -= len(part)
        return b"".join(parts)
    finally:
        os.close(fd)


def parse_profile(
    raw: bytes, name: str, *, max_bytes: int = MAX_BYTES, line_offset: int | None = None
) -> Loaded:
    """Parse profile bytes. With `line_offset`, `raw` is one document of a `---` stream."""
    text = read_bytes(name, raw, max_bytes=max_bytes)
    doc = load_document(text, name) if line_offset is None else load_chunk(text, name, line_offset)
    return Loaded(validate(doc), doc.source, raw)


def validate(doc: Document) -> Profile:
    """The document's data as a Profile, or InputError naming every problem by line."""
    source = doc.source
    if not isinstance(doc.data, dict):
        kind = "a list" if isinstance(doc.data, list) else "a single value" if doc.data else "empty"
        raise InputError.at(
            source.path,
            *source.position(()),
            f"a profile is a mapping of fields (name: …, as_of: …), not {kind}",
        )
    try:
        profile = Profile.model_validate(doc.data)
    except ValidationError as e:
        problems = [_problem(err, doc) for err in e.errors(include_input=False, include_url=False)]
        raise InputError(_first(problems)) from None
    problems = _reference_problems(profile, source) + contradictions(profile, source)
    if problems:
        raise InputError(_first(problems))
    return profile


def _first(problems: list[Problem]) -> list[Problem]:
    problems = sorted(dict.fromkeys(problems), key=lambda p: (p.line, p.col))
    if len(problems) > MAX_PROBLEMS:
        extra = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS]
        last = problems[-1]
        problems.append(Problem(last.path, last.line, last.col, f"… and {extra} more problems"))
    return problems


def _problem(err: dict[str, Any], doc: Document) -> Problem:
    loc = tuple(p for p in err["loc"] if p not in _UNION_TAGS or not isinstance(p, str))
    kind, ctx = err["type"], err.get("ctx") or {}
    source = doc.source
    hint = ""
    if kind == "extra_forbidden":
        key = loc[-1]
        expected = _keys_expected(loc[:-1], doc.data)
        close = difflib.get_close_matches(str(key), expected, n=1, cutoff=0.6)
        message = f"unknown field {key!r}"
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else (f"expected one of: {', '.join(expected)}" if expected else "")
        )
        line, col = source.key_position(loc)
        return Problem(source.path, line, col, message, field_path(loc[:-1]) or "profile", hint)
    if kind == "missing":
        message = "required field is missing"
        line, col = source.position(loc[:-1])
    elif kind == "enum":
        expected = [
            v.strip("'") for v in str(ctx.get("expected", "")).replace(" or ", ", ").split(", ")
        ]
        value = _value_at(doc.data, loc)
        message = f"{value!r} is not one of: {', '.join(expected)}"
        hint = suggestion(value, expected)
        line, col = source.position(loc)
    else:
        message = _MESSAGES.get(kind) or err["msg"].removeprefix("Value error, ")
        line, col = source.position(loc)
    return Problem(source.path, line, col, message, field_path(loc), hint)


_MESSAGES = {
    "bool_parsing": "expected true or false (yes/no are accepted too)",
    "bool_type": "expected true or false",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "greater_than_equal": "expected a number of at least 0",
    "string_type": "expected text, not a list or mapping",
    "list_type": "expected a list (one `- item` per line, or [a, b])",
    "dict_type": "expected a mapping of fields (key: value)",
    "model_type": "expected a mapping of fields (key: value)",
    "model_attributes_type": "expected a mapping of fields (key: value)",
    "date_type": "expected a date as YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date as YYYY-MM-DD",
    "too_short": "needs at least one entry",
}


def _value_at(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _keys_expected(parent: tuple, data: Any) -> list[str]:
    """The field names allowed at `parent`, for "did you mean" hints."""
    names = [p for p in parent if isinstance(p, str)]
    model: type[BaseModel] | None
    if not names:
        model = Profile
    elif (names[0] == "sources" and len(names) == 2) or names[-1] == "sources":
        model = Source
    elif len(names) == 1:
        model = SECTIONS.get(names[0])
    elif names[-1] == "secretary_finding":
        model = Finding
    elif len(names) == 2 and names[0] in SECTIONS:
        model = SourcedList
    else:
        model = None
    return list(model.model_fields) if model else []


def _reference_problems(profile: Profile, source: SourceMap) -> list[Problem]:
    problems = []
    for loc, ref in source_refs(profile):
        if isinstance(ref, str) and ref not in profile.sources:
            keys = sorted(profile.sources)
            close = difflib.get_close_matches(ref, keys, n=1)
            hint = (
                f"did you mean {close[0]!r}?"
                if close
                else "list it under the top-level `sources:`"
                if not keys
                else f"known sources: {', '.join(keys)}"
            )
            problems.append(
                Problem(
                    source.path,
                    *source.position(loc),
                    f"unknown source {ref!r}",
                    field_path(loc),
                    hint,
                )
            )
    if profile.register_entry is not None:
        problems.extend(_register_problems(profile.register_entry, source))
    known = all_readings()  # parsed once per process
    for name, value in profile.readings.items():
        loc = ("readings", name)
        reading = known.get(name)
        if reading is None:
            close = difflib.get_close_matches(name, list(known), n=1)
            problems.append(
                Problem(
                    source.path,
                    *source.key_position(loc),
                    f"unknown reading {name!r}",
                    "readings",
                    f"did you mean {close[0]!r}?" if close else f"readings: {', '.join(known)}",
                )
            )
        elif value not in reading.alternatives:
            problems.append(
                Problem(
                    source.path,
                    *source.position(loc),
                    f"{value!r} is not an alternative of this reading",
                    field_path(loc),
                    f"choose one of: {', '.join(reading.alternatives)}",
                )
            )
    for key in profile.expect:
        if key not in EXPECT_KEYS:
            loc = ("expect", key)
            problems.append(
                Problem(
                    source.path,
                    *source.key_position(loc),
                    f"unknown expectation {key!r}",
                    "expect",
                    f"expected one of: {', '.join(EXPECT_KEYS)}",
                )
            )
    return problems


def _register_problems(entry: str, source: SourceMap) -> list[Problem]:
    """A `register:` naming no entry of the register, with the entry it may have meant.

    The register is read only here, for a profile that names an entry: the rest never pay."""
    from fto_check.law.register import NO_ENTRY, load_register

    register = load_register()
    if entry == NO_ENTRY or entry in register.entries:
        return []
    try:
        meant = register.find(entry)
        hint = f"did you mean {meant.entry.id!r}?"
    except UsageError:
        close = difflib.get_close_matches(entry, list(register.entries), n=1)
        hint = (
            f"did you mean {close[0]!r}?"
            if close
            else f"`fto-check register NAME` finds an entry's id; `{NO_ENTRY}` if never designated"
        )
    loc = ("register",)
    return [
        Problem(
            source.path, *source.position(loc), f"no register entry {entry!r}", "register", hint
        )
    ]
