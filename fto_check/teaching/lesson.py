"""What a lesson says about one criterion of a report: the law it applied, quoted verbatim from
rules/, and the findings that decided it (`render.text.reasoning` says them in short). `quiz`
explains its answers with it and `tour` walks a profile through it, so both teach from the same
finding tree as `check`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from fto_check.law.statute import Clause, load_law
from fto_check.reasoning.findings import Finding
from fto_check.render.text import decisive


@dataclass(frozen=True, slots=True)
class Quote:
    """The words of one clause as applied on a day."""

    clause: str  # "2656f(d)(2)"
    citation: str  # "22 U.S.C. § 2656f(d)(2)"
    version: str  # "as amended by Pub. L. 107-56, § 411(c) (USA PATRIOT Act)"
    text: str
    note: str = ""  # where the wording in force that day was not retrieved: what is quoted


def clause_of(rule: str) -> str:
    """'2656f(d)(2)' for the rule '2656f(d)(2)/politically-motivated'."""
    return rule.partition("/")[0]


def quote(clause_id: str, day: date, *, lead_in: bool = True) -> Quote | None:
    """The clause's words in force on `day` (or the nearest later wording retrieved, said so).

    A clause that completes its parent's lead-in ("The use of any—") is quoted after it, with
    its siblings left out: "The use of any— … (b) explosive, firearm, …" (unless `lead_in`
    is false).
    """
    law = load_law()
    clause = law.clauses.get(clause_id)
    words = _wording(clause, day) if clause else None
    if words is None:
        return None
    text, label, note = words
    parent = law.clauses.get(re.sub(r"\([^()]*\)$", "", clause_id))
    lead = _wording(parent, day) if parent else None
    if lead_in and lead and lead[0].endswith("—"):
        text = f"{lead[0]} … {clause_id[len(parent.id) :]} {text}"
    return Quote(clause_id, law.citation(clause_id), label, text, note)


def _wording(clause: Clause, day: date) -> tuple[str, str, str] | None:
    """(text, version label, note) of `clause` on `day`; where that wording was not retrieved,
    the next one that was, with a note saying so."""
    version = clause.version_on(day)
    if version is None:
        return None
    if version.text:
        return version.text, clause.label_on(day), ""
    later = clause.versions[clause.versions.index(version) + 1 :]
    known = next((v for v in later if v.text), None)
    if known is None or known.text is None:
        return None
    note = (
        f"the wording in force on {day} was not retrieved; this is the wording of "
        f"{known.in_force_from}"
    )
    return known.text, clause.label_on(known.in_force_from or day), note


def _lead_in(clause_id: str, day: date) -> bool:
    """Whether the clause only introduces its subclauses ("… means, … an organization—")."""
    clause = load_law().clauses.get(clause_id)
    words = _wording(clause, day) if clause else None
    return bool(words and words[0].endswith("—"))


def quotes(criterion: Finding, day: date, *, limit: int = 5, lead_in: bool = True) -> list[Quote]:
    """The criterion's own clause, then each clause it refers to that decided it: the first
    clause other than its own on each decisive path (§ 2656f(d)(2) for (B) decided by
    terrorism; § 1189(d)(2) for (C) decided by national security), past clauses that only
    lead in to their subclauses (§ 1182(a)(3)(B)(iv) "… means—" gives way to (iv)(II)).
    Without `lead_in`, the criterion's own clause is quoted without § 1189(a)(1)'s lead-in."""
    own = clause_of(criterion.rule)
    found: dict[str, None] = {own: None}
    # Nearest first (breadth first): a route decided by a definition a few steps down
    # (§ 2656f(d)(2) under terrorism) is quoted before the many clauses deep in another route
    # (the tiers of support under § 1182(a)(3)(B)(iv)), which the limit would otherwise keep.
    level: list[tuple[Finding, str]] = [(criterion, own)]
    while level:
        below: list[tuple[Finding, str]] = []
        for finding, current in level:
            for child in decisive(finding):
                clause = clause_of(child.rule)
                if clause == current:
                    below.append((child, current))
                elif _lead_in(clause, day):
                    below.append((child, clause))
                else:
                    found.setdefault(clause, None)
        level = below
    chosen = list(found)[:limit]
    said = [quote(c, day, lead_in=lead_in or c != own) for c in chosen]
    return [q for q in said if q is not None]


def closure(finding: Finding) -> list[Finding]:
    """`finding` and every finding that decided it, depth first: what its status rests on."""
    out = [finding]
    for child in decisive(finding):
        out += closure(child)
    return out
