"""duplicate-field: the same field written twice in one card."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Related, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import normalise_label
from listlint.syntax.model import Field


def _identity(item: Field) -> str:
    return item.key or "label:" + normalise_label(item.label.value)


def _line_with_ending(text: str, span: Span) -> Span:
    """The lines of `span` with the line ending that follows them (removing them leaves no gap)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return Span(start, len(text) if end == -1 else end + 1)


@rule(code="LL403", name="duplicate-field", fix=FixAvailability.SOMETIMES)
def duplicate_field(ctx: Context) -> Iterator[Violation]:
    """Flag a field that an earlier field of the same card already gives."""
    text = ctx.doc.text
    for card in ctx.doc.cards:
        first: dict[str, Field] = {}
        for item in card.fields:
            identity = _identity(item)
            earlier = first.get(identity)
            if earlier is None:
                first[identity] = item
                continue
            fix = None
            # Only an exact repeat goes: a different value may be the right one.
            if item.value.value == earlier.value.value:
                fix = Fix(
                    "Remove the repeated field",
                    (Edit(_line_with_ending(text, item.span), ""),),
                    Applicability.SAFE,
                )
            yield Violation(
                span=item.label.span,
                message=f"Field `{item.label.value}` is given twice",
                fix=fix,
                related=(Related(earlier.label.span, "first given here"),),
            )
