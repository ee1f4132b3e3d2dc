"""unknown-field: a field label that is neither a card field nor a known extra."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.house import card_style, label_id
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import (
    CHINESE_LABEL,
    ENGLISH_LABEL,
    KNOWN_EXTRA_LABELS,
    LABEL_KEYS,
    is_chinese_label,
    normalise_label,
)
from listlint.syntax.model import Card

# What a suggestion may be: the English labels, the Chinese ones, the known extras.
_EXTRA_LABEL = {"model": "Model", "modelid": "Model ID"}


def _suggestion(label: str) -> str | None:
    """The known label closest to `label`, written as a list would write it."""
    import difflib  # only for an unknown label: most runs meet none

    folded = normalise_label(label)
    candidates = list(LABEL_KEYS) + list(KNOWN_EXTRA_LABELS)
    close = difflib.get_close_matches(folded, candidates, n=1, cutoff=0.75)
    if not close:
        return None
    if close[0] in _EXTRA_LABEL:
        return _EXTRA_LABEL[close[0]]
    key = LABEL_KEYS[close[0]]
    if is_chinese_label(label) and key in CHINESE_LABEL:
        return CHINESE_LABEL[key]
    return ENGLISH_LABEL[key]


@rule(code="LL402", name="unknown-field", fix=FixAvailability.SOMETIMES)
def unknown_field(ctx: Context) -> Iterator[Violation]:
    """Flag a field whose label is not a known card field."""
    if ctx.doc.cards and not card_style(ctx.doc, ctx.settings).house:
        # Another list's labels are its own: only a slip from one most of its cards write is flagged.
        yield from _own_unknown(ctx.doc.cards)
        return
    for card in ctx.doc.cards:
        for item in card.fields:
            if item.key is not None or normalise_label(item.label.value) in KNOWN_EXTRA_LABELS:
                continue
            suggestion = _suggestion(item.label.value)
            message = f"Unknown field `{item.label.value}`"
            fix = None
            if suggestion is not None:
                message += f"; did you mean `{suggestion}`?"
                fix = Fix(
                    f"Rename the label to `{suggestion}`",
                    (Edit(item.label.span, suggestion),),
                    Applicability.UNSAFE,
                )
            yield Violation(span=item.label.span, message=message, fix=fix)


OWN_MIN_CARDS = 3
"""In a list of its own style, a label is the list's when at least this many cards write
it, and half of them at least; a rarer label close to it is taken for a slip."""


def _own_unknown(cards: Sequence[Card]) -> Iterator[Violation]:
    import difflib

    carried: Counter[str] = Counter()
    written: dict[str, Counter[str]] = {}
    for card in cards:
        for item in {label_id(item): item for item in card.fields}.values():
            carried[label_id(item)] += 1
            written.setdefault(label_id(item), Counter())[item.label.value] += 1
    common = [ident for ident, count in carried.items() if count >= max(OWN_MIN_CARDS, len(cards) / 2)]
    for card in cards:
        for item in card.fields:
            ident = label_id(item)
            if ident in common:
                continue
            close = difflib.get_close_matches(ident, common, n=1, cutoff=0.8)
            if not close:
                continue
            label = written[close[0]].most_common(1)[0][0]
            yield Violation(
                span=item.label.span,
                message=(
                    f"Field `{item.label.value}` is not a label of this file; did you mean "
                    f"`{label}`, which {carried[close[0]]} of its {len(cards)} cards write?"
                ),
                fix=Fix(f"Rename the label to `{label}`", (Edit(item.label.span, label),), Applicability.UNSAFE),
            )
