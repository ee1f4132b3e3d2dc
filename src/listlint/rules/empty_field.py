"""empty-field: a field written with no value."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Card, Field, Source


@rule(code="LL405", name="empty-field", fix=FixAvailability.NONE)
def empty_field(ctx: Context) -> Iterator[Violation]:
    """Flag a field whose value is empty."""
    for card in ctx.doc.cards:
        for item in card.fields:
            if item.value.value.strip() or _content_below(ctx.doc, card, item):
                continue
            yield Violation(span=item.span, message=f"Field `{item.label.value}` is empty")


def _content_below(doc: Source, card: Card, item: Field) -> bool:
    """Whether the line under the label, indented deeper than it, holds its value:
    other lists write a list or an image below `- **Limitations:**`."""
    lines = doc.lines_in(card.body_span.start, card.body_span.end)
    for line, below in zip(lines, lines[1:]):
        if line.start <= item.span.end <= line.end:
            return not below.blank and _indent(below.text) > _indent(line.text)
    return False


def _indent(text: str) -> int:
    expanded = text.expandtabs()
    return len(expanded) - len(expanded.lstrip())
