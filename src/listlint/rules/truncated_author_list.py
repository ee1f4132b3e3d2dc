"""truncated-author-list: an Authors field cut short with `et al.` or `等`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.house import card_style
from listlint.rulekit.rule import Context, FixAvailability, rule

_TRUNCATION = re.compile(r"(?:,?\s*\bet\.?\s+al\b\.?|\s*等人?|,?\s*(?:\.\.\.|…))\s*$", re.IGNORECASE)
# The last character before trailing white space of any text _TRUNCATION matches:
# testing it spares the search, which tries every position of the list.
_TRUNCATION_ENDS = ("l", "L", ".", "等", "人", "…")


@rule(code="LL414", name="truncated-author-list", fix=FixAvailability.NONE)
def truncated_author_list(ctx: Context) -> Iterator[Violation]:
    """Flag an author list that ends in `et al.`, `等` or an ellipsis instead of naming everyone."""
    found = []
    listed = 0
    for card in ctx.doc.cards:
        authors = card.field("authors")
        if authors is None:
            continue
        listed += 1
        if authors.value.value.rstrip()[-1:] not in _TRUNCATION_ENDS:
            continue
        match = _TRUNCATION.search(authors.value.value)
        if match is not None:
            found.append((card, authors, match))
    why = ""
    if found and not card_style(ctx.doc, ctx.settings).house:
        # The house names every author; another list that writes `et al.` as a rule
        # does so on purpose, and only a slip from its own full lists is flagged.
        complete = listed - len(found)
        if complete <= len(found):
            return
        why = f", where {complete} of the {listed} cards in this file name every author"
    for card, authors, match in found:
        text = match.group(0)
        # Point at `et al.` itself, not at the comma and space before it.
        start = authors.value.span.start + match.start() + len(text) - len(text.lstrip(" ,"))
        written = text.strip(" ,")
        yield Violation(
            span=Span(start, authors.value.span.start + match.end()),
            message=f"Author list of `{entry_name(card, short=True)}` ends in `{written}`; list every author{why}",
        )
