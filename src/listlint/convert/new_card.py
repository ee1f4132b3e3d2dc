"""`listlint new`: the canonical empty card of an arXiv paper, ready to complete."""

from __future__ import annotations

from listlint.analysis.arxiv import id_from_url, parse_id
from listlint.base.errors import ListlintError
from listlint.canonical.card_text import CardValues, arxiv_links, render_card


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


def new_card(arxiv_id: str, language: str = "en") -> str:
    """An empty canonical card for `arxiv_id`: links filled in, every other field to complete."""
    bare = parse_arxiv_id(arxiv_id)
    values = CardValues(
        title="",
        fields={"authors": "", "arxiv_id": bare, "one_liner": "", "published_in": ""},
        links=arxiv_links(bare),
        quote="",
        abstract="",
        key_points=(),
    )
    return render_card(values, language)
