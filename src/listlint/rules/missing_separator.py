"""missing-separator: a card not followed by a `---` separator before the next card."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.house import card_style
from listlint.rulekit.rule import Context, FixAvailability, Option, rule


@rule(
    code="LL504",
    name="missing-separator",
    fix=FixAvailability.ALWAYS,
    options=[
        Option(
            "required",
            bool,
            None,
            "Whether every card is followed by `---`; unset, the house's cards are, and another "
            "list's when most of its cards are",
        )
    ],
)
def missing_separator(ctx: Context) -> Iterator[Violation]:
    """Flag a card that another card follows with no `---` separator between them."""
    doc = ctx.doc
    cards = doc.cards
    # An unclosed card has no separator by construction: unclosed-details reports it.
    followed = [card for card in cards[:-1] if card.close is not None]
    separated = sum(card.separator is not None for card in followed)
    required = ctx.options["required"]
    why = ""
    if required is None and not followed:
        return
    if required is None and card_style(doc, ctx.settings).house:
        required = True
    elif required is None:
        # Another list's own convention: separators where most of its cards have one.
        required = 2 * separated > len(followed)
        why = f", as {separated} of the {len(followed)} cards followed by another are"
    if not required:
        return
    for card in followed:
        if card.separator is not None:
            continue
        title = entry_name(card)
        nl = doc.newline
        # After `</details>`, before its line ending: `</details>` + "\n\n---" + "\n".
        # The blank line matters: `---` glued to `</details>` is raw HTML text.
        assert card.close is not None
        yield Violation(
            span=card.close,
            message=f"Card `{title}` is not followed by a `---` separator{why}",
            fix=Fix(
                "Insert a `---` separator",
                (Edit(Span(card.close.end, card.close.end), f"{nl}{nl}---"),),
                Applicability.SAFE,
            ),
        )
