"""The criteria as a catalog: the tree the engine composes, how far it covers the law, the
teaching text of `rules/catalog.yaml`, and the examples that exercise each rule.

`rules`, `explain` and docs/criteria.md are all built from here, so they cannot disagree.

The tree is read off the engine, neither written by hand nor declared beside each rule:
`tree(day)` evaluates a probe profile (two incidents, every fact unknown) under the law in force
on `day` and records, for each finding, its rule, how it combines its parts (all of, any of, or
a leaf) and the rules of those parts. That is sound because evaluation never short-circuits
(engine.py): every part of every all-of and any-of is evaluated and reported whatever the facts,
so an all-unknown profile reaches every rule in force, and a rule repeated among one finding's
parts is one applied to each incident in turn. One route is decided at once when a fact is
absent: the items of (iv)(IV)(bb)–(VI)(dd), support for someone else, on an incident with no
`support` recorded (no recipient to place in a tier), and the acts an organization intends
when no fact of them is recorded; the probe's incidents record support, and its intent one
(empty) list of acts. A declared list of parts would say again what
each predicate's code already says, and could drift from it; the probe cannot drift, and
tests/test_traceability.py checks that it reaches every rule in force.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from fto_check.base.errors import FtoCheckError, UsageError
from fto_check.base.resources import data_dir, read_data
from fto_check.law.statute import FTO_STATUTE_ENACTED, Clause, Version, load_law
from fto_check.reasoning import predicates  # noqa: F401 - registers the rules
from fto_check.reasoning.engine import RULES, Rule
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status

ROOT = "1189(a)(1)"  # § 1189(a)(1): "… if the Secretary finds that— (A) …; (B) …; and (C) …"


# ---------------------------------------------------------------- the tree


@dataclass(frozen=True, slots=True)
class Node:
    """One rule as the engine composes it on a given day."""

    rule: Rule  # the version in force that day
    combine: str  # "all-of", "any-of" or "leaf"
    parts: tuple[str, ...]  # the rule ids it is composed of, in statute order
    each_incident: bool = False  # its parts are applied to each incident in turn


def in_force(rule_id: str, day: date) -> Rule | None:
    """The version of `rule_id` in force on `day` (None: the rule did not exist then)."""
    return next((r for r in RULES[rule_id] if r.in_force_on(day)), None)


def latest() -> date:
    """The day whose law `rules` and `explain` show by default: today's."""
    return date.today()


@cache
def tree(day: date) -> dict[str, Node]:
    """Every rule in force on `day` reachable from § 1189(a)(1), depth first in statute order."""
    from fto_check.profile.model import Profile
    from fto_check.reasoning.evaluate import evaluate

    # `support: {}`: an incident of support given to another, every fact of it unknown, so
    # that the tiers of (vi) are reached (an incident with no `support` has no recipient).
    incident = {"support": {}}
    # And an intent that records one fact of the acts intended (an empty list of them, every
    # other fact unknown), so that what it intends is judged by every element.
    intent = {"involves": []}
    probe = Profile.model_validate(
        {"name": "probe", "incidents": [incident, incident], "intent": intent}
    )
    report = evaluate(probe, as_of=day)
    nodes: dict[str, Node] = {}
    for finding in report.criteria.walk():
        if finding.rule in nodes:
            continue
        ids = [child.rule for child in finding.children]
        nodes[finding.rule] = Node(
            rule=in_force(finding.rule, day),
            combine=finding.combine,
            parts=tuple(dict.fromkeys(ids)),
            each_incident=len(ids) > len(set(ids)),
        )
    return nodes


def below(nodes: dict[str, Node], rule_id: str) -> list[str]:
    """`rule_id` and every rule under it, depth first, each once."""
    seen: dict[str, None] = {}
    stack = [rule_id]
    while stack:
        current = stack.pop()
        if current in seen or current not in nodes:
            continue
        seen[current] = None
        stack.extend(reversed(nodes[current].parts))
    return list(seen)


def version_days(rule_id: str) -> list[date]:
    """A day in each version of a rule: its last day (today, for the version in force).

    The last day, so that a rule whose own version never changed (§ 1189(a)(1)) is shown
    with the parts in force today, not with those of 1996.
    """
    today = latest()
    return [max(min(r.until or today, today), FTO_STATUTE_ENACTED) for r in RULES[rule_id]]


def rule_order() -> list[str]:
    """Every registered rule id, in the order the tree reaches them (the latest tree first)."""
    order: dict[str, None] = dict.fromkeys(tree(latest()))
    for rule_id in RULES:
        for day in version_days(rule_id):
            order.update(dict.fromkeys(tree(day)))
    order.update(dict.fromkeys(RULES))
    return list(order)


# ---------------------------------------------------------------- coverage of the law

Kind = Literal["encoded", "through-subclauses", "not-encoded", "structural", "uncovered"]


@dataclass(frozen=True, slots=True)
class Cover:
    """How one clause of rules/ is implemented, or why it is not."""

    clause: Clause
    kind: Kind
    rules: tuple[str, ...] = ()  # rule ids implementing it (for "through": the subclauses')
    reason: str = ""  # the clause's not-encoded reason
    versions_not_encoded: tuple[tuple[Version, str], ...] = ()  # past words, and why not


@cache
def coverage() -> tuple[Cover, ...]:
    """Each clause of rules/, section by section in the order the criteria reach them.

    A clause is encoded by the rules that cite it (the clause's own rule and its elements);
    a clause with words of its own and no rule is covered through its subclauses' rules (a
    lead-in such as § 1182(a)(3)(B)(iv)(IV) "to solicit funds … for—"); a heading-only unit
    is structural; anything else must say why it is not encoded.
    """
    law = load_law()
    by_clause: dict[str, list[str]] = {}
    for rule_id in rule_order():
        by_clause.setdefault(RULES[rule_id][0].clause, []).append(rule_id)
    first = {clause_id: i for i, clause_id in enumerate(by_clause)}
    sections = sorted(
        law.sections,
        key=lambda s: min((first.get(c.id, len(first)) for c in s.clauses), default=len(first)),
    )
    covers = []
    for section in sections:
        for clause in section.clauses:
            own = tuple(by_clause.get(clause.id, ()))
            through = tuple(
                rule_id
                for clause_id, ids in by_clause.items()
                if clause_id.startswith(clause.id + "(")
                for rule_id in ids
            )
            past = tuple((v, v.not_encoded) for v in clause.versions if v.not_encoded)
            if own:
                kind: Kind = "encoded"
            elif clause.current.text == "":
                kind = "structural"
            elif clause.not_encoded:
                kind = "not-encoded"
            elif through:
                kind = "through-subclauses"
            else:
                kind = "uncovered"
            covers.append(
                Cover(
                    clause,
                    kind,
                    own or (through if kind == "through-subclauses" else ()),
                    clause.not_encoded or "",
                    past,
                )
            )
    return tuple(covers)


# ---------------------------------------------------------------- teaching text


class Entry(BaseModel):
    """What `explain` teaches about one clause or rule beyond its summary."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plain: str = Field(description="What it means, in plain English.")
    parsing: str = Field("", description="How the checker reads the words (and why).")
    mistakes: list[str] = Field([], description="Common mistakes, one sentence each.")


class _Catalog(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entries: dict[str, Entry]


@cache
def teaching() -> dict[str, Entry]:
    """The entries of rules/catalog.yaml, by clause or rule id."""
    from fto_check.base.loader import load_document

    file = data_dir("rules") / "catalog.yaml"
    doc = load_document(read_data(file).decode("utf-8"), str(file))
    return _Catalog.model_validate(doc.data).entries


# ---------------------------------------------------------------- examples


@dataclass(frozen=True, slots=True)
class Use:
    """An example whose report decided a rule (or consulted a reading)."""

    example: str  # its path under examples/
    as_of: str
    outcomes: tuple[str, ...]  # a status ("met", "not_met"), or a reading's value


@cache
def _example_reports() -> tuple:
    from fto_check.profile.read import read_profile
    from fto_check.reasoning.evaluate import evaluate

    try:
        root = data_dir("examples")
    except FileNotFoundError:
        return ()
    reports = []
    for path in sorted(root.rglob("*.y*ml")):
        try:
            loaded = read_profile(path)
            reports.append((path.relative_to(root).as_posix(), evaluate(loaded.profile)))
        except FtoCheckError:  # a broken example is for the examples' own tests to report
            continue
    return tuple(reports)


def examples_deciding(rule_ids: tuple[str, ...] | list[str]) -> list[Use]:
    """The examples with a finding for one of `rule_ids` that says something: met, not met, or
    undetermined on some facts but not enough (three-valued-unknown.yaml leaves a motive out
    to show just that). A rule undetermined on nothing at all is not listed: every example
    that says nothing about it would be."""
    wanted = set(rule_ids)
    uses = []
    for name, report in _example_reports():
        found: dict[Status, None] = {}
        for finding in report.criteria.walk():
            if finding.rule not in wanted:
                continue
            if finding.status is not UNDETERMINED or any(g.facts for g in finding.walk()):
                found[finding.status] = None
        if found:
            statuses = tuple(s.value for s in (MET, NOT_MET, UNDETERMINED) if s in found)
            uses.append(Use(name, report.as_of, statuses))
    return uses


def examples_consulting(reading: str) -> list[Use]:
    """The examples in which `reading` decided some finding, with the value it had."""
    uses = []
    for name, report in _example_reports():
        values = {f.readings[reading] for f in report.criteria.walk() if reading in f.readings}
        if values:
            uses.append(Use(name, report.as_of, tuple(sorted(values))))
    return uses


# ---------------------------------------------------------------- finding what to explain


@dataclass(frozen=True, slots=True)
class Target:
    kind: Literal["clause", "rule", "reading"]
    id: str


_CITATION_PREFIX = re.compile(
    r"^(?:(?:8|22)\s*U\.?\s*S\.?\s*C\.?(?:\s*A\.?)?\s*)?(?:§+|sec(?:tion)?\.?)?\s*", re.IGNORECASE
)
_INA = {"219": "1189", "212": "1182"}  # the INA's own section numbers, as the enacted text has


def normalize(query: str) -> str:
    """A citation as the checker writes it: '8 U.S.C. § 1189 (a)(1)(B)' → '1189(a)(1)(B)'.

    Also the shell-friendly form with hyphens for parentheses ('1189-a-1-B', as in the anchors
    of docs/criteria.md), since an unquoted '(' is a syntax error in a shell.
    """
    text = query.strip()
    ina = re.match(r"^INA\s*§?\s*(219|212)", text, re.IGNORECASE)
    if ina:
        text = _INA[ina.group(1)] + text[ina.end() :]
    text = _CITATION_PREFIX.sub("", text)
    clause, slash, element = text.partition("/")
    clause = re.sub(r"\s+", "", clause)
    if re.fullmatch(r"\d+f?(-[A-Za-z0-9]+)+", clause):
        section, *parts = clause.split("-")
        clause = section + "".join(f"({part})" for part in parts)
    element = re.sub(r"[\s_]+", "-", element.strip().lower())
    return f"{clause}{slash}{element}"


def resolve(query: str) -> Target:
    """What `query` names: a clause, a rule (element), or a reading. UsageError if nothing."""
    from fto_check.law.readings import all_readings

    law = load_law()
    readings = all_readings()
    folded = query.strip().casefold()
    for name in readings:
        if name.casefold() == folded:
            return Target("reading", name)
    titles = _titles()
    if folded in titles:
        return Target("clause" if titles[folded] in law.clauses else "rule", titles[folded])
    text = normalize(query)
    ids = [*law.clauses, *(r for r in RULES if r not in law.clauses)]
    matches = [i for i in ids if i == text] or [i for i in ids if i.casefold() == text.casefold()]
    if len(matches) == 1:
        found = matches[0]
        return Target("clause" if found in law.clauses else "rule", found)
    found = [] if re.match(r"\d", text) else search(query)  # a citation is looked up above
    if found:
        best = [item for score, item in found if score == found[0][0]]
        if len(best) > 1:  # the same words under two numbers, (ii)(I) then (iii)(I): today's
            best = [item for item in best if _in_force(item, law)] or best
        if len(best) == 1:
            found_id = best[0]
            if found_id in readings:
                return Target("reading", found_id)
            return Target("clause" if found_id in law.clauses else "rule", found_id)
        listed = "; ".join(f"{i} ({_title_of(i)})" for _, i in found[:8])
        raise UsageError(
            f"several clauses, rules or readings match {query!r}: {listed} (give one of their ids)"
        )
    names = [*ids, *readings]
    close = difflib.get_close_matches(text, names, n=5, cutoff=0.6) or difflib.get_close_matches(
        folded, [*names, *titles], n=5, cutoff=0.5
    )
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise UsageError(
        f"unknown id {query!r}{hint} (`fto-check rules` lists the rules, "
        "`fto-check rules --coverage` the clauses, `fto-check rules --readings` the readings)"
    )


# ---------------------------------------------------------------- searching the words

_WORD = re.compile(r"[a-z0-9]+")
# Where a query's words are found, best first: a rule's title or a clause's heading, a rule's
# summary, the statute's own words (any version), the plain-English teaching text.
_TITLE, _SUMMARY, _STATUTE, _TEACHING = 4, 3, 2, 1


def search(query: str) -> list[tuple[tuple, str]]:
    """The clauses, rules and readings whose title (a reading's name), summary (its question),
    statute text or teaching text has every word
    of `query` (a word matches its inflections and near spellings: `hijacking` finds the
    statute's "highjacking"), best first: (score, id). The score ranks where the words were
    found (a title first), then how much of that text they make up."""
    words = _query_words(query)
    if not words:
        return []
    scored: dict[str, tuple] = {}
    for item, texts in _searchable().items():
        for weight, text in texts:
            hits = _matches(words, text)
            if hits is None:
                continue
            exact, size = hits
            score = (weight, exact, -size)
            if score > scored.get(item, ()):
                scored[item] = score
    return sorted(
        ((score, item) for item, score in scored.items()), key=lambda x: x[0], reverse=True
    )


_STOP = frozenset(
    ["a", "an", "and", "any", "by", "for", "in", "it", "its", "of", "on", "or", "the", "to"]
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _query_words(text: str) -> list[str]:
    """The words of a query worth looking for: not one letter, not 'the' or 'of'."""
    return [w for w in _words(text) if len(w) > 1 and w not in _STOP]


def _matches(words: list[str], text: list[str]) -> tuple[int, int] | None:
    """(words found exactly, the text's length) when every query word is in `text`."""
    exact = 0
    for word in words:
        if word in text:
            exact += 1
        elif not any(_alike(word, other) for other in text):
            return None
    return exact, len(text)


def _alike(word: str, other: str) -> bool:
    """An inflection (`hostage`, `hostages`; `threat`, `threatens`) or a near spelling
    (`hijacking`, `highjacking`) of the same word."""
    if len(word) >= 4 and len(other) >= 4 and (other.startswith(word) or word.startswith(other)):
        return True
    return len(word) >= 6 and difflib.SequenceMatcher(None, word, other).ratio() >= 0.85


@cache
def _searchable() -> dict[str, list[tuple[int, list[str]]]]:
    """Each clause and rule id with the texts a search looks in, and how much each counts."""
    law = load_law()
    entries = teaching()
    texts: dict[str, list[tuple[int, list[str]]]] = {}
    for clause_id, clause in law.clauses.items():
        found = texts.setdefault(clause_id, [])
        if clause.heading:
            found.append((_TITLE, _words(clause.heading)))
        for version in clause.versions:
            words = f"{version.text or ''} {version.flush_text or ''}"
            if words.strip():
                found.append((_STATUTE, _words(words)))
    for rule_id, impls in RULES.items():
        found = texts.setdefault(rule_id, [])
        for impl in impls:
            found += [(_TITLE, _words(impl.title)), (_SUMMARY, _words(impl.summary))]
    for item, entry in entries.items():
        if item in texts:
            texts[item].append((_TEACHING, _words(entry.plain)))
    from fto_check.law.readings import all_readings

    for name, reading in all_readings().items():
        texts[name] = [(_TITLE, _words(name)), (_SUMMARY, _words(reading.question))]
    return texts


def _in_force(item: str, law) -> bool:
    """Whether a clause's or rule's words are the law today (a reading always is)."""
    if item in RULES:
        return RULES[item][-1].until is None
    if item in law.clauses:
        return law.clauses[item].current.in_force_until is None
    return True


def _title_of(item: str) -> str:
    from fto_check.law.readings import all_readings

    if item in all_readings():
        return "a contested reading"
    if item in RULES:
        return RULES[item][-1].title
    clause = load_law().clauses[item]
    return clause.heading or f"§ {item}"


@cache
def _titles() -> dict[str, str]:
    """Rule titles (casefolded) → rule id: current titles first, then those of past versions."""
    titles: dict[str, str] = {}
    for index in (-1, 0):
        for rule_id, impls in RULES.items():
            titles.setdefault(impls[index].title.casefold(), rule_id)
    return titles
