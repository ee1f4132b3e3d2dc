"""missing-blank-line: blocks of a card glued together where the glue changes rendering."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from listlint.analysis.visible import has_run_opener, lost_text
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Block, Card

# (upper block, lower block) -> what the glue does. A raw HTML block runs to
# the next blank line, so Markdown glued below `<summary>` is shown as raw
# text; Markdown glued above a `<details>` line pulls the HTML into the list
# item or quote (mistune does; CommonMark renderers differ, so the blank line
# is what makes every renderer agree).
_HARMFUL = {
    ("open", "fields"): "the fields render as raw text",
    ("open", "quote"): "the quote renders as raw text",
    ("summary", "fields"): "the fields render as raw text",
    ("summary", "quote"): "the quote renders as raw text",
    ("fields", "section"): "it can render inside the last list item",
    ("quote", "section"): "it can render inside the quote",
    ("fields", "close"): "it can render inside the last list item",
    ("quote", "close"): "it can render inside the quote",
}
_NAMES = {"open": "`<details>`", "summary": "`<summary>`", "fields": "field list", "quote": "quote"}


def _describe(upper: str, lower: Block, card: Card, text: str) -> str:
    if lower.kind == "section":
        name = next((s.name.value for s in card.sections if s.span == lower.span), "")
        what = f"Nested `<details>` `{name}`" if name else "Nested `<details>`"
    elif lower.kind == "close":
        what = "`</details>`"
    elif lower.kind == "fields":
        what = "The field list"
    else:
        what = "The quote"
    above = _NAMES[upper]
    if upper in ("open", "summary"):
        return f"{what} is glued to the {above} line, so {_HARMFUL[(upper, lower.kind)]}"
    return f"{what} is glued to the {above} above it, so {_HARMFUL[(upper, lower.kind)]}"


def _verifier(before: str, offset: int, newline: str) -> Callable[[], str | None]:
    def verify() -> str | None:
        return lost_text(before, before[:offset] + newline + before[offset:])

    return verify


def _insert_blank(card: Card, text: str, at: int, newline: str) -> Fix | None:
    before = text[card.span.start : card.span.end]
    if has_run_opener(before):
        return None
    return Fix(
        "Insert a blank line",
        (Edit(Span(at, at), newline),),
        Applicability.SAFE,
        verify=_verifier(before, at - card.span.start, newline),
    )


def _line_span(text: str, start: int) -> Span:
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if end > start and text[end - 1] == "\r":
        end -= 1
    return Span(start, end)


@rule(code="LL505", name="missing-blank-line", fix=FixAvailability.SOMETIMES, checked_fixes=True)
def missing_blank_line(ctx: Context) -> Iterator[Violation]:
    """Flag card blocks glued together where the missing blank line changes the rendering."""
    doc = ctx.doc
    text = doc.text
    for card in doc.cards:
        blocks = card.blocks
        for upper, lower in zip(blocks, blocks[1:]):
            if (upper.kind, lower.kind) not in _HARMFUL:
                continue
            yield Violation(
                span=_line_span(text, lower.span.start),
                message=_describe(upper.kind, lower, card, text),
                fix=_insert_blank(card, text, lower.span.start, doc.newline),
            )
        if card.close is not None and card.separator is not None:
            if text.count("\n", card.close.end, card.separator.start) < 2:
                yield Violation(
                    span=card.separator,
                    message="Separator `---` is glued to `</details>`, so it renders as text",
                    fix=_insert_blank(card, text, card.separator.start, doc.newline),
                )
