"""empty-field: a field written with no value."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL405", name="empty-field", fix=FixAvailability.NONE)
def empty_field(ctx: Context) -> Iterator[Violation]:
    """Flag a field whose value is empty."""
    for card in ctx.doc.cards:
        for item in card.fields:
            if item.value.value.strip():
                continue
            yield Violation(span=item.span, message=f"Field `{item.label.value}` is empty")
