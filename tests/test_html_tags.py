"""Tag names are read as HTML reads them: in any ASCII case, and no other letter stands for one."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.analysis import html_blocks
from listlint.canonical import card_format as canonical
from listlint.syntax import cards, daily, scanner
from listlint.syntax.document import Document

# The modules, not the rules of the same names that `listlint.rules` exports.
html_in_field, malformed_summary, markdown_in_html_block, non_portable_image, orphan_summary = (
    importlib.import_module(f"listlint.rules.{name}")
    for name in ("html_in_field", "malformed_summary", "markdown_in_html_block", "non_portable_image", "orphan_summary")
)

# Each pattern with a text it matches whose letters s, i and k all belong to tag or
# attribute names.
EXAMPLES = [
    (cards.DETAILS_TAG, "x </details> y"),
    (cards.DETAILS_OPEN_LINE, "<details open>"),
    (cards.DETAILS_CLOSE_LINE, "  </details >"),
    (cards.SUMMARY, "<summary>Abc</summary>"),
    (cards.BOLD_TITLE, "<strong>T: U</strong>"),
    (scanner.CARD_SUMMARY, "<summary> <b>"),
    (canonical._OPEN, "<details>"),
    (canonical._PLAIN_SUMMARY_LINE, "<summary>Abc</summary>"),
    (markdown_in_html_block._OPEN_ONLY, "<details>"),
    (markdown_in_html_block._SUMMARY_ONLY, "<summary>Abc</summary>"),
    (orphan_summary._CARD_SUMMARY, "<summary><strong>"),
    (orphan_summary._SUMMARY_START, " <summary"),
    (malformed_summary._BOLD, "<summary><strong>T</strong></summary>"),
    (malformed_summary._PLAIN, "<summary>T</summary>"),
    (malformed_summary._UNCLOSED, "<summary><b>T</b>"),
    (malformed_summary._SPLIT_OPEN, "<details><summary>T</summary>"),
    (malformed_summary._SUMMARY_ANYWHERE, "x <summary>"),
    (html_blocks._BLOCK_TAG, "<summary>"),
    (html_blocks._MARKER_STARTS[0][0], "<script"),
    (html_blocks._RUN_OPENER, "<style>"),
    (html_in_field.ANCHOR, '<a href="u">t</a>'),
    (non_portable_image.HTML_IMAGE, '<img src="u">'),
    (daily.U_LINK_LINE, "<u>https://"),
]
# Letters that IGNORECASE also matches by others: `ſ` (long s), dotless `ı`, `İ`, the Kelvin sign.
LOOK_ALIKES = {"s": "ſ", "S": "ſ", "i": "ıİ", "I": "ıİ", "k": "\u212a", "K": "\u212a"}


@pytest.mark.parametrize(("pattern", "text"), EXAMPLES, ids=[p.pattern[:30] for p, _ in EXAMPLES])
@settings(max_examples=40, deadline=None)
@given(flips=st.lists(st.booleans(), min_size=40, max_size=40))
def test_any_ascii_case_matches(pattern: re.Pattern[str], text: str, flips: list[bool]) -> None:
    assert pattern.search(text)
    changed = "".join(char.swapcase() if flip else char for char, flip in zip(text, flips + [False] * len(text)))
    assert pattern.search(changed), changed


def _look_alike_variants(text: str) -> list[str]:
    """`text` with one letter, or every same letter, written as a look-alike."""
    found = []
    for position, char in enumerate(text):
        for other in LOOK_ALIKES.get(char, ""):
            found.append(text[:position] + other + text[position + 1 :])
            found.append(text.replace(char, other))
    return found


@pytest.mark.parametrize(
    ("pattern", "text"),
    [(p, t) for p, t in EXAMPLES if p is not html_in_field.ANCHOR],
)
def test_no_other_letter_stands_for_an_ascii_one(pattern: re.Pattern[str], text: str) -> None:
    # (The one left out has no such letter in its names.)
    before = re.compile(pattern.pattern.replace("(?ai:", "(?:"), re.IGNORECASE)
    variants = _look_alike_variants(text)
    for changed in variants:
        assert pattern.search(changed) is None, changed
    # The flag these patterns had before took some of them.
    assert any(before.search(changed) for changed in variants)


def _card(open_tag: str, summary_tag: str) -> str:
    return (
        f"{open_tag}\n<{summary_tag}><b>Quill: Folding Paper</b></{summary_tag}>\n\n"
        "* **Authors:** Ada Lovelace\n* **arXiv ID:** 2101.00001\n\n</details>\n"
    )


def test_a_card_opens_with_details_in_any_ascii_case_only() -> None:
    for open_tag in ("<details>", "<DETAILS>", "<Details open>"):
        (entry,) = Document(_card(open_tag, "summary"), "README.md").entries
        assert entry.title is not None and entry.title.value == "Quill: Folding Paper"
    for open_tag in ("<detaıls>", "<detaİls>"):
        assert Document(_card(open_tag, "summary"), "README.md").entries == ()


def test_a_summary_tag_in_any_ascii_case_only() -> None:
    (entry,) = Document(_card("<details>", "SUMMARY"), "README.md").entries
    assert entry.title is not None and entry.title.value == "Quill: Folding Paper"
    (entry,) = Document(_card("<details>", "ſummary"), "README.md").entries
    assert entry.title is None  # a browser shows `<ſummary>` as text: the card has no summary
