"""The profile's facts in plain words, in one place: the question `fto-check new` asks for each
fact the rules read, and how `quiz` states a fact (with the field's description in profile.py).

Field paths are written as the rules' `reads` write them: `organization.is_group`,
`incidents[].motives` (any incident).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from fto_check.profile.model import (
    SOURCED,
    Act,
    Attribution,
    Means,
    Motive,
    Party,
    Profile,
    Role,
    Target,
    ThreatOrigin,
    USTarget,
)

# The kinds of answer a fact takes, and for lists of a vocabulary, the vocabulary.
CHOICES: dict[str, type[StrEnum]] = {
    "acts": Act,
    "means": Means,
    "motives": Motive,
    "targets": Target,
    "roles": Role,
    "origins": ThreatOrigin,
    "attributions": Attribution,
    "us-targets": USTarget,
    "demand": Party,  # answered with one party, or none
}


@dataclass(frozen=True, slots=True)
class Ask:
    """How to ask for one fact: the question, and the kind of answer ("yes-no", "country",
    "countries", "date", "day", or a vocabulary of CHOICES, answered with a list of its values;
    "demand" with one party, or none)."""

    question: str
    kind: str = "yes-no"


_ACTS = "killing, kidnapping, bombing, assault, hijacking, …"

QUESTIONS: dict[str, Ask] = {
    "organization.is_group": Ask(
        "Is it a group of people acting together, rather than a lone individual?"
    ),
    "organization.dissolved": Ask("Had it dissolved (disbanded, become defunct) by that date?"),
    "organization.subnational_group": Ask(
        "Is it a subnational group, rather than the regular forces of a state?"
    ),
    "organization.clandestine_agents": Ask(
        "Does it have clandestine agents (covert operatives, for example of a state)?"
    ),
    "foreign.formed_in": Ask("In which country was it formed?", "country"),
    "foreign.headquarters_in": Ask(
        "In which country are its leadership or headquarters?", "country"
    ),
    "foreign.operates_in": Ask("In which countries does it operate?", "countries"),
    "foreign.organized_under_us_law": Ask(
        "Is it organized (incorporated, registered) under US federal or State law?"
    ),
    "foreign.members_principally_us_persons": Ask(
        "Are its members principally US citizens or permanent residents?"
    ),
    "incidents[].date": Ask(
        "When did it happen (a day, month or year, a range such as 2017/2018, 'since 2010')?",
        "date",
    ),
    "incidents[].recurring": Ask(
        "Is this a pattern of acts over that time ('it routinely…'), rather than one event?"
    ),
    "incidents[].acts": Ask(f"What happened ({_ACTS})?", "acts"),
    "incidents[].involves": Ask(f"What happened ({_ACTS})?", "acts"),
    "incidents[].means": Ask("With what (a firearm, explosives, a blade, …)?", "means"),
    "incidents[].demand": Ask(
        "Was a demand made for the release of the people held, and on whom (or none)?", "demand"
    ),
    "incidents[].attribution": Ask(
        "Who says the organization did it: it claimed it, the US government, a court, another "
        "government, the press, or only an allegation?",
        "attributions",
    ),
    "incidents[].suicide_attack": Ask("Did the attacker mean to die in it?"),
    "incidents[].clandestine_agents": Ask(
        "Was it carried out by clandestine agents (covert operatives), rather than by uniformed "
        "forces acting openly?"
    ),
    "incidents[].hostilities_at_site": Ask(
        "Where soldiers were attacked: were armed hostilities under way at that place?"
    ),
    "incidents[].us_targets": Ask(
        "Which US interests did it harm or aim at (nationals, diplomats, forces, …; or none)?",
        "us-targets",
    ),
    "incidents[].support.knowingly": Ask(
        "Did the organization know (or should it reasonably have known) that what it gave "
        "afforded material support?"
    ),
    "incidents[].support.to.designated_fto": Ask(
        "Was the recipient an organization designated under § 1189 at the time?"
    ),
    "incidents[].support.to.terrorist_exclusion_list": Ask(
        "Was the recipient on the Terrorist Exclusion List?"
    ),
    "incidents[].support.to.commits_terrorist_acts": Ask(
        "Does the recipient itself carry out, plan or support attacks?"
    ),
    "incidents[].support.to.kind": Ask("Was the recipient an individual (yes) or a group (no)?"),
    "incidents[].support.to.knew": Ask(
        "Did the organization know (or should it have known) what the recipient does?"
    ),
    "incidents[].support.to.showed_it_did_not_know": Ask(
        "Has the organization shown that it did not know, and could not reasonably have known, "
        "that the recipient was a terrorist organization?"
    ),
    "incidents[].threatened": Ask("Which of these acts were threatened in it?", "acts"),
    "incidents[].attempted": Ask("Which of these acts were attempted without success?", "acts"),
    "incidents[].conspired": Ask("Which of these acts were conspired to?", "acts"),
    "incidents[].unlawful_where_committed": Ask("Was it unlawful where it was committed?"),
    "incidents[].unlawful_in_us": Ask(
        "Would it have been unlawful under US or State law, had it been committed in the "
        "United States?"
    ),
    "incidents[].intent_to_endanger": Ask(
        "Was it done with intent to endanger the safety of one or more people?"
    ),
    "incidents[].intent_to_damage_property": Ask(
        "Was it done with intent to cause substantial damage to property?"
    ),
    "incidents[].intent_to_kill_or_injure": Ask(
        "Do the circumstances indicate an intention to cause death or serious bodily injury?"
    ),
    "incidents[].motives": Ask("Why was it done?", "motives"),
    "incidents[].premeditated": Ask("Was it planned in advance?"),
    "incidents[].violent": Ask("Was it an act of violence?"),
    "incidents[].targets": Ask("Who or what was targeted?", "targets"),
    "incidents[].us_nationals_harmed": Ask(
        "Were US nationals killed, injured, kidnapped or targeted in it?"
    ),
    "incidents[].role": Ask("What was the organization's part in it?", "roles"),
    "capability.armed_members": Ask("Does it have armed members or fighters?"),
    "capability.weapons": Ask("Does it hold firearms or other weapons?"),
    "capability.explosives": Ask("Does it hold explosives, or can it make them?"),
    "capability.funds": Ask("Does it have funds to finance attacks?"),
    "intent.public_threats": Ask("Does it publicly threaten violence?"),
    "intent.plots": Ask("Is it plotting attacks (plots uncovered, operations planned)?"),
    "intent.stated_aims_violent": Ask("Do its stated aims call for violence?"),
    "intent.acts": Ask("What does it threaten, plot or call for (killing, bombing, …)?", "acts"),
    "intent.intended_acts": Ask("What does it threaten, plot or call for?", "acts"),
    "intent.means": Ask("With what would it do it?", "means"),
    "intent.targets": Ask("Whom or what would it target?", "targets"),
    "intent.motives": Ask("Why does it mean to commit them?", "motives"),
    "intent.unlawful_where_committed": Ask("Would it be unlawful where it would be done?"),
    "intent.clandestine_agents": Ask("Would clandestine agents (covert operatives) do it?"),
    "conduct.quiet_since": Ask(
        "Is it known to have carried out no violent act since some day? Which day?", "day"
    ),
    "conduct.all_incidents_since": Ask(
        "Since which day do the incidents you recorded list every one of its acts?", "day"
    ),
    "threat_to_us.us_nationals": Ask("Does its activity threaten the security of US nationals?"),
    "threat_to_us.national_defense": Ask(
        "Does it threaten the national defense of the United States?"
    ),
    "threat_to_us.foreign_relations": Ask(
        "Does it threaten the foreign relations of the United States?"
    ),
    "threat_to_us.economic_interests": Ask(
        "Does it threaten the economic interests of the United States?"
    ),
    "threat_to_us.arises_from": Ask(
        "Which of its activities does the threat come from?", "origins"
    ),
    "threat_to_us.operations_in_us": Ask(
        "Does it have members, cells or operations in the United States?"
    ),
    "threat_to_us.threats_against_us": Ask("Does it publicly threaten the United States?"),
}

SECTION_TITLES = {
    "organization": "The organization",
    "foreign": "Where it is from",
    "conduct": "Its conduct over time",
    "capability": "Its capability",
    "intent": "Its intent",
    "threat_to_us": "Its threat to the United States",
}


def generic(path: str) -> str:
    """'incidents[].motives' for 'incidents[2].motives': the path as the rules' reads write it."""
    return re.sub(r"\[\d+\]", "[]", path)


def ask(path: str) -> Ask | None:
    """How to ask for the fact at `path` (None: not a fact the interview asks for)."""
    return QUESTIONS.get(generic(path))


def description(path: str) -> str:
    """The field's description in profile.py, without its final full stop ("" if none)."""
    model: type[BaseModel] = Profile
    names = [n for n in re.sub(r"\[\d*\]", "", path).split(".") if n]
    text = ""
    for name in names:
        field = model.model_fields[name]
        text = field.description or ""
        inner = _model_in(field.annotation)
        if inner is not None:
            model = inner
    return text.rstrip(".").replace("`as_of`", "the assessment date")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The section model inside `Organization | None` or `list[Incident] | None`."""
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None and not issubclass(found, SOURCED):
            return found
    return None


def value_text(value: Any) -> str:
    """A fact's value as a sentence would say it: yes/no, 'none', lists joined, dates as ISO."""
    if isinstance(value, SOURCED):
        value = value.only if value.only is not None else value.value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(value_text(v) for v in value) if value else "none"
    if isinstance(value, StrEnum):
        return value.value
    return str(value)


def statements(profile: Profile) -> list[tuple[str, list[str]]]:
    """The profile's known facts in plain words, grouped by section, in the model's order:
    [("The organization", ["A group of people acting together, …: yes", …]), …]."""
    out = []
    for name, title in SECTION_TITLES.items():
        section = getattr(profile, name)
        if name == "capability":  # incidents come before capability, as in (B)
            out += _incidents(profile)
        if section is None:
            continue
        lines = _facts(section, name)
        if lines:
            out.append((title, lines))
    return out


def _incidents(profile: Profile) -> list[tuple[str, list[str]]]:
    if profile.incidents is None:
        return []
    if not profile.incidents:
        return [("Incidents", ["No incidents are known."])]
    out = []
    for i, incident in enumerate(profile.incidents):
        label = incident.id or f"#{i + 1}"
        when = f" ({incident.date})" if incident.date else ""
        where = f", in {incident.country}" if incident.country else ""
        out.append((f"Incident {label}{when}{where}", _facts(incident, f"incidents[{i}]")))
    return out


_NOT_STATED = {
    "sources",
    "note",
    "id",
    "date",
    "country",
    "location",
    "secretary_finding",
    "support",
}


def _facts(section: BaseModel, path: str) -> list[str]:
    lines = []
    for name in type(section).model_fields:
        value = getattr(section, name)
        if name in _NOT_STATED or value is None:
            continue
        if isinstance(value, SOURCED) and value.value is None and value.only is None:
            continue
        # A description that ends by asking its question ("…: is it terrorist activity?")
        # states the fact without it.
        said = re.sub(r": [^:]*\?$", "", description(f"{path}.{name}"))
        lines.append(f"{said}: {value_text(value)}")
    finding = getattr(section, "secretary_finding", None)
    if finding is not None:
        found = "threatens" if finding.threatens else "does not threaten"
        lines.append(f"The Secretary has found that its activity {found} the United States")
    return lines
