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
    """Per statutory section, the law as in force on `as_of` and its latest change applied."""
    from fto_check.law.statute import load_law

    law = load_law()
    day = date.fromisoformat(report.as_of)
    latest: dict[str, tuple[date, str]] = {}
    for clause_id in report.law:
        clause = law.clauses.get(clause_id)
        version = clause.version_on(day) if clause else None
        if version is None:
            continue
        section = law.section_of[clause_id].section
        since = version.in_force_from or date.min
        if section not in latest or since > latest[section][0]:
            latest[section] = (since, clause.label_on(day))
    return [
        f"{section} as in force on {report.as_of} (latest change applied: "
        f"{label.removeprefix('as amended by ').removeprefix('as enacted by ')}"
        f"{f', {since}' if since != date.min else ''})"
        for section, (since, label) in latest.items()
    ]
