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
