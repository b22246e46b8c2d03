"""Helpers every renderer shares: prose filled to the reading width, and stable anchors."""

from __future__ import annotations

import re
import textwrap

WIDTH = 96  # the width `explain`, `rules` and the teaching commands fill prose to


def wrap(words: str, indent: int, hang: int | None = None) -> list[str]:
    """`words` filled to WIDTH columns, indented; later lines by `hang` if given."""
    # A section sign stays with its number: "§ 2656f(d)(2)" is never split across lines.
    lines = textwrap.wrap(
        " ".join(words.split()).replace("§ ", "§\u00a0"),
        WIDTH,
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent if hang is None else hang),
        break_on_hyphens=False,
    )
    return [line.replace("\u00a0", " ") for line in lines]


def anchor(item_id: str) -> str:
    """A stable HTML anchor for a clause, rule or reading id."""
    return re.sub(r"[^A-Za-z0-9]+", "-", item_id).strip("-")
