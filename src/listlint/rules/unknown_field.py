"""unknown-field: a field label that is neither a card field nor a known extra."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import (
    CHINESE_LABEL,
    ENGLISH_LABEL,
    KNOWN_EXTRA_LABELS,
    LABEL_KEYS,
    is_chinese_label,
    normalise_label,
)

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
