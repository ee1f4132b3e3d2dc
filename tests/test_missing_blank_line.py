"""missing-blank-line flags only the glue that changes what GitHub shows (checked with cmark-gfm)."""

from __future__ import annotations

import pytest

from gfm import github_html, shown_as_code
from harness import fix_files, lint_files
from listlint.rules import RULES

RULE = next(rule for rule in RULES if rule.name == "missing-blank-line")

SUMMARY = "<details>\n<summary><b>Foo: A Tiny Card</b></summary>\n"
FIELDS = "* **Authors:** Ada Lovelace\n* **arXiv ID:** 2101.00001\n"
QUOTE = "> **Core Innovation**  \n> Shows a card.\n"
SECTION = "<details>\n    <summary>Abstract</summary>\n    We show a card.\n</details>\n"
CLOSE = "</details>\n\n---\n"


def card(*blocks: str) -> str:
    """The blocks joined as written: a "" between two blocks stands for a blank line."""
    return "".join(block or "\n" for block in blocks)


# (glued, with the blank line): GitHub ends a list or a quote at a `<details>` or
# `</details>` line (an HTML block interrupts them), so these render the same.
SAME = {
    "quote, then a section": (
        card(SUMMARY, "", FIELDS, "", QUOTE, SECTION, CLOSE),
        card(SUMMARY, "", FIELDS, "", QUOTE, "", SECTION, CLOSE),
    ),
    "quote, then </details>": (
        card(SUMMARY, "", FIELDS, "", QUOTE, CLOSE),
        card(SUMMARY, "", FIELDS, "", QUOTE, "", CLOSE),
    ),
    "fields, then a section": (
        card(SUMMARY, "", FIELDS, SECTION, CLOSE),
        card(SUMMARY, "", FIELDS, "", SECTION, CLOSE),
    ),
    "fields, then </details>": (
        card(SUMMARY, "", FIELDS, CLOSE),
        card(SUMMARY, "", FIELDS, "", CLOSE),
    ),
}

# A raw HTML block runs to the next blank line: what is glued below it is raw text.
CHANGED = {
    "summary, then fields": (
        card(SUMMARY, FIELDS, "", QUOTE, CLOSE),
        card(SUMMARY, "", FIELDS, "", QUOTE, CLOSE),
        "* **Authors:**",
    ),
    "summary, then the quote": (
        card(SUMMARY, QUOTE, "", FIELDS, CLOSE),
        card(SUMMARY, "", QUOTE, "", FIELDS, CLOSE),
        "**Core Innovation**",
    ),
    "</details>, then the separator": (
        card(SUMMARY, "", FIELDS, "</details>\n---\n"),
        card(SUMMARY, "", FIELDS, "</details>\n\n---\n"),
        "---",
    ),
}


@pytest.mark.parametrize(("glued", "spaced"), SAME.values(), ids=SAME.keys())
def test_glue_that_github_renders_the_same_is_not_flagged(glued: str, spaced: str) -> None:
    assert github_html(glued) == github_html(spaced)
    assert lint_files({"README.md": glued}, [RULE]) == []


@pytest.mark.parametrize(("glued", "spaced", "literal"), CHANGED.values(), ids=CHANGED.keys())
def test_glue_that_changes_what_github_shows_is_flagged_and_fixed(glued: str, spaced: str, literal: str) -> None:
    assert literal in github_html(glued) and literal not in github_html(spaced)
    assert [f.name for f in lint_files({"README.md": glued}, [RULE])] == [RULE.name]
    assert fix_files({"README.md": glued}, [RULE], unsafe=False) == {"README.md": spaced}


def test_no_fix_turns_the_rest_of_a_card_into_code() -> None:
    # The card is cut short at the heading (cards hold none), so the ``` line below
    # it is outside the card; in the HTML block it is raw text, but once a blank line
    # ends the block after `<summary>`, the fence opens and runs to the end.
    glued = card(SUMMARY, QUOTE, "## Usage\n```\npip install foo\n", CLOSE)
    spaced = card(SUMMARY, "", QUOTE, "## Usage\n```\npip install foo\n", CLOSE)
    assert shown_as_code(glued, "</details>") == 0
    assert shown_as_code(spaced, "</details>") == 1
    (finding,) = lint_files({"README.md": glued}, [RULE])
    assert finding.fix is None
    assert fix_files({"README.md": glued}, [RULE]) == {"README.md": glued}
