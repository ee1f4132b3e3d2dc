"""The canonical text of a card: the white-space-only form of a parsed card, and a new card
written from values, both with the lines of `card_lines`.

Imports `base`, `analysis` and `syntax`.
"""
