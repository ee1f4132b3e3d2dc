"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.mixed_language_field import mixed_language_field
from listlint.rules.mojibake import mojibake
from listlint.rules.translation_parity import translation_parity
from listlint.rules.truncated_translation import truncated_translation
from listlint.rules.non_canonical_card import non_canonical_card

RULES: tuple[Rule, ...] = (
    mixed_language_field,
    translation_parity,
    mojibake,
    truncated_translation,
    non_canonical_card,
)

__all__ = ["RULES"]
