"""The explicit registry of rules, in code order (no directory scanning)."""

from __future__ import annotations

from listlint.rulekit.rule import Rule
from listlint.rules.abstract_mismatch import abstract_mismatch
from listlint.rules.arxiv_authors_mismatch import arxiv_authors_mismatch
from listlint.rules.arxiv_id_conflict import arxiv_id_conflict
from listlint.rules.arxiv_id_not_found import arxiv_id_not_found
from listlint.rules.arxiv_link_mismatch import arxiv_link_mismatch
from listlint.rules.arxiv_title_mismatch import arxiv_title_mismatch
from listlint.rules.code_link_not_code import code_link_not_code
from listlint.rules.copied_abstract import copied_abstract
from listlint.rules.copied_authors import copied_authors
from listlint.rules.copied_innovation import copied_innovation
from listlint.rules.copied_key_points import copied_key_points
from listlint.rules.duplicate_arxiv_id import duplicate_arxiv_id
from listlint.rules.duplicate_field import duplicate_field
from listlint.rules.duplicate_title import duplicate_title
from listlint.rules.empty_field import empty_field
from listlint.rules.empty_link import empty_link
from listlint.rules.field_order import field_order
from listlint.rules.heading_spacing import heading_spacing
from listlint.rules.html_in_field import html_in_field
from listlint.rules.invalid_arxiv_id import invalid_arxiv_id
from listlint.rules.label_language_mismatch import label_language_mismatch
from listlint.rules.malformed_summary import malformed_summary
from listlint.rules.markdown_in_html_block import markdown_in_html_block
from listlint.rules.merge_conflict import merge_conflict
from listlint.rules.missing_blank_line import missing_blank_line
from listlint.rules.missing_field import missing_field
from listlint.rules.missing_separator import missing_separator
from listlint.rules.mixed_language_field import mixed_language_field
from listlint.rules.mojibake import mojibake
from listlint.rules.nested_link import nested_link
from listlint.rules.non_canonical_arxiv_url import non_canonical_arxiv_url
from listlint.rules.non_canonical_card import non_canonical_card
from listlint.rules.non_portable_image import non_portable_image
from listlint.rules.one_liner_mismatch import one_liner_mismatch
from listlint.rules.orphan_summary import orphan_summary
from listlint.rules.placeholder_text import placeholder_text
from listlint.rules.title_prefix_redundant import title_prefix_redundant
from listlint.rules.translation_parity import translation_parity
from listlint.rules.truncated_author_list import truncated_author_list
from listlint.rules.truncated_translation import truncated_translation
from listlint.rules.truncated_url import truncated_url
from listlint.rules.unclosed_details import unclosed_details
from listlint.rules.unknown_field import unknown_field
from listlint.rules.unused_suppression import unused_suppression
from listlint.rules.venue_format import venue_format
from listlint.rules.venue_year_before_arxiv import venue_year_before_arxiv

RULES: tuple[Rule, ...] = (
    unused_suppression,
    invalid_arxiv_id,
    duplicate_arxiv_id,
    arxiv_id_conflict,
    arxiv_link_mismatch,
    duplicate_title,
    copied_authors,
    title_prefix_redundant,
    arxiv_title_mismatch,
    arxiv_authors_mismatch,
    arxiv_id_not_found,
    copied_abstract,
    copied_key_points,
    copied_innovation,
    one_liner_mismatch,
    abstract_mismatch,
    mixed_language_field,
    translation_parity,
    mojibake,
    truncated_translation,
    label_language_mismatch,
    missing_field,
    unknown_field,
    duplicate_field,
    field_order,
    empty_field,
    non_canonical_arxiv_url,
    code_link_not_code,
    truncated_url,
    venue_format,
    venue_year_before_arxiv,
    empty_link,
    placeholder_text,
    html_in_field,
    truncated_author_list,
    nested_link,
    unclosed_details,
    orphan_summary,
    malformed_summary,
    missing_separator,
    missing_blank_line,
    markdown_in_html_block,
    merge_conflict,
    non_portable_image,
    heading_spacing,
    non_canonical_card,
)

__all__ = ["RULES"]
