"""label-language-mismatch: a card's field, quote or section label in the other language of its file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.base.values import value
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.fields import (
    CHINESE_LABEL,
    ENGLISH_LABEL,
    QUOTE_LABELS,
    SECTION_LABELS,
    is_chinese_label,
    normalise_label,
)
from listlint.syntax.model import Card, Text

_LANGUAGE_NAMES = {"en": "English", "zh": "Chinese"}
# A written quote label (folded) to its language: only the Core Innovation quote is known.
_QUOTE_LANGUAGE = {normalise_label(label): language for language, label in QUOTE_LABELS.items()}
_COLONS = ":："


@value
class _Label:
    """One label of a card, as written."""

    kind: str
    """What it labels: a field's key (`authors`), `quote`, or `section:abstract`."""
    text: Text
    """The label without bold markers and colon."""
    colon: str
    """The colon right after the label, inside its bold (`:` or `：`), or ``."""
    language: str

    @property
    def span(self) -> Span:
        """The label and its colon: a label in the other language takes the other colon."""
        return Span(self.text.span.start, self.text.span.end + len(self.colon))


def _house(kind: str, language: str) -> str | None:
    """The label listlint writes for `kind` in `language`, or None when it writes none."""
    if kind == "quote":
        return QUOTE_LABELS[language]
    if kind.startswith("section:"):
        return SECTION_LABELS[kind.removeprefix("section:")][language]
    return (ENGLISH_LABEL if language == "en" else CHINESE_LABEL).get(kind)


def _labels(text: str, card: Card) -> Iterator[_Label]:
    def label(kind: str, written: Text) -> _Label:
        after = text[written.span.end : written.span.end + 1]
        colon = after if after and after in _COLONS else ""
        return _Label(kind, written, colon, "zh" if is_chinese_label(written.value) else "en")

    for item in card.fields:
        if item.key is not None and item.label.value:
            yield label(item.key, item.label)
    quote = card.quote
    if quote is not None and normalise_label(quote.label.value) in _QUOTE_LANGUAGE:
        yield label("quote", quote.label)
    for section in card.sections:
        if section.key in SECTION_LABELS and section.name.value:
            yield label(f"section:{section.key}", section.name)


def _wanted(kind: str, file_language: str, counts: Counter[str]) -> str | None:
    """The language `kind`'s labels must be in, or None when either will do.

    An English file wants English labels. A Chinese card writes its quote
    `核心创新`, but listlint writes English field and section labels in both
    files, so those are wanted in Chinese only where most of the file's cards
    write them so.
    """
    if file_language == "en" or kind == "quote":
        return file_language
    return "zh" if counts["zh"] > counts["en"] else None


def _replacement(flagged: _Label, wanted: str, written: Counter[tuple[str, str]]) -> str:
    """The label (and colon) to write: the file's most common one in `wanted`, else listlint's."""
    if written:
        label, colon = written.most_common(1)[0][0]
    else:
        # Wanted in Chinese, a field or section label has the file's majority to follow,
        # so listlint's own label is there for every kind that gets here.
        label, colon = _house(flagged.kind, wanted) or flagged.text.value, ""
    if not flagged.colon:
        return label
    return label + (colon or (":" if wanted == "en" else "："))


def _name(kind: str) -> str:
    """How a kind of label is named in a count: `Core Innovation labels`."""
    return _house(kind, "en") or ENGLISH_LABEL.get(kind, kind)


@rule(code="LL305", name="label-language-mismatch", fix=FixAvailability.ALWAYS)
def label_language_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag a card label (field, Core Innovation quote, section) in the other language of its file."""
    doc = ctx.doc
    if doc.language not in _LANGUAGE_NAMES:
        return  # a Japanese or Korean list's own labels are not known
    by_kind: dict[str, list[_Label]] = {}
    for card in doc.cards:
        for found in _labels(doc.text, card):
            by_kind.setdefault(found.kind, []).append(found)
    for kind, labels in by_kind.items():
        counts = Counter(found.language for found in labels)
        wanted = _wanted(kind, doc.language, counts)
        if wanted is None:
            continue
        wrong = [found for found in labels if found.language != wanted]
        written = Counter((found.text.value, found.colon) for found in labels if found.language == wanted)
        for number, found in enumerate(wrong):
            new = _replacement(found, wanted, written)
            message = (
                f"Label `{found.text.value}` is in {_LANGUAGE_NAMES[found.language]},"
                f" but this file wants {_LANGUAGE_NAMES[wanted]}"
            )
            if number == 0 and len(wrong) > 1:
                message += (
                    f" ({len(wrong)} of {len(labels)} {_name(kind)} labels in this file are"
                    f" {_LANGUAGE_NAMES[found.language]})"
                )
            yield Violation(
                span=found.text.span,
                message=message,
                fix=Fix(f"Write `{new}`", (Edit(found.span, new),), Applicability.SAFE),
            )
