"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.heading_spacing import heading_spacing
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.non_portable_image import non_portable_image

RULES: tuple[Rule, ...] = (non_portable_image, heading_spacing, non_canonical_card)

__all__ = ["RULES"]
