"""unclosed-details: a card or nested section whose `<details>` is never closed."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span, split_lines
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.cards import count_details
from listlint.syntax.model import Card


def _depth(text: str) -> int:
    opened = closed = 0
    for line in text.splitlines():
        more, fewer = count_details(line)
        opened += more
        closed += fewer
    return opened - closed


def _close_card(card: Card, newline: str) -> Fix:
    # The scanner cut the card before the `---`, heading or card that real
    # cards never contain, and body_span ends at its last non-blank line:
    # that is where `</details>` goes. The author may have meant it later,
    # so the fix is not applied without --unsafe-fixes.
    at = card.body_span.end
    last = next((block.kind for block in reversed(card.blocks) if block.kind != "blank"), "open")
    # A `</details>` glued below Markdown can render inside it (missing-blank-line).
    gap = newline if last in ("fields", "quote") else ""
    return Fix(
        "Close the card after its last line",
        (Edit(Span(at, at), f"{newline}{gap}</details>"),),
        Applicability.UNSAFE,
    )


@rule(code="LL501", name="unclosed-details", fix=FixAvailability.SOMETIMES)
def unclosed_details(ctx: Context) -> Iterator[Violation]:
    """Flag a card or nested section whose `<details>` is never closed."""
    doc = ctx.doc
    text = doc.text
    for card in doc.cards:
        if card.close is not None:
            continue
        title = entry_name(card)
        missing = _depth(text[card.body_span.start : card.body_span.end])
        reported = 0
        for section in card.sections:
            lines = split_lines(text[section.span.start : section.span.end], section.span.start)
            # Real sections never nest, so a `<details>` inside one means the
            # section was not closed before it (and the card's `</details>`
            # was taken as its close).
            nested = next((i for i, line in enumerate(lines) if i and count_details(line.text)[0]), None)
            if nested is None and _depth(text[section.span.start : section.span.end]) <= 0:
                continue
            reported += 1
            name = section.name.value or "untitled"
            fix = None
            if nested is not None:
                last = max(i for i in range(nested) if not lines[i].blank)
                fix = Fix(
                    f"Close `{name}` before the next `<details>`",
                    (Edit(Span(lines[last].end, lines[last].end), f"{doc.newline}</details>"),),
                    Applicability.UNSAFE,
                )
            yield Violation(
                span=lines[0].span,
                message=f"Nested `<details>` `{name}` in card `{title}` is never closed",
                fix=fix,
            )
        missing -= reported
        if missing > 0:
            yield Violation(
                span=card.open,
                message=f"Card `{title}` is never closed: its `<details>` has no `</details>`",
                fix=_close_card(card, doc.newline) if not reported else None,
            )
