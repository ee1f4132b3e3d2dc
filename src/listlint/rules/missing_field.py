"""missing-field: a paper card without one of the fields every paper card carries."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name, head_span, is_model_card
from listlint.rulekit.house import card_style, check_labels, label_id, written_label_id
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.fields import ENGLISH_LABEL
from listlint.syntax.model import Card

_REQUIRED = ("authors", "arxiv_id", "one_liner", "published_in", "links")

OWN_SHARE = 0.9
"""In a list of its own style, a field is required when at least this share of its cards
carry it: a Code link that most cards give is not missing where a paper has none."""
OWN_MIN_CARDS = 5
"""Fewer cards say nothing about what a list requires."""


def _label_ids(labels: Sequence[str]) -> dict[str, str]:
    """Labels as written in the configuration (`Authors`, `TLDR`) by the id `label_id`
    gives their fields, each with the label a message names it by."""
    found = {}
    for label in labels:
        ident = written_label_id(label)
        found[ident] = ENGLISH_LABEL.get(ident, label.strip())
    return found


def _own_required(cards: Sequence[Card]) -> dict[str, tuple[str, int]]:
    """The fields nearly every card of the file carries: id -> (label as most write it, count)."""
    if len(cards) < OWN_MIN_CARDS:
        return {}
    carried: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for card in cards:
        ids = {label_id(item): item.label.value for item in card.fields}
        carried.update(ids.keys())
        for ident, label in ids.items():
            written.setdefault(ident, Counter())[label] += 1
    return {
        ident: (written[ident].most_common(1)[0][0], count)
        for ident, count in carried.items()
        if count >= OWN_SHARE * len(cards)
    }


@rule(
    code="LL401",
    name="missing-field",
    fix=FixAvailability.NONE,
    options=[
        Option(
            "required",
            list,
            None,
            "The labels every card must carry (`[\"Authors\", \"Links\"]`); unset, the house's "
            "five on the house's cards, and on another list's the fields nearly all its cards carry",
            check=check_labels,
        )
    ],
)
def missing_field(ctx: Context) -> Iterator[Violation]:
    """Flag a paper card that lacks Authors, arXiv ID, One-liner, Published in or Links."""
    cards = ctx.doc.cards
    if not cards:
        return
    configured = ctx.options["required"]
    if configured is None and not card_style(ctx.doc, ctx.settings).house:
        yield from _own_missing(cards)
        return
    required = _label_ids(configured if configured is not None else [ENGLISH_LABEL[key] for key in _REQUIRED])
    for card in cards:
        model = is_model_card(card)
        present = {label_id(item) for item in card.fields}
        for ident, label in required.items():
            if ident in present or (ident == "arxiv_id" and model):
                continue
            yield Violation(
                span=head_span(card),
                message=f"Card `{entry_name(card, short=True)}` has no `{label}` field",
            )


def _own_missing(cards: Sequence[Card]) -> Iterator[Violation]:
    required = _own_required(cards)
    for card in cards:
        present = {label_id(item) for item in card.fields}
        for ident, (label, count) in required.items():
            if ident not in present:
                yield Violation(
                    span=head_span(card),
                    message=(
                        f"Card `{entry_name(card, short=True)}` has no `{label}` field, "
                        f"which {count} of the {len(cards)} cards in this file have"
                    ),
                )
