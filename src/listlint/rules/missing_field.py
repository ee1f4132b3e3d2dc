"""missing-field: a paper card without one of the fields every paper card carries."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name, head_span, is_model_card
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import ENGLISH_LABEL

_REQUIRED = ("authors", "arxiv_id", "one_liner", "published_in", "links")


@rule(code="LL401", name="missing-field", fix=FixAvailability.NONE)
def missing_field(ctx: Context) -> Iterator[Violation]:
    """Flag a paper card that lacks Authors, arXiv ID, One-liner, Published in or Links."""
    for card in ctx.doc.cards:
        model = is_model_card(card)
        missing = [
            key
            for key in _REQUIRED
            if card.field(key) is None and not (key == "arxiv_id" and model)
        ]
        for key in missing:
            yield Violation(
                span=head_span(card),
                message=f"Card `{entry_name(card, short=True)}` has no `{ENGLISH_LABEL[key]}` field",
            )
