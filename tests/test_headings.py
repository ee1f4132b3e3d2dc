"""Heading cards: a paper under a heading of its own, read with a span on every part."""

from __future__ import annotations

from layout_checks import assert_spans_hold, at, layout_doc

from listlint.syntax.document import Document
from listlint.syntax.headings import heading_level
from listlint.syntax.model import PaperEntry


def _by_title(doc: Document) -> dict[str, PaperEntry]:
    return {entry.title.value: entry for entry in doc.entries if isinstance(entry, PaperEntry)}


def test_every_heading_card_variant_is_read() -> None:
    doc = layout_doc("heading-cards.md")
    assert_spans_hold(doc)
    assert {entry.layout for entry in doc.entries} == {"heading"}
    assert [entry.title.value for entry in doc.entries] == [
        "Foo: A Model of Foo",
        "Bar: Barely a Baseline",
        "Baz: Linked Titles for Everyone",
        "Corge: Another Linked Title",
        "Quux: A Paper Not on arXiv",
        "Qux Makes Things Quick",
        "Ordered: A Card in a List Item",
        "Celled: A Card in a Table Cell",
    ]
    assert [s.kind for s in doc.segments].count("heading-card") == 8


def test_a_numbered_card_with_venue_tag_authors_fold_and_link_line() -> None:
    doc = layout_doc("heading-cards.md")
    foo = _by_title(doc)["Foo: A Model of Foo"]
    assert foo.short_name.value == "Foo"
    assert at(doc, foo.field("published_in").value) == "CVPR'24"
    assert foo.authors.value == "Ada Lovelace, Alan Turing, Grace Hopper"
    assert foo.field("authors").label.value == "Authors"
    assert foo.abstract.body_text.startswith("We present Foo")
    assert [(link.label.value, link.url.value) for link in foo.links] == [
        ("📄 Paper", "https://arxiv.org/abs/2101.00001"),
        ("🌐 Project Page", "https://ada.github.io/foo/"),
        ("💻 Code", "https://github.com/ada/foo"),
    ]
    assert foo.arxiv_id.value == "2101.00001"
    # The entry runs from its heading to its figure, not into the next card or the fold's end.
    assert doc.text[foo.span.start : foo.span.end].startswith("### 1. [CVPR'24] Foo")
    assert doc.text[foo.span.start : foo.span.end].rstrip().endswith("![Foo](images/foo.jpg)")


def test_colon_outside_the_bold_an_affiliations_line_and_a_versioned_pdf_link() -> None:
    bar = _by_title(layout_doc("heading-cards.md"))["Bar: Barely a Baseline"]
    assert bar.authors.value == "Edsger Dijkstra, Barbara Liskov"
    assert bar.field("affiliations").value.value == "University of Nowhere, Invented Lab"
    assert (bar.arxiv_id.value, bar.arxiv_version.value) == ("2101.00002", "v3")
    # The section wrapper's `</details>` after the card is not the card's.
    doc = layout_doc("heading-cards.md")
    bar = _by_title(doc)["Bar: Barely a Baseline"]
    assert "</details>\n\n</details>" not in doc.text[bar.span.start : bar.span.end]


def test_linked_titles_and_labelled_bullets_keep_their_own_keys() -> None:
    cards = _by_title(layout_doc("heading-cards.md"))
    baz = cards["Baz: Linked Titles for Everyone"]
    assert baz.title_link.url.value == "https://arxiv.org/abs/2101.00003"
    assert baz.arxiv_id.value == "2101.00003"
    assert [(item.label.value, item.key) for item in baz.fields] == [
        ("Metrics", None),
        ("Datasets", None),
        ("Comments", None),
    ]
    assert baz.field("metrics").value.value == "Accuracy, F1"
    # No paper link of its own, but written as its siblings are: a paper still.
    assert cards["Quux: A Paper Not on arXiv"].arxiv_id is None


def test_plain_author_line_and_id_from_other_paper_pages() -> None:
    cards = _by_title(layout_doc("heading-cards.md"))
    qux = cards["Qux Makes Things Quick"]
    assert qux.authors.value == "Ken Thompson, Dennis Ritchie"
    assert qux.field("published_in").value.value == "NeurIPS'23"
    assert qux.arxiv_id.value == "2101.00004"
    assert cards["Ordered: A Card in a List Item"].arxiv_id.value == "2101.00005"
    assert cards["Ordered: A Card in a List Item"].authors.value == "Niklaus Wirth, Tony Hoare"
    assert cards["Celled: A Card in a Table Cell"].arxiv_id.value == "2101.00006"


def test_headings_of_a_readme_are_not_papers() -> None:
    doc = layout_doc("not-papers.md")
    assert doc.entries == ()
    assert [s.kind for s in doc.segments] == ["verbatim"]


def test_a_section_heading_over_a_list_of_papers_is_no_card() -> None:
    text = "### Quantization\n- [Foo: Tiny](https://arxiv.org/abs/2101.00001), CVPR 2023\n- [Bar: Small](https://arxiv.org/abs/2101.00002), ICCV 2023\n"
    doc = Document(text)
    assert [entry.layout for entry in doc.entries] == ["bullet", "bullet"]


def test_heading_level() -> None:
    assert [heading_level(t) for t in ("### x", "1. #### x", "#x", "text", "###### x", "- ## x")] == [3, 4, 0, 0, 6, 2]
