"""Which paper an entry names, and arXiv's answer for it (the answers are `analysis.arxiv_papers`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from listlint.analysis.arxiv import ArxivId, parse_id, parse_url
from listlint.analysis.arxiv_papers import Metadata, Paper, paper_key
from listlint.base.values import value
from listlint.rulekit.entries import all_links
from listlint.rulekit.identity import entry_id

if TYPE_CHECKING:
    from listlint.base.spans import Span
    from listlint.syntax.model import Entry

@value
class NamedPaper:
    """The arXiv ID an entry names, and where."""

    arxiv_id: ArxivId
    span: Span
    """The ID field's value, or the link that gives the ID."""

    @property
    def key(self) -> str:
        return paper_key(self.arxiv_id)


def named_paper(entry: Entry) -> NamedPaper | None:
    """The paper an entry is about: its arXiv ID field, else its first arXiv link
    (a card with no ID field, a heading entry whose link line is an `abs` URL)."""
    found = entry_id(entry)
    if found is not None:
        assert entry.arxiv_id is not None
        return NamedPaper(found, entry.arxiv_id.span)
    for link in all_links(entry):
        url = parse_url(link.url.value)
        if url is None:
            continue
        try:
            return NamedPaper(parse_id(url.arxiv_id), link.span)
        except ValueError:
            continue  # a link to an invalid ID is invalid-arxiv-id's
    return None


def answer(metadata: Metadata | None, entry: Entry) -> tuple[NamedPaper, Paper | None] | None:
    """The paper an entry names and arXiv's answer for it (None: no such paper), or
    None when there is nothing to compare: no ID, or no answer looked up."""
    if metadata is None:
        return None
    named = named_paper(entry)
    if named is None or named.key not in metadata:
        return None
    return named, metadata[named.key]


def papers_of(metadata: Metadata | None, entries: Iterable[Entry]) -> Iterator[tuple[Entry, NamedPaper, Paper]]:
    """Each entry that names a paper arXiv has, with the paper: what the rules comparing
    an entry with arXiv's record go through (an unknown ID is arxiv-id-not-found's)."""
    for entry in entries:
        found = answer(metadata, entry)
        if found is not None and found[1] is not None:
            yield entry, found[0], found[1]
