"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.unused_suppression import unused_suppression

RULES: tuple[Rule, ...] = (
    unused_suppression,
    non_canonical_card,
)

__all__ = ["RULES"]
