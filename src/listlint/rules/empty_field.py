"""empty-field: a field written with no value."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL405", name="empty-field", fix=FixAvailability.NONE)
def empty_field(ctx: Context) -> Iterator[Violation]:
    """Flag a field whose value is empty."""
    text = ctx.doc.text
    for card in ctx.doc.cards:
        for item in card.fields:
            if item.value.value.strip() or _content_below(text, item.span.start, item.span.end):
                continue
            yield Violation(span=item.span, message=f"Field `{item.label.value}` is empty")


def _content_below(text: str, start: int, end: int) -> bool:
    """Whether the lines under the label, indented deeper than it, hold its value:
    other lists write a list or an image below `- **Limitations:**`."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = len(text[line_start:start].expandtabs()) if not text[line_start:start].strip() else 0
    nxt = text.find("\n", end)
    if nxt < 0:
        return False
    stop = text.find("\n", nxt + 1)
    below = text[nxt + 1 : stop if stop >= 0 else len(text)].rstrip("\r")
    return bool(below.strip()) and len(below.expandtabs()) - len(below.expandtabs().lstrip()) > indent
