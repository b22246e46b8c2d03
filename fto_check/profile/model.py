"""The organization profile: the facts a check is decided on, as a pydantic model.

Every fact is optional, and absent means *unknown*: the checker never fills in a missing fact.
An explicit `false`, an empty list (`incidents: []`) or `none` is a *known* negative. A list
records what is known, not all there was: `role: [committed]` says the organization carried the
act out, not that it did not plan it. Write `{only: [...]}` when the record says the list is
complete (`motives: {only: [financial]}`: profit and nothing else).

A fact is written bare (`formed_in: MX`) or with its own sources
(`formed_in: {value: MX, sources: [fr-2025]}`); a section's `sources:` apply to all its facts.
Sources are listed once under the top-level `sources:` and cited by their key, or written inline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, cached_property, lru_cache
from typing import Annotated, Any, ClassVar, Generic, Literal, TypeVar, get_origin

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    Tag,
    TypeAdapter,
    model_validator,
)
from pydantic_core import core_schema

from fto_check.profile.values import Country, Day, When, WhenDate  # noqa: F401 - re-exported
from fto_check.profile.vocabulary import (
    Act,
    Attribution,
    Decision,
    Means,
    Motive,
    Party,
    Role,
    Target,
    ThreatOrigin,
    USTarget,
)

T = TypeVar("T")

# ---------------------------------------------------------------- sources and facts


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, defer_build=True)


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

    only: ClassVar[None] = None  # a list fact may be complete instead (`SourcedList`)


class SourcedList(_Model, Generic[T]):
    """A list fact with its own sources, `{value: […], sources: […]}`, or a complete list:
    `{only: […]}` (these and no others)."""

    value: T | None = None
    only: T | None = Field(
        None, description="A list the record says is complete: these and nothing else."
    )
    sources: tuple[SourceRef, ...] = ()
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _value_or_only(cls, data: Any) -> Any:
        if isinstance(data, dict):
            given = [key for key in ("value", "only") if key in data]
            if len(given) != 1:
                raise ValueError(
                    "write the fact as `value:` or, for a complete list, `only:` (one of the two)"
                )
            if "only" in data and not isinstance(data["only"], list):
                raise ValueError("`only:` takes a list: the complete list of what the record says")
        return data


SOURCED = (SourcedFact, SourcedList)  # the forms of a fact written with its own sources


def _fact_form(value: Any) -> str:
    # A mapping is the sourced form when it says `value:` or `only:`; otherwise it is the value
    # itself (a demand is written `{on: family}`).
    if isinstance(value, SOURCED):
        return "sourced"
    if isinstance(value, dict) and ("value" in value or "only" in value):
        return "sourced"
    return "bare"


class _Forms:
    """Validates every fact of one kind, written bare or in its sourced form.

    Each form is checked by an adapter built for the first fact of the kind written in that
    form, not at import: the union of the two forms in the schema of each of the ~75 facts, and
    a generic model class for each kind's sourced form, were most of the model's start-up, and
    a profile uses a few kinds, most of its facts bare. Pydantic reports an adapter's errors at
    the fact's own place (`incidents.2.acts.value.1`), without a union's tag in it.
    """

    def __init__(self, kind: Any) -> None:
        self.kind = kind

    @cached_property
    def bare(self) -> Callable[[Any], Any]:
        return TypeAdapter(self.kind).validator.validate_python

    @cached_property
    def sourced(self) -> Callable[[Any], Any]:
        return TypeAdapter(self._sourced_model()).validator.validate_python

    def _sourced_model(self) -> type[BaseModel]:
        kind = self.kind
        return SourcedList[kind] if get_origin(kind) is list else SourcedFact[kind]

    def validate(self, value: Any) -> Any:
        return self.sourced(value) if _fact_form(value) == "sourced" else self.bare(value)

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(self.validate)

    def __get_pydantic_json_schema__(self, schema: Any, handler: GetJsonSchemaHandler) -> Any:
        return handler(self.union.core_schema)

    @cached_property
    def union(self) -> TypeAdapter:
        """The two forms as the union they make: how `fto-check schema` describes the fact."""
        return TypeAdapter(
            Annotated[
                Annotated[self.kind, Tag("bare")]
                | Annotated[self._sourced_model(), Tag("sourced")],
                Discriminator(_fact_form),
            ]
        )


@cache  # one validator for each kind: every fact of it shares its adapters
def Fact(kind: Any) -> Any:
    """A fact of type `kind`, written bare or as `{value, sources, note}` (a list also as
    `{only: […]}`, complete): read as a `kind`, or as a `SourcedFact[kind]` (a list's, a
    `SourcedList[kind]`)."""
    return Annotated[Any, _Forms(kind)]


class _Section(_Model):
    sources: tuple[SourceRef, ...] = Field(
        (), description="Sources for every fact in this section."
    )
    note: str | None = None


# ---------------------------------------------------------------- sections


_COUNT = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")  # 5000, 5,000
_RANGE_OF_COUNTS = re.compile(rf"(?:{_COUNT.pattern})\s*[-–]\s*(?:{_COUNT.pattern})")


def _members(value: Any) -> Any:
    """A size as the record gives it: a whole number (YAML hands it over as text), a range of
    numbers, or words (`thousands`); nothing else (`12:30` is neither a count nor words)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if _COUNT.fullmatch(text):
        return int(text.replace(",", ""))
    if _RANGE_OF_COUNTS.fullmatch(text) or any(c.isalpha() for c in text):
        return text
    raise ValueError(
        "expected a whole number of members, a range (1000-5000) or the record's words "
        "(thousands)"  # the value itself is not echoed: it may be huge
    )


MemberCount = Annotated[Annotated[int, Field(ge=0)] | str, BeforeValidator(_members)]


class Organization(_Section):
    """Is it an organization at all? (§ 1189(a)(1)(A); § 2656f(d)(2) 'subnational groups')."""

    is_group: Fact(bool) | None = Field(
        None, description="A group of people acting together, not a lone individual."
    )
    members: Fact(MemberCount) | None = Field(
        None,
        description="How many members it has as of `as_of`: a number, a range (1000-5000) or "
        "the record's words (hundreds, thousands).",
    )
    dissolved: Fact(bool) | None = Field(
        None, description="The group has dissolved (disbanded, defunct) by `as_of`."
    )
    subnational_group: Fact(bool) | None = Field(
        None,
        description="A subnational group, not a state or its regular forces (§ 2656f(d)(2)).",
    )
    clandestine_agents: Fact(bool) | None = Field(
        None,
        description="It has clandestine agents (covert operatives). Terrorism asks who "
        "perpetrated each act: record it per incident as `clandestine_agents`.",
    )
    successors: tuple[str, ...] = Field(
        (), description="Splinter or successor groups, by name (each is its own organization)."
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


class Demand(_Model):
    """A demand made for the release of the people seized or held."""

    on: Party = Field(description="On whom the demand was made.")
    demanded: str | None = Field(None, description="What was demanded, e.g. a ransom.")


class Recipient(_Model):
    """The organization or individual the organization supported, or solicited for."""

    name: str | None = None
    kind: Literal["organization", "individual"] | None = None
    designated_fto: Fact(bool) | None = Field(
        None,
        description="An organization designated under § 1189 when it was supported "
        "(§ 1182(a)(3)(B)(vi)(I)).",
    )
    terrorist_exclusion_list: Fact(bool) | None = Field(
        None,
        description="An organization otherwise designated by Federal Register notice (the "
        "Terrorist Exclusion List, § 1182(a)(3)(B)(vi)(II)).",
    )
    commits_terrorist_acts: Fact(bool) | None = Field(
        None,
        description="It (or a subgroup) carries out, plans or supports attacks: for a group, "
        "§ 1182(a)(3)(B)(vi)(III); for an individual, one who has committed or plans to commit "
        "a terrorist activity.",
    )
    knew: Fact(bool) | None = Field(
        None,
        description="The organization knew, or reasonably should have known, what the "
        "recipient does (§ 1182(a)(3)(B)(iv)(VI)(bb)).",
    )
    showed_it_did_not_know: Fact(bool) | None = Field(
        None,
        description="The organization has shown that it did not know, and should not "
        "reasonably have known, that the recipient was a terrorist organization (the defence "
        "of § 1182(a)(3)(B)(iv)(IV)(cc), (V)(cc), (VI)(dd)).",
    )


class Support(_Model):
    """What the organization gave or raised for another (§ 1182(a)(3)(B)(iv)(IV)–(VI))."""

    provided: tuple[str, ...] = Field(
        (), description="What was given: funds, weapons, explosives, training, transport, …"
    )
    to: Recipient | None = Field(None, description="Whom it went to, or was solicited for.")
    knowingly: Fact(bool) | None = Field(
        None,
        description="The organization knew, or reasonably should have known, that its act "
        "afforded material support.",
    )
    waiver: Fact(bool) | None = Field(
        None,
        description="2001-10-26 to 2005-05-10 only: the Secretary or the Attorney General "
        "concluded that (iv)(VI) should not apply to this support.",
    )


class _Act(_Model):
    """The facts of an act, done or intended: what, by what means, to whom, why."""

    acts: Fact(list[Act]) | None = Field(
        None, description="What was done, in the record's words: killing, kidnapping, bombing…"
    )
    involves: Fact(list[Act]) | None = Field(
        None, description="The same as `acts` (the name profiles used before `acts`)."
    )
    means: Fact(list[Means]) | None = Field(
        None, description="The weapon or agent used: firearm, explosive, blade, …"
    )
    targets: Fact(list[Target]) | None = Field(None, description="Whom or what it was aimed at.")
    demand: Fact(Demand | Literal["none"]) | None = Field(
        None,
        description="For people seized or held: the demand made for their release "
        "(`{on: family, demanded: ransom}`), or `none`.",
    )
    threatened: Fact(list[Act]) | None = Field(
        None, description="What it threatened to do (a threat is itself § 1182(a)(3)(B)(iii)(VI))."
    )
    attempted: Fact(list[Act]) | None = Field(
        None, description="What it attempted without completing it."
    )
    conspired: Fact(list[Act]) | None = Field(
        None, description="What it conspired (plotted with others) to do."
    )
    motives: Fact(list[Motive]) | None = Field(None, description="Why it was done.")
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
    premeditated: Fact(bool) | None = Field(None, description="Planned in advance (§ 2656f(d)(2)).")
    violent: Fact(bool) | None = Field(None, description="It was an act of violence.")
    suicide_attack: Fact(bool) | None = Field(
        None, description="The attacker meant to die in it (a suicide attack)."
    )
    clandestine_agents: Fact(bool) | None = Field(
        None,
        description="Carried out by clandestine agents: covert operatives, not uniformed forces "
        "acting openly (§ 2656f(d)(2)).",
    )
    hostilities_at_site: Fact(bool) | None = Field(
        None,
        description="Where soldiers were attacked: armed hostilities were under way at the site.",
    )

    @model_validator(mode="after")
    def _acts_once(self):
        if self.acts is not None and self.involves is not None:
            raise ValueError("give the acts once, as `acts:` (`involves:` is its older name)")
        return self


class Incident(_Act):
    """One act of the organization, or a pattern of acts (`recurring: true`)."""

    id: str | None = Field(None, description="A short name for the incident, used in reports.")
    date: WhenDate | None = Field(
        None, description="When: a day, month, year, decade, range, 'since 2010', 'ongoing'."
    )
    recurring: Fact(bool) | None = Field(
        None,
        description="It records a pattern of acts over its dates ('it routinely kidnaps…'), "
        "not one event.",
    )
    country: Country | None = Field(None, description="Where it happened (ISO country code).")
    location: str | None = None
    summary: str | None = Field(None, description="What happened, in a sentence.")
    attribution: Fact(list[Attribution]) | None = Field(
        None,
        description="Who says the organization did it: claimed, us-government, court, "
        "government, press, alleged.",
    )
    role: Fact(list[Role]) | None = Field(
        None, description="The organization's part in it (§ 1182(a)(3)(B)(iv))."
    )
    support: Support | None = Field(
        None, description="For support or solicitation: what was given and to whom."
    )
    us_nationals_harmed: Fact(bool) | None = Field(
        None, description="US nationals were killed, injured, kidnapped or targeted."
    )
    us_targets: Fact(list[USTarget]) | None = Field(
        None,
        description="US interests it harmed or was aimed at: nationals, diplomats, forces, "
        "government, companies.",
    )
    sources: tuple[SourceRef, ...] = ()
    note: str | None = None


class Conduct(_Section):
    """The organization's conduct over time: known quiet periods and their markers."""

    quiet_since: Fact(Day) | None = Field(
        None, description="No violent act by the organization is known since this day."
    )
    all_incidents_since: Fact(Day) | None = Field(
        None,
        description="`incidents:` lists every act of the organization since this day (so an act "
        "not listed did not happen).",
    )
    ceasefire: Fact(Day) | None = Field(None, description="It declared a ceasefire on this day.")
    renounced_violence: Fact(Day) | None = Field(
        None, description="It publicly renounced violence on this day."
    )
    disarmed: Fact(Day) | None = Field(
        None, description="It gave up its weapons on this day (e.g. under verification)."
    )


class Capability(_Section):
    """What it can do as of `as_of` (§ 1189(a)(1)(B) 'retains the capability')."""

    armed_members: Fact(bool) | None = Field(None, description="It has armed members or fighters.")
    weapons: Fact(bool) | None = Field(None, description="It holds firearms or other weapons.")
    explosives: Fact(bool) | None = Field(None, description="It holds or can make explosives.")
    funds: Fact(bool) | None = Field(None, description="It has funds to finance attacks.")


class Intent(_Section, _Act):
    """What it means to do as of `as_of` (§ 1189(a)(1)(B) 'and intent'), and the facts of the
    acts it intends, judged as an incident's are."""

    public_threats: Fact(bool) | None = Field(None, description="It publicly threatens violence.")
    plots: Fact(bool) | None = Field(
        None, description="It is plotting attacks (plots uncovered, planned operations)."
    )
    stated_aims_violent: Fact(bool) | None = Field(
        None, description="Its stated aims call for violence."
    )
    intended_acts: Fact(list[Act]) | None = Field(
        None, description="The same as `acts` (the name profiles used before `acts`)."
    )
    stated_aims: str | None = Field(None, description="Its stated aims, in its own words if known.")

    @model_validator(mode="after")
    def _intended_once(self):
        given = [n for n in ("acts", "involves", "intended_acts") if getattr(self, n) is not None]
        if len(given) > 1:
            raise ValueError("give the intended acts once, as `acts:`")
        return self


# The facts of the acts an organization intends: those an incident's acts have, by any name.
INTENDED_ACT_FACTS = (*_Act.model_fields, "intended_acts")


class Finding(_Model):
    """The Secretary's (C) finding, as profiles wrote it before `secretary_findings`."""

    threatens: bool = Field(description="The Secretary found the threat (true) or found none.")
    date: Day | None = None
    sources: list[SourceRef] = Field(min_length=1, description="Where the finding is recorded.")
    note: str | None = None


class ThreatToUS(_Section):
    """Does its activity threaten the United States? (§ 1189(a)(1)(C), § 1189(d)(2)).

    (C) is derived from its incidents (`us_nationals_harmed`, `us_targets`, incidents in the
    US) and from the facts below; the first four state a threat directly, and a report says so.
    """

    us_nationals: Fact(bool) | None = Field(
        None, description="Stated directly: its activity threatens the security of US nationals."
    )
    national_defense: Fact(bool) | None = Field(
        None, description="Stated directly: it threatens the national defense of the US."
    )
    foreign_relations: Fact(bool) | None = Field(
        None, description="Stated directly: it threatens the foreign relations of the US."
    )
    economic_interests: Fact(bool) | None = Field(
        None, description="Stated directly: it threatens the economic interests of the US."
    )
    arises_from: Fact(list[ThreatOrigin]) | None = Field(
        None, description="Which of its activities a threat stated directly comes from."
    )
    operations_in_us: Fact(bool) | None = Field(
        None,
        description="It has members or cells in the United States able to carry out or support "
        "its attacks (not its trade, such as drug distribution).",
    )
    threats_against_us: Fact(bool) | None = Field(
        None, description="It publicly threatens the United States or Americans."
    )
    secretary_finding: Finding | None = Field(
        None, description="Older form of `secretary_findings` for a (C) finding."
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


class SecretaryFinding(_Model):
    """A finding the Secretary of State published: asserted, never derived by the checker."""

    date: Day = Field(description="When it took effect (its Federal Register publication).")
    decision: Decision = Field(description="The decision that stated it.")
    B: ExpectedStatus | None = Field(
        None, description="Its finding on (B): `met` or `not met` (left out if it states none)."
    )
    C: ExpectedStatus | None = Field(
        None, description="Its finding on (C): `met` or `not met` (left out if it states none)."
    )
    citation: str | None = Field(None, description="E.g. '62 Fed. Reg. 52,649'.")
    sources: list[SourceRef] = Field(min_length=1, description="Where the finding is recorded.")
    note: str | None = None

    @model_validator(mode="after")
    def _finds_met_or_not(self):
        for name in ("B", "C"):
            if getattr(self, name) == "undetermined":
                raise ValueError(f"a finding on ({name}) is `met` or `not met`")
        return self


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
        None, description="Known incidents; [] means there were none, absent means unknown."
    )
    conduct: Conduct | None = None
    capability: Capability | None = None
    intent: Intent | None = None
    threat_to_us: ThreatToUS | None = None
    secretary_findings: list[SecretaryFinding] = Field(
        [], description="Findings the Secretary published, with dates: shown as asserted."
    )
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
        "conduct": profile.conduct,
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
    for i, finding in enumerate(profile.secretary_findings):
        yield from _refs_in(finding, ("secretary_findings", i))


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
        elif isinstance(value, _NESTED):  # an incident's support and its recipient
            yield from _refs_in(value, (*loc, field_name))


_CITING = (SourcedFact, SourcedList, Finding)  # the values that have sources of their own
_NESTED = (Support, Recipient)
