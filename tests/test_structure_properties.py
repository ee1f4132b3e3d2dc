"""Property tests: on card-like text, fix_text never raises and a second fix changes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from listlint.api import fix_text, parse_text
from listlint.lint.fixer import fix_document
from listlint.rulekit.settings import Settings
from listlint.rules import RULES

STRUCTURE_RULES = [r for r in RULES if r.code.startswith("LL5")]

# Lines that cards are made of, in their usual shapes and the broken ones the
# structure rules know, plus a few that are none of those.
LINES = [
    "<details>",
    "<details><summary><b>Foo: On The Open Line</b></summary>",
    "<summary><b>Foo: A Title</b></summary>",
    "<summary><b> Foo: Spaced</b></summary>",
    "<summary><strong>Foo: Strong</strong></summary>",
    "<summary>Foo: Plain</summary>",
    "<summary><b>Foo: Unclosed</b>",
    "<summary><b>Foo</b>: Partly</summary>",
    "<summary><b></b></summary>",
    "* **Authors:** Ada Lovelace  ",
    "* **arXiv ID:** 2101.00001",
    "- **Links:** [[Paper]](https://arxiv.org/abs/2101.00001)|[[Code]](https://x.org)",
    "* **One-liner:** A **bold** claim",
    "> **Core Innovation**  ",
    "> Shows a card.",
    "> **核心创新**",
    "    <summary>Abstract</summary>",
    "    <summary>Key points</summary>",
    "    We show a **card** and [a link](https://x.org).",
    "    * A point.  ",
    "    - Another point with a*b.",
    "* A point at the margin.",
    "中文的要点。",
    "</details>",
    "---",
    "## A heading",
    "```",
    "<!--",
    "-->",
    "",
    "",
]

CARD = [
    "<details>",
    "<summary><b>Foo: A Title</b></summary>",
    "",
    "* **Authors:** Ada Lovelace",
    "* **arXiv ID:** 2101.00001",
    "",
    "> **Core Innovation**  ",
    "> Shows a card.",
    "<details>",
    "    <summary>Key points</summary>",
    "    * A point.",
    "</details>",
    "</details>",
    "",
    "---",
]


@st.composite
def card_like(draw: st.DrawFn) -> str:
    """A list of lines: cards with lines dropped, swapped in or added, joined by \\n or \\r\\n."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        card = list(CARD)
        for _ in range(draw(st.integers(0, 4))):
            action = draw(st.sampled_from(["drop", "replace", "insert"]))
            index = draw(st.integers(0, len(card) - 1))
            if action == "drop" and len(card) > 1:
                del card[index]
            elif action == "replace":
                card[index] = draw(st.sampled_from(LINES))
            else:
                card.insert(index, draw(st.sampled_from(LINES)))
        lines.extend(card)
        lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines) + draw(st.sampled_from(["", newline]))


# The defects the structure rules mend, each a variation of a well-formed card.
VARIANTS = {
    1: ["<summary><b> Foo: Spaced</b></summary>", "<summary><strong>Foo: Strong</strong></summary>",
        "<summary>Foo: Plain</summary>", "<summary><b>Foo: Unclosed</b>"],
    2: [None],  # the blank line after the summary dropped
    5: [None],  # the quote glued to the fields (renders the same)
    8: ["<details><summary>Abstract</summary>"],
    7: ["> Shows a card with **bold**.", "> 中文的创新。"],
    10: ["    * A point.  ", "    - A point with a*b and <5 ms & more.", "* A point at the margin."],
    12: [None],  # the card left open
    13: [None],  # the separator glued to `</details>`
    14: [None],  # the separator dropped
}


@st.composite
def defective_cards(draw: st.DrawFn) -> str:
    """Well-formed cards with some of the defects the structure rules fix."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        card: list[str | None] = list(CARD)
        for index in draw(st.sets(st.sampled_from(sorted(VARIANTS)))):
            card[index] = draw(st.sampled_from(VARIANTS[index]))
        lines.extend(line for line in card if line is not None)
        lines.append("")
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines)


def _fix_structure(text: str, path: str) -> str:
    doc = parse_text(text, path)
    return fix_document(doc, Settings(), rules=STRUCTURE_RULES, unsafe=True).text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(card_like(), st.sampled_from(["README.md", "README_zh.md"]))
def test_structure_fixes_never_raise_and_are_idempotent(text: str, path: str) -> None:
    """On arbitrary card-like text, the structure rules' fixes (unsafe ones too) never raise."""
    once = _fix_structure(text, path)
    assert _fix_structure(once, path) == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(defective_cards(), st.sampled_from(["README.md", "README_zh.md"]))
def test_fix_text_never_raises_and_is_idempotent(text: str, path: str) -> None:
    """fix_text with every rule (the formatter included) mends these cards and is stable."""
    once = fix_text(text, path)
    assert fix_text(once.text, path).text == once.text
    assert len(parse_text(once.text, path).cards) == len(parse_text(text, path).cards)
