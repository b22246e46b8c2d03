"""The organization profile: the facts a check is decided on, as a pydantic model.

Every fact is optional, and absent means *unknown*: the checker never fills in a missing fact.
An explicit `false`, an empty list (`incidents: []`) or `none` is a *known* negative.

A fact is written bare (`formed_in: MX`) or with its own sources
(`formed_in: {value: MX, sources: [fr-2025]}`); a section's `sources:` apply to all its facts.
Sources are listed once under the top-level `sources:` and cited by their key, or written inline.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
)

from fto_check.base.dates import PARTIAL_DATE, bounds

T = TypeVar("T")

# ---------------------------------------------------------------- vocabulary


class Act(StrEnum):
    """The kinds of act listed in 8 U.S.C. § 1182(a)(3)(B)(iii)(I)–(V)."""

    HIJACKING = "hijacking"  # (I) of any conveyance (aircraft, vessel, vehicle)
    SABOTAGE = "sabotage"  # (I) of any conveyance
    HOSTAGE_TAKING = "hostage-taking"  # (II) seizing/detaining + threat, to compel a third person
    ATTACK_ON_PROTECTED_PERSON = "attack-on-protected-person"  # (III)
    ASSASSINATION = "assassination"  # (IV)
    BIOLOGICAL_AGENT = "biological-agent"  # (V)(a)
    CHEMICAL_AGENT = "chemical-agent"  # (V)(a)
    NUCLEAR_DEVICE = "nuclear-device"  # (V)(a) nuclear weapon or device
    EXPLOSIVE = "explosive"  # (V)(b)
    FIREARM = "firearm"  # (V)(b)
    OTHER_WEAPON = "other-weapon"  # (V)(b) other weapon or dangerous device


class Motive(StrEnum):
    POLITICAL = "political"
    IDEOLOGICAL = "ideological"
    RELIGIOUS = "religious"
    SOCIAL = "social"
    FINANCIAL = "financial"  # the organization's profit
    PERSONAL_GAIN = "personal-gain"  # an individual's personal monetary gain
    TERRITORIAL = "territorial"  # control of territory or markets
    RETALIATION = "retaliation"
    PERSONAL = "personal"  # personal, non-monetary (revenge, feud)


class Target(StrEnum):
    CIVILIANS = "civilians"
    OFFICIALS = "officials"  # civilian government officials, politicians, judges
    POLICE = "police"
    MILITARY = "military"  # armed forces on duty
    PROTECTED_PERSONS = "internationally-protected-persons"  # diplomats, heads of state abroad
    JOURNALISTS = "journalists"
    RIVALS = "rivals"  # members of rival armed groups
    PROPERTY = "property"  # buildings, infrastructure, vehicles (no person targeted)


class Role(StrEnum):
    """The organization's part in an incident: the modes of § 1182(a)(3)(B)(iv)(I)–(VI)."""

    COMMITTED = "committed"  # (iv)(I)
    INCITED = "incited"  # (iv)(I)
    PREPARED = "prepared"  # (iv)(II)
    PLANNED = "planned"  # (iv)(II)
    GATHERED_TARGET_INFORMATION = "gathered-target-information"  # (iv)(III)
    SOLICITED_FUNDS = "solicited-funds"  # (iv)(IV)(aa)
    SOLICITED_MEMBERS = "solicited-individuals"  # (iv)(V)(aa)
    MATERIAL_SUPPORT = "material-support"  # (iv)(VI)(aa), knowingly afforded


class ThreatOrigin(StrEnum):
    """What activity of the organization a threat to the United States comes from."""

    TERRORIST_ACTIVITY = "terrorist-activity"  # § 1182(a)(3)(B) terrorist activity
    TERRORISM = "terrorism"  # § 2656f(d)(2) terrorism
    DRUG_TRAFFICKING = "drug-trafficking"
    HUMAN_SMUGGLING = "human-smuggling"
    OTHER_CRIME = "other-crime"
    OTHER = "other"


# ---------------------------------------------------------------- value types

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What YAML reads as a number (1.2's ints and floats, 1.1's sexagesimal 1:30): `20240630`, not
# `30.06.2024`.
_NUMBER = re.compile(r"[-+]?(?:\d+|(?:\.\d+|\d+\.\d*)(?:[eE][-+]?\d+)?|\d+(?::[0-5]?\d)+)")


def _country(value: str) -> str:
    code = value.strip().upper()
    if not _COUNTRY.match(code):
        raise ValueError(
            f"expected a two-letter ISO 3166 country code such as MX or US, got {value!r}"
        )
    return code


def _strict_date(value: Any) -> Any:
    """Accept a date or an ISO `YYYY-MM-DD` string, nothing looser."""
    if isinstance(value, date) or not isinstance(value, str):
        return value
    if not _ISO_DATE.match(value.strip()):
        raise ValueError(
            f"expected a date as YYYY-MM-DD, got {value!r}"
            + (
                " (YAML would read this as a number: write the date in full)"
                if _NUMBER.fullmatch(value.strip())
                else ""
            )
        )
    try:
        return date.fromisoformat(value.strip())
    except ValueError as e:
        raise ValueError(f"{value!r} is not a real date ({e})") from None


Country = Annotated[str, AfterValidator(_country)]
Day = Annotated[date, BeforeValidator(_strict_date)]


class PartialDate(BaseModel):
    """A date known to the day, the month or the year: the interval [first, last]."""

    model_config = ConfigDict(frozen=True)
    text: str
    first: date
    last: date

    def __str__(self) -> str:
        return self.text


def _partial_date(value: Any) -> Any:
    if isinstance(value, PartialDate | dict):
        return value
    if isinstance(value, date):
        return PartialDate(text=value.isoformat(), first=value, last=value)
    text = str(value).strip()
    if not PARTIAL_DATE.match(text):
        raise ValueError(f"expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
    first, last = bounds(text)
    return PartialDate(text=text, first=first, last=last)


WhenDate = Annotated[
    PartialDate,
    BeforeValidator(_partial_date),
    # As written: a string (or, in YAML, a bare year); not the interval it is read into.
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": PARTIAL_DATE.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ]
        }
    ),
]


# ---------------------------------------------------------------- sources and facts


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Source(_Model):
    """Where a fact comes from."""

    title: str
    url: str | None = None
    date: Day | None = None
    publisher: str | None = None


SourceRef = Annotated[
    str | Source,
    Field(
        description="The key of an entry in the top-level `sources:`, or a source written inline."
    ),
]


class SourcedFact(_Model, Generic[T]):
    """A fact with its own sources: `{value: …, sources: […], note: …}`."""

    value: T | None
    sources: tuple[SourceRef, ...] = ()
    note: str | None = None


_SOURCED_FORMS = (dict, SourcedFact)  # a tuple: `dict | SourcedFact` builds a union per call


def _fact_form(value: Any) -> str:
    return "sourced" if isinstance(value, _SOURCED_FORMS) else "bare"


def Fact(kind: Any) -> Any:
    """A fact of type `kind`, written bare or as `{value, sources, note}`."""
    return Annotated[
        Annotated[kind, Tag("bare")] | Annotated[SourcedFact[kind], Tag("sourced")],
        Discriminator(_fact_form),
    ]


class _Section(_Model):
    sources: tuple[SourceRef, ...] = Field(
        (), description="Sources for every fact in this section."
    )
    note: str | None = None


# ---------------------------------------------------------------- sections


class Organization(_Section):
    """Is it an organization at all? (§ 1189(a)(1)(A); § 2656f(d)(2) 'subnational groups')."""

    is_group: Fact(bool) | None = Field(
        None, description="A group of people acting together, not a lone individual."
    )
    members: Fact(Annotated[int, Field(ge=0)]) | None = Field(
        None, description="Approximate number of members as of `as_of`."
    )
    dissolved: Fact(bool) | None = Field(
        None, description="The group has dissolved (disbanded, defunct) by `as_of`."
    )
    subnational_group: Fact(bool) | None = Field(
        None, description="A subnational group: not the regular forces of a state (§ 2656f(d)(2))."
    )
    clandestine_agents: Fact(bool) | None = Field(
        None, description="It acts through clandestine agents, e.g. of a state (§ 2656f(d)(2))."
    )


class Foreign(_Section):
    """Where the organization is from and based (§ 1189(a)(1)(A) 'foreign')."""

    formed_in: Fact(Country) | None = Field(None, description="Country where it was formed.")
    headquarters_in: Fact(Country) | None = Field(
        None, description="Country of its leadership or headquarters as of `as_of`."
    )
    operates_in: Fact(list[Country]) | None = Field(
        None, description="Countries where it operates as of `as_of`."
    )
    organized_under_us_law: Fact(bool) | None = Field(
        None, description="Organized (incorporated, registered) under US federal or state law."
    )
    members_principally_us_persons: Fact(bool) | None = Field(
        None, description="Its members are principally US citizens or permanent residents."
    )


class Incident(_Model):
    """One dated act of the organization (§ 1182(a)(3)(B)(iii)–(iv); § 2656f(d)(2))."""

    id: str | None = Field(None, description="A short name for the incident, used in reports.")
    date: WhenDate | None = Field(
        None, description="YYYY-MM-DD, or YYYY-MM / YYYY if less is known."
    )
    country: Country | None = Field(None, description="Where it happened (ISO country code).")
    location: str | None = None
    summary: str | None = Field(None, description="What happened, in a sentence.")
    involves: Fact(list[Act]) | None = Field(
        None, description="Acts of § 1182(a)(3)(B)(iii)(I)–(V) it carried out."
    )
    threatened: Fact(list[Act]) | None = Field(
        None, description="Acts it threatened (§ 1182(a)(3)(B)(iii)(VI))."
    )
    attempted: Fact(list[Act]) | None = Field(
        None, description="Acts it attempted without completing them ((iii)(VI))."
    )
    conspired: Fact(list[Act]) | None = Field(
        None, description="Acts it conspired to commit ((iii)(VI))."
    )
    unlawful_where_committed: Fact(bool) | None = Field(
        None, description="Unlawful under the laws of the place where it was committed."
    )
    unlawful_in_us: Fact(bool) | None = Field(
        None, description="Would be unlawful under US or State law if committed in the US."
    )
    intent_to_endanger: Fact(bool) | None = Field(
        None, description="Done with intent to endanger the safety of one or more individuals."
    )
    intent_to_damage_property: Fact(bool) | None = Field(
        None, description="Done with intent to cause substantial damage to property."
    )
    intent_to_kill_or_injure: Fact(bool) | None = Field(
        None,
        description="Circumstances indicate an intention to cause death or serious bodily "
        "injury (§ 1182(a)(3)(B)(iv)(I)).",
    )
    motives: Fact(list[Motive]) | None = Field(None, description="Why it was done.")
    premeditated: Fact(bool) | None = Field(None, description="Planned in advance (§ 2656f(d)(2)).")
    violent: Fact(bool) | None = Field(None, description="It was an act of violence.")
    targets: Fact(list[Target]) | None = Field(None, description="Who or what was targeted.")
    us_nationals_harmed: Fact(bool) | None = Field(
        None, description="US nationals were killed, injured, kidnapped or targeted."
    )
    role: Fact(list[Role]) | None = Field(
        None, description="The organization's part in it (§ 1182(a)(3)(B)(iv))."
    )
    sources: tuple[SourceRef, ...] = ()
    note: str | None = None


class Capability(_Section):
    """What it can do as of `as_of` (§ 1189(a)(1)(B) 'retains the capability')."""

    armed_members: Fact(bool) | None = Field(None, description="It has armed members or fighters.")
    weapons: Fact(bool) | None = Field(None, description="It holds firearms or other weapons.")
    explosives: Fact(bool) | None = Field(None, description="It holds or can make explosives.")
    funds: Fact(bool) | None = Field(None, description="It has funds to finance attacks.")


class Intent(_Section):
    """What it means to do as of `as_of` (§ 1189(a)(1)(B) 'and intent')."""

    public_threats: Fact(bool) | None = Field(None, description="It publicly threatens violence.")
    plots: Fact(bool) | None = Field(
        None, description="It is plotting attacks (plots uncovered, planned operations)."
    )
    stated_aims_violent: Fact(bool) | None = Field(
        None, description="Its stated aims call for violence."
    )
    intended_acts: Fact(list[Act]) | None = Field(
        None,
        description="The acts it threatens, plots or calls for, as kinds of "
        "§ 1182(a)(3)(B)(iii)(I)–(V): is what it intends terrorist activity?",
    )
    motives: Fact(list[Motive]) | None = Field(
        None, description="Why it means to commit them (terrorism needs a political motive)."
    )
    stated_aims: str | None = Field(None, description="Its stated aims, in its own words if known.")


class Finding(_Model):
    """A finding the Secretary of State has made (asserted, not derived by the checker)."""

    threatens: bool = Field(description="The Secretary found the threat (true) or found none.")
    date: Day | None = None
    sources: list[SourceRef] = Field(min_length=1, description="Where the finding is recorded.")
    note: str | None = None


class ThreatToUS(_Section):
    """Does its activity threaten the United States? (§ 1189(a)(1)(C), § 1189(d)(2))."""

    us_nationals: Fact(bool) | None = Field(
        None, description="Its activity threatens the security of US nationals."
    )
    national_defense: Fact(bool) | None = Field(
        None, description="It threatens the national defense of the United States."
    )
    foreign_relations: Fact(bool) | None = Field(
        None, description="It threatens the foreign relations of the United States."
    )
    economic_interests: Fact(bool) | None = Field(
        None, description="It threatens the economic interests of the United States."
    )
    arises_from: Fact(list[ThreatOrigin]) | None = Field(
        None, description="Which of its activities the threat comes from."
    )
    secretary_finding: Finding | None = Field(
        None, description="The Secretary's own (C) finding, if published; reported as asserted."
    )


# ---------------------------------------------------------------- the profile

# What an `expect:` block may state: each criterion, each route to (B) (`B.terrorism` is checked
# only where it is in force: the routes other than terrorist activity date from 26 October 2001),
# and the verdict. `fto_check.reasoning.expect` compares them with a report.
EXPECT_KEYS = (
    "A",
    "B",
    "B.terrorist-activity",
    "B.terrorism",
    "B.capability-and-intent",
    "C",
    "verdict",
)


_STATUS_SEPARATORS = re.compile(r"[\s-]+")  # "not met", "not-met" → "not_met"


def _status(value: Any) -> Any:
    return _status_name(value) if isinstance(value, str) else value


@lru_cache(maxsize=64)  # an example states ~7 statuses, in the same few spellings every time
def _status_name(text: str) -> str:
    return _STATUS_SEPARATORS.sub("_", text.strip().lower())


# The statuses of `fto_check.reasoning.logic.Status`, spelled as its values.
ExpectedStatus = Annotated[Literal["met", "not_met", "undetermined"], BeforeValidator(_status)]


class Profile(_Model):
    """An organization and the facts known about it on `as_of`."""

    name: str = Field(description="The organization's name.")
    aliases: tuple[str, ...] = ()
    as_of: Day | None = Field(
        None, description="The date the assessment speaks for (or pass --as-of)."
    )
    description: str | None = None
    register_entry: str | None = Field(
        None,
        alias="register",  # `register` itself is a method every pydantic model inherits
        description="Its entry in the register of FTO designations (an id `fto-check register` "
        "shows, e.g. farc; `none` if it was never designated): the record is shown beside the "
        "reasoning and never decides a criterion.",
    )
    sources: dict[str, Source] = Field({}, description="Sources, by key, cited from facts.")
    organization: Organization | None = None
    foreign: Foreign | None = None
    incidents: list[Incident] | None = Field(
        None, description="Known incidents; [] means none are known, absent means unknown."
    )
    capability: Capability | None = None
    intent: Intent | None = None
    threat_to_us: ThreatToUS | None = None
    readings: dict[str, str] = Field(
        {},
        description="Readings of contested terms chosen for this profile (`fto-check explain`).",
    )
    expect: dict[str, ExpectedStatus] = Field(
        {},
        description="Expected outcome, for examples and tests: A, B (and each route, e.g. "
        "`B.terrorism`), C, verdict.",
    )


def source_refs(profile: Profile):
    """Every source reference in the profile, with its location (checked by the reader)."""
    sections = {
        "organization": profile.organization,
        "foreign": profile.foreign,
        "capability": profile.capability,
        "intent": profile.intent,
        "threat_to_us": profile.threat_to_us,
    }
    for name, section in sections.items():
        if section is None:
            continue
        yield from _refs_in(section, (name,))
    for i, incident in enumerate(profile.incidents or ()):
        yield from _refs_in(incident, ("incidents", i))


def _refs_in(model: BaseModel, loc: tuple):
    # Only a field the profile gives can cite a source; most of a section's fields are unknown.
    for field_name in model.__pydantic_fields_set__:
        value = getattr(model, field_name)
        if field_name == "sources":
            for j, ref in enumerate(value):
                yield (*loc, "sources", j), ref
        elif isinstance(value, _CITING):
            for j, ref in enumerate(value.sources):
                yield (*loc, field_name, "sources", j), ref


_CITING = (SourcedFact, Finding)  # the values that have sources of their own
