"""The scanner tiles any text exactly and finds the cards a reader would see."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.syntax.document import Document
from listlint.syntax.scanner import scan
from strategies import any_text, card_like_text, messy_cards

CARD = """<details>
<summary><b>Foo: A foo model</b></summary>

* **Authors:** Ann Lee
* **arXiv ID:** 2401.00001

> **Core Innovation**
> Foo.
</details>

---
"""


def _tiles(text: str) -> None:
    segments, cards = scan(text)
    assert "".join(text[s.span.start : s.span.end] for s in segments) == text
    for before, after in zip(segments, segments[1:]):
        assert before.span.end == after.span.start
        assert before.kind != "verbatim" or after.kind != "verbatim"
    assert all(len(s.span) > 0 for s in segments)
    assert [s.span for s in segments if s.kind == "card"] == [c.span for c in cards]


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_segments_tile_any_text(text: str) -> None:
    _tiles(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(card_like_text, messy_cards().map(lambda c: c.text)), max_size=5))
def test_segments_tile_cards_mixed_with_noise(parts: list[str]) -> None:
    _tiles("".join(parts))


def test_card_spans_include_separator_and_line_ending() -> None:
    text = "intro\n\n" + CARD + "tail\n"
    segments, cards = scan(text)
    assert [s.kind for s in segments] == ["verbatim", "card", "verbatim"]
    assert text[cards[0].span.start : cards[0].span.end] == CARD
    assert cards[0].separator is not None


def test_crlf_and_lone_cr_tile() -> None:
    for text in (CARD.replace("\n", "\r\n"), CARD.replace("\n", "\r"), "a\r\rb\r\n\r"):
        _tiles(text)
    assert len(scan(CARD.replace("\n", "\r\n"))[1]) == 1


def test_card_inside_fence_or_comment_is_not_a_card() -> None:
    assert scan("```\n" + CARD + "```\n")[1] == []
    assert scan("~~~~\n" + CARD + "~~~~\n")[1] == []
    assert scan("<!--\n" + CARD + "-->\n")[1] == []


def test_unclosed_card_stops_at_next_card() -> None:
    broken = CARD.replace("</details>\n", "", 1)
    text = broken + CARD
    segments, cards = scan(text)
    assert len(cards) == 2
    assert cards[0].close is None
    assert text[cards[1].span.start :] == CARD


def test_unclosed_card_at_end_of_file() -> None:
    text = "<details>\n<summary><b>X: Y</b></summary>\n\n* **Authors:** A\n\n\n"
    segments, cards = scan(text)
    assert len(cards) == 1 and cards[0].close is None
    _tiles(text)


def test_details_without_fields_is_verbatim() -> None:
    text = "<details>\n<summary>Click</summary>\nhello\n</details>\n"
    segments, cards = scan(text)
    assert cards == [] and [s.kind for s in segments] == ["verbatim"]


def test_document_entries_point_back() -> None:
    doc = Document(CARD * 3, "README.md")
    assert len(doc.entries) == 3
    assert all(entry.doc is doc for entry in doc.entries)


NESTED = """<details>
<summary><b>Foo: A foo model</b></summary>

* **Authors:** Ann Lee

<details>
    <summary>Abstract</summary>
    Foo folds.
</details>
</details>

---
"""


@settings(max_examples=60, deadline=None)
@given(st.lists(st.booleans(), min_size=7, max_size=7))
def test_details_tags_count_in_any_case(upper: list[bool]) -> None:
    """`<dEtails>` opens a section as `<details>` does (HTML tag names ignore case):
    the card and its Abstract end where they do in lower case."""
    cased = "".join(ch.upper() if up else ch for ch, up in zip("details", upper))
    text = NESTED.replace("details>", f"{cased}>")
    segments, cards = scan(NESTED + NESTED)
    cased_segments, cased_cards = scan(text + text)
    assert [s.span for s in cased_segments] == [s.span for s in segments]
    assert [(c.span, c.close is None, c.abstract is not None) for c in cased_cards] == [
        (c.span, c.close is None, c.abstract is not None) for c in cards
    ]
    assert all(c.abstract is not None and c.abstract.body_text.strip() == "Foo folds." for c in cased_cards)


class _Unknown:
    """`scanner._Folds` knowing no fold: every `<details>` line is walked and parsed as before."""

    def __init__(self, *args: object) -> None:
        self.end = -1
        self.ends: dict[int, tuple[int, bool]] = {}


# Folds nested in one another, cards among them, and what cuts or hides a block.
_FOLD_LINES = (
    "<details>", "<details open>", "</details>", "<details><summary>Fold</summary>", "<summary>Fold</summary>",
    "<summary><b>Foo: Bar</b></summary>", "* **Authors:** A, B", "> **Core Innovation**", "> text",
    "</details></details>", "<details></details>", "text <details>", "", "```", "~~~", "<!--", "-->", "## Heading",
    "---", "plain text", '<summary><a href="https://x.org/a">Linked</a></summary>',
    '<details><summary><a href="https://x.org">T</a>', "- **arXiv ID:** 2401.00001", "  continued text",
    "> **Core Innovation** Foo.", "<details><summary>Abstract</summary>", "<detailsx>", "  <details>",
    "<summary><b>Foo</b>", "</summary>", "<details><summary><b>Foo: Bar</b></summary>",
)
_fold_lines = st.lists(st.sampled_from(_FOLD_LINES), max_size=4).map(lambda lines: "".join(f"{line}\n" for line in lines))
# Folds nested as written: an opening line, what the fold holds, its closing line (or none).
_folds = st.recursive(
    _fold_lines,
    lambda inner: st.tuples(
        st.sampled_from(
            ["<details>\n", "<details>\n<summary>Fold</summary>\n\n", "<details open>\n", "<details>\n<summary><b>Foo: Bar</b></summary>\n"]
        ),
        st.lists(inner, max_size=3).map("".join),
        st.sampled_from(["</details>\n", "</details>\n", ""]),
    ).map("".join),
    max_leaves=12,
)
folded_text = st.lists(_folds, max_size=4).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(folded_text, card_like_text))
def test_folds_inside_a_block_end_and_parse_as_walked_one_by_one(text: str) -> None:
    from unittest import mock

    from listlint.syntax import scanner

    with mock.patch.object(scanner, "_Folds", _Unknown):
        walked = scan(text)
    assert scan(text) == walked


def test_a_field_inside_nested_folds_makes_a_card_of_the_innermost_only() -> None:
    # Each fold holds the field line, but reads it in a section: only the innermost one is a card.
    count = 50
    text = "<details>\n<summary>Fold</summary>\n\n" * count + "* **Authors:** Ann Lee\n\n" + "</details>\n" * count
    segments, cards = scan(text)
    assert len(cards) == 1
    assert cards[0].span.start == text.rindex("<details>")
    assert [field.key for field in cards[0].fields] == ["authors"]


def test_a_card_inside_folds_is_found_and_folds_without_one_are_no_card() -> None:
    folds = "<details>\n<summary>Fold</summary>\n\n" * 3
    text = folds + CARD.replace("\n---\n", "") + "</details>\n" * 3 + folds + "Text.\n" + "</details>\n" * 3
    segments, cards = scan(text)
    assert [card.title.value for card in cards] == ["Foo: A foo model"]
    assert text[cards[0].span.start : cards[0].span.end] == CARD.replace("\n---\n", "")
