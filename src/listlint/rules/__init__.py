"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.arxiv_id_conflict import arxiv_id_conflict
from listlint.rules.arxiv_link_mismatch import arxiv_link_mismatch
from listlint.rules.copied_authors import copied_authors
from listlint.rules.duplicate_arxiv_id import duplicate_arxiv_id
from listlint.rules.duplicate_title import duplicate_title
from listlint.rules.invalid_arxiv_id import invalid_arxiv_id
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.title_prefix_redundant import title_prefix_redundant

RULES: tuple[Rule, ...] = (
    invalid_arxiv_id,
    duplicate_arxiv_id,
    arxiv_id_conflict,
    arxiv_link_mismatch,
    duplicate_title,
    copied_authors,
    title_prefix_redundant,
    non_canonical_card,
)

__all__ = ["RULES"]
