"""missing-blank-line: blocks of a card glued together where the glue changes rendering."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from listlint.analysis.html_blocks import blank_line_opens_run, opens_run
from listlint.analysis.visible import lost_text
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Block, Card

# (upper block, lower block) -> what the glue does on GitHub. A raw HTML block
# runs to the next blank line, so Markdown glued below `<summary>` is shown as
# raw text. The other way round is harmless: a `<details>` or `</details>` line
# starts an HTML block, which ends a list or a quote glued above it (cmark-gfm
# renders that glue exactly as it renders the blank line).
_HARMFUL = {
    ("open", "fields"): "the fields render as raw text",
    ("open", "quote"): "the quote renders as raw text",
    ("summary", "fields"): "the fields render as raw text",
    ("summary", "quote"): "the quote renders as raw text",
}
_NAMES = {"open": "`<details>`", "summary": "`<summary>`"}


def _describe(upper: str, lower: Block) -> str:
    what = "The field list" if lower.kind == "fields" else "The quote"
    return f"{what} is glued to the {_NAMES[upper]} line, so {_HARMFUL[(upper, lower.kind)]}"


def _verifier(before: str, offset: int, newline: str) -> Callable[[], str | None]:
    def verify() -> str | None:
        return lost_text(before, before[:offset] + newline + before[offset:])

    return verify


def _insert_blank(card: Card, text: str, at: int, newline: str) -> Fix | None:
    before = text[card.span.start : card.span.end]
    # The blank line ends the HTML block: a fence or a comment that opens in the
    # card, or below it before the next blank line (a card cut short at a heading),
    # could turn the rest of the card into code, which the visible-text check
    # would refuse; such a fix would only stop `listlint fix`.
    if opens_run(before) or blank_line_opens_run(text, at):
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
                message=_describe(upper.kind, lower),
                fix=_insert_blank(card, text, lower.span.start, doc.newline),
            )
        if card.close is not None and card.separator is not None:
            if text.count("\n", card.close.end, card.separator.start) < 2:
                yield Violation(
                    span=card.separator,
                    message="Separator `---` is glued to `</details>`, so it renders as text",
                    fix=_insert_blank(card, text, card.separator.start, doc.newline),
                )
