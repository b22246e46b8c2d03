"""YAML text → plain data and a map of where every value sits in the file.

Why not `yaml.safe_load`: PyYAML resolves YAML 1.1, so `country: NO` becomes `False`, `012`
becomes 10 and `12:30` becomes 750; it silently keeps the last of two duplicate keys; its C
composer recurses and crashes the process on deeply nested input; and it forgets where values
came from. Instead we read libyaml's event stream (C-accelerated when available) and build the
data in one iterative pass, which is faster than `yaml.load` and gives line:column for free.

Typing is schema-directed: every plain scalar stays the string the author wrote (or `None` for
the YAML null forms) and the pydantic profile model converts it to what its field expects. So a
country code `NO` stays "NO", a boolean field accepts `yes`/`no`, and a date field gives a clear
error for `1e3`. A profile never needs anchors, aliases, tags or deep nesting, so those are
refused outright: they are how hostile YAML blows up memory or executes code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import BinaryIO, Protocol

import yaml
from yaml import events as ev

from fto_check.base.errors import InputError, Problem
from fto_check.base.limits import MAX_BYTES, MAX_DEPTH, MAX_ITEMS

try:  # libyaml's C parser; PyYAML's pure-Python parser is the same API, only slower.
    from yaml.cyaml import CParser as _EventSource  # the parser alone: no constructor needed
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventSource  # type: ignore[assignment]


# YAML 1.2 core schema null forms: the only plain scalars we resolve ourselves.
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})

Path_ = tuple[str | int, ...]


class Mark(Protocol):
    """Where the parser met a node: 0-based, in the text it parsed (libyaml's or PyYAML's)."""

    line: int
    column: int


@cache
def field_path(loc: Path_) -> str:
    """`("incidents", 2, "motives")` → `"incidents[2].motives"`: how reports name a field."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(slots=True)
class SourceMap:
    """Where each value (and each mapping key) of a document sits: 1-based (line, column).

    It keeps the parser's own marks (0-based, in the chunk it parsed) and turns the few that
    are asked for into positions: a profile has ~250 of them, and a report cites a few dozen.
    """

    path: str
    text: str = ""
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)
    line_offset: int = 0  # lines before the chunk parsed, in a `---` stream

    def position(self, loc: Path_) -> tuple[int, int]:
        """The closest known position to `loc`: the value, else its key, else its parent."""
        loc = tuple(loc)
        while loc:
            mark = self.values.get(loc) or self.keys.get(loc)
            if mark is not None:
                return _at(mark, self.line_offset)
            loc = loc[:-1]
        return self.value_position(()) or (1, 1)

    def value_position(self, loc: Path_) -> tuple[int, int] | None:
        """Where the value at `loc` is, if the document has one there."""
        mark = self.values.get(loc)
        return _at(mark, self.line_offset) if mark is not None else None

    def key_position(self, loc: Path_) -> tuple[int, int]:
        """Where the key of the mapping entry at `loc` is: what an error about a field's name
        points at. Without one there, the closest position to `loc`."""
        mark = self.keys.get(loc)
        return _at(mark, self.line_offset) if mark is not None else self.position(loc)

    def line_text(self, line: int) -> str:
        lines = self.text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""


@dataclass(slots=True)
class Document:
    """One YAML document: its data (dicts, lists, strings, None) and where each piece came from."""

    data: object
    source: SourceMap
    # The lists and mappings of more than MAX_ITEMS entries, by path: noted as they end (one
    # comparison each), so that a profile's limits are checked without walking its data again.
    large: list[Path_] = field(default_factory=list)


def read_bytes(path: str, raw: bytes, *, max_bytes: int = MAX_BYTES) -> str:
    """Decode a profile file, refusing what is not UTF-8 text of a sensible size."""
    if len(raw) > max_bytes:
        raise InputError.at(
            path,
            0,
            0,
            f"larger than the {max_bytes:,}-byte limit for a profile file",
            hint="raise it with --max-bytes if this really is one profile",
        )
    nul = b"\x00" in raw
    if nul or raw[:1] in (b"\xff", b"\xfe"):  # never in UTF-8; UTF-16's byte-order marks
        encoding = _wide_encoding(raw)
        if encoding:
            raise InputError.at(
                path, 1, 1, f"{encoding} text, not UTF-8", hint="save the file as UTF-8"
            )
    if nul:
        line, col = _byte_position(raw, raw.index(b"\x00"))
        raise InputError.at(path, line, col, "binary data (a NUL byte), not a YAML text file")
    try:
        return raw.decode("utf-8-sig")  # a UTF-8 byte-order mark is harmless: accept it
    except UnicodeDecodeError as e:
        line, col = _byte_position(raw, e.start)
        raise InputError.at(
            path,
            line,
            col,
            f"not valid UTF-8 (byte 0x{raw[e.start]:02x})",
            hint="save the file as UTF-8",
        ) from None


_BOMS = (  # longest first: UTF-32 LE's mark begins with UTF-16 LE's
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian, with a byte-order mark)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian, with a byte-order mark)"),
    (b"\xff\xfe", "UTF-16 (little-endian, with a byte-order mark)"),
    (b"\xfe\xff", "UTF-16 (big-endian, with a byte-order mark)"),
)


def _wide_encoding(raw: bytes) -> str:
    """The UTF-16 or UTF-32 a text with NUL bytes is written in, if it plainly is one ("")."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:64] if len(raw) % 2 == 0 else raw[: min(64, len(raw) - 1)]
    if len(head) >= 4:  # ASCII text in UTF-16: every other byte is NUL
        even, odd = head[0::2], head[1::2]
        if not odd.strip(b"\x00") and b"\x00" not in even:
            return "UTF-16 (little-endian)"
        if not even.strip(b"\x00") and b"\x00" not in odd:
            return "UTF-16 (big-endian)"
    return ""


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def load_document(text: str, path: str) -> Document:
    """Parse a file that must hold exactly one YAML document."""
    docs = _documents(text, path, line_offset=0, single="file")
    doc = next(docs, None)
    if doc is None:
        raise InputError.at(
            path, 1, 1, "empty file: a profile is a YAML mapping (name: …, as_of: …)"
        )
    next(docs, None)  # raises as soon as a second document starts
    return doc


# Where YAML (libyaml) breaks a line: LF, CR, CR LF, and in UTF-8 NEL, LS and PS. A stream is
# split where libyaml would see a line start, or a document would be cut in the wrong place.
_BREAK = rb"\r\n?|\n|\xc2\x85|\xe2\x80[\xa8\xa9]"  # compiled when a stream is read
_MARKER_END = (b" ", b"\t", b"\r", b"\n", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
STREAM_BLOCK = 1 << 16  # bytes read from a stream at a time, at most
_LONG = 64  # a line is passed on in pieces only once it is longer than this


class StreamDocument:
    """One document of a `---` stream: its bytes and the number of lines before it; or, when
    it cannot be judged (too large; binary data, which ends the stream), why not.

    (This and `_Chunk` are plain classes: a dataclass costs ~0.3 ms to define, at every
    start-up of `check`, which imports this module.)"""

    __slots__ = ("line_offset", "problem", "raw")

    def __init__(self, line_offset: int, raw: bytes | None, problem: Problem | None = None):
        self.line_offset, self.raw, self.problem = line_offset, raw, problem


def stream_documents(
    stream: BinaryIO, path: str, *, max_bytes: int = MAX_BYTES, block: int = STREAM_BLOCK
) -> Iterator[StreamDocument]:
    """The documents of a YAML stream, read as they come: memory bounded by `max_bytes`.

    YAML ends a document at a `---` or `...` line, whatever comes before (even inside a block
    scalar), so a broken document fails alone instead of taking the rest of the stream with
    it: a `---` line starts the next document, a `...` line ends the current one, and
    directives (`%YAML`) belong to the document after them. A document of nothing but blank
    lines and comments is no document. Every other is yielded exactly once, in order: one
    larger than `max_bytes` as a problem (its bytes skipped, not held), and one with a NUL
    byte as a problem that ends the stream (binary data, not YAML, which may never end).
    """
    doc = _Chunk(0, max_bytes)
    line = 0  # lines before the current one
    col = 0  # bytes of the current line already read (a long line comes in pieces)
    marker: bytes | None = None
    for piece, complete in _stream_lines(stream, block):
        if col == 0:
            marker = _marker(piece)
            if marker == b"---":
                if not doc.directives_only:
                    if doc.data:
                        yield doc.done(path)
                    doc = _Chunk(line, max_bytes)
                doc.started = True
        nul = piece.find(b"\x00")
        if nul >= 0:
            message = "binary data (a NUL byte), not a YAML text stream: the rest is not read"
            yield StreamDocument(doc.start, None, Problem(path, line + 1, col + nul + 1, message))
            return
        doc.add(piece, marker if col == 0 else None, line_start=col == 0)
        if not complete:
            col += len(piece)
            continue
        line, col = line + 1, 0
        doc.line_kind = ""
        if marker == b"...":
            if doc.data or doc.directives:
                yield doc.done(path)
            doc = _Chunk(line, max_bytes)
        marker = None
    if doc.data or doc.directives:
        yield doc.done(path)


_WIDE_BREAKS = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


class _Chunk:
    """A document of a stream being read: its lines (while within the limit), what they hold."""

    __slots__ = ("data", "directives", "limit", "line_kind", "parts", "size", "start", "started")

    def __init__(self, start: int, limit: int) -> None:
        self.start = start  # lines of the stream before it
        self.limit = limit  # bytes it may hold
        self.parts: list[bytes] = []
        self.size = 0
        self.data = False  # a line of data (not blank, a comment or a bare marker)
        self.directives = False  # a `%` directive line, before any data
        self.started = False  # past its `---`, or its first data
        self.line_kind = ""  # the current line so far: "" blank, "#" comment, "%" or "x" data

    @property
    def directives_only(self) -> bool:
        """Directives read, and the `---` they belong to not yet."""
        return self.directives and not self.started

    def add(self, piece: bytes, marker: bytes | None, *, line_start: bool) -> None:
        self.size += len(piece)
        if self.size <= self.limit:
            self.parts.append(piece)
        elif self.parts:
            self.parts = []  # too large: its bytes are skipped, not held
        if self.line_kind:  # decided by an earlier piece of this line
            return
        text = piece[3:] if marker is not None else piece
        if line_start and marker is None and text[:1] == b"%" and not self.started:
            self.directives, self.line_kind = True, "%"
            return
        text = text.lstrip(b" \t")
        if not text or text[:1] in (b"\r", b"\n") or text.startswith(_WIDE_BREAKS):
            return
        self.line_kind = "#" if text[:1] == b"#" else "x"
        if self.line_kind == "x":
            self.data = self.started = True

    def done(self, path: str) -> StreamDocument:
        if self.size > self.limit:
            return StreamDocument(
                self.start,
                None,
                Problem(
                    path,
                    self.start + 1,
                    1,
                    f"a document larger than the {self.limit:,}-byte limit for a profile",
                    hint="raise it with --max-bytes if this really is one profile",
                ),
            )
        return StreamDocument(self.start, b"".join(self.parts))


def _stream_lines(stream: BinaryIO, block: int) -> Iterator[tuple[bytes, bool]]:
    """The stream's lines, each with its line break: (bytes, True). A line longer than `block`
    comes in pieces, (bytes, False) for all but its last; so nothing held grows with the input."""
    read = getattr(stream, "read1", stream.read)  # what has come, without waiting for more
    breaks = re.compile(_BREAK)
    pending = b""
    while True:
        data = read(block)
        if not data:
            if pending:
                yield pending, True
            return
        data = pending + data if pending else data
        begin = 0
        for match in breaks.finditer(data):
            end = match.end()
            if end == len(data) and data[end - 1] == 0x0D:  # a CR last: perhaps half a CR LF
                break
            yield data[begin:end], True
            begin = end
        rest = data[begin:]
        if len(rest) > max(block, _LONG):  # a long line: on in pieces, but for what may begin
            yield rest[:-2], False  # a break (and the first piece holds any marker)
            rest = rest[-2:]
        pending = rest


def _marker(line: bytes) -> bytes | None:
    """b"---" or b"..." if `line` is a document marker line, else None."""
    head = line[:3]
    if head != b"---" and head != b"...":
        return None
    rest = line[3:]
    return head if not rest or rest.startswith(_MARKER_END) else None


def load_chunk(text: str, path: str, line_offset: int) -> Document:
    """Parse one document of a stream; positions are reported in the whole stream's lines."""
    docs = _documents(text, path, line_offset=line_offset, single="chunk")
    doc = next(docs, None)
    if doc is None:
        raise InputError.at(path, line_offset + 1, 1, "empty document")
    next(docs, None)  # a second document here is one the stream was not split at: refused
    return doc


def _tab_at(text: str, mark) -> bool:
    """Whether the parser stopped at a tab (libyaml's "cannot start any token")."""
    lines = text.splitlines()
    here = lines[mark.line] if 0 <= mark.line < len(lines) else ""
    return here[mark.column : mark.column + 1] == "\t"


def _documents(text: str, path: str, *, line_offset: int, single: str) -> Iterator[Document]:
    parser = _EventSource(text)
    try:
        yield from _build(parser, text, path, line_offset, single)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = _at(mark, line_offset) if mark else (0, 0)
        problem = e.problem or e.context or "invalid YAML"
        if "maximum nesting depth" in problem:  # libyaml >= 0.2.6 scans flow nesting ahead of us
            raise _refuse(path, line, col, _TOO_DEEP) from None
        if mark and _tab_at(text, mark):
            raise InputError.at(
                path,
                line,
                col,
                "tabs are not allowed for indentation in YAML",
                hint="indent with spaces",
            ) from None
        raise InputError.at(path, line, col, f"not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as e:  # a character YAML forbids, e.g. a control character
        line = text.count("\n", 0, e.position) + 1 + line_offset
        col = e.position - (text.rfind("\n", 0, e.position) + 1) + 1
        code = ord(e.character) if isinstance(e.character, str) else e.character
        raise InputError.at(
            path,
            line,
            col,
            f"character U+{code:04X} is not allowed in YAML ({e.reason})",
            hint="remove it, or quote and escape it",
        ) from None
    except yaml.YAMLError as e:
        raise InputError.at(path, 0, 0, f"not valid YAML: {e}") from None
    finally:
        parser.dispose()


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep; a profile is only a few levels deep"


def _refuse(path: str, line: int, col: int, message: str, hint: str = "") -> InputError:
    return InputError([Problem(path, line, col, message, hint=hint)])


# What a second document in one file, or in one document of a stream, is told (message, hint).
_SECOND_DOCUMENT = {
    "file": (
        "several YAML documents (--- separators) in one file; a profile file holds one",
        "use `fto-check batch -` for a stream",
    ),
    # YAML can start a document without `---` where libyaml sees a line the stream was not
    # split at: refused, so that no document of a stream is ever silently left out
    "chunk": ("a second YAML document starts here without a `---` line", ""),
}


def _build(parser, text: str, path: str, offset: int, single: str) -> Iterator[Document]:
    # One explicit stack instead of recursion: nesting depth can never exhaust Python's stack.
    # The loop runs once per event, ~130 a profile, and is a third of the Python a batch runs:
    # the innermost open collection's state is kept in locals (saved on the stack while a
    # collection inside it is open), scalars, half of all events, are tested for first, and
    # the source map keeps each event's mark as it is (a position is worked out when asked).
    get = parser.get_event
    scalar, mapping, sequence = ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    mapping_end, sequence_end = ev.MappingEndEvent, ev.SequenceEndEvent
    documents = 0
    source: SourceMap | None = None
    values: dict[Path_, Mark] = {}
    keys: dict[Path_, Mark] = {}
    large: list[Path_] = []  # containers longer than MAX_ITEMS (see Document.large)
    root: object = None
    container: dict | list | None = None  # the innermost open collection (None: top level)
    is_map = False
    prefix: Path_ = ()  # the path of `container`
    key: object = _NO_KEY  # in a mapping, a key read and waiting for its value
    key_mark: Mark | None = None
    stack: list[tuple] = []  # (container, is_map, prefix) of each enclosing collection
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            mark = event.start_mark
            if event.anchor is not None or (event.tag is not None and event.tag != "!"):
                raise _refuse_node(path, _at(mark, offset), event)
            value = event.value
            if is_map:
                if key is _NO_KEY:  # this scalar is a key
                    if value in container:  # every earlier key of it has its value by now
                        first = keys[(*prefix, value)]
                        raise _refuse(
                            path,
                            *_at(mark, offset),
                            f"duplicate key {value!r} (first at line "
                            f"{_at(first, offset)[0]}); "
                            "YAML keys must be unique, and the last one would silently win",
                        )
                    key, key_mark = value, mark
                    continue
                if not event.style and value in _NULLS:  # plain: C gives "", Python None
                    value = None
                loc = (*prefix, key)
                container[key] = value
                keys[loc] = key_mark
                key = _NO_KEY
            else:
                if not event.style and value in _NULLS:
                    value = None
                if container is None:
                    loc = ()
                    root = value
                else:
                    loc = (*prefix, len(container))
                    container.append(value)
            values[loc] = mark

        elif kind is mapping_end or kind is sequence_end:
            finished = container
            if len(finished) > MAX_ITEMS:
                large.append(prefix)
            container, is_map, prefix = stack.pop()
            key = _NO_KEY
            if container is None:
                root = finished

        elif kind is mapping or kind is sequence:
            mark = event.start_mark
            if event.anchor is not None or event.tag is not None:
                raise _refuse_node(path, _at(mark, offset), event)
            new: dict | list = {} if kind is mapping else []
            if is_map:
                if key is _NO_KEY:
                    raise _refuse(
                        path,
                        *_at(mark, offset),
                        "a mapping key must be a plain word, not a list or mapping",
                    )
                loc = (*prefix, key)
                container[key] = new
                keys[loc] = key_mark
            elif container is None:
                loc = ()
            else:
                loc = (*prefix, len(container))
                container.append(new)
            values[loc] = mark
            if len(stack) >= MAX_DEPTH:
                raise _refuse(path, *_at(mark, offset), _TOO_DEEP)
            stack.append((container, is_map, prefix))
            container, is_map, prefix, key = new, kind is mapping, loc, _NO_KEY

        elif kind is ev.AliasEvent:
            raise _refuse(
                path,
                *_at(event.start_mark, offset),
                f"alias *{event.anchor} is not allowed in a profile",
                "write each value out in full",
            )

        elif kind is ev.DocumentStartEvent:
            documents += 1
            if single and documents > 1:
                raise _refuse(
                    path,
                    *_at(event.start_mark, offset),
                    *_SECOND_DOCUMENT[single],
                )
            source = SourceMap(path=path, text=text, line_offset=offset)
            large = []
            values, keys = source.values, source.keys
            root = None

        elif kind is ev.DocumentEndEvent:
            yield Document(root, source, large)

        elif kind is ev.StreamEndEvent:
            return


def _at(mark: Mark, offset: int) -> tuple[int, int]:
    """A parser's mark as a 1-based (line, column), `offset` lines into a stream."""
    return mark.line + 1 + offset, mark.column + 1


def _refuse_node(path: str, pos: tuple[int, int], event) -> InputError:
    """The error for a node with an anchor or a tag: the constructs of YAML a profile refuses."""
    if event.anchor is not None:
        return _refuse(
            path,
            *pos,
            f"anchor &{event.anchor} is not allowed in a profile",
            "write each value out in full",
        )
    return _refuse(
        path,
        *pos,
        f"YAML tag {event.tag} is not allowed in a profile",
        "write a plain value; quote it if it must stay a string",
    )


_NO_KEY = object()
