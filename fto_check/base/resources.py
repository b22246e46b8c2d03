"""Where the package's data lives: `rules/` (the law) and `examples/`.

In a source checkout they sit at the top of the repository; an installed wheel carries them
inside the package (see `force-include` in pyproject.toml). Looking inside the package first
means an installed fto-check never reads a stray `rules/` from the working directory.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # fto_check/


def data_dir(name: str) -> Path:
    """The directory `name` ("rules" or "examples"), packaged or in the source tree."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"fto-check is missing its {name}/ directory (looked in {_PACKAGE})")
