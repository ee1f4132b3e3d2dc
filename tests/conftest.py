"""Shared test helpers: where fixtures and the (optional) shared corpus are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
RULE_PAGES = ROOT / "rules"
SHARED = Path(os.environ.get("LISTLINT_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test: a user's clone has no shared/."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (it exists only beside the development checkout)")
    return path
