"""field-order: card fields out of the canonical order."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Related, Violation
from listlint.rulekit.entries import entry_name, whole_lines
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import ENGLISH_LABEL, FIELD_ORDER, KNOWN_EXTRA_LABELS, normalise_label
from listlint.syntax.model import Card, Field

_EXPECTED = ", ".join(ENGLISH_LABEL[key] for key in FIELD_ORDER)


def _rank(item: Field) -> int:
    """Known fields by canonical position; extra fields after them all.

    A model card's `Model` field stands where a paper's arXiv ID would, so it
    takes that place (the cards of commercial models write it there).
    """
    if item.key is not None:
        return FIELD_ORDER.index(item.key)
    if normalise_label(item.label.value) in KNOWN_EXTRA_LABELS:
        return FIELD_ORDER.index("arxiv_id")
    return len(FIELD_ORDER)


def _reorder(text: str, card: Card, ordered: Sequence[Field]) -> Edit | None:
    """One edit rewriting the field lines in `ordered` order, or None when unsafe.

    Reordering is safe only when the fields are consecutive lines with the
    same bullet: a blank line or another block between them, or a change of
    bullet (which starts a new Markdown list), would move with the lines.
    """
    chunks = [whole_lines(text, item.span) for item in card.fields]
    for before, after in zip(chunks, chunks[1:]):
        gap = text[before.end : after.start]
        if gap not in ("\n", "\r\n"):
            return None
    bullets = {text[item.span.start : item.span.end].lstrip()[:1] for item in card.fields}
    if len(bullets) > 1:
        return None
    newline = text[chunks[0].end : chunks[1].start]
    by_field = {id(item): text[chunk.start : chunk.end] for item, chunk in zip(card.fields, chunks)}
    new_text = newline.join(by_field[id(item)] for item in ordered)
    return Edit(Span(chunks[0].start, chunks[-1].end), new_text)


@rule(code="LL404", name="field-order", fix=FixAvailability.SOMETIMES)
def field_order(ctx: Context) -> Iterator[Violation]:
    """Flag a card whose fields are not in the order Authors, Affiliations, arXiv ID, One-liner, Published in, Links."""
    text = ctx.doc.text
    for card in ctx.doc.cards:
        fields = list(card.fields)
        ordered = sorted(fields, key=_rank)  # stable: extras keep their order
        if ordered == fields:
            continue
        # Point at the first field that another, later field should precede.
        misplaced = next(i for i, (a, b) in enumerate(zip(fields, ordered)) if a is not b)
        early = fields[misplaced]
        late = ordered[misplaced]
        edit = _reorder(text, card, ordered)
        yield Violation(
            span=late.label.span,
            message=(
                f"Field `{late.label.value}` of card `{entry_name(card, short=True)}` comes after "
                f"`{early.label.value}`; the order is {_EXPECTED}, then other fields"
            ),
            fix=Fix("Reorder the fields", (edit,), Applicability.SAFE) if edit else None,
            related=(Related(early.label.span, "should come after this field"),),
        )
