"""Table rows: a paper per row of a table whose header names its columns."""

from __future__ import annotations

from layout_checks import assert_spans_hold, at, layout_doc

from listlint.syntax.document import Document
from listlint.syntax.tables import cells


def test_rows_of_paper_tables_are_entries_and_other_tables_are_not() -> None:
    doc = layout_doc("tables.md")
    assert_spans_hold(doc)
    assert {entry.layout for entry in doc.entries} == {"table-row"}
    assert [entry.title.value for entry in doc.entries] == [
        "Foo: A Model of Foo",
        "Bar: Coming Soon",
        "Baz: A Title Without a Link",
        "Qux: Quick Things",
        "Quux \\| With a Pipe",
    ]
    assert [s.kind for s in doc.segments].count("table-row") == 5


def test_a_title_cell_behind_a_badge_and_its_columns() -> None:
    doc = layout_doc("tables.md")
    foo, bar, baz, *_ = doc.entries
    assert foo.title_link.url.value == "https://arxiv.org/pdf/2104.00001.pdf"
    assert foo.arxiv_id.value == "2104.00001" and at(doc, foo.arxiv_id) == "2104.00001"
    assert foo.field("published_in").value.value == "CVPR"
    assert foo.field("date").value.value == "2023-06-01"
    assert [link.label.value for link in foo.field("code").links] == ["Github"]
    # `-` is an empty cell; an empty link stays a link, for empty-link to report.
    assert bar.field("demo") is None
    assert [link.url.value for link in bar.links] == ["https://arxiv.org/abs/2104.00002", ""]
    assert baz.title_link is None and baz.arxiv_id is None


def test_authors_and_an_abstract_folded_in_a_cell() -> None:
    doc = layout_doc("tables.md")
    qux, quux = doc.entries[3:]
    assert qux.authors.value == "Ken Thompson,Dennis Ritchie"
    assert qux.abstract.body.value == "Qux makes invented things quick, and measures how quick on three invented tasks."
    assert at(doc, qux.abstract.body) == qux.abstract.body.value
    assert quux.abstract.body_text == "Quux has a pipe in its title, which a table must escape to keep its columns apart."
    assert quux.arxiv_id.value == "2104.00005"


def test_cells_split_at_unescaped_pipes() -> None:
    line = "| a | b \\| c | `d | e` |"
    assert [line[s:e].strip() for s, e in cells(line)] == ["a", "b \\| c", "`d", "e`"]
    assert Document("| a | b |\n|---|---|\n| 1 | 2 |\n").entries == ()
