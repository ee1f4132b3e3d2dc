"""non-canonical-card: a card whose white space is not the canonical layout."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from listlint.analysis.render import same_rendering
from listlint.base.spans import Span
from listlint.canonical.card_format import format_card
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.house import card_style
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Card

_SPACE = re.compile(r"\s+")
_SEPARATOR = re.compile(r"\s*[|｜]\s*")


def _fingerprint(card: Card) -> tuple[object, ...]:
    def squash(value: str) -> str:
        return _SPACE.sub(" ", value).strip()

    return (
        squash(card.title.value) if card.title else None,
        # Link separators are layout (` | `), so they are compared squeezed.
        tuple(
            (f.label.value, _SEPARATOR.sub("|", squash(f.value.value)) if f.links else squash(f.value.value))
            for f in card.fields
        ),
        tuple((link.label.value, link.url.value) for link in card.links),
        squash(card.quote.body_text) if card.quote else None,
        tuple((s.name.value, squash(s.body_text)) for s in card.sections),
    )


def _verifier(card: Card, text: str, after: str, title: str) -> Callable[[], str | None]:
    # The card as written is sliced from the document's text when the check runs,
    # not held by every finding: a large list has tens of thousands of them.
    def verify() -> str | None:
        reason = _unsafe(card, text, after)
        # The fixer leaves this card as written and fixes the rest: say which card.
        return f"{reason}; card `{title}` left as written" if reason else None

    return verify


def _unsafe(card: Card, text: str, after: str) -> str | None:
    """Why `after` may not replace the card, or None."""
    from listlint.syntax.document import Document

    before = text[card.span.start : card.span.end]
    formatted = Document(after)
    try:
        reparsed = formatted.cards
        if len(reparsed) != 1:
            return "the formatted card would no longer parse as one card"
        if _fingerprint(reparsed[0]) != _fingerprint(card):
            return "formatting would change a field value"
        if not same_rendering(before, after):
            return "formatting would change the rendered HTML"
        again = format_card(after, reparsed[0], "\r\n" if "\r\n" in after else "\n")
        if again is not None and again != after:
            return "formatting is not stable (a second pass changes it again)"
        return None
    finally:
        formatted.release()


def _first_difference(before: str, after: str) -> int:
    # The length of the common prefix, by bisection: prefixes compare in C.
    index, limit = 0, min(len(before), len(after))
    while index < limit:
        middle = (index + limit + 1) // 2
        if before[:middle] == after[:middle]:
            index = middle
        else:
            limit = middle - 1
    # Point at the start of the line where the texts part.
    return before.rfind("\n", 0, index) + 1


@rule(code="LL901", name="non-canonical-card", fix=FixAvailability.ALWAYS, formatting=True)
def non_canonical_card(ctx: Context) -> Iterator[Violation]:
    """Flag a card whose layout (white space, bullets, link separators) is not canonical."""
    doc = ctx.doc
    # The canonical form is the house's: formatting never restyles another list's cards.
    if not doc.cards or not card_style(doc, ctx.settings).house:
        return
    for entry in doc.cards:
        canonical = format_card(doc.text, entry, doc.newline)
        if canonical is None:
            continue
        before = doc.text[entry.span.start : entry.span.end]
        if canonical == before:
            continue
        offset = entry.span.start + _first_difference(before, canonical)
        line_end = doc.text.find("\n", offset)
        line_end = entry.span.end if line_end == -1 or line_end > entry.span.end else line_end
        if line_end > offset and doc.text[line_end - 1] == "\r":
            line_end -= 1
        title = entry_name(entry)
        yield Violation(
            span=Span(offset, max(offset, line_end)),
            message=f"Card `{title}` is not in canonical form",
            fix=Fix(
                "Format the card",
                (Edit(entry.span, canonical),),
                Applicability.SAFE,
                verify=_verifier(entry, doc.text, canonical, title),
            ),
        )
