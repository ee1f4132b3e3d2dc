"""arXiv's metadata of a paper as `verify` reads it, and which paper an entry names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from listlint.arxiv import ArxivId, parse_id, parse_url
from listlint.entries import all_links
from listlint.identity import entry_id
from listlint.values import value

if TYPE_CHECKING:
    from listlint.model import Entry
    from listlint.text import Span

# `math.GT/0309136` is `math/0309136` to arXiv: an old-style ID's subject class is
# no part of it, and the API answers with the archive alone.
_SUBJECT_CLASS = re.compile(r"^([a-z-]+)\.[a-z-]+/")


@value
class Paper:
    """What arXiv says of one paper (its latest version)."""

    arxiv_id: str
    """The versionless ID, as `paper_key` writes it."""
    title: str
    """As arXiv gives it, white space squeezed (it may hold LaTeX: `$\\alpha$`)."""
    authors: tuple[str, ...]
    """One name a person, in arXiv's order, as arXiv writes them (`Ada Lovelace`)."""
    abstract: str = ""
    published: str = ""
    """When version 1 appeared, ISO 8601 as arXiv gives it (`2021-01-01T00:00:01Z`)."""
    updated: str = ""
    """When the latest version appeared, in the same form."""
    primary_category: str = ""
    """`cs.CV`."""


Metadata = Mapping[str, "Paper | None"]
"""arXiv's answers by `paper_key`: a Paper, or None when arXiv has no such paper.
An ID that is not a key was not looked up (an offline run without it in the cache)."""


def paper_key(arxiv_id: ArxivId | str) -> str:
    """The ID arXiv's answers and the cache are keyed by: versionless, lower-case,
    without an old-style subject class (`math.GT/0309136v2` -> `math/0309136`)."""
    base = arxiv_id.base if isinstance(arxiv_id, ArxivId) else arxiv_id
    return _SUBJECT_CLASS.sub(r"\1/", base.lower())


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
