"""Reading profiles: file → YAML data → validated `Profile`, with every error at its line.

Pydantic reports errors by field path; the loader's source map turns each path into
`file:line:col`. Errors are built from `e.errors(include_input=False)`: echoing the input
of a hostile file can take longer than validating it.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from fto_check.base.errors import InputError, Problem, UsageError
from fto_check.base.limits import MAX_BYTES, MAX_INCIDENTS, MAX_ITEMS, MAX_SOURCES
from fto_check.base.loader import (
    Document,
    SourceMap,
    field_path,
    load_chunk,
    load_document,
    read_bytes,
)
from fto_check.base.resources import FILE_KINDS
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


def read_profile(
    path: str | Path, *, max_bytes: int = MAX_BYTES, name: str | None = None
) -> Loaded:
    """Read one profile file; raise InputError (with positions) if it is not a valid profile.

    `name` is how messages and the report name the file (its path as given, by default).
    """
    path = os.fspath(path)
    name = path if name is None else name
    if not path:
        raise InputError.at(name, 0, 0, "an empty file name")
    try:
        raw = _read_at_most(path, max_bytes)
    except _TooLarge:
        raise InputError.at(
            name,
            0,
            0,
            f"larger than the {max_bytes:,}-byte limit for a profile file",
            hint="raise it with --max-bytes if this really is one profile",
        ) from None
    except _NotAFile as e:
        hint = (
            "use `fto-check batch DIR` for a directory"
            if e.kind == "a directory"
            else "give a profile file; `fto-check batch -` reads a stream of them"
        )
        raise InputError.at(name, 0, 0, f"not a profile file but {e.kind}", hint=hint) from None
    except FileNotFoundError:
        raise InputError.at(name, 0, 0, "no such file") from None
    except PermissionError:
        raise InputError.at(name, 0, 0, "permission denied: cannot read this file") from None
    except OSError as e:
        raise InputError.at(name, 0, 0, f"cannot read: {e.strerror or e}") from None
    return parse_profile(raw, name, max_bytes=max_bytes)


class _TooLarge(Exception):
    pass


class _NotAFile(Exception):
    def __init__(self, kind: str) -> None:
        self.kind = kind


_READ_AT_ONCE = 1 << 20  # a read asks for at most this much (os.read allocates what it asks)
# A pipe this process was given open, named by its descriptor: `check <(command)`, /dev/stdin.
_DESCRIPTORS = ("/dev/fd/", "/proc/self/fd/")


def _given_pipe(path: str) -> bool:
    """/dev/stdin, /dev/fd/N or /proc/self/fd/N (without a regular expression to compile)."""
    if path == "/dev/stdin":
        return True
    folder, _, number = path.rpartition("/")
    return folder + "/" in _DESCRIPTORS and number.isdigit()


def _read_at_most(path: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, if it holds at most `max_bytes`.

    A directory, a named pipe, a device (/dev/zero, a terminal) or a socket is refused before
    a byte is read, as is a file larger than the limit: a read that may never end, or never
    stop, is never started. It is opened without blocking (a named pipe would wait for a
    writer) and without becoming a controlling terminal. The one exception is a pipe this
    process was given, named by its descriptor (`check <(command)`): it is read to its end,
    up to the limit, like standard input. Through the descriptor: `open()` wraps one in two
    objects and makes twice the system calls, half the time a batch spends reading a profile.
    A file is read by its size, and on until the limit in case it grew.
    """
    given = _given_pipe(path)
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NOCTTY
    fd = os.open(path, flags if given else flags | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        regular = stat.S_ISREG(info.st_mode)
        if not regular and not (given and stat.S_ISFIFO(info.st_mode)):
            raise _NotAFile(FILE_KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file"))
        if regular and info.st_size > max_bytes:
            raise _TooLarge
        first = os.read(fd, info.st_size + 1 if regular else min(max_bytes + 1, _READ_AT_ONCE))
        if regular and len(first) <= info.st_size:
            return first  # the whole file, as it was when we looked
        parts, left = [first], max_bytes + 1 - len(first)
        while left > 0 and (part := os.read(fd, min(left, _READ_AT_ONCE))):
            parts.append(part)
            left -= len(part)
        if left <= 0:
            raise _TooLarge
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
    check_limits(doc)
    try:
        profile = Profile.model_validate(doc.data)
    except ValidationError as e:
        errors = e.errors(include_input=False, include_url=False)
        raise InputError(_first([_pending(err, doc) for err in errors])) from None
    problems = _reference_problems(profile, source) + [
        _Pending(p.line, p.col, p, lambda p=p: p) for p in contradictions(profile, source)
    ]
    if problems:
        raise InputError(_first(problems))
    return profile


def check_limits(doc: Document) -> None:
    """Refuse a profile holding more than fto-check's limits (base/limits.py) allow.

    After parsing, before validating: what is refused here is never validated, evaluated or
    searched, so the work a profile can cause is bounded by its count of things as well as by
    its bytes. The limits are far above any real organization's record. The loader notes each
    list or mapping longer than the smallest limit as it ends (`Document.large`), so a profile
    within them costs nothing here.
    """
    for loc in doc.large:
        value = _value_at(doc.data, loc)
        limit = _LIMITS.get(loc, MAX_ITEMS)
        if len(value) > limit:
            raise InputError([_over_limit(doc, loc, value, limit)])


_LIMITS = {(): MAX_ITEMS, ("incidents",): MAX_INCIDENTS, ("sources",): MAX_SOURCES}


def _over_limit(doc: Document, loc: tuple, value: dict | list, limit: int) -> Problem:
    what = {("incidents",): "incidents", ("sources",): "sources"}.get(loc)
    if isinstance(value, list):
        line, col = doc.source.position((*loc, limit))
        what = what or "entries in one list"
    else:
        line, col = doc.source.key_position((*loc, list(value)[limit]))
        what = what or "fields in one mapping"
    return Problem(
        doc.source.path,
        line,
        col,
        f"{len(value):,} {what}: a profile holds at most {limit:,}",
        field_path(loc) or "profile",
        "fto-check's limits on a profile are listed in docs/hostile-input.md",
    )


class _Pending:
    """A problem whose words are only worked out if it is shown (a "did you mean" search over
    thousands of keys, for thousands of problems, would be quadratic): its place first.
    (A plain class: a dataclass costs ~0.3 ms to define at every start-up.)"""

    __slots__ = ("build", "col", "key", "line")

    def __init__(self, line: int, col: int, key: object, build: Callable[[], Problem]) -> None:
        self.line, self.col = line, col
        self.key = key  # equal for problems that say the same at the same place
        self.build = build


def _first(pending: list[_Pending]) -> list[Problem]:
    """The first MAX_PROBLEMS problems in file order, each said once; then how many more."""
    pending.sort(key=lambda p: (p.line, p.col))
    problems: dict[Problem, None] = {}
    keys: set = set()
    extra = 0
    for item in pending:
        if item.key in keys:
            continue
        keys.add(item.key)
        if len(problems) < MAX_PROBLEMS:
            problems[item.build()] = None
        else:
            extra += 1
    shown = list(problems)
    if extra:
        last = shown[-1]
        shown.append(Problem(last.path, last.line, last.col, f"… and {extra} more problems"))
    return shown


def _pending(err: dict[str, Any], doc: Document) -> _Pending:
    loc = tuple(err["loc"])
    source = doc.source
    if err["type"] == "extra_forbidden":
        line, col = source.key_position(loc)
    elif err["type"] == "missing":
        line, col = source.position(loc[:-1])
    else:
        line, col = source.position(loc)
    return _Pending(line, col, (line, col, loc, err["type"]), lambda: _problem(err, doc))


def _problem(err: dict[str, Any], doc: Document) -> Problem:
    loc = tuple(err["loc"])
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


def _reference_problems(profile: Profile, source: SourceMap) -> list[_Pending]:
    problems = []
    for loc, ref in source_refs(profile):
        if isinstance(ref, str) and ref not in profile.sources:
            line, col = source.position(loc)
            problems.append(
                _Pending(
                    line, col, (line, col, ref), partial(_unknown_source, profile, source, loc, ref)
                )
            )
    if profile.register_entry is not None:
        problems.extend(
            _Pending(p.line, p.col, p, lambda p=p: p)
            for p in _register_problems(profile.register_entry, source)
        )
    known = all_readings()  # parsed once per process
    for name, value in profile.readings.items():
        loc = ("readings", name)
        reading = known.get(name)
        if reading is None:
            close = difflib.get_close_matches(name, list(known), n=1)
            problem = Problem(
                source.path,
                *source.key_position(loc),
                f"unknown reading {name!r}",
                "readings",
                f"did you mean {close[0]!r}?" if close else f"readings: {', '.join(known)}",
            )
        elif value not in reading.alternatives:
            problem = Problem(
                source.path,
                *source.position(loc),
                f"{value!r} is not an alternative of this reading",
                field_path(loc),
                f"choose one of: {', '.join(reading.alternatives)}",
            )
        else:
            continue
        problems.append(_Pending(problem.line, problem.col, problem, lambda p=problem: p))
    for key in profile.expect:
        if key not in EXPECT_KEYS:
            loc = ("expect", key)
            problem = Problem(
                source.path,
                *source.key_position(loc),
                f"unknown expectation {key!r}",
                "expect",
                f"expected one of: {', '.join(EXPECT_KEYS)}",
            )
            problems.append(_Pending(problem.line, problem.col, problem, lambda p=problem: p))
    return problems


KNOWN_SHOWN = 10  # source keys listed in a hint, at most


def _unknown_source(profile: Profile, source: SourceMap, loc: tuple, ref: str) -> Problem:
    keys = sorted(profile.sources)
    close = difflib.get_close_matches(ref, keys, n=1)
    listed = ", ".join(keys[:KNOWN_SHOWN]) + (", …" if len(keys) > KNOWN_SHOWN else "")
    hint = (
        f"did you mean {close[0]!r}?"
        if close
        else "list it under the top-level `sources:`"
        if not keys
        else f"known sources: {listed}"
    )
    return Problem(
        source.path, *source.position(loc), f"unknown source {ref!r}", field_path(loc), hint
    )


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
