"""missing-separator: a card not followed by a `---` separator before the next card."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(code="LL504", name="missing-separator", fix=FixAvailability.ALWAYS)
def missing_separator(ctx: Context) -> Iterator[Violation]:
    """Flag a card that another card follows with no `---` separator between them."""
    doc = ctx.doc
    cards = doc.cards
    for card in cards[:-1]:
        # An unclosed card has no separator by construction: unclosed-details reports it.
        if card.separator is not None or card.close is None:
            continue
        title = entry_name(card)
        nl = doc.newline
        # After `</details>`, before its line ending: `</details>` + "\n\n---" + "\n".
        # The blank line matters: `---` glued to `</details>` is raw HTML text.
        yield Violation(
            span=card.close,
            message=f"Card `{title}` is not followed by a `---` separator",
            fix=Fix(
                "Insert a `---` separator",
                (Edit(Span(card.close.end, card.close.end), f"{nl}{nl}---"),),
                Applicability.SAFE,
            ),
        )
