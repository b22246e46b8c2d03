"""Shared helpers: build a profile from a dict, evaluate it, and find a rule's finding."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from profiles import COMPLETE, evaluate_dict  # noqa: E402


@pytest.fixture
def complete() -> dict:
    """A profile (as data) that meets every criterion; tests change one fact at a time."""
    return copy.deepcopy(COMPLETE)


@pytest.fixture
def check():
    return evaluate_dict
