"""What every reader's entries must hold: each part's span slices out its own value."""

from __future__ import annotations

from conftest import FIXTURES
from listlint.syntax.document import Document
from listlint.syntax.model import PaperEntry, Text

LAYOUTS = FIXTURES / "layouts"


def layout_doc(name: str) -> Document:
    """A fixture of tests/fixtures/layouts, parsed."""
    return Document((LAYOUTS / name).read_text(encoding="utf-8"), name)


def at(doc: Document, part: Text) -> str:
    return doc.text[part.span.start : part.span.end]


def assert_spans_hold(doc: Document) -> None:
    """The segments tile the text, and every part of every entry stands where it says."""
    assert "".join(doc.segment_texts()) == doc.text
    for entry in doc.entries:
        assert entry.doc is doc
        for part in (entry.title, entry.short_name, entry.arxiv_id, entry.authors, entry.one_liner):
            if part is not None:
                assert at(doc, part) == part.value, part
                assert entry.span.contains(part.span)
        for link in entry.links:
            assert at(doc, link.url) == link.url.value
            assert entry.span.contains(link.span)
        if isinstance(entry, PaperEntry):
            for item in entry.fields:
                assert at(doc, item.value) == item.value.value
                # A label told by place has an empty span; a written one is as written.
                assert len(item.label.span) == 0 or at(doc, item.label) == item.label.value
            for section in entry.sections:
                # A section's lines are joined by "\n", as a card's are (CRLF files too).
                assert at(doc, section.body).replace("\r\n", "\n") == section.body.value
