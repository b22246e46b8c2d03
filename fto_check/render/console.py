"""Lines of (text, style) segments to standard output: in colour on a terminal (rich honours
NO_COLOR), plain otherwise; prose wrapped as `explain` wraps it. Used by the teaching commands,
which print as they go rather than render a report at once.
"""

from __future__ import annotations

import os
import sys

from fto_check.render.text import Line, safe_line, to_plain


def use_color(is_terminal: bool) -> bool:
    """Whether to write in colour: never with NO_COLOR set (it wins over FORCE_COLOR, as
    no-color.org asks), always with FORCE_COLOR set, otherwise on a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or is_terminal


class Out:
    def __init__(self) -> None:
        self.console = None
        if use_color(sys.stdout.isatty()):
            from rich.console import Console

            self.console = Console(highlight=False, force_terminal=True)

    def line(self, segments: Line) -> None:
        if self.console is None:
            sys.stdout.write(to_plain(segments) + "\n")
            return
        from rich.text import Text

        self.console.print(Text.assemble(*safe_line(segments)), soft_wrap=True)

    def lines(self, lines) -> None:
        for segments in lines:
            self.line(segments)

    def wrapped(self, text: str, indent: int, hang: int, *, style: str = "") -> None:
        """`text` filled to the width `explain` uses (see `wrapped`)."""
        self.lines(wrapped(text, indent, hang, style=style))


def wrapped(text: str, indent: int, hang: int, *, style: str = "") -> list[Line]:
    """`text` filled to the width `explain` uses, the first line indented by `indent` columns
    and the others by `hang`, in `style`."""
    from fto_check.render.prose import wrap

    lines: list[Line] = []
    for i, line in enumerate(wrap(text, indent, hang)):
        pad = indent if i == 0 else hang
        lines.append([(line[:pad], ""), (line[pad:], style)])
    return lines
