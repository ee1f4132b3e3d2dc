"""copied-innovation: a Core Innovation quote that is (nearly) another paper's."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.copies import COPY_OPTIONS, SHARED_TEXTS, copied_parts
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.syntax.model import Entry, Quote


def _innovation(entry: Entry) -> tuple[Span, str] | None:
    # Only cards have the quote; other layouts are skipped.
    quote: Quote | None = getattr(entry, "quote", None)
    return (quote.body.span, quote.body_text) if quote else None


@rule(code="LL203", name="copied-innovation", scope=Scope.LIST, fix=FixAvailability.NONE, options=COPY_OPTIONS, shares=SHARED_TEXTS)
def copied_innovation(ctx: Context) -> Iterator[Violation]:
    """Flag a Core Innovation quote identical or nearly identical to another paper's."""
    yield from copied_parts(ctx, _innovation, "core innovation")
