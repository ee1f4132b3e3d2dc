"""Paragraph entries: a bold title, an italic author line, a venue and links, a date."""

from __future__ import annotations

from layout_checks import assert_spans_hold, at, layout_doc

from listlint.syntax.document import Document


def test_every_break_style_is_read_and_bold_labels_are_not() -> None:
    doc = layout_doc("paragraphs.md")
    assert_spans_hold(doc)
    assert {entry.layout for entry in doc.entries} == {"paragraph"}
    assert [entry.title.value for entry in doc.entries] == [
        "Foo: A Model of Foo",
        "Bar: Breaks Written as Tags",
        "Baz: Breaks Written as Spaces",
        "Qux: A Blog Post Listed as the Papers Are",
        "Quux: A Linked Title",
    ]
    assert [s.kind for s in doc.segments].count("paragraph-entry") == 5


def test_authors_venue_links_and_date_with_their_spans() -> None:
    doc = layout_doc("paragraphs.md")
    foo, bar, baz, qux, quux = doc.entries
    assert foo.authors.value == "Ada Lovelace, Alan Turing"
    assert at(doc, foo.field("published_in").value) == "CVPR 2023"
    assert foo.field("date").value.value == "17 Apr 2023"
    assert [link.label.value for link in foo.links] == ["Paper", "Github"]
    assert foo.arxiv_id.value == "2103.00001"
    assert doc.text[foo.span.start : foo.span.end].endswith("17 Apr 2023\n")
    assert (bar.arxiv_id.value, bar.arxiv_version.value) == ("2103.00002", "v2")
    assert bar.field("published_in").value.value == "arXiv 2023"
    assert baz.authors.value == "Barbara Liskov" and baz.field("date").value.value == "Nov 28, 2022"
    # No paper link, no authors: an entry because the papers of its section are written so.
    assert qux.links[0].url.value == "https://blog.example.com/qux" and qux.authors is None
    assert quux.title_link.url.value == "https://arxiv.org/abs/2103.00005"
    assert quux.one_liner.value == "Quux describes itself on a line of its own."


def test_a_bold_heading_over_prose_is_no_entry() -> None:
    assert Document("**Why this list** \\\nBecause we like lists.\n").entries == ()
    assert Document("**Objective**: a bold label, then prose.\n**Scope**: all of it.\n").entries == ()
