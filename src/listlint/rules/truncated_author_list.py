"""truncated-author-list: an Authors field cut short with `et al.` or `等`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.rule import Context, FixAvailability, rule

_TRUNCATION = re.compile(r"(?:,?\s*\bet\.?\s+al\b\.?|\s*等人?|,?\s*(?:\.\.\.|…))\s*$", re.IGNORECASE)
# The last character before trailing white space of any text _TRUNCATION matches:
# testing it spares the search, which tries every position of the list.
_TRUNCATION_ENDS = ("l", "L", ".", "等", "人", "…")


@rule(code="LL414", name="truncated-author-list", fix=FixAvailability.NONE)
def truncated_author_list(ctx: Context) -> Iterator[Violation]:
    """Flag an author list that ends in `et al.`, `等` or an ellipsis instead of naming everyone."""
    for card in ctx.doc.cards:
        authors = card.field("authors")
        if authors is None:
            continue
        if authors.value.value.rstrip()[-1:] not in _TRUNCATION_ENDS:
            continue
        match = _TRUNCATION.search(authors.value.value)
        if match is None:
            continue
        found = match.group(0)
        # Point at `et al.` itself, not at the comma and space before it.
        start = authors.value.span.start + match.start() + len(found) - len(found.lstrip(" ,"))
        written = found.strip(" ,")
        yield Violation(
            span=Span(start, authors.value.span.start + match.end()),
            message=f"Author list of `{entry_name(card, short=True)}` ends in `{written}`; list every author",
        )
