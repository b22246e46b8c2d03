"""The interview behind `fto-check new`: build a profile by asking only what could still change
the verdict, and write it as commented YAML.

Relevance is read off the three-valued finding tree, the way Blawx computes it. The partial
profile is judged; if the verdict is met or not met, the interview is over (facts only ever add
information, and evaluation is monotone in information: no further answer can overturn a decided
verdict). Otherwise a fact can matter only through a finding that is still undetermined, and
through undetermined ancestors all the way up: a part of an all-of whose sibling is not met, or
of an any-of whose sibling is met, is already decided around. Since an undetermined all-of has no
part not met and an undetermined any-of no part met, the relevant facts are exactly the `missing`
fields of the undetermined findings reachable from the verdict through undetermined findings.
The next question is the first of them in the statute's order ((A), then (B), then (C)).

Incidents come one at a time. While the user may still record one, the profile is judged with a
blank incident added (every fact unknown), so whatever a further incident could decide stays
open; when the blank incident's facts are the next thing that matters, the interview asks
whether there is an(other) incident to record.

`converse` holds the conversation, on standard error (in the words of `render/interview.py`),
so that `fto-check new > profile.yaml` writes nothing but the profile to standard output.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from fto_check.base.errors import InputError
from fto_check.base.loader import Document, SourceMap
from fto_check.law.statute import FTO_STATUTE_ENACTED
from fto_check.profile.plain import CHOICES, QUESTIONS, ask, description
from fto_check.profile.read import validate
from fto_check.reasoning.evaluate import evaluate
from fto_check.reasoning.findings import Finding, Report
from fto_check.reasoning.logic import MET, UNDETERMINED
from fto_check.render import interview as render
from fto_check.render.text import LETTER
from fto_check.teaching.lesson import clause_of

NEW_INCIDENT = "incidents[+]"  # the question "is there an(other) incident to record?"
DONT_KNOW = ("?", "d", "dk", "don't know", "dont know", "do not know", "unknown", "not known")
SECTIONS = (
    "organization",
    "foreign",
    "incidents",
    "conduct",
    "capability",
    "intent",
    "threat_to_us",
)


@dataclass(frozen=True, slots=True)
class Question:
    """One question: the fact it asks for, in words, and what its answer could decide."""

    path: str  # "organization.is_group", "incidents[0].motives", or NEW_INCIDENT
    text: str
    kind: str  # "yes-no", "country", "countries", "date", or a vocabulary of plain.CHOICES
    decides: str  # "(A) an organization"

    @property
    def choices(self) -> list[str]:
        vocabulary = CHOICES.get(self.kind)
        return [member.value for member in vocabulary] if vocabulary else []


class Unknown:
    """The answer "don't know": the fact stays unknown."""


@dataclass(slots=True)
class Interview:
    name: str
    as_of: date
    incidents: list[dict] = field(default_factory=list)  # recorded so far
    open: bool = True  # may another incident still be recorded?
    facts: dict[str, Any] = field(default_factory=dict)  # path → answer
    unknown: list[str] = field(default_factory=list)  # paths answered "don't know"
    asked: list[str] = field(default_factory=list)  # every path asked, in order

    # -- the profile so far ------------------------------------------------------------------

    def data(self, *, blank: bool = False) -> dict:
        """The profile as YAML data; with `blank`, an unknown incident added while one may be."""
        data: dict[str, Any] = {"name": self.name, "as_of": self.as_of.isoformat()}
        incidents = [dict(incident) for incident in self.incidents]
        for path, value in self.facts.items():
            head, *inner, name = path.split(".")
            m = re.fullmatch(r"incidents\[(\d+)\]", head)
            holder = incidents[int(m[1])] if m else data.setdefault(head, {})
            for part in inner:  # an incident's support, and its recipient
                holder = holder.setdefault(part, {})
            holder[name] = value
        if self.incidents or (not self.open and "incidents" not in self.unknown):
            data["incidents"] = incidents
        if blank and self.open:
            data["incidents"] = [*incidents, {}]
        return {key: data[key] for key in ("name", "as_of", *SECTIONS) if key in data}

    def report(self) -> Report:
        """The engine's report on the answers so far (with a blank incident while one may come)."""
        return evaluate(_validate(self.data(blank=True)))

    def final(self) -> Report:
        """The report on the profile as it will be written."""
        return evaluate(_validate(self.data()))

    # -- what to ask -------------------------------------------------------------------------

    def next(self) -> Question | None:
        """The next question whose answer could still change the verdict; None when the verdict
        is settled or nothing left to ask could change it."""
        report = self.report()
        blank = len(self.incidents) if self.open else None
        for path, finding, letter in relevant(report, blank):
            if path in self.unknown or path in self.asked:
                continue
            if ".support." in path and not self._supports(path):
                continue  # who was supported matters only once support is its part in it
            if self.open and path.startswith(f"incidents[{len(self.incidents)}]"):
                another = "another incident" if self.incidents else "an incident"
                return Question(
                    NEW_INCIDENT,
                    f"Is there {another} to record: a dated act of the organization, such as an "
                    "attack, a kidnapping, a threat or a plot?",
                    "yes-no",
                    f"{LETTER[letter]} · an incident, § {clause_of(finding.rule)}",
                )
            found = ask(path)
            if found is None:
                continue
            label = _incident_label(path, self.incidents)
            return Question(
                path,
                f"{label}{found.question}",
                found.kind,
                f"{LETTER[letter]} · {_decides(finding)}",
            )
        return None

    def _supports(self, path: str) -> bool:
        """Whether the incident of `path` was, on the answers so far, support or solicitation."""
        role = self.facts.get(f"incidents[{_incident_index(path)}].role") or []
        return bool({"material-support", "solicited-funds", "solicited-individuals"} & set(role))

    def answer(self, question: Question, value: Any) -> None:
        """Record an answer (`Unknown()` for "don't know"). Raises InputError, and records
        nothing, when the answer contradicts another or is not a valid value."""
        if question.path == NEW_INCIDENT:
            if value is True:
                self.incidents.append({"id": f"incident-{len(self.incidents) + 1}"})
            else:
                self.open = False
                if isinstance(value, Unknown) and not self.incidents:
                    self.unknown.append("incidents")
            return
        self.asked.append(question.path)
        if isinstance(value, Unknown):
            self.unknown.append(question.path)
            return
        self.facts[question.path] = value
        try:
            _validate(self.data(blank=True))
        except InputError:
            del self.facts[question.path]
            self.asked.pop()
            raise


def relevant(report: Report, blank: int | None = None) -> list[tuple[str, Finding, str]]:
    """The facts whose answer could still change the verdict, in the statute's order: each
    missing field of an undetermined finding reachable from the verdict through undetermined
    findings, with that finding and its criterion's rule. Empty once the verdict is decided.

    `blank` is the index of an incident yet to come: its facts wait until those of the
    incidents already recorded have been asked, within each criterion."""
    found: dict[str, tuple[Finding, str]] = {}

    def visit(finding: Finding, criterion: str) -> None:
        if finding.status is not UNDETERMINED:
            return
        for path in finding.missing:
            found.setdefault(path, (finding, criterion))
        for child in finding.children:
            visit(child, criterion)

    if report.verdict is UNDETERMINED:
        for criterion in report.criteria.children:
            visit(criterion, criterion.rule)
    order = {path: float(i) for i, path in enumerate(found)}
    if blank is not None:
        for path, (_, criterion) in found.items():
            if _incident_index(path) == blank:
                recorded = [
                    order[p]
                    for p, (_, c) in found.items()
                    if c == criterion and 0 <= _incident_index(p) < blank
                ]
                order[path] = max(recorded) + 0.5 if recorded else order[path]
    ranked = sorted(
        found,
        key=lambda p: (
            list(LETTER).index(found[p][1]),
            _group(p, blank),
            _first_asked(p),
            order[p],
        ),
    )
    return [(path, *found[path]) for path in ranked]


# What happened, how, to whom, why, who did it and who says so: asked first of an incident, since
# the predicates infer much of the rest (intent, unlawfulness, violence) from these.
ASK_FIRST = (
    "date",
    "acts",
    "involves",
    "means",
    "targets",
    "demand",
    "motives",
    "role",
    "attribution",
)


def _group(path: str, blank: int | None) -> int:
    """Recorded incidents first (their facts may decide it), then one yet to come, then the
    rest of the criterion (capability, intent), each group in the statute's order."""
    index = _incident_index(path)
    if index < 0:
        return 2
    return 1 if index == blank else 0


def _first_asked(path: str) -> int:
    name = path.rpartition(".")[2]
    return ASK_FIRST.index(name) if "incidents[" in path and name in ASK_FIRST else len(ASK_FIRST)


def _decides(finding: Finding) -> str:
    """'§ 2656f(d)(2) politically motivated': the clause and element an answer could decide."""
    return f"§ {clause_of(finding.rule)} {finding.title}"


def _incident_index(path: str) -> int:
    m = re.match(r"incidents\[(\d+)\]", path)
    return int(m[1]) if m else -1


def _incident_label(path: str, incidents: list[dict]) -> str:
    index = _incident_index(path)
    return f"About {incidents[index]['id']}: " if index >= 0 else ""


def _validate(data: dict):
    """The data as a Profile, checked as a file would be (contradictions refused)."""
    return validate(Document(data, SourceMap(path="<new profile>")))


# ---------------------------------------------------------------- answers


def parse(question: Question, text: str) -> Any:
    """The value typed for `question`: True/False, a country code, a date, a list of values,
    or Unknown() for "don't know". ValueError with a hint when it is none of these."""
    said = " ".join(text.strip().split()).replace("’", "'").lower()
    if said in DONT_KNOW:
        return Unknown()
    if question.kind == "yes-no":
        if said in ("y", "yes", "true"):
            return True
        if said in ("n", "no", "false"):
            return False
        raise ValueError("answer yes (y), no (n), or ? if you do not know")
    if question.kind == "country":
        return _country(said)
    if question.kind == "countries":
        return [_country(word) for word in re.split(r"[,\s]+", said) if word]
    if question.kind == "date":
        from fto_check.profile.values import WHEN_FORMS, _when

        try:
            return _when(said).text
        except ValueError:
            raise ValueError(f"a date: {WHEN_FORMS}") from None
    if question.kind == "day":
        if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", said):
            raise ValueError("a day as YYYY-MM-DD")
        return said
    if question.kind == "demand":
        if said in ("none", "no", "n", "0", "-"):
            return "none"
        if said in question.choices:
            return {"on": said}
        raise ValueError(f"one of {', '.join(question.choices)}; none; or ? if you do not know")
    choices = question.choices
    if said in ("none", "0", "-"):
        return []
    picked = []
    for word in (w for w in re.split(r"[,\s]+", said) if w):
        if word.isdigit() and 1 <= int(word) <= len(choices):
            picked.append(choices[int(word) - 1])
        elif word in choices:
            picked.append(word)
        else:
            raise ValueError(
                "numbers or names from the list, separated by commas; none; or ? if you do not know"
            )
    return list(dict.fromkeys(picked))


def _country(word: str) -> str:
    if not re.fullmatch(r"[a-z]{2}", word):
        raise ValueError("a two-letter ISO country code, such as MX or US")
    return word.upper()


# ---------------------------------------------------------------- the conversation

QUIT = ("q", "quit", "exit")


def converse(name: str | None, day: date | None) -> Interview | None:
    """Ask, one question at a time on standard error, until the verdict is settled, nothing
    left could change it, or the user quits. None if they quit before the profile has a name
    and a date (`name` and `day`, when given, are not asked)."""
    _say(render.INTRO)
    try:
        while not name:
            name = _prompt("The organization's name")
        day = day or _date()
    except _Quit:
        return None
    interview = Interview(name=name, as_of=day)
    while (question := interview.next()) is not None:
        for line in render.question(question):
            _say(line)
        while True:
            try:
                text = _prompt(render.prompt(question))
            except _Quit:
                return interview
            try:
                interview.answer(question, parse(question, text))
                break
            except ValueError as e:
                _say(f"  {e}")
            except InputError as e:
                _say(render.contradiction(e.problems[0].message))
    for line in render.ended(interview.final().verdict):
        _say(line)
    return interview


class _Quit(Exception):
    """The user typed q, or the input ended."""


def _prompt(text: str, default: str | None = None) -> str:
    """A line typed in answer to `text`. The prompt goes to standard error and the answer is
    read from standard input directly: a prompt helper that writes to standard output (as
    `input()` does) would put stray text before the YAML of `fto-check new > profile.yaml`."""
    sys.stderr.write(f"{text}{f' [{default}]' if default else ''}: ")
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line or line.strip().lower() in QUIT:
        raise _Quit
    return line.strip() or default or ""


def _date() -> date:
    while True:
        text = _prompt("The date the profile speaks for (YYYY-MM-DD)", date.today().isoformat())
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            _say("  a date as YYYY-MM-DD, please")
            continue
        if day >= FTO_STATUTE_ENACTED:
            return day
        _say(f"  § 1189 was enacted on {FTO_STATUTE_ENACTED}: a date from then on, please")


def _say(text: str) -> None:
    print(text, file=sys.stderr)


# ---------------------------------------------------------------- writing the profile


def to_yaml(interview: Interview, *, today: date | None = None) -> str:
    """The profile as commented YAML: each fact with its meaning, the verdict it leads to."""
    report = interview.final()
    verdict = report.verdict
    deciding = [
        f"{LETTER[c.rule]} is {c.status.label}"
        for c in report.criteria.children
        if c.status is verdict is not MET
    ]
    because = f" ({', '.join(deciding)})" if deciding else ""
    lines = [
        f"# A profile written by `fto-check new` on {(today or date.today()).isoformat()}.",
        f"# On these facts the verdict is {verdict.label}{because}.",
        "# Facts left out are unknown: the interview asked only what could still change the",
        "# verdict. Cite sources for the facts (see the `sources:` of the examples), and run",
        "# `fto-check check` on this file for the reasons.",
    ]
    if interview.unknown:
        lines.append(f'# Answered "don\'t know": {", ".join(interview.unknown)}.')
    data = interview.data()
    lines.append(f"name: {_scalar(data['name'])}")
    lines.append(_commented(f"as_of: {data['as_of']}", description("as_of")))
    for section in SECTIONS:
        if section not in data:
            continue
        value = data[section]
        if section == "incidents":
            lines.append(
                _commented(f"incidents:{' []' if not value else ''}", description(section))
            )
            for i, incident in enumerate(value):
                for j, (name, fact) in enumerate(incident.items()):
                    lead = "  - " if j == 0 else "    "
                    note = description(f"incidents[{i}].{name}")
                    lines.append(_commented(f"{lead}{name}: {_scalar(fact)}", note))
            continue
        lines.append(f"{section}:")
        for name, fact in value.items():
            lines.append(_commented(f"  {name}: {_scalar(fact)}", description(f"{section}.{name}")))
    return "\n".join(lines) + "\n"


def _commented(text: str, note: str) -> str:
    return f"{text:<40} # {note}" if note else text


_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._()/-]*")
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):  # a demand, an incident's support: a flow mapping
        return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a double-quoted YAML one


# ---------------------------------------------------------------- the blank template


def template(today: date | None = None) -> str:
    """A blank profile: every field of the model, commented out, with its meaning and the
    values it takes. As it stands it is a valid profile with no facts; uncommenting a field
    line gives that fact as unknown until a value is written after its colon."""
    from fto_check.profile.model import Incident, Profile
    from fto_check.profile.read import SECTIONS as MODELS

    lines = [
        "# A blank fto-check profile: fill in what is known, leave the rest commented out.",
        "# Every fact is optional. A fact left out is unknown, and a criterion that depends on it",
        "# is undetermined, never failed; false, none or [] is a known negative. A fact may carry",
        "# its own sources: `formed_in: {value: MX, sources: [a-source-key]}`.",
        "# Check it with `fto-check check FILE`; `fto-check schema` gives the JSON Schema.",
        _commented('name: "Name of the organization"', description("name")),
        _commented(f"as_of: {(today or date.today()).isoformat()}", description("as_of")),
        "# aliases: []",
        "# description:",
        _commented("# register:", description("register_entry")),
        _commented("# sources:", description("sources")),
        '#   a-source-key: {title: "Title", url: "https://example.org/", date: 2025-01-01}',
    ]
    for section in SECTIONS:
        model = MODELS[section]
        if section == "incidents":
            lines.append(_commented("# incidents:", description("incidents")))
            for j, name in enumerate(Incident.model_fields):
                lead = "#   - " if j == 0 else "#     "
                lines.append(_template_field(f"{lead}{name}:", f"incidents[].{name}"))
            continue
        about = (model.__doc__ or "").strip().split("\n")[0].replace("`as_of`", "the date")
        lines.append(_commented(f"# {section}:", about))
        for name in model.model_fields:
            lines.append(_template_field(f"#   {name}:", f"{section}.{name}"))
    lines.append(_commented("# secretary_findings: []", description("secretary_findings")))
    lines.append(
        "#   - {date: 2025-02-20, decision: designation, B: met, C: met, "
        "citation: '90 Fed. Reg. …', sources: [a-source-key]}"
    )
    for name in ("readings", "expect"):
        lines.append(_commented(f"# {name}: {{}}", description(name)))
    written = "\n".join(lines)
    assert all((f.alias or name) in written for name, f in Profile.model_fields.items())
    return "\n".join(lines) + "\n"


def _template_field(text: str, path: str) -> str:
    note = description(path)
    found = QUESTIONS.get(path)
    if found and found.kind in CHOICES:
        note += " — any of: " + ", ".join(m.value for m in CHOICES[found.kind])
    elif found and found.kind == "yes-no":
        note += " — true or false"
    elif path.endswith(("sources", "successors")):  # lists that are empty, not unknown
        text += " []"
    return _commented(text, note)
