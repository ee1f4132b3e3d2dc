"""Details cards of other lists: titles in links and wrappers, fields without bullets, other labels."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_checks import LAYOUTS, assert_spans_hold, at, layout_doc

from listlint.syntax.document import Document
from listlint.syntax.model import Card, Section


def _cards() -> tuple[Document, dict[str, Card]]:
    doc = layout_doc("details-cards.md")
    return doc, {card.title.value.split(":")[0]: card for card in doc.cards}


def test_every_summary_variant_gives_its_title() -> None:
    doc, cards = _cards()
    assert_spans_hold(doc)
    assert [card.title.value for card in doc.cards] == [
        "Foo: Linked and Numbered",
        "Bar: Underlined Title",
        "Baz: A Year Before the Title",
        "QuxNet",
        "Quux: A Linked Summary",
        "Quuz: A Long Title That Wraps\nOnto a Second Line",
    ]
    for card in doc.cards:
        assert at(doc, card.title) == card.title.value
    # A fold of a topic's list is no card; its bullet is an entry of its own.
    assert [entry.layout for entry in doc.entries].count("bullet") == 1


def test_a_linked_numbered_title_gives_the_id_and_a_field_the_abstract() -> None:
    _, cards = _cards()
    foo = cards["Foo"]
    assert foo.summary.link.url.value == "https://arxiv.org/abs/2105.00001"
    assert foo.arxiv_id.value == "2105.00001"
    assert foo.one_liner.value == "Foo is linked, numbered and bold."
    assert foo.abstract.body_text == "We present Foo, whose card writes its abstract as a field."
    assert [item.name for item in foo.fields] == ["tldr", "abstract", "comments"]


def test_colon_outside_the_bold_bare_labels_and_chinese_labels() -> None:
    _, cards = _cards()
    bar = cards["Bar"]
    assert bar.authors.value == "Ada Lovelace, Alan Turing"
    # Labels the home list does not know are kept, under their own names.
    assert bar.field("links").label.value == "Link"
    assert [(item.label.value, item.key) for item in bar.fields if item.key is None] == [
        ("Venue & Year", None),
        ("Key Contribution", None),
        ("Abstract", None),
    ]
    assert bar.arxiv_id.value == "2105.00002"
    baz = cards["Baz"]
    assert baz.authors.value == "Grace Hopper, Edsger Dijkstra"
    assert baz.arxiv_id.value == "2105.00003"
    assert cards["QuxNet"].authors.value == "张三, 李四"
    assert cards["QuxNet"].arxiv_id.value == "2105.00004"


def test_a_description_after_the_title_and_a_quote_for_a_body() -> None:
    _, cards = _cards()
    assert cards["QuxNet"].summary.description.value == "a bold name and what it does"
    quux = cards["Quux"]
    assert quux.one_liner.value == "a one-line description <code>NLP</code>"
    assert quux.arxiv_id.value == "2105.00005"
    assert cards["Quuz"].arxiv_id is None and cards["Quuz"].links[0].url.value == "https://quuz.example.org/"


def test_the_id_field_wins_and_a_card_without_one_takes_its_paper_links() -> None:
    card = "<details>\n<summary><b>Foo: A Title</b></summary>\n\n* **Authors:** Ada Lovelace\n{id}* **Links:** [[Paper]](https://arxiv.org/abs/2101.00001v2)\n</details>\n"
    with_field = Document(card.format(id="* **arXiv ID:** 2101.00009\n")).cards[0]
    assert with_field.arxiv_id.value == "2101.00009"
    assert with_field.summary.link is None and with_field.summary.description is None
    doc = Document(card.format(id=""))
    linked = doc.cards[0].arxiv_id
    assert linked.value == "2101.00001" and at(doc, linked) == "2101.00001"
    empty = Document(card.format(id="* **arXiv ID:**\n")).cards[0]
    assert empty.arxiv_id is None  # an empty field is empty-field's, not a link's to fill


def test_cards_of_other_lists_are_not_formatted_to_the_home_form() -> None:
    from listlint.api import check_text, format_text

    text = (LAYOUTS / "details-cards.md").read_text(encoding="utf-8")
    assert format_text(text, "README.md") == text
    assert not [f for f in check_text(text, "README.md") if f.name == "non-canonical-card"]
    home = "<details>\n<summary><b>Foo: A Title</b></summary>\n\n-   **Authors:** Ada Lovelace\n</details>\n"
    assert format_text(home, "README.md") != home


def _section(body: str, newline: str = "\n") -> Section:
    text = (
        "<details>\n<summary><b>Foo: An Invented Card</b></summary>\n\n* **Authors:** Ada Lovelace\n\n"
        f"<details>\n<summary>Key points</summary>\n{body}</details>\n</details>\n"
    ).replace("\n", newline)
    doc = Document(text)
    (card,) = doc.cards
    (section,) = card.sections
    for item in section.items:
        assert text[item.span.start : item.span.end] == item.value
    return section


def test_numbered_and_continued_items_are_read_with_their_spans() -> None:
    body = "\n1. First point\n   goes on\n2) Second\nlazy line\n- Third\n\n  second paragraph\n\n"
    for newline in ("\n", "\r\n"):
        section = _section(body, newline)
        assert [item.value.replace("\r\n", "\n") for item in section.items] == [
            "First point\n   goes on",
            "Second\nlazy line",
            "Third\n\n  second paragraph",
        ]
        # One line an item, whatever the marker: a numbered copy of a bulleted list reads the same.
        assert section.body_text == "First point goes on\nSecond lazy line\nThird second paragraph"
    bulleted = _section("    * First point goes on\n    * Second lazy line\n")
    numbered = _section("    1. First point\n       goes on\n    2. Second\n    lazy line\n")
    assert numbered.body_text == bulleted.body_text == "First point goes on\nSecond lazy line"

def test_a_body_that_is_not_one_list_has_no_items() -> None:
    # Prose before the first item, an unindented paragraph after a blank line.
    assert _section("    We show a card.\n    1. First point\n").items == ()
    assert _section("\n* First point\n\nA closing paragraph.\n\n").items == ()
    # A number without a space after it, or past nine digits, is no marker: prose.
    assert _section("    2023. was a year\n").items != ()
    assert _section("    2023.was a year\n").items == ()
    assert _section("    1234567890. Too long\n").items == ()
    # ...but the same lines under an item continue it.
    assert [item.value for item in _section("    * Point\n    2023.was a year\n").items] == [
        "Point\n    2023.was a year"
    ]


_BODY_LINE = st.tuples(
    st.sampled_from(["", " ", "    ", "\t"]),
    st.sampled_from(["", "* ", "- ", "+ ", "1. ", "2) ", "10. ", "*", "1.", "2023."]),
    st.sampled_from(["", "point", "goes on ", "要点", "**bold**", "x "]),
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BODY_LINE, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_items_of_any_body_are_its_text_in_order(lines: list[str], newline: str) -> None:
    # `_section` checks that each item is its span's text, as written.
    section = _section("".join(line + "\n" for line in lines), newline)
    body = section.body.span
    ends = [body.start] + [end for item in section.items for end in (item.span.start, item.span.end)] + [body.end]
    assert ends == sorted(ends)
    assert all(item.value == item.value.strip() for item in section.items)
