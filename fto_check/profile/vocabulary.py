"""The words a profile records facts in: what happened, by what means, to whom, why, who says so.

They are the record's words, not the statute's conclusions: a profile says an incident was a
`kidnapping` with a demand on a family, and the predicates decide whether that is the
"seizing or detaining … in order to compel a third person" of § 1182(a)(3)(B)(iii)(II). A few
values name a statutory kind where the record itself does (`hostage-taking`, `assassination`),
and the weapons and `attack-on-protected-person` are kept for profiles written before the
evidence model (`involves:`); each is read as the predicates document.
"""

from __future__ import annotations

from enum import StrEnum


class Act(StrEnum):
    """What was done, in the record's words."""

    KILLING = "killing"  # murder, massacre, execution
    ASSASSINATION = "assassination"  # the record calls it an assassination
    INJURING = "injuring"  # wounding, maiming
    ASSAULT = "assault"  # an armed attack on people: an ambush, a raid, shooting at people
    KIDNAPPING = "kidnapping"  # seizing or holding a person: abduction
    HOSTAGE_TAKING = "hostage-taking"  # people held to force a demand, as the record says
    BOMBING = "bombing"  # setting off an explosive
    ARSON = "arson"  # setting fire to property
    DESTRUCTION = "destruction"  # destroying property by other means
    HIJACKING = "hijacking"  # seizing control of an aircraft, vessel or vehicle
    SABOTAGE = "sabotage"  # disabling or wrecking something, e.g. a conveyance
    EXTORTION = "extortion"  # demanding money under threat
    DRUG_TRAFFICKING = "drug-trafficking"
    SMUGGLING = "smuggling"  # of people or goods
    # Written in profiles before the evidence model; read as documented in the predicates.
    ATTACK_ON_PROTECTED_PERSON = "attack-on-protected-person"
    BIOLOGICAL_AGENT = "biological-agent"
    CHEMICAL_AGENT = "chemical-agent"
    NUCLEAR_DEVICE = "nuclear-device"
    EXPLOSIVE = "explosive"
    FIREARM = "firearm"
    OTHER_WEAPON = "other-weapon"


class Means(StrEnum):
    """How it was done: the weapon or agent used, if any."""

    FIREARM = "firearm"
    EXPLOSIVE = "explosive"
    INCENDIARY = "incendiary"  # a firebomb, petrol set alight
    BLADE = "blade"  # a knife, machete
    VEHICLE = "vehicle"  # a vehicle driven into people
    CHEMICAL_AGENT = "chemical-agent"
    BIOLOGICAL_AGENT = "biological-agent"
    NUCLEAR_DEVICE = "nuclear-device"
    RADIOLOGICAL = "radiological"  # a device spreading radioactive material
    OTHER_WEAPON = "other-weapon"
    UNARMED = "unarmed"  # no weapon at all


class Target(StrEnum):
    """Whom or what the act was aimed at."""

    CIVILIANS = "civilians"
    OFFICIALS = "officials"  # civilian government officials, politicians, mayors
    CANDIDATES = "candidates"  # candidates for public office
    JUDGES = "judges"  # judges and prosecutors
    JOURNALISTS = "journalists"
    POLICE = "police"
    MILITARY = "military"  # armed forces on duty
    MILITARY_OFF_DUTY = "military-off-duty"  # soldiers unarmed or off duty
    PEACEKEEPERS = "peacekeepers"
    DIPLOMATS = "diplomats"  # foreign diplomats and officials abroad
    PROTECTED_PERSONS = "internationally-protected-persons"  # 18 U.S.C. § 1116(b)(4)
    RIVALS = "rivals"  # members of rival armed groups
    PROPERTY = "property"  # civilian buildings, infrastructure, businesses (no person)
    MILITARY_PROPERTY = "military-property"  # bases, equipment
    AIRCRAFT = "aircraft"
    VESSEL = "vessel"
    VEHICLE = "vehicle"  # a car, bus, truck or train


class Motive(StrEnum):
    POLITICAL = "political"
    IDEOLOGICAL = "ideological"
    RELIGIOUS = "religious"
    SOCIAL = "social"
    COERCE_GOVERNMENT = "coerce-government"  # to force a government to act or stop acting
    FINANCIAL = "financial"  # the organization's profit
    PERSONAL_GAIN = "personal-gain"  # an individual's own monetary gain
    TERRITORIAL = "territorial"  # control of territory, trafficking routes or markets
    RETALIATION = "retaliation"
    PERSONAL = "personal"  # personal, not monetary: revenge, a feud


class Role(StrEnum):
    """The organization's part in an incident: the modes of § 1182(a)(3)(B)(iv)(I)–(VI)."""

    COMMITTED = "committed"  # its members carried it out
    INCITED = "incited"
    PREPARED = "prepared"
    PLANNED = "planned"
    GATHERED_TARGET_INFORMATION = "gathered-target-information"
    SOLICITED_FUNDS = "solicited-funds"
    SOLICITED_MEMBERS = "solicited-individuals"
    MATERIAL_SUPPORT = "material-support"  # it gave funds, weapons, transport, training…


class Attribution(StrEnum):
    """Who says the organization did it."""

    CLAIMED = "claimed"  # the organization claimed it
    US_GOVERNMENT = "us-government"  # the State Department, an indictment, Treasury
    COURT = "court"  # a court found it
    GOVERNMENT = "government"  # another government or its police
    PRESS = "press"  # press reports attribute it
    ALLEGED = "alleged"  # alleged, disputed, one hypothesis among others


class Party(StrEnum):
    """On whom a demand was made, to release a person seized or held."""

    GOVERNMENT = "government"
    FAMILY = "family"  # the victim's family
    EMPLOYER = "employer"
    ORGANIZATION = "organization"  # another organization
    PUBLIC = "public"


class USTarget(StrEnum):
    """Which United States interests an act harmed or was aimed at."""

    NATIONALS = "nationals"  # US citizens or nationals
    DIPLOMATS = "diplomats"  # US diplomats or embassies
    FORCES = "forces"  # US armed forces
    GOVERNMENT = "government"  # other US government personnel or property
    COMPANIES = "companies"  # US companies or their property


class ThreatOrigin(StrEnum):
    """What activity of the organization a threat to the United States comes from."""

    TERRORIST_ACTIVITY = "terrorist-activity"  # § 1182(a)(3)(B) terrorist activity
    TERRORISM = "terrorism"  # § 2656f(d)(2) terrorism
    DRUG_TRAFFICKING = "drug-trafficking"
    HUMAN_SMUGGLING = "human-smuggling"
    OTHER_CRIME = "other-crime"
    OTHER = "other"


class Decision(StrEnum):
    """A decision of the Secretary that states findings under § 1189(a)(1)."""

    DESIGNATION = "designation"
    REDESIGNATION = "redesignation"  # before 2004-12-17: the two-year renewal
    REVIEW = "review"  # a review that maintained the designation
    AMENDMENT = "amendment"  # names and aliases (§ 1189(b))
    REVOCATION = "revocation"
    LAPSE = "lapse"  # before 2004-12-17: not redesignated at the end of its two-year term


# ---------------------------------------------------------------- the words people write instead

# A word a record (or a user) writes for what a value above records: suggested, never read in
# its place, since the profile must say which value it means. "shooting" is not one act but
# several (a killing, a wounding, an assault) with a means, so its suggestion says so. A
# suggestion names a value of the field in question only: a word for a target is not offered
# for an act.
SYNONYMS: dict[str, tuple[str, str]] = {
    # acts
    "murder": ("killing", ""),
    "homicide": ("killing", ""),
    "massacre": ("killing", ""),
    "execution": ("killing", ""),
    "slaying": ("killing", ""),
    "beheading": ("killing", ""),
    "shooting": (
        "killing",
        "or `injuring` or `assault`, as the record says, with `means: [firearm]`",
    ),
    "gunfight": ("assault", "with `means: [firearm]`"),
    "attack": ("assault", "or what the attack did: `killing`, `injuring`, `bombing`, `arson`"),
    "ambush": ("assault", ""),
    "raid": ("assault", ""),
    "wounding": ("injuring", ""),
    "maiming": ("injuring", ""),
    "abduction": ("kidnapping", ""),
    "kidnap": ("kidnapping", ""),
    "hostage": ("hostage-taking", "where people were held to force a demand; else `kidnapping`"),
    "bomb": ("bombing", "with `means: [explosive]`"),
    "car-bomb": ("bombing", "with `means: [explosive]` and `vehicle`"),
    "explosion": ("bombing", "with `means: [explosive]`"),
    "suicide-bombing": ("bombing", "with `suicide_attack: true`"),
    "firebombing": ("arson", "with `means: [incendiary]`"),
    "burning": ("arson", ""),
    "hijack": ("hijacking", ""),
    "racketeering": ("extortion", ""),
    "trafficking": ("drug-trafficking", "or `smuggling`, of people or goods"),
    "human-smuggling": ("smuggling", ""),
    "human-trafficking": ("smuggling", ""),
    # means
    "gun": ("firearm", ""),
    "rifle": ("firearm", ""),
    "ied": ("explosive", ""),
    "grenade": ("explosive", ""),
    "rocket": ("explosive", ""),
    "missile": ("explosive", ""),
    "drone": ("explosive", "for an armed drone; the means is what it carried"),
    "knife": ("blade", ""),
    "machete": ("blade", ""),
    "sarin": ("chemical-agent", ""),
    "gas": ("chemical-agent", ""),
    "poison": ("chemical-agent", ""),
    "anthrax": ("biological-agent", ""),
    "molotov": ("incendiary", ""),
    # targets
    "soldier": ("military", "or `military-off-duty` for soldiers unarmed or off duty"),
    "troop": ("military", ""),
    "army": ("military", ""),
    "armed-force": ("military", ""),
    "tourist": ("civilians", ""),
    "passenger": ("civilians", ""),
    "bystander": ("civilians", ""),
    "resident": ("civilians", ""),
    "villager": ("civilians", ""),
    "migrant": ("civilians", ""),
    "student": ("civilians", ""),
    "worker": ("civilians", ""),
    "civilian": ("civilians", ""),
    "politician": ("officials", "or `candidates` for those running for office"),
    "mayor": ("officials", ""),
    "official": ("officials", ""),
    "minister": ("officials", ""),
    "prosecutor": ("judges", ""),
    "judge": ("judges", ""),
    "reporter": ("journalists", ""),
    "journalist": ("journalists", ""),
    "policeman": ("police", ""),
    "police-officer": ("police", ""),
    "officer": ("police", "or `military`"),
    "gang": ("rivals", "for members of rival armed groups"),
    "cartel": ("rivals", "for members of rival armed groups"),
    "rival": ("rivals", ""),
    "embassy": ("diplomats", "for the people; `property` for the building"),
    "diplomat": ("diplomats", ""),
    "building": ("property", ""),
    "infrastructure": ("property", ""),
    "pipeline": ("property", ""),
    "business": ("property", ""),
    "base": ("military-property", ""),
    "ship": ("vessel", ""),
    "boat": ("vessel", ""),
    "plane": ("aircraft", ""),
    "airliner": ("aircraft", ""),
    "bus": ("vehicle", ""),
    "train": ("vehicle", ""),
    "truck": ("vehicle", ""),
    "car": ("vehicle", ""),
    # motives
    "profit": ("financial", "for the organization's profit; `personal-gain` for an individual's"),
    "money": ("financial", "for the organization's profit; `personal-gain` for an individual's"),
    "greed": ("personal-gain", ""),
    "revenge": ("retaliation", "or `personal`, for a private feud"),
    "territory": ("territorial", ""),
    "control": ("territorial", ""),
    "jihad": ("religious", "and `political`, as the record says"),
    # who says so
    "indictment": ("us-government", "for a US indictment; `government` for another's"),
    "state-department": ("us-government", ""),
    "police": ("government", ""),
    "media": ("press", ""),
    "news": ("press", ""),
    "reported": ("press", ""),
    "claim": ("claimed", ""),
    "conviction": ("court", ""),
}


def suggestion(word: object, expected: list[str]) -> str:
    """What to write instead of `word`, for a field whose values are `expected`: a word people
    use for one of them, or a close spelling of one; '' when neither. A close spelling must be
    close (a typo), never a guess across meanings ('abduction' is not 'destruction')."""
    import difflib

    text = str(word).strip().lower().replace(" ", "-").replace("_", "-")
    for key in (text, text.removesuffix("s"), text.removesuffix("es")):
        found = SYNONYMS.get(key)
        if found and found[0] in expected:
            value, advice = found
            return f"did you mean {value!r}{', ' + advice if advice else ''}?"
    close = difflib.get_close_matches(text, expected, n=1, cutoff=0.8)
    return f"did you mean {close[0]!r}?" if close else ""
