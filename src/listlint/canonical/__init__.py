"""The canonical text of a card: the white-space-only form of a parsed card, and a new card
written from values.

Imports `base`, `analysis` and `syntax`.
"""
