"""`listlint new`: the canonical empty card of an arXiv paper, ready to complete."""

from __future__ import annotations

import re

from listlint.card_text import CardValues, arxiv_links, render_card
from listlint.errors import ListlintError

# `2101.00001`, `2101.00001v2`, `hep-th/9901001`, or an arXiv URL holding one.
ARXIV_ID = re.compile(
    r"^(?:(?:https?://)?(?:www\.)?arxiv\.org/(?:abs|pdf)/)?"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})(?:v\d+)?(?:\.pdf)?/?$",
    re.IGNORECASE,
)


def parse_arxiv_id(value: str) -> str:
    """The bare ID (version dropped: a card cites the paper, not a revision)."""
    match = ARXIV_ID.match(value.strip())
    if match is None:
        raise ListlintError(f"`{value}` is not an arXiv ID (expected e.g. `2101.00001`)")
    return match.group("id")


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
