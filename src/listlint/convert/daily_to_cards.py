"""Turn paper-daily entries into canonical cards, saying what could not be carried over."""

from __future__ import annotations

from dataclasses import dataclass, field

from listlint.analysis.arxiv import id_year
from listlint.analysis.urls import host_of, truncated_url_reason
from listlint.analysis.venues import check_venue
from listlint.base.spans import Span
from listlint.canonical.card_text import CardValues, arxiv_links, render_card
from listlint.syntax.document import Document
from listlint.syntax.model import DailyEntry

ABSTRACT_TARGETS = ("abstract", "one-liner")
_SECTION_NAMES = {"method": "方法", "experiments": "实验", "plain_language": "通俗易懂"}


@dataclass
class Note:
    """Something of the source that the cards do not carry."""

    span: Span
    """Where it is in the source document."""
    message: str


@dataclass
class Conversion:
    text: str
    """The cards (with `## ` topic headings), ready to paste into a card list."""
    cards: int = 0
    notes: list[Note] = field(default_factory=list)


def truncated(url: str) -> bool:
    """Whether `url` is no absolute URL with a dotted host, or truncated-url would flag it."""
    host = host_of(url)
    return not host or "." not in host or truncated_url_reason(url) is not None


def _links(entry: DailyEntry, notes: list[Note]) -> list[tuple[str, str]]:
    links = arxiv_links(entry.arxiv_id.value) if entry.arxiv_id else []
    for link in entry.links:
        url = link.url.value
        if entry.arxiv_id and link.url.span.contains(entry.arxiv_id.span):
            continue
        if truncated(url):
            notes.append(Note(link.span, f"link `{url}` looks truncated; not carried over"))
            continue
        label = "Code" if link.label.value == "Code" else link.label.value
        links.append((label if label != "arXiv" else "Paper", url))
    return links


def convert_entry(entry: DailyEntry, language: str, abstract_to: str) -> tuple[str, list[Note]]:
    """The canonical card of one entry and the notes on what it leaves out."""
    notes: list[Note] = []
    title = entry.title.value if entry.title else ""
    if not title:
        notes.append(Note(entry.heading, "entry has no title; the card's title is empty"))
    values = CardValues(title)
    values.fields["authors"] = ""
    notes.append(Note(entry.heading, "the digest names no authors; `Authors` is left empty"))
    if entry.affiliations:
        values.fields["affiliations"] = entry.affiliations.value
    values.fields["arxiv_id"] = entry.arxiv_id.value if entry.arxiv_id else ""
    if entry.arxiv_id is None:
        notes.append(Note(entry.heading, "no arXiv link; `arXiv ID` is left empty"))
    if entry.venue:
        arxiv_year = id_year(entry.arxiv_id.value) if entry.arxiv_id else None
        problem = check_venue(entry.venue.value, arxiv_year)
        canonical = problem.canonical if problem else None
        values.fields["published_in"] = canonical or entry.venue.value
    elif entry.date:
        # The canonical venue form is `VENUE YEAR` (venue-format); the day stays in the digest.
        values.fields["published_in"] = f"arXiv {entry.date.value[:4]}"
    if entry.rating:
        notes.append(Note(entry.rating.span, f"rating `{entry.rating.value}` has no card field; not carried over"))
    values.links = _links(entry, notes)
    overview = entry.abstract
    if overview is not None and overview.body_text:
        if abstract_to == "one-liner":
            values.fields["one_liner"] = overview.body_text
        else:
            values.abstract = overview.body_text
        if overview.images:
            count = len(overview.images)
            notes.append(Note(overview.name.span, f"{count} image{'s' if count != 1 else ''} of `{overview.name.value}` not carried over"))
    elif overview is None:
        notes.append(Note(entry.heading, "no overview section; the card has no abstract"))
    for section in entry.sections:
        if section is overview:
            continue
        notes.append(Note(section.name.span, f"section `{section.name.value}` has no card field; not carried over"))
    for span in entry.unknown:
        notes.append(Note(span, "line not understood; not carried over"))
    return render_card(values, language), notes


def convert_document(doc: Document, language: str | None = None, abstract_to: str = "abstract") -> Conversion:
    """Cards for every daily entry of `doc`, grouped under `## ` topic headings."""
    language = language or doc.language
    result = Conversion("")
    pieces: list[str] = []
    topic: str | None = None
    for entry in doc.entries:
        if not isinstance(entry, DailyEntry):
            continue
        if entry.topic is not None and entry.topic.value != topic:
            topic = entry.topic.value
            pieces.append(f"## {topic}\n\n")
        card, notes = convert_entry(entry, language, abstract_to)
        pieces.append(card + "\n")
        result.cards += 1
        result.notes.extend(notes)
    result.text = "".join(pieces).rstrip("\n") + "\n" if pieces else ""
    return result
