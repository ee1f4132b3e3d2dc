"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.registry import Rule
from listlint.rules.malformed_summary import malformed_summary
from listlint.rules.markdown_in_html_block import markdown_in_html_block
from listlint.rules.missing_blank_line import missing_blank_line
from listlint.rules.missing_separator import missing_separator
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.orphan_summary import orphan_summary
from listlint.rules.unclosed_details import unclosed_details

RULES: tuple[Rule, ...] = (
    unclosed_details,
    orphan_summary,
    malformed_summary,
    missing_separator,
    missing_blank_line,
    markdown_in_html_block,
    non_canonical_card,
)

__all__ = ["RULES"]
