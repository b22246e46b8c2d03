"""Reading the record as the record gives it: list facts, an act's words, and inferences.

The predicates ask legal questions ("did it involve an assassination?"); a profile records what
happened ("a killing, aimed at a mayor"). This module answers the first from the second:

- **Lists are what is known.** `has(...)` is met when the list names a value, not met only when
  the list is complete (`{only: [...]}`, or `[]`), and undetermined otherwise.
- **An act's words.** `acts` (or its older name `involves`, or `intended_acts`) and `means`
  together say what was done and with what (`s1182._weapons` reads both).
- **Inferences.** Where a fact is not given, an explicit rule may infer it from others: a killing
  shows "circumstances indicating an intention to cause death"; a bombing is the use of an
  explosive. Each rule has an id, what it says and what supports it; the report shows every
  inference it drew, and the `inferences` reading (`facts-only`) turns them all off.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fto_check.profile.model import Act, Means, Target
from fto_check.reasoning.engine import Context, complete
from fto_check.reasoning.findings import Change, FactUse, Inferred
from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED, Status, any_of, from_bool

# ---------------------------------------------------------------- what an incident is

# Where the acts the organization intends are judged, in place of an incident's index: the
# predicates of § 1182(a)(3)(B) and § 2656f(d)(2) read `intent` as they read an incident.
INTENT = "intent"


def section_of(ctx: Context, i) -> tuple[Any, tuple]:
    """Incident `i` (or the intended acts, for `INTENT`) and its place in the profile."""
    if i == INTENT:
        return ctx.profile.intent, (INTENT,)
    return ctx.profile.incidents[i], ("incidents", i)


def incident_subject(i: int, incident) -> str:
    label = incident.id or f"#{i + 1}"
    return f"incident {label} ({incident.date})" if incident.date else f"incident {label}"


# ---------------------------------------------------------------- list facts

ACT_FIELDS = ("acts", "involves", "intended_acts")  # one of them holds an act's words


def acts_field(section: Any) -> str:
    """The field that holds the acts of `section` (an incident or the intent): the one given."""
    for name in ACT_FIELDS:
        if getattr(section, name, None) is not None:
            return name
    return "acts"


def has(
    ctx: Context, section: Any, loc: tuple, name: str, wanted: Iterable[Any]
) -> tuple[Status, list, FactUse | None, str]:
    """Whether the list fact `name` names any of `wanted`: (status, the ones it names, use, path).

    Not met only when the list is complete; a list that names none of them otherwise leaves
    the question open.
    """
    values, use, path = ctx.fact(section, loc, name)
    if values is None:
        return UNDETERMINED, [], None, path
    wanted = set(wanted)
    found = [v for v in values if v in wanted]
    if found:
        return MET, found, use, path
    return (NOT_MET if complete(values) else UNDETERMINED), [], use, path


# The weapons and agents of § 1182(a)(3)(B)(iii)(V), by the words of `means` and of `acts`.
AGENTS = frozenset({Means.CHEMICAL_AGENT, Means.BIOLOGICAL_AGENT, Means.NUCLEAR_DEVICE})
WEAPON_WORDS = {  # an act's word that says which weapon was used
    Act.EXPLOSIVE: Means.EXPLOSIVE,
    Act.FIREARM: Means.FIREARM,
    Act.OTHER_WEAPON: Means.OTHER_WEAPON,
    Act.CHEMICAL_AGENT: Means.CHEMICAL_AGENT,
    Act.BIOLOGICAL_AGENT: Means.BIOLOGICAL_AGENT,
    Act.NUCLEAR_DEVICE: Means.NUCLEAR_DEVICE,
}

# ---------------------------------------------------------------- inferences


@dataclass(frozen=True, slots=True)
class Inference:
    """An explicit rule that infers a fact the profile does not give from facts it does."""

    id: str
    says: str
    cites: str

    def drawn(self, fact: str, value: Any) -> Inferred:
        return Inferred(self.id, self.says, self.cites, fact, value)


INFERENCES: dict[str, Inference] = {}


def inference(id: str, says: str, cites: str) -> Inference:
    found = INFERENCES[id] = Inference(id, says, cites)
    return found


LETHAL = frozenset({Act.KILLING, Act.ASSASSINATION, Act.INJURING, Act.BOMBING})
VIOLENT = frozenset(
    {
        Act.KILLING,
        Act.ASSASSINATION,
        Act.INJURING,
        Act.ASSAULT,
        Act.KIDNAPPING,
        Act.HOSTAGE_TAKING,
        Act.BOMBING,
        Act.ARSON,
        Act.DESTRUCTION,
        Act.HIJACKING,
        Act.SABOTAGE,
        Act.ATTACK_ON_PROTECTED_PERSON,
    }
)
UNLAWFUL_EVERYWHERE = VIOLENT  # the same acts: crimes under the law of every State
# Acts that cannot be done without planning. A kidnapping can be opportunistic; a hostage-taking
# held against a demand, a bombing, a hijacking or an assassination cannot.
PLANNED_ACTS = frozenset({Act.ASSASSINATION, Act.BOMBING, Act.HIJACKING, Act.HOSTAGE_TAKING})


def planned_by_nature(ctx: Context, section: Any, loc: tuple) -> tuple[bool, FactUse | None]:
    """Whether the act is one that cannot be done without planning: an act of PLANNED_ACTS, or
    a kidnapping held against a demand on a third person (a hostage-taking in all but name)."""
    acts, use, _ = ctx.fact(section, loc, acts_field(section))
    if not acts:
        return False, None
    if not PLANNED_ACTS.isdisjoint(acts):
        return True, use
    demand = ctx.fact(section, loc, "demand")[0]
    return (Act.KIDNAPPING in acts and demand is not None and demand != "none"), use


PEOPLE = frozenset(
    {
        Target.CIVILIANS,
        Target.OFFICIALS,
        Target.CANDIDATES,
        Target.JUDGES,
        Target.JOURNALISTS,
        Target.POLICE,
        Target.MILITARY,
        Target.MILITARY_OFF_DUTY,
        Target.PEACEKEEPERS,
        Target.DIPLOMATS,
        Target.PROTECTED_PERSONS,
        Target.RIVALS,
    }
)

INTENTION = inference(
    "intention-from-lethal-acts",
    "A killing, an assassination, a wounding or a bombing, or a threat to kill the people it "
    "holds or targets, is a circumstance indicating an intention to cause death or serious "
    "bodily injury.",
    '§ 1182(a)(3)(B)(iv)(I) asks for "circumstances indicating" the intention, not for a '
    "statement of it; the act's own nature is the plainest such circumstance.",
)
ENDANGER = inference(
    "endangering-from-acts",
    "An act that killed or wounded people, or a firearm, explosive or agent used against "
    "people, was done with intent to endanger their safety; a bombing, arson or destruction of "
    "property aimed at property was done with intent to cause substantial damage to it.",
    '§ 1182(a)(3)(B)(iii)(V) asks for intent to endanger "directly or indirectly"; one who '
    "shoots or bombs people intends the natural consequence of the act.",
)
UNLAWFUL_IN_US = inference(
    "unlawful-in-the-us",
    "A killing, wounding, assault, kidnapping, hostage-taking, bombing, arson, hijacking or "
    "sabotage, or a threat, attempt or conspiracy to commit one, would be unlawful under the "
    "laws of the United States or any State had it been committed in the United States.",
    '§ 1182(a)(3)(B)(iii) (before 2001-10-26, (ii)) counts an act "which, if it had been '
    'committed in the United States, would be unlawful"; e.g. 18 U.S.C. §§ 1111 (murder), '
    "1201 (kidnapping), 1203 (hostage taking), 844(i) (explosives), 49 U.S.C. § 46502 (air "
    "piracy), 875(c) (threats), 1117 (conspiracy to murder), and every State's homicide, "
    "assault, arson and attempt laws.",
)
VIOLENCE = inference(
    "violence-from-acts",
    "A killing, wounding, assault, kidnapping, bombing, arson, hijacking or sabotage is violence.",
    '§ 2656f(d)(2) "violence", in its ordinary meaning: the use of physical force to injure '
    "people or damage property.",
)
PREMEDITATED = inference(
    "premeditation-from-planning",
    "An act the organization planned or prepared, an assassination, a bombing, a hijacking, a "
    "hostage-taking or a kidnapping held against a demand, and an act it intends, are "
    "premeditated.",
    '§ 2656f(d)(2) "premeditated": planned beforehand; these acts cannot be done without '
    "planning, and an act intended in advance is planned by definition.",
)
PLANNED = inference(
    "planning-from-premeditation",
    "An act the organization itself carried out, and which was premeditated (so the profile "
    "says, or it is an assassination, bombing, hijacking, hostage-taking or kidnapping held "
    "against a demand), was planned by the "
    "organization.",
    '§ 1182(a)(3)(B)(iv)(II) "to prepare or plan a terrorist activity": the premeditation of '
    "an act the organization committed is its planning.",
)
NOT_FOR_GAIN = inference(
    "not-for-personal-gain",
    "An act the organization publicly claimed, a suicide attack, or an attack with explosives "
    "or agents for which no demand was made, was not done for mere personal monetary gain.",
    '§ 1182(a)(3)(B)(iii)(V)(b) "other than for mere personal monetary gain": a public claim '
    "serves a purpose beyond gain, the attacker's own death forecloses gain, and an explosion "
    "with no demand yields none.",
)
COMMITTED = inference(
    "commission-from-attribution",
    "An act the organization claimed, or that the record attributes to it, was carried out by "
    "it (its role is `committed`).",
    "The record's attribution says who carried the act out; the `attribution` reading decides "
    "which attributions suffice.",
)
DISARMED = inference(
    "no-capability-after-disarmament",
    "An organization that gave up its weapons (`conduct.disarmed`) before the date judged has "
    "no armed members, weapons or explosives, unless the profile says otherwise.",
    "A known disarmament is a known negative for the capability of § 1189(a)(1)(B), as a "
    "dissolution is for the organization.",
)
RENOUNCED = inference(
    "no-intent-after-renunciation",
    "An organization that publicly renounced violence (`conduct.renounced_violence`) before "
    "the date judged shows no intent to attack, unless the profile records threats or plots.",
    "A public renunciation is a known negative for the intent of § 1189(a)(1)(B); the Secretary "
    "relied on one in revoking the MEK's designation (State Department, 28 September 2012).",
)


NOT_US_ORGANIZED = inference(
    "not-organized-under-us-law",
    "An organization formed outside the United States and led from outside it is not organized "
    "under US law, unless the record says it was incorporated or registered there.",
    "To be organized under the laws of the United States is a recorded act (incorporation, "
    "registration under federal or State law); § 1189(a)(1)(A), read with the `foreign-test` "
    "reading.",
)


def may_infer(ctx: Context) -> bool:
    return ctx.reading("inferences") == "draw"


def inferred_flag(
    ctx: Context,
    section: Any,
    loc: tuple,
    name: str,
    rule: Inference,
    test: Callable[[Context, Any, tuple], tuple[bool, list[FactUse]]],
) -> tuple[bool | None, list[FactUse], list[Inferred], str]:
    """The yes/no fact `name`, or what `rule` infers of it: (value, facts used, inferences, path).

    A fact the profile gives always wins over an inference.
    """
    value, use, path = ctx.fact(section, loc, name)
    if value is not None:
        return value, [use], [], path
    found, uses = test(ctx, section, loc)
    if found and may_infer(ctx):  # the reading is consulted only where it decides something
        return True, uses, [rule.drawn(path, True)], path
    return None, [], [], path


Flag = tuple[bool | None, list[FactUse], list[Inferred], str]  # what `inferred_flag` returns


def either(ctx: Context, options: list[tuple[Flag, str]], *, none: str, unknown: str):
    """A leaf met when any one of several yes/no facts is so, each as the profile gives it or as
    an inference draws it: `options` pairs each fact's `inferred_flag` with the reason it is met
    for. Not met when none is so; what would meet it is any one of them so."""
    status = any_of([from_bool(flag[0]) for flag, _ in options])
    facts = [use for (_, uses, _, _), _ in options for use in uses if use]
    if status is MET:
        (_, _, drawn, _), reason = next(option for option in options if option[0][0])
        return ctx.finding(MET, reason, facts=facts, inferred=drawn or None)
    return ctx.finding(
        status,
        none if status is NOT_MET else unknown,
        facts=facts,
        missing=[path for (value, _, _, path), _ in options if value is None],
        would_meet=[[Change(path, True)] for (_, _, _, path), _ in options],
    )


def boolean_or_inferred(
    ctx: Context,
    section: Any,
    loc: tuple,
    name: str,
    rule: Inference,
    test: Callable[[Context, Any, tuple], tuple[bool, list[FactUse]]],
    *,
    yes: str,
    no: str,
    unknown: str = "",
):
    """A leaf decided by a yes/no fact, or by what `rule` infers when the fact is not given."""
    value, uses, drawn, path = inferred_flag(ctx, section, loc, name, rule, test)
    if value is None:
        return ctx.finding(
            UNDETERMINED,
            unknown or f"not known ({path} is not given)",
            missing=[path],
            would_meet=[[Change(path, True)]],
        )
    if value:
        reason = f"{yes} (inferred, `{rule.id}`)" if drawn else yes
        return ctx.finding(MET, reason, facts=uses, inferred=drawn)
    return ctx.finding(NOT_MET, no, facts=uses, would_meet=[[Change(path, True)]])
