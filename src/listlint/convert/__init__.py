"""Entries in other forms: paper daily to cards, JSON/CSV/BibTeX export, a new card.

Imports the layers up to `rulekit`.
"""
