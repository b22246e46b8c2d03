"""Helpers every renderer shares: prose filled to the reading width, stable anchors, and how a
citation, a version of the law and the span of dates it was in force are written.

A change to how a citation or a version is shown is made here, once: the text report, the memo,
`explain`, `rules`, the tour and the quiz all write them through these functions.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fto_check.reasoning.findings import Report

WIDTH = 96  # the width `explain`, `rules` and the teaching commands fill prose to


def wrap(words: str, indent: int, hang: int | None = None, width: int = WIDTH) -> list[str]:
    """`words` filled to `width` columns, indented; later lines by `hang` if given."""
    # A section sign stays with its number: "§ 2656f(d)(2)" is never split across lines.
    lines = textwrap.wrap(
        " ".join(words.split()).replace("§ ", "§\u00a0"),
        width,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent if hang is None else hang),
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


def anchor(item_id: str) -> str:
    """A stable HTML anchor for a clause, rule or reading id."""
    return re.sub(r"[^A-Za-z0-9]+", "-", item_id).strip("-")


def table_cell(text: str) -> str:
    """`text` as one cell of a Markdown table: on one line, its pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def sentence(words: str) -> str:
    """`words` as a sentence: a capital first letter and a full stop."""
    return words[0].upper() + words[1:] + ("" if words.endswith(".") else ".")


# ---------------------------------------------------------------- citations


_GROUP = re.compile(r"\d+[a-z]*|\([^)]*\)")


def cites(rules: Iterable[str], titles: dict[str, str] | None = None) -> str:
    """Clause ids in short: '§ 1182(a)(3)(B)(iii)(I), (II)'; with `titles`, a lone element's
    name too ('§ 2656f(d)(2) politically motivated')."""
    by_section: dict[str, list[str]] = {}
    for rule in dict.fromkeys(rules):
        clause = rule.partition("/")[0]
        by_section.setdefault(_GROUP.findall(clause)[0], []).append(rule)
    out = []
    for rules_here in by_section.values():
        clauses = list(dict.fromkeys(r.partition("/")[0] for r in rules_here))
        groups = [_GROUP.findall(c) for c in clauses]
        common = 0
        while all(len(g) > common + 1 for g in groups) and len({g[common] for g in groups}) == 1:
            common += 1
        if len(clauses) == 1:
            text = f"§ {clauses[0]}"
            if titles is not None and len(rules_here) == 1 and "/" in rules_here[0]:
                text += " " + titles.get(rules_here[0], _element(rules_here[0]))
        else:
            text = "§ " + clauses[0] + ", " + ", ".join("".join(g[common:]) for g in groups[1:])
        out.append(text)
    return "; ".join(out)


def _element(rule: str) -> str:
    return rule.partition("/")[2].replace("-", " ")


def cited(citation: str, version: str | None) -> str:
    """A citation with the version of the law applied: '8 U.S.C. § 1189(a)(1)(B), as amended
    by Pub. L. 107-56, § 411(c) (USA PATRIOT Act)'."""
    return f"{citation}, {version}" if version else citation


# ---------------------------------------------------------------- versions and dates


def span(since: date | None, until: date | None) -> str:
    """The dates a rule applies: '2001-10-26 onward', '1996-04-24 – 2001-10-25', 'until
    2001-10-25' or 'always'."""
    if since and until:
        return f"{since} – {until}"
    if since:
        return f"{since} onward"
    return f"until {until}" if until else "always"


def span_iso(since: str | None, until: str | None) -> str:
    """`span` of two ISO dates (or None), as a command's JSON data carries them."""
    return span(
        date.fromisoformat(since) if since else None, date.fromisoformat(until) if until else None
    )


def in_force(since: str | None, until: str | None) -> str:
    """The dates a version of the law was in force: 'from 1996-04-24 to 2001-10-25', 'since
    2001-10-26', 'until …' or 'always'."""
    if since and until:
        return f"from {since} to {until}"
    if since:
        return f"since {since}"
    return f"until {until}" if until else "always"


def law_summary(report: Report) -> list[str]:
    """Per statutory section, each clause applied and the wording of it applied: the words in
    force on `as_of`, grouped by the law that gave them that wording."""
    from fto_check.law.statute import load_law

    law = load_law()
    day = date.fromisoformat(report.as_of)
    groups: dict[tuple[str, str], list[str]] = {}
    for clause_id in report.law:
        clause = law.clauses.get(clause_id)
        if clause is None or clause.version_on(day) is None:
            continue
        section = law.section_of[clause_id].section
        groups.setdefault((section, clause.label_on(day)), []).append(clause_id)
    lines = []
    for (section, label), ids in groups.items():
        title, _, number = section.partition(" § ")
        shown = [ids[0], *(i.removeprefix(number) or i for i in ids[1:])]
        signs = "§" if len(ids) == 1 else "§§"
        lines.append(f"{title} {signs} {', '.join(shown)}: {label}")
    return lines


def readings_summary(report: Report) -> str:
    """The readings in force, each default that depends on the law of the day with its period."""
    from fto_check.law.readings import all_readings

    known = all_readings()
    day = date.fromisoformat(report.as_of)
    parts = []
    for name, value in report.readings.items():
        reading = known.get(name)
        text = f"{name}={value}"
        if reading is not None and not isinstance(reading.default, str):
            period = reading.default_on(day)
            if period.value == value:
                text += f" (the default for the law in force since {period.since})"
        parts.append(text)
    return ", ".join(parts)
