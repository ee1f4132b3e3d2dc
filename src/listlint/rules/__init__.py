"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.copied_abstract import copied_abstract
from listlint.rules.copied_innovation import copied_innovation
from listlint.rules.copied_key_points import copied_key_points
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.one_liner_mismatch import one_liner_mismatch

RULES: tuple[Rule, ...] = (
    copied_abstract,
    copied_key_points,
    copied_innovation,
    one_liner_mismatch,
    non_canonical_card,
)

__all__ = ["RULES"]
