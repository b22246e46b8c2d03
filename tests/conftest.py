"""Shared fixtures: a complete profile (as data) that tests change one fact at a time."""

from __future__ import annotations

import copy

import pytest
from profiles import COMPLETE


@pytest.fixture
def complete() -> dict:
    """A profile that meets every criterion; each test changes the fact it is about."""
    return copy.deepcopy(COMPLETE)
