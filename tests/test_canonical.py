"""The canonical formatter: messy cards format to cards with the same values and HTML."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.analysis.render import same_rendering
from listlint.api import fix_text, format_text, parse_text
from listlint.canonical.card_format import format_card
from listlint.canonical.card_text import CardValues, arxiv_links, render_card
from listlint.syntax.document import Document
from strategies import GeneratedCard, messy_cards

CANONICAL = """<details>
<summary><b>Foo: A foo model</b></summary>

* **Authors:** Ann Lee, Bo Chen
* **arXiv ID:** 2401.00001
* **Links:** [[Paper]](https://arxiv.org/abs/2401.00001) | [[Code]](https://example.org/foo)

> **Core Innovation**
> Foo does bar.

<details>
    <summary>Abstract</summary>
    We foo.
</details>
</details>

---
"""


def _values(text: str) -> tuple[object, ...]:
    (card,) = parse_text(text).cards
    return (
        card.title.value if card.title else None,
        # Link separators are layout: compared without the spaces around them.
        tuple((f.label.value, re.sub(r"\s*\|\s*", "|", " ".join(f.value.value.split()))) for f in card.fields),
        tuple((link.label.value, link.url.value) for link in card.links),
        card.quote.body_text if card.quote else None,
        tuple((s.key, " ".join(s.body_text.split())) for s in card.sections),
    )


@settings(max_examples=120, deadline=None)
@given(messy_cards())
def test_messy_card_formats_to_same_values_and_html(generated: GeneratedCard) -> None:
    formatted = format_text(generated.text)
    (card,) = parse_text(formatted).cards
    assert card.title is not None and card.title.value == generated.title
    fields = tuple((f.label.value, f.value.value) for f in card.fields)
    assert [label for label, _ in fields] == [label for label, _ in generated.fields]
    for (label, value), (_, expected) in zip(fields, generated.fields):
        if label == "Links":
            assert value == " | ".join(expected.replace(" ", "").split("|"))
        else:
            assert value == expected
    assert card.quote is not None and card.quote.body_text == generated.quote
    assert card.abstract is not None and card.abstract.body_text == generated.abstract
    assert card.key_points is not None
    assert _values(formatted) == _values(generated.text)
    assert same_rendering(generated.text, formatted)
    assert ("\r\n" in formatted) == ("\r\n" in generated.text)
    assert format_text(formatted) == formatted


def test_canonical_card_is_unchanged() -> None:
    assert format_text(CANONICAL) == CANONICAL
    assert format_text(CANONICAL.replace("\n", "\r\n")) == CANONICAL.replace("\n", "\r\n")


def test_messy_card_example() -> None:
    messy = CANONICAL.replace("* **Authors:**", "*   **Authors:**  ").replace(
        ") | [", ")|[").replace("> Foo does bar.", ">   Foo does bar.   ")
    assert format_text(messy) == CANONICAL


def test_card_in_capitals_is_formatted_in_lower_case() -> None:
    # HTML reads tag names in any ASCII case, so the rendering is the same.
    shouting = re.sub(r"(</?)(details|summary)>", lambda m: m[1] + m[2].upper() + ">", CANONICAL)
    assert shouting.count("DETAILS>") == 4
    assert same_rendering(shouting, CANONICAL)
    # The summary line is malformed-summary's (one defect, one finding).
    summary = "<summary><b>Foo: A foo model</b></summary>"
    assert format_text(shouting) == CANONICAL.replace(summary, summary.replace("summary", "SUMMARY"))
    assert fix_text(shouting).text == CANONICAL


def test_rendering_differs_in_a_tag_name_other_than_by_case() -> None:
    assert not same_rendering(CANONICAL, CANONICAL.replace("<b>Foo", "<i>Foo").replace("</b>", "</i>"))
    assert not same_rendering("<details>\n<summary>A</summary>\n</details>\n", "<details>\n<summary>a</summary>\n</details>\n")


def test_formatting_is_judged_as_github_renders() -> None:
    # mistune read a bare `<details>` glued below a list into its last item, but
    # not `<details >`, so it refused this formatting; on GitHub both end the list.
    glued = CANONICAL.replace(
        "(https://example.org/foo)\n\n> **Core Innovation**\n> Foo does bar.\n\n<details>",
        "(https://example.org/foo)\n<details >",
    )
    assert "Links:** [[Paper]]" in glued and "\n<details >\n" in glued
    assert format_text(glued) == glued.replace("<details >", "<details>")


# Where a character GitHub shows can sit in a card: (what to find, what to put instead).
_SHOWN_PLACES = {
    "a line between fields": ("* **arXiv ID:**", "{c}\n* **arXiv ID:**"),
    "a line after the fields": ("foo)\n\n> **Core", "foo)\n{c}\n\n> **Core"),
    "a line between blocks": ("foo)\n\n> **Core", "foo)\n\n{c}\n\n> **Core"),
    "the end of a field": ("Bo Chen\n", "Bo Chen{c}\n"),
    "the start of a field value": ("** Ann Lee", "** {c}Ann Lee"),
    "the end of the quote": ("> Foo does bar.\n", "> Foo does bar.{c}\n"),
    "a quote line": ("> Foo does bar.\n", "> Foo does bar.\n> {c}\n"),
    "the end of the summary line": ("</summary>\n\n*", "</summary>{c}\n\n*"),
    "a section line": ("    We foo.\n", "    We foo.{c}\n"),
    "a section's name": ("<summary>Abstract</summary>", "<summary>Abstract{c}</summary>"),
    "a line before the separator": ("</details>\n\n---", "</details>\n{c}\n---"),
}


@pytest.mark.parametrize("place", sorted(_SHOWN_PLACES))
@pytest.mark.parametrize("shown", ["\u3000", "\u00a0", "\x0c", "\u2028"], ids=["U+3000", "U+00A0", "U+000C", "U+2028"])
def test_formatting_keeps_the_white_space_github_shows(shown: str, place: str) -> None:
    # Only ASCII spaces and tabs are layout; str.strip() took these too.
    find, put = _SHOWN_PLACES[place]
    assert CANONICAL.count(find) == 1
    expected = CANONICAL.replace(find, put.format(c=shown))
    messy = expected.replace("* **Authors:**", "*   **Authors:**  ")  # so that the card is formatted
    assert format_text(messy) == expected
    assert format_text(expected) == expected


def test_a_hard_break_above_a_line_github_does_not_read_as_blank_is_kept() -> None:
    # The line of U+3000 continues the value's paragraph on GitHub, so the two spaces break it.
    text = CANONICAL.replace("Bo Chen\n", "Bo Chen  \n\u3000\n")
    assert format_text(text.replace("* **Authors:**", "*  **Authors:**")) == text


@pytest.mark.parametrize(
    "find, put",
    [
        ("</details>\n</details>", "</details>\n></details>"),  # text before the tag
        ("</details>\n</details>", "</details>\n\n    </details>"),  # code after a blank line
        ("<details>\n    <summary>Abstract", "<details open>\n    <summary>Abstract"),
    ],
    ids=["quote marker", "indented", "open section"],
)
def test_formatting_keeps_tag_lines_it_cannot_write_canonically(find: str, put: str) -> None:
    expected = CANONICAL.replace(find, put)
    assert format_text(expected.replace("* **Authors:**", "*  **Authors:**")) == expected


def test_a_lone_carriage_return_is_a_line_end_and_is_kept() -> None:
    # GitHub ends a line at a lone `\r` as at `\n`: `\r\r\n` holds a blank line.
    expected = CANONICAL.replace("\n", "\r\r\n")
    assert format_text(expected.replace("* **Authors:**", "*  **Authors:**")) == expected


def test_unclosed_card_is_not_formatted() -> None:
    doc = Document(CANONICAL.replace("</details>\n</details>", "</details>"))
    (card,) = doc.cards
    assert card.close is None
    assert format_card(doc.text, card) is None
    assert format_text(doc.text) == doc.text


def test_summary_on_open_line_is_left_alone() -> None:
    text = CANONICAL.replace("<details>\n<summary><b>Foo", "<details><summary><b>Foo", 1)
    (card,) = Document(text).cards
    assert format_card(text, card) is None


def test_mixed_bullets_are_kept() -> None:
    text = CANONICAL.replace("* **arXiv ID:**", "- **arXiv ID:**")
    assert format_text(text) == text


def test_hard_break_in_quote_is_kept_as_two_spaces() -> None:
    text = CANONICAL.replace("> **Core Innovation**\n", "> **Core Innovation**     \n")
    assert format_text(text) == CANONICAL.replace("> **Core Innovation**\n", "> **Core Innovation**  \n")


_PERTURBATIONS = [" ", "  ", "\t", "\n", "\r", "|", " | ", "｜", " :", ":", ">", "> ", "* ", "**", "<", "<details>", "</details>", "etails", "ETAILS", "\u3000", "\u00a0", "\x0c", "\u2028", "x"]


def _block_by_block(monkeypatch: object, text: str) -> list[str | None]:
    import listlint.canonical.card_format as canonical

    doc = Document(text)
    fast = [format_card(doc.text, card, doc.newline) for card in doc.cards]
    monkeypatch.setattr(canonical, "_CANONICAL_BODY", re.compile(r"(?!)"))  # type: ignore[attr-defined]
    slow = [format_card(doc.text, card, doc.newline) for card in doc.cards]
    monkeypatch.undo()  # type: ignore[attr-defined]
    assert fast == slow
    return fast


@pytest.mark.parametrize("quote", [None, "", "Foo does bar."])
def test_a_card_written_from_values_is_what_formatting_writes(monkeypatch: pytest.MonkeyPatch, quote: str | None) -> None:
    # One layout for both writers: every part, empty ones too, on both paths of the formatter.
    values = CardValues(
        title="Foo: A foo model",
        fields={"authors": "Ann Lee", "arxiv_id": "2401.00001", "one_liner": ""},
        links=arxiv_links("2401.00001"),
        quote=quote,
        abstract="We foo.",
        key_points=("Foo.", "Bar."),
    )
    text = render_card(values)
    assert _block_by_block(monkeypatch, text) == [text]
    empty = CardValues(title="Foo", fields={"links": None}, quote="", abstract="", key_points=())
    assert _block_by_block(monkeypatch, render_card(empty, "zh")) == [render_card(empty, "zh")]


_FUZZED = CANONICAL.replace("Ann Lee", "Ann Lee | Bo | Cy").replace(
    "    We foo.", "    We foo.\n    And bar.\n    <b>x</b>"
)
# Most of what formatting changes is at the start or the end of a line.
_EDGES = sorted({0} | {m.start() for m in re.finditer("\n", _FUZZED)} | {m.end() for m in re.finditer("\n", _FUZZED)})


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.integers(0, len(_FUZZED)), st.sampled_from(_EDGES)), st.sampled_from(_PERTURBATIONS)
        ),
        max_size=3,
    )
)
def test_fast_path_agrees_with_block_by_block_formatting(edits: list[tuple[int, str]]) -> None:
    # A canonical card with a few characters put in: where the quick test of a
    # canonical body says yes, formatting block by block must give the card back.
    text = _FUZZED
    for position, piece in sorted(edits, reverse=True):
        text = text[:position] + piece + text[position:]
    with pytest.MonkeyPatch.context() as monkeypatch:
        _block_by_block(monkeypatch, text)


def test_fast_path_agrees_on_the_corpus() -> None:
    from conftest import shared_path

    with pytest.MonkeyPatch.context() as monkeypatch:
        for path in sorted(shared_path("corpus").rglob("*.md")):
            _block_by_block(monkeypatch, path.read_text(encoding="utf-8-sig"))


def test_rendering_folds_only_the_card_tags() -> None:
    # Raw HTML passes through the renderer as written: text in it is not a tag name.
    assert not same_rendering("<!-- <Foo> -->\n", "<!-- <foo> -->\n")
    assert not same_rendering('<img alt="<B>">\n', '<img alt="<b>">\n')
