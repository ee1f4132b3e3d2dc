"""orphan-summary: a `<summary>` outside any `<details>`, or a `</details>` that closes nothing."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from listlint.base.spans import Line, Span
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.cards import DETAILS_CLOSE_LINE, count_details
from listlint.syntax.document import Document
from listlint.syntax.model import Card
from listlint.syntax.scanner import FENCE_OPEN, _fence_closes

# A card's summary: `<summary>` then a bold title. A plain `<summary>` outside
# `<details>` is left alone: it is not a card's, and GitHub shows it as text.
_CARD_SUMMARY = re.compile(r"^\s*<(?ai:summary)\b[^>]*>\s*<(?ai:b|strong)>")
_SUMMARY_START = re.compile(r"^\s*<(?ai:summary)\b")


def _card_summary_line(card: Card, lines: list[Line]) -> int | None:
    """Index in `lines` of the line that is (or tries to be) the card's summary."""
    if card.summary is not None:
        return next(i for i, line in enumerate(lines) if line.start <= card.summary.span.start < line.stop)
    for index, line in enumerate(lines[1:], 1):
        if not line.blank:
            return index if _SUMMARY_START.match(line.text) else None
    return None


def _in_cards(doc: Document) -> Iterator[Violation]:
    """Summary lines in a card that no `<details>` opens (malformed-summary owns the card's own)."""
    for card in doc.cards:
        if not card.unknown:
            continue
        lines = doc.lines_in(card.body_span.start, card.body_span.end)
        own = _card_summary_line(card, lines)
        for span in card.unknown:
            for index, line in enumerate(lines):
                if index == own or not span.start <= line.start < span.end:
                    continue
                if _SUMMARY_START.match(line.text):
                    yield Violation(line.span, f"`{line.text.strip()}` has no opening `<details>`")


def _outside_cards(doc: Document) -> Iterator[Violation]:
    """Walk the verbatim text, tracking `<details>` depth outside fences and comments."""
    depth = 0
    last_unclosed: Card | None = None
    cards = {card.span.start: card for card in doc.cards}
    for segment in doc.segments:
        if segment.kind == "card":
            card = cards.get(segment.span.start)
            last_unclosed = card if card is not None and card.close is None else None
            continue
        if segment.kind != "verbatim":
            continue
        fence: str | None = None
        in_comment = False
        for line in doc.lines_in(segment.span.start, segment.span.end):
            body = line.text
            if fence is not None:
                if _fence_closes(body, fence):
                    fence = None
                continue
            if in_comment:
                in_comment = "-->" not in body
                continue
            opened_fence = FENCE_OPEN.match(body)
            if opened_fence:
                fence = opened_fence.group("fence")
                continue
            if body.lstrip().startswith("<!--") and "-->" not in body.lstrip()[4:]:
                in_comment = True
                continue
            opened, closed = count_details(body)
            if depth == 0 and opened == 0 and _CARD_SUMMARY.match(body):
                yield Violation(line.span, f"`{body.strip()}` has no opening `<details>`")
            if closed and depth + opened - closed < 0 and DETAILS_CLOSE_LINE.match(body):
                related = ()
                if last_unclosed is not None:
                    related = (Related(last_unclosed.open, "the card above is cut off before this line"),)
                yield Violation(
                    Span(line.start, line.end),
                    "`</details>` closes nothing: no `<details>` is open here",
                    related=related,
                )
            depth = max(0, depth + opened - closed)


@rule(code="LL502", name="orphan-summary", fix=FixAvailability.NONE)
def orphan_summary(ctx: Context) -> Iterator[Violation]:
    """Flag a `<summary>` with no opening `<details>`, and a `</details>` that closes nothing."""
    found = sorted([*_in_cards(ctx.doc), *_outside_cards(ctx.doc)], key=lambda v: v.span.start)
    orphan: Violation | None = None
    for violation in found:
        if violation.message.startswith("`</details>`") and orphan is not None and not violation.related:
            # Usually one mistake: the `<details>` above this close was deleted.
            violation = dataclasses.replace(
                violation, related=(Related(orphan.span, "this `<summary>` lost its `<details>`"),)
            )
            orphan = None
        elif not violation.message.startswith("`</details>`"):
            orphan = violation
        yield violation
