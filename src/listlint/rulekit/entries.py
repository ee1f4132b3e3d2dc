"""Small helpers rules share about entries: how to name one, where to point, whole lines."""

from __future__ import annotations

from bisect import bisect_right
from weakref import WeakKeyDictionary

from listlint.base.spans import Span
from listlint.syntax.document import Document
from listlint.syntax.fields import KNOWN_EXTRA_LABELS, normalise_label
from listlint.syntax.model import Card, Entry, Link, PaperEntry


def entry_name(
    entry: Entry, untitled: str = "untitled", *, short: bool = False, width: int | None = None, by_id: str | None = None
) -> str:
    """How a message names an entry: its title, else `untitled`; the one way to name one.

    What a message asks of the name varies, and only so:
    - `short`: the short name (`TriDet` of `TriDet: Temporal Action Detection`) before
      the title, where the entry is named among the others of its file;
    - `width`: a title longer than this many characters is cut there and ends in `…`;
    - `by_id`: an untitled entry with an arXiv ID is named by it, in this template
      (`arXiv {}`), before `untitled` is used.
    """
    if short and entry.short_name is not None:
        return entry.short_name.value
    title = entry.title
    if title is not None and title.value:
        if width is not None and len(title.value) > width:
            return title.value[:width] + "…"
        return title.value
    if by_id is not None and entry.arxiv_id is not None:
        return by_id.format(entry.arxiv_id.value)
    return untitled


def head_span(entry: Entry) -> Span:
    """Where to report something about a whole entry: its summary line, else its first line."""
    if isinstance(entry, Card):
        if entry.summary is not None:
            return entry.summary.span
        return entry.open
    if entry.title is not None:
        return entry.title.span
    return Span(entry.span.start, entry.span.start)


def is_model_card(card: Card) -> bool:
    """A card of a commercial model (`* **Model:** Sora (2024)`): no paper, no arXiv ID."""
    return any(
        item.key is None and normalise_label(item.label.value) in KNOWN_EXTRA_LABELS
        for item in card.fields
    )


def whole_lines(text: str, span: Span) -> Span:
    """The lines a span lies on, from the first line's start to the last line's end.

    The line ending is excluded (a CRLF's "\\r" too): for "a\\n* x  \\r\\nb" and the
    span of `* x`, the result covers `* x  `.
    """
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    if end == -1:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return Span(start, max(end, span.end))


def all_links(entry: Entry) -> tuple[Link, ...]:
    """Every link of an entry: for a card, those of all its fields, not only Links."""
    if isinstance(entry, Card):
        return tuple(link for item in entry.fields for link in item.links)
    return entry.links


def prose_spans(entry: Card | PaperEntry) -> list[Span]:
    """Where an entry holds free text: field values, a card's quote, section bodies."""
    spans = [item.value.span for item in entry.fields]
    if isinstance(entry, Card) and entry.quote is not None:
        spans.append(entry.quote.body.span)
    spans.extend(section.body.span for section in entry.sections if section.body.span not in spans)
    return spans


def written_entries(doc: Document) -> list[Card | PaperEntry]:
    """The entries whose parts are written by hand: cards and other lists' entries (a
    digest is generated, and has its own rules)."""
    return [entry for entry in doc.entries if isinstance(entry, (Card, PaperEntry))]


_SECTIONS: WeakKeyDictionary[Document, list[int]] = WeakKeyDictionary()


def section_start(doc: Document, entry: Entry) -> int:
    """Where the section holding an entry starts: the offset of the heading above it
    (one that is no entry's own), 0 above the first heading."""
    starts = _SECTIONS.get(doc)
    if starts is None:
        starts = _SECTIONS[doc] = [section.span.start for section in doc.layout_sections()]
    return starts[max(bisect_right(starts, entry.span.start) - 1, 0)] if starts else 0
