"""`fto-check explain ID`: one clause, rule or reading, taught in full.

The explanation is gathered in `teaching/explain.py` and written by `render/explain.py`.
"""

from __future__ import annotations

import sys


def run(query: str, *, fmt: str) -> int:
    """Print the explanation of `query`; an unknown id raises UsageError (exit 2)."""
    from fto_check.reasoning.catalog import resolve
    from fto_check.render.explain import render
    from fto_check.teaching.explain import build

    sys.stdout.write(render(build(resolve(query)), fmt))
    return 0
