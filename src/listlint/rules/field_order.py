"""field-order: card fields out of the canonical order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Related, Violation
from listlint.rulekit.entries import entry_name, whole_lines
from listlint.rulekit.house import card_style, check_labels, label_id, written_label_id
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.fields import ENGLISH_LABEL, FIELD_ORDER, KNOWN_EXTRA_LABELS, normalise_label
from listlint.syntax.model import Card, Field

_EXPECTED = ", ".join(ENGLISH_LABEL[key] for key in FIELD_ORDER)


OWN_MIN_CARDS = 3
"""In a list of its own style, an order is the list's when at least this many cards write it..."""
OWN_MAJORITY = 2
"""... and this many times as many cards as write the other order."""


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


def _configured_rank(labels: Sequence[str]) -> Callable[[Field], int]:
    """Fields in the configured order (labels as the list writes them); others after them."""
    ranks = {written_label_id(label): number for number, label in enumerate(labels)}
    return lambda item: ranks.get(label_id(item), len(ranks))


class _OwnOrder:
    """How the file's cards order their fields: each pair of fields in the order most
    cards that carry both write them, where that majority is clear."""

    def __init__(self, cards: Sequence[Card]) -> None:
        self.before: Counter[tuple[str, str]] = Counter()
        for card in cards:
            ids = list(dict.fromkeys(label_id(item) for item in card.fields))
            for number, first in enumerate(ids):
                self.before.update((first, later) for later in ids[number + 1 :])

    def precedes(self, a: str, b: str) -> bool:
        count, against = self.before[(a, b)], self.before[(b, a)]
        return count >= OWN_MIN_CARDS and count >= OWN_MAJORITY * against and count > against

    def inversion(self, card: Card) -> tuple[Field, Field] | None:
        """The first pair of fields the card writes against the file's clear majority."""
        for number, early in enumerate(card.fields):
            for late in card.fields[number + 1 :]:
                if self.precedes(label_id(late), label_id(early)):
                    return early, late
        return None

    def ordered(self, card: Card) -> list[Field]:
        """The fields sorted by how many of the card's other fields they precede."""
        ids = [label_id(item) for item in card.fields]
        wins = {ident: sum(self.precedes(ident, other) for other in ids) for ident in ids}
        return sorted(card.fields, key=lambda item: -wins[label_id(item)])


@rule(
    code="LL404",
    name="field-order",
    fix=FixAvailability.SOMETIMES,
    options=[
        Option(
            "order",
            list,
            None,
            "The order of the list's fields, by label (`[\"Authors\", \"Venue\", \"Links\"]`), "
            "others after them; unset, the house's order on the house's cards, and on "
            "another list's the order most of its cards write",
            check=check_labels,
        )
    ],
)
def field_order(ctx: Context) -> Iterator[Violation]:
    """Flag a card whose fields are not in the order Authors, Affiliations, arXiv ID, One-liner, Published in, Links."""
    cards = ctx.doc.cards
    if not cards:
        return
    configured = ctx.options["order"]
    if configured is None and not card_style(ctx.doc, ctx.settings).house:
        yield from _own_field_order(ctx.doc.text, cards)
        return
    rank = _rank if configured is None else _configured_rank(configured)
    expected = _EXPECTED if configured is None else ", ".join(configured)
    for card in cards:
        fields = list(card.fields)
        ordered = sorted(fields, key=rank)  # stable: extras keep their order
        if ordered == fields:
            continue
        # Point at the first field that another, later field should precede.
        misplaced = next(i for i, (a, b) in enumerate(zip(fields, ordered)) if a is not b)
        yield _violation(
            ctx.doc.text, card, ordered, fields[misplaced], ordered[misplaced],
            f"the order is {expected}, then other fields",
        )


def _own_field_order(text: str, cards: Sequence[Card]) -> Iterator[Violation]:
    own = _OwnOrder(cards)
    for card in cards:
        found = own.inversion(card)
        if found is None:
            continue
        early, late = found
        count = own.before[(label_id(late), label_id(early))]
        yield _violation(
            text, card, own.ordered(card), early, late,
            f"{count} cards of this file write `{late.label.value}` before `{early.label.value}`",
        )


def _violation(text: str, card: Card, ordered: Sequence[Field], early: Field, late: Field, why: str) -> Violation:
    edit = _reorder(text, card, ordered) if list(ordered) != list(card.fields) else None
    return Violation(
        span=late.label.span,
        message=f"Field `{late.label.value}` of card `{entry_name(card, short=True)}` comes after `{early.label.value}`; {why}",
        fix=Fix("Reorder the fields", (edit,), Applicability.SAFE) if edit else None,
        related=(Related(early.label.span, "should come after this field"),),
    )
