"""The statute as data: `rules/*.yaml` loaded into dated, versioned clauses.

Each clause of § 1189, § 1182(a)(3)(B) and § 2656f(d) is kept verbatim with the dates each
version was in force and the public law that enacted it, so the checker applies the law of the
profile's `as_of` date and every report can quote the exact words it applied.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from fto_check.base.errors import FtoCheckError
from fto_check.base.resources import data_dir, read_data

# The FTO statute was added by AEDPA on this day; no designation can be judged before it.
FTO_STATUTE_ENACTED = date(1996, 4, 24)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Version(_Strict):
    """The wording of a clause during one period."""

    in_force_from: date | None = Field(
        description="First day in force; null when earlier than anything fto-check judges."
    )
    in_force_until: date | None = Field(None, description="Last day in force; null if in force.")
    enacted_by: str = Field(
        description="The public law, e.g. 'Pub. L. 107-56, title IV, § 411(c)'."
    )
    act: str = Field("", description="The act's popular name, e.g. 'USA PATRIOT Act'.")
    heading: str | None = Field(
        None,
        description="The unit's catchline in this version, where it differs from the clause's "
        "current one (a number that named other words then, e.g. (iii) before 2001).",
    )
    text: str | None = Field(description="Verbatim text; null when this version was not retrieved.")
    flush_text: str | None = Field(None, description="Verbatim flush language after subclauses.")
    source: str = Field(description="Where the text was taken from.")
    note: str = ""
    not_encoded: str | None = Field(
        None,
        description="Why no predicate implements this version's words, where the clause's own "
        "reason does not cover them (a unit that had words then and is only a heading now).",
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Version:
        if self.in_force_from and self.in_force_until and self.in_force_until < self.in_force_from:
            raise ValueError("in_force_until is before in_force_from")
        if self.text is None and not self.note:
            raise ValueError("a version without its text needs a note saying why")
        return self

    def in_force_on(self, day: date) -> bool:
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_until is None or day <= self.in_force_until
        )

    @property
    def label(self) -> str:
        """How a report names this version, e.g. 'as amended by Pub. L. 107-56, § 411(c)'."""
        short = re.sub(r"(?:div\.|title) [^,]+, ", "", self.enacted_by)
        return f"{short} ({self.act})" if self.act else short


class Clause(_Strict):
    id: str = Field(description="Citation id, e.g. '1189(a)(1)(B)'.")
    heading: str = ""
    versions: list[Version] = Field(min_length=1)
    footnotes: list[str] = []
    not_encoded: str | None = Field(
        None, description="Why no predicate implements this clause (None: one does)."
    )

    def heading_on(self, day: date) -> str:
        """The catchline of the words in force on `day`."""
        version = self.version_on(day)
        return version.heading if version and version.heading is not None else self.heading

    def version_on(self, day: date) -> Version | None:
        for version in self.versions:
            if version.in_force_on(day):
                return version
        return None

    @property
    def current(self) -> Version:
        return self.versions[-1]

    def stand_in(self, day: date, rule_until: date | None = None) -> str | None:
        """What the checker applies on `day` when the wording then in force was not retrieved.

        Either a rule of its own for that period (`rule_until`: the last day of the rule
        version applied, when it ends within the period) or the words of the next version
        whose text is known. None when the wording in force on `day` is known.
        """
        version = self.version_on(day)
        if version is None or version.text is not None:
            return None
        until = version.in_force_until
        if rule_until is not None and until is not None and rule_until <= until:
            return (
                f"its own rule for the period up to {rule_until} "
                f"(`fto-check explain {self.id}` gives its basis)"
            )
        later = self.versions[self.versions.index(version) + 1 :]
        known = next((v for v in later if v.text is not None), None)
        return f"the wording of {known.in_force_from}" if known else "no retrieved wording"

    def label_on(self, day: date) -> str:
        """'as added by …' for the original wording, 'as amended by …' afterwards."""
        version = self.version_on(day)
        if version is None:
            return "not in force"
        verb = "as enacted by" if version is self.versions[0] else "as amended by"
        return f"{verb} {version.label}"


class Section(_Strict):
    section: str = Field(description="e.g. '8 U.S.C. § 1189'.")
    title: str
    also_known_as: str = ""
    source: str
    notes: list[str] = []
    clauses: list[Clause]


class Law:
    """All clauses of all sections, by id."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        self.clauses: dict[str, Clause] = {}
        self.section_of: dict[str, Section] = {}
        for section in sections:
            for clause in section.clauses:
                if clause.id in self.clauses:
                    raise FtoCheckError(f"clause {clause.id} appears twice in rules/")
                self.clauses[clause.id] = clause
                self.section_of[clause.id] = section

    def clause(self, clause_id: str) -> Clause:
        return self.clauses[clause_id]

    def wording_notes(self, applied: dict[str, date | None], day: date) -> list[str]:
        """Say where the wording in force on `day` of the clauses applied was not retrieved.

        `applied` maps each clause applied to the last day of the rule version that applied it
        (None: open-ended, or no rule of that id). Clauses with the same stand-in share a note.
        """
        missing: dict[str, list[str]] = {}
        for clause_id, rule_until in applied.items():
            clause = self.clauses.get(clause_id)
            stand_in = clause.stand_in(day, rule_until) if clause else None
            if stand_in:
                missing.setdefault(stand_in, []).append(clause_id)
        return [
            f"the wording of {'§§' if len(ids) > 1 else '§'} {', '.join(ids)} in force on {day} "
            f"was not retrieved; the checker applies {stand_in}"
            for stand_in, ids in missing.items()
        ]

    def citation(self, clause_id: str) -> str:
        """'8 U.S.C. § 1189(a)(1)(B)' for '1189(a)(1)(B)'."""
        title = self.section_of[clause_id].section.split(" §")[0]
        return f"{title} § {clause_id}"


def citation(clause_id: str) -> str:
    """The full citation of a clause id, without loading the law."""
    title = "22 U.S.C." if clause_id.startswith("2656f") else "8 U.S.C."
    return f"{title} § {clause_id}"


@cache
def load_law() -> Law:
    """Read and validate every `rules/*.yaml` file (once per process)."""
    files = sorted(data_dir("rules").glob("*-usc-*.yaml"))
    texts = [read_data(file) for file in files]
    digest = _rules_digest(texts)
    cached = _cache_file(digest)
    if cached is not None:
        law = _read_cache(cached, digest)
        if law is not None:
            return law
    data = [_parse(file, text) for file, text in zip(files, texts, strict=True)]
    law = Law([Section.model_validate(one) for one in data])
    if cached is not None:
        _write_cache(cached, digest, data)
    return law


def _parse(file, text: bytes) -> object:
    from fto_check.base.loader import load_document

    return load_document(text.decode("utf-8"), str(file)).data


# Parsing the 170 KB of statute text is ~15 ms of every `check`; reading the same data back as
# JSON is ~1 ms. The cache is a convenience, never an authority: a cache file is used only if
#  - it is a regular file (not a link, a pipe or a device), of a sensible size, owned by this
#    user and writable by no one else;
#  - its first line names the digest of the very bytes of the rules files (and of fto-check's
#    version) it was made from, and the SHA-256 of the rest, which the rest has;
#  - the rest is the sections' data, which is validated like the YAML.
# Anything else (absent, unreadable, stale, damaged, tampered with, nested too deep, a clause
# twice) is a miss: the rules are parsed, and the cache written anew. Writing one sweeps the
# files of other rules (an older fto-check, rules since edited) but the newest few.
CACHE_ENV = "FTO_CHECK_CACHE_DIR"  # where the cache lives; set it empty to use none
CACHE_MAX_BYTES = 4_000_000  # the cache is ~0.2 MB
CACHE_KEEP = 3  # cache files kept by a sweep: the one written and the newest others
# The names of cache files: "law2-…", and "law-…" of the versions before the stamp line; and of
# the temporary file each is written to first (mkstemp's ".law2-….json.XXXXXXXX.tmp").
_CACHE_NAME = re.compile(r"law2?-[0-9a-f]{32}\.json")
_TEMPORARY_NAME = re.compile(r"\.law2-[0-9a-f]{32}\.json\.[a-z0-9_]{8}\.tmp")
ABANDONED_AFTER = 3600  # seconds: a temporary file this old was left by a process that died


def cache_dir() -> Path | None:
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "fto-check"


def _rules_digest(texts: list[bytes]) -> str:
    from fto_check import __version__  # a new loader may read the same bytes differently

    digest = hashlib.sha256(__version__.encode())
    for text in texts:
        digest.update(hashlib.sha256(text).digest())
    return digest.hexdigest()


def _cache_file(digest: str) -> Path | None:
    directory = cache_dir()
    # "law2": the form with its stamp line, never mistaken for (or overwritten by) the older
    # "law-" files that versions before it read and write
    return None if directory is None else directory / f"law2-{digest[:32]}.json"


def _read_cache(path: Path, digest: str) -> Law | None:
    """The law from the cache file, if it passes every check above; else None (a miss)."""
    try:
        raw = _read_private(path)
        header, _, payload = raw.partition(b"\n")
        stamp = json.loads(header)
        if stamp != {"rules": digest, "sha256": hashlib.sha256(payload).hexdigest()}:
            return None
        return Law([Section.model_validate(data) for data in json.loads(payload)])
    except Exception:  # OSError, ValueError, RecursionError, a clause twice (FtoCheckError), …
        return None


def _read_private(path: Path) -> bytes:
    flags = os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if (
            not stat.S_ISREG(info.st_mode)
            or info.st_size > CACHE_MAX_BYTES
            or info.st_uid != os.geteuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            raise OSError("not a cache file of this user's")
        return os.read(fd, info.st_size)
    finally:
        os.close(fd)


def _write_cache(path: Path, digest: str, data: list) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not used.

    Its folder is made if need be, private to the user, but never its parents: with HOME
    pointing nowhere (HOME=/nonexistent), nothing is made there.
    """
    import tempfile

    payload = json.dumps(data, ensure_ascii=False).encode()
    header = json.dumps({"rules": digest, "sha256": hashlib.sha256(payload).hexdigest()})
    tmp = None
    try:
        for folder in (path.parent.parent, path.parent):
            if not folder.is_dir():
                folder.mkdir(mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(header.encode() + b"\n" + payload)
        os.replace(tmp, path)
        tmp = None
        _sweep(path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _sweep(written: Path) -> None:
    """Remove the stale cache files beside `written` (of other rules, and so never read again by
    this fto-check), but the newest CACHE_KEEP - 1 of them: two versions of fto-check sharing
    the folder keep a cache each, instead of each removing the other's, and rewriting its own,
    on every run. A temporary file left by a process that died mid-write goes too, once it is an
    hour old (a younger one may be another process's, being written). Only this user's regular
    files named as cache files are removed; a link is never followed, and a file that cannot be
    looked at is left alone."""
    stale, abandoned = [], []
    now = time.time()
    with os.scandir(written.parent) as entries:
        for entry in entries:
            cache = _CACHE_NAME.fullmatch(entry.name) and entry.name != written.name
            if not (cache or _TEMPORARY_NAME.fullmatch(entry.name)):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if not (stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid()):
                    continue
                if cache:
                    stale.append((info.st_mtime, entry.path))
                elif now - info.st_mtime > ABANDONED_AFTER:
                    abandoned.append(entry.path)
    for old in [path for _, path in sorted(stale, reverse=True)[CACHE_KEEP - 1 :]] + abandoned:
        with contextlib.suppress(OSError):
            os.unlink(old)
