"""Drills generated from the rules and the examples, with answers computed by the engine.

A drill asks about a *case*: an example profile, or a systematic variation of one (one fact
flipped, one fact dropped so that it becomes unknown, or every date moved across an amendment
of the law, such as the USA PATRIOT Act's of 26 October 2001). Three kinds of question:
- status: is (A), (B) or (C) met, not met, or undetermined?
- route: which of the routes to (B) establish it?
- change: which one of these changes of fact, made alone, would make a criterion met?
The key is never written by hand: it is the engine's report on the case (for a change, on the
case with that change made), and the explanation is the engine's reasoning with the clauses it
applied quoted verbatim from rules/. A seeded `random.Random` makes a quiz reproducible; nothing
here iterates over a set, whose order would differ between runs.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from fto_check.base.errors import FtoCheckError, UsageError
from fto_check.base.loader import Document, SourceMap, load_document
from fto_check.base.resources import data_dir, read_data
from fto_check.law.statute import FTO_STATUTE_ENACTED
from fto_check.profile.model import Profile
from fto_check.profile.plain import description, generic, value_text
from fto_check.profile.read import validate
from fto_check.reasoning import predicates  # noqa: F401 - registers the rules
from fto_check.reasoning.catalog import Target, below, in_force, resolve, tree
from fto_check.reasoning.engine import RULES
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.findings import Change, Finding, Report
from fto_check.reasoning.logic import MET
from fto_check.reasoning.predicates.s2656f import NONCOMBATANTS, POLITICAL
from fto_check.render.text import MARK, STYLE, TAB, Line, reasoning, to_plain
from fto_check.teaching.lesson import Quote, clause_of, closure, quote, quotes

KINDS = ("status", "route", "change")
CRITERIA = ("A", "B", "C")
ATTEMPTS_PER_QUESTION = 30  # candidate cases tried per question asked, before giving up


# ---------------------------------------------------------------- cases


@dataclass(slots=True)
class Case:
    """A profile to ask about: an example, or a variation of one, judged by the engine."""

    data: dict  # the profile as YAML data (JSON-ready), without the example's expect: block
    profile: Profile
    report: Report
    based_on: str  # the example, e.g. "minimal-pairs/motive-profit.yaml"
    variation: str = ""  # what was changed, in plain words ("" for the example itself)
    changed: str = ""  # the field path changed ("as_of" when the dates were moved)
    base: Report | None = None  # the example's own report, when this is a variation


@cache
def examples() -> tuple[tuple[str, dict], ...]:
    """Every example shipped with fto-check: (its path under examples/, its data)."""
    root = data_dir("examples")
    found = []
    for path in sorted(root.rglob("*.y*ml")):
        doc = load_document(read_data(path).decode("utf-8"), str(path))
        data = dict(doc.data) if isinstance(doc.data, dict) else None
        if data is None:
            continue
        data.pop("expect", None)  # the expectation of the example, not of its variations
        try:
            validate(Document(data, doc.source))
        except FtoCheckError:  # a broken example is for the examples' own tests to report
            continue
        found.append((path.relative_to(root).as_posix(), data))
    return tuple(found)


def judge(data: dict, based_on: str, **kw: Any) -> Case | None:
    """The case of `data`, or None where the data is no valid profile (a flip that contradicts
    another fact, say)."""
    try:
        profile = validate(Document(data, SourceMap(path=f"<{based_on}>")))
        report = evaluate(profile)
    except FtoCheckError:
        return None
    return Case(data, profile, report, based_on, **kw)


@cache
def base(name: str) -> Case:
    data = dict(examples())[name]
    case = judge(copy.deepcopy(data), name)
    assert case is not None, name  # examples() kept only valid examples
    return case


@cache
def amendments() -> tuple[date, ...]:
    """The days on which a rule's law changed: a new version of some rule starts then."""
    days = {impl.since for impls in RULES.values() for impl in impls[1:] if impl.since}
    return tuple(sorted(days))


def _known_facts(profile: Profile) -> list[tuple[str, Any]]:
    """(path, value) of every fact the profile gives, in the model's order."""
    out = []
    sections = [(n, getattr(profile, n)) for n in ("organization", "foreign")]
    sections += [(f"incidents[{i}]", x) for i, x in enumerate(profile.incidents or ())]
    sections += [(n, getattr(profile, n)) for n in ("capability", "intent", "threat_to_us")]
    for path, section in sections:
        if section is None:
            continue
        for name in type(section).model_fields:
            value = getattr(section, name)
            value = getattr(value, "value", value) if not isinstance(value, list) else value
            if value is not None and name not in _NOT_VARIED:
                out.append((f"{path}.{name}", value))
    return out


# Not varied: what only names or describes (dates move with `as_of`, across an amendment),
# and the Secretary's asserted finding, which is not a fact of the organization's.
_NOT_VARIED = {"sources", "note", "id", "summary", "location", "date", "country"} | {
    "secretary_finding"
}


def flipped(path: str, value: Any, profile: Profile) -> Any:
    """The opposite of a fact, where it has one: a yes for a no, a political motive for a
    profit motive, a US base for a foreign one. None: the fact has no simple opposite."""
    name = path.rpartition(".")[2]
    values = [getattr(v, "value", v) for v in value] if isinstance(value, list) else None
    if isinstance(value, bool):
        return not value
    if name == "motives":
        return ["financial"] if POLITICAL["broad"] & set(values) else ["political"]
    if name == "targets":
        return ["military"] if NONCOMBATANTS & set(values) else ["civilians"]
    if name == "involves":
        return [] if values else ["firearm"]
    if name == "arises_from":
        counted = {"terrorist-activity", "terrorism"} & set(values)
        return ["drug-trafficking"] if counted else ["terrorist-activity"]
    if name in ("formed_in", "headquarters_in"):
        if value != "US":
            return "US"
        foreign = profile.foreign
        named = [getattr(foreign, n, None) for n in ("formed_in", "headquarters_in")]
        named = [getattr(n, "value", n) for n in named]
        return next((c for c in named if c and c != "US"), "XA")
    return None


def variations(case: Case) -> list[tuple[str, Callable[[], Case | None]]]:
    """Every systematic variation of an example: the field it changes ("as_of" for dates moved
    across an amendment), and how to build (and judge) it, only when chosen."""
    out: list[tuple[str, Callable[[], Case | None]]] = []
    for path, value in _known_facts(case.profile):
        opposite = flipped(path, value, case.profile)
        if opposite is not None:
            out.append((path, lambda p=path, v=value, o=opposite: _flip(case, p, v, o)))
        out.append((path, lambda p=path, v=value: _drop(case, p, v)))
    for day in amendments():
        out.append(("as_of", lambda d=day: across(case, d)))
    return out


def _where(path: str, case: Case) -> str:
    m = re.match(r"incidents\[(\d+)\]\.", path)
    if not m:
        return ""
    incident = case.profile.incidents[int(m[1])]
    return f" (incident {incident.id or '#' + str(int(m[1]) + 1)})"


def _flip(case: Case, path: str, old: Any, new: Any) -> Case | None:
    from fto_check.reasoning.whynot import apply

    data = apply(case.data, [Change(path, new)])
    said = f"{description(path)}{_where(path, case)}: now {value_text(new)} (was {value_text(old)})"
    return judge(data, case.based_on, variation=said, changed=path, base=case.report)


def _drop(case: Case, path: str, old: Any) -> Case | None:
    data = copy.deepcopy(case.data)
    holder: Any = data
    parts = [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]
    for part in parts[:-1]:
        holder = holder[part]
    if parts[-1] not in holder:
        return None
    del holder[parts[-1]]
    said = f"{description(path)}{_where(path, case)}: now unknown (was {value_text(old)})"
    return judge(data, case.based_on, variation=said, changed=path, base=case.report)


def across(case: Case, day: date) -> Case | None:
    """Every date moved by whole years, so that `as_of` falls on the other side of `day`."""
    as_of = case.profile.as_of
    if as_of is None:
        return None
    before = as_of >= day  # move to just before the amendment, else to just after it
    year = day.year
    while True:
        moved = _in_year(as_of, year)
        if (moved < day) == before:
            break
        year += -1 if before else 1
    years = year - as_of.year
    if moved < FTO_STATUTE_ENACTED:
        return None
    data = copy.deepcopy(case.data)
    data["as_of"] = moved.isoformat()
    _shift_dates(data, years)
    act = _act_of(day)
    side = "before" if before else "after"
    said = (
        f"every date moved {abs(years)} years {'back' if years < 0 else 'forward'}: as of "
        f"{moved}, {side} {act} took effect on {day}"
    )
    return judge(data, case.based_on, variation=said, changed="as_of", base=case.report)


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


DATED = {
    "date",
    "quiet_since",
    "all_incidents_since",
    "ceasefire",
    "renounced_violence",
    "disarmed",
}
_POINT = re.compile(r"\b([0-9]{3}0)s\b|\b([0-9]{4})(-[0-9]{2})?(-[0-9]{2})?\b")


def _shift_dates(data, years: int) -> None:
    """Move every date in the profile's data (incidents, conduct, findings, sources) by
    `years`, in place, whatever its form: a day, a month, a year, a decade, a range,
    'since 2010', {from: …, to: …}, or a fact's `value`."""
    if isinstance(data, list):
        for item in data:
            _shift_dates(item, years)
    elif isinstance(data, dict):
        for key, value in data.items():
            if key in DATED:
                data[key] = _shift_value(value, years)
            else:
                _shift_dates(value, years)


def _shift_value(value, years: int):
    if isinstance(value, str):
        return _shift(value, years)
    if isinstance(value, dict):
        return {
            k: _shift_value(v, years) if k in ("from", "to", "value") else v
            for k, v in value.items()
        }
    return value


def _shift(text: str, years: int) -> str:
    """Every date written in `text` moved by `years`; a decade becomes its ten years."""

    def move(m: re.Match) -> str:
        if m[1]:  # a decade: "1990s" moved by 23 years is 2013/2022, not a decade
            start = int(m[1]) + years
            return f"{start}s" if years % 10 == 0 else f"{start:04d}/{start + 9:04d}"
        year = int(m[2]) + years
        if m[4]:
            return _in_year(date.fromisoformat(m[0]), year).isoformat()
        return f"{year:04d}{m[3] or ''}"

    return _POINT.sub(move, text)


def _act_of(day: date) -> str:
    """The law that took effect on `day`, as rules/ names it ('the USA PATRIOT Act')."""
    from fto_check.law.statute import load_law

    for clause in load_law().clauses.values():
        for version in clause.versions:
            if version.in_force_from == day:
                return f"the {version.act}" if version.act else version.enacted_by
    return "an amendment"


# ---------------------------------------------------------------- a topic


@dataclass(frozen=True, slots=True)
class Focus:
    """What `--topic` names (any id `fto-check explain` accepts), and the profile fields its
    rules read, so that variations of those fields are tried first."""

    target: Target
    fields: tuple[str, ...]

    def involves(self, finding: Finding) -> bool:
        kind, wanted = self.target.kind, self.target.id
        if kind == "reading":
            return wanted in finding.readings
        if kind == "clause":
            clause = clause_of(finding.rule)
            return clause == wanted or clause.startswith(wanted + "(")
        return finding.rule == wanted or finding.rule.startswith(wanted + "/")


def focus(topic: str) -> Focus:
    """The focus of `--topic`; UsageError when nothing the checker decides involves it."""
    target = resolve(topic)
    probe = Focus(target, ())
    fields: dict[str, None] = {}
    found = False
    for day in (FTO_STATUTE_ENACTED, *amendments(), date.today()):
        nodes = tree(day)
        for rule_id, node in nodes.items():
            finding = Finding(rule_id, "", "", MET, "", readings=dict.fromkeys(node.rule.readings))
            if probe.involves(finding):
                found = True
                for part in below(nodes, rule_id):
                    fields.update(dict.fromkeys(nodes[part].rule.reads))
    if not found:
        raise UsageError(
            f"no rule of the checker decides {topic!r} ({target.id}), so no drill can turn "
            "on it; `fto-check rules --coverage` shows what is encoded"
        )
    return Focus(target, tuple(fields))


# ---------------------------------------------------------------- questions


@dataclass(slots=True)
class Choice:
    key: str  # what to type: "met", "2", "b"
    text: str
    aliases: tuple[str, ...] = ()
    change: Change | None = None  # for a change question: the change this choice makes


@dataclass(slots=True)
class Question:
    """One drill: the case, what is asked, the engine's answer and its explanation."""

    kind: str  # "status", "route" or "change"
    criterion: str  # "A", "B" or "C"
    case: Case
    prompt: str
    choices: list[Choice]
    answer: list[str]  # the keys of the right choices (for a route: all of them, or "none")
    verdict: str  # the right answer in words
    explanation: list[Line]
    law: list[Quote]
    clauses: list[str]  # the clauses that decided it: what a wrong answer missed
    involved: list[Finding] = field(default_factory=list)  # for --topic: what decided it
    many: bool = False  # several choices may be right, all must be given

    def check(self, text: str) -> bool | None:
        """Whether `text` is the right answer; None when it is not an answer at all."""
        given = parse(self, text)
        if given is None:
            return None
        return sorted(given) == sorted(self.answer)


def parse(question: Question, text: str) -> list[str] | None:
    """The choice keys `text` names ("not met", "n", "1, 3", "none", "b"), or None."""
    text = text.strip().lower()
    if question.many:
        words = [w for w in re.split(r"[,\s]+", text) if w]
    else:
        words = [re.sub(r"[\s_-]+", " ", text)]
    keys = []
    for word in words:
        match = next(
            (c.key for c in question.choices if word == c.key.lower() or word in c.aliases),
            None,
        )
        if match is None:
            return None
        keys.append(match)
    return list(dict.fromkeys(keys)) or None


STATUS_CHOICES = [
    Choice("met", "met", ("m", "yes", "y")),
    Choice("not_met", "not met", ("n", "not met", "no", "nm")),  # key: the machine spelling
    Choice("undetermined", "undetermined", ("u", "?", "unknown", "undecided")),
]


def _status_question(rng: random.Random, case: Case, focus_: Focus | None) -> Question | None:
    letters = _letters(case, focus_)
    if not letters:
        return None
    letter = rng.choice(letters)
    criterion = case.report.criterion(letter)
    day = date.fromisoformat(case.report.as_of)
    status = criterion.status
    explanation: list[Line] = [
        [
            (f"{MARK[status]} ", STYLE[status]),
            (f"({letter}) {criterion.title}", "bold"),
            (f": {status.label}", STYLE[status]),
            (f" — {criterion.reason}", ""),
        ],
        *reasoning(criterion, levels=3),
    ]
    law = quotes(criterion, day)
    return Question(
        kind="status",
        criterion=letter,
        case=case,
        prompt=f"Is ({letter}) met, not met, or undetermined? ({letter}) asks whether "
        f"{_asks(criterion, day)}.",
        choices=STATUS_CHOICES,
        answer=[status.value],
        verdict=f"({letter}) is {status.label}",
        explanation=explanation,
        law=law,
        clauses=_clauses(case, criterion, law),
        involved=closure(criterion),
    )


def _route_question(rng: random.Random, case: Case, focus_: Focus | None) -> Question | None:
    b = case.report.criterion("B")
    routes = b.children
    if not routes:
        return None
    involved = [f for route in routes for f in closure(route)]
    if focus_ and not any(focus_.involves(f) for f in involved):
        return None
    choices = [Choice(str(i + 1), _route_name(r)) for i, r in enumerate(routes)]
    choices.append(Choice("none", "none of them", ("0", "no", "-")))
    met = [c.key for c, r in zip(choices, routes, strict=False) if r.status is MET]
    day = date.fromisoformat(case.report.as_of)
    explanation: list[Line] = []
    for route in routes:
        explanation.append(
            [
                (f"{MARK[route.status]} ", STYLE[route.status]),
                (_route_name(route), "bold"),
                (f": {route.status.label} — {route.reason}", ""),
            ]
        )
        explanation += reasoning(route, levels=2, every=False)
    names = [_route_name(r) for r in routes if r.status is MET]
    law = quotes(b, day)
    several = len(routes) > 1
    return Question(
        kind="route",
        criterion="B",
        case=case,
        prompt=(
            "Which of these routes establish (B)? Give every one that does (e.g. 1,3), or none."
            if several
            else "Does this route establish (B)? Answer 1, or none."
        ),
        choices=choices,
        answer=met or ["none"],
        verdict=("(B) is established by " + " and by ".join(names))
        if names
        else f"no route establishes (B): it is {b.status.label}",
        explanation=explanation,
        law=law,
        clauses=_clauses(case, b, law),
        involved=involved,
        many=True,
    )


def _change_question(rng: random.Random, case: Case, focus_: Focus | None) -> Question | None:
    from fto_check.reasoning import whynot

    letters = [x for x in _letters(case, focus_) if case.report.criterion(x).status is not MET]
    if not letters:
        return None
    letter = rng.choice(letters)
    criterion = case.report.criterion(letter)
    whynot.attach(case.report, case.profile)
    answer = next(w for w in case.report.why_not if w.rule == criterion.rule)
    singles = [
        change
        for fix in answer.fixes
        if len(fix.steps) == 1
        for change in fix.steps[0]
        if not change.path.startswith(whynot.NEW_INCIDENT)
    ]
    if not singles:
        return None
    right = rng.choice(singles)
    # Wrong choices: changes that would meet another criterion, and other facts flipped.
    others = [
        change
        for w in case.report.why_not
        if w.rule != criterion.rule
        for fix in w.fixes
        if len(fix.steps) == 1
        for change in fix.steps[0]
        if not change.path.startswith(whynot.NEW_INCIDENT)
    ]
    others += [
        Change(path, opposite)
        for path, value in _known_facts(case.profile)
        if (opposite := flipped(path, value, case.profile)) is not None
    ]
    rng.shuffle(others)
    met = _after(case, right, letter)
    if met is None or met.status is not MET:
        return None  # the engine must confirm the fix
    options = [(right, MET)]
    for change in others:
        if len(options) == 4:
            break
        if any(change.path == c.path for c, _ in options):
            continue
        after = _after(case, change, letter)
        if after is not None and after.status is not MET:
            options.append((change, after.status))
    if len(options) < 3:
        return None  # a choice needs alternatives
    rng.shuffle(options)
    choices = [
        Choice("abcd"[i], _change_text(case, c), change=c) for i, (c, _) in enumerate(options)
    ]
    keys = [ch.key for ch, (_, outcome) in zip(choices, options, strict=True) if outcome is MET]
    day = date.fromisoformat(case.report.as_of)
    explanation: list[Line] = []
    for ch, (_, outcome) in zip(choices, options, strict=True):
        still = " still" if outcome is criterion.status else ""
        effect = f"({letter}) would{still} be {outcome.label}"
        explanation.append(
            [(f"{ch.key}) {MARK[outcome]} ", STYLE[outcome]), (ch.text, ""), (f" → {effect}", "")]
        )
    # What the right change meets: the findings, now met, that read the fact it changes.
    via = [
        f for f in closure(met) if not f.children and any(u.path == right.path for u in f.facts)
    ] or [met]
    routes = list(dict.fromkeys(clause_of(f.rule) for f in via))
    explanation.append(
        [(f"{TAB}the right change meets ({letter}) through ", "dim"), (_via_text(via), "dim")]
    )
    law = [q for q in (quote(c, day) for c in dict.fromkeys([criterion.rule, *routes])) if q]
    involved = closure(criterion) + closure(met)
    return Question(
        kind="change",
        criterion=letter,
        case=case,
        prompt=f"({letter}) is {criterion.status.label}. Which one of these changes, made alone, "
        f"would make ({letter}) met?",
        choices=choices,
        answer=keys,
        verdict=f"{', '.join(keys)}: " + "; ".join(ch.text for ch in choices if ch.key in keys),
        explanation=explanation,
        law=law,
        clauses=routes or [clause_of(criterion.rule)],
        involved=involved,
    )


def _after(case: Case, change: Change, letter: str) -> Finding | None:
    """The criterion's finding once `change` is made to the case (None: no valid profile)."""
    from fto_check.reasoning.whynot import apply

    changed = judge(apply(case.data, [change]), case.based_on)
    return changed.report.criterion(letter) if changed else None


def _change_text(case: Case, change: Change) -> str:
    value = change.text or value_text(change.value)
    if change.op == "add":
        value = f"also {value}"
    return f"{description(change.path)}{_where(change.path, case)}: {value}"


def _via_text(via: list[Finding]) -> str:
    """'§ 1182(a)(3)(B)(iii)(I) hijacking or sabotage of a conveyance; …'"""
    said = dict.fromkeys(f"§ {clause_of(f.rule)} {f.title}" for f in via)
    return "; ".join(said)


def _route_name(route: Finding) -> str:
    """'engages in terrorism (22 U.S.C. § 2656f(d)(2))': a route to (B) and where it is defined."""
    defined = {
        "1189(a)(1)(B)/terrorist-activity": "8 U.S.C. § 1182(a)(3)(B)",
        "1189(a)(1)(B)/terrorism": "22 U.S.C. § 2656f(d)(2)",
    }.get(route.rule)
    return f"{route.title} ({defined})" if defined else route.title


def _asks(criterion: Finding, day: date) -> str:
    text = in_force(criterion.rule, day).summary.rstrip(".")
    return text[0].lower() + text[1:]


def _letters(case: Case, focus_: Focus | None) -> list[str]:
    """The criteria worth asking about: those a variation changed, if any; with a topic,
    only those whose deciding findings involve it."""
    letters = list(CRITERIA)
    if focus_:
        letters = [
            x for x in letters if any(focus_.involves(f) for f in closure(case.report.criterion(x)))
        ]
    if case.base is not None:
        base, now = case.base, case.report
        moved = [x for x in letters if base.criterion(x).status is not now.criterion(x).status]
        reads = [x for x in letters if _reads(now.criterion(x), case.changed)]
        letters = moved or reads or letters
    return letters


def _reads(criterion: Finding, path: str) -> bool:
    """Whether some finding of `criterion` used the fact at `path`, or missed it."""
    return any(path in f.missing or any(u.path == path for u in f.facts) for f in criterion.walk())


def _clauses(case: Case, criterion: Finding, law: list[Quote]) -> list[str]:
    """What a wrong answer missed: the clauses of the findings that read the fact a variation
    changed, where some did; else the clauses the explanation quotes, past the criterion's own."""
    if case.changed and case.changed != "as_of":
        touched = [
            clause_of(f.rule)
            for f in closure(criterion)
            if not f.children
            and (case.changed in f.missing or any(u.path == case.changed for u in f.facts))
        ]
        if touched:
            return list(dict.fromkeys(touched))
    quoted = [q.clause for q in law]
    return quoted[1:] or quoted or [clause_of(criterion.rule)]


BUILD = {"status": _status_question, "route": _route_question, "change": _change_question}


# ---------------------------------------------------------------- a quiz


def generate(*, seed: int, count: int, topic: str | None = None) -> list[Question]:
    """`count` questions (fewer if the examples do not yield that many), the same for the same
    seed and topic."""
    rng = random.Random(seed)
    focus_ = focus(topic) if topic else None
    names = [name for name, _ in examples()]
    questions: list[Question] = []
    seen: set[tuple] = set()
    for _ in range(count * ATTEMPTS_PER_QUESTION):
        if len(questions) == count:
            break
        case = _pick_case(rng, base(rng.choice(names)), focus_)
        if case is None or (_idle(case) and rng.random() < 0.6):
            continue  # a variation that changes no criterion teaches less: keep few of them
        kind = rng.choice(KINDS)
        question = BUILD[kind](rng, case, focus_)
        if question is None:
            continue
        if focus_ and not any(focus_.involves(f) for f in question.involved):
            continue
        key = (repr(case.data), kind, question.criterion)
        if key in seen:
            continue
        seen.add(key)
        questions.append(question)
    return questions


def _idle(case: Case) -> bool:
    """Whether a variation left every criterion as it was."""
    if case.base is None:
        return False
    return all(case.base.criterion(x).status is case.report.criterion(x).status for x in CRITERIA)


def _pick_case(rng: random.Random, example: Case, focus_: Focus | None) -> Case | None:
    """The example itself (one time in five) or one of its variations; with a topic, a
    variation of a field the topic's rules read where there is one."""
    if rng.random() < 0.2:
        return example
    options = variations(example)
    if focus_:
        wanted = [v for v in options if v[0] == "as_of" or generic(v[0]) in focus_.fields]
        options = wanted if wanted and rng.random() < 0.8 else options
    return rng.choice(options)[1]() if options else example


def missed_most(missed: list[Question], top: int = 3) -> list[tuple[str, int]]:
    """The clauses behind the wrong answers, most often first (then in order of first miss)."""
    counts: dict[str, int] = {}
    for question in missed:
        for clause in question.clauses:
            counts[clause] = counts.get(clause, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:top]


def to_json(question: Question, number: int) -> dict[str, Any]:
    """A question as data, with its answer and explanation, for teachers' own materials."""
    case = question.case
    return {
        "number": number,
        "kind": question.kind,
        "criterion": question.criterion,
        "based_on": case.based_on,
        "variation": case.variation or None,
        "name": case.profile.name,
        "as_of": case.report.as_of,
        "profile": case.data,
        "question": question.prompt,
        "choices": [_choice_json(c) for c in question.choices],
        "answer": question.answer,
        "answer_text": question.verdict,
        "explanation": [to_plain(line) for line in question.explanation],
        "law": [
            {
                "clause": q.clause,
                "citation": q.citation,
                "version": q.version,
                "text": q.text,
                **({"note": q.note} if q.note else {}),
            }
            for q in question.law
        ],
        "clauses": question.clauses,
        "decided_by": list(dict.fromkeys(f.rule for f in question.involved)),
    }


def _choice_json(choice: Choice) -> dict[str, Any]:
    data: dict[str, Any] = {"key": choice.key, "text": choice.text}
    if choice.change is not None:
        change = choice.change
        data["change"] = {"path": change.path, "value": change.value, "op": change.op}
    return data
