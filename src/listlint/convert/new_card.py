"""`listlint new`: the canonical empty card of an arXiv paper, ready to complete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from listlint.analysis.arxiv import id_from_url, parse_id
from listlint.base.errors import ListlintError
from listlint.canonical.card_text import CardValues, arxiv_links, render_card

if TYPE_CHECKING:
    from listlint.analysis.arxiv_papers import Paper


def parse_arxiv_id(value: str) -> str:
    """The bare ID of `2101.00001`, `2101.00001v2` or an arXiv URL holding one.

    The version is dropped: a card cites the paper, not a revision.
    """
    found = id_from_url(value)
    if found is None:
        try:
            found = parse_id(value.strip().rstrip("/"))
        except ValueError:
            raise ListlintError(f"`{value}` is not an arXiv ID (expected e.g. `2101.00001`)") from None
    return found.base


def new_card(arxiv_id: str, language: str = "en", paper: Paper | None = None) -> str:
    """A canonical card for `arxiv_id`: links filled in, and with arXiv's metadata
    (`paper`) its title, authors and abstract; every other field to complete."""
    from listlint.rulekit.arxiv_match import plain_title

    bare = parse_arxiv_id(arxiv_id)
    title = plain_title(paper.title) if paper else ""
    authors = ", ".join(paper.authors) if paper else ""
    values = CardValues(
        title=title,
        fields={"authors": authors, "arxiv_id": bare, "one_liner": "", "published_in": ""},
        links=arxiv_links(bare),
        quote="",
        abstract=paper.abstract if paper else "",
        key_points=(),
    )
    return render_card(values, language)
