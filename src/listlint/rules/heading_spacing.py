"""heading-spacing: a heading glued to the text before it, or ending in white space."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from listlint.analysis.html_blocks import BlocksAbove, OpenersBelow
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.house import house_file
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.daily import outside_fences

ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
FENCE_OR_BREAK = re.compile(r"^ {0,3}(?:`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$)")


def _check_level(value: object) -> str | None:
    return None if isinstance(value, int) and 1 <= value <= 6 else "must be 1 to 6"


def _shorten(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _blank_line_before(openers: OpenersBelow, at: int, newline: str, in_html: bool) -> Fix | None:
    """Insert a blank line before the heading at `at`.

    A heading interrupts a paragraph, so the blank line changes nothing shown,
    unless the heading is inside an HTML block, which swallows it as raw text:
    the blank line ends the block and makes it a heading (what the author meant,
    but a change of rendering, so unsafe). It also turns the lines below into
    Markdown; if a fence or a comment opens there, it would run on and show the
    rest as code, so no fix is offered.
    """
    if in_html and openers.opens_below(at):
        return None
    return Fix(
        "Insert a blank line before the heading",
        (Edit(Span(at, at), newline),),
        Applicability.UNSAFE if in_html else Applicability.SAFE,
    )


@rule(
    code="LL602",
    name="heading-spacing",
    fix=FixAvailability.ALWAYS,
    options=[
        Option(
            "max-level",
            int,
            2,
            "Headings of this level or higher (`#`, `##`) need a blank line before them.",
            check=_check_level,
        )
    ],
)
def heading_spacing(ctx: Context) -> Iterator[Violation]:
    """Flag a heading glued to the paragraph before it, or with trailing white space."""
    doc = ctx.doc
    if "#" not in doc.text:
        return
    max_level = ctx.options["max-level"]
    # Blank lines and bare headings are the house's habit; in another list only a
    # heading that GitHub would not show as one (swallowed by an HTML block) is flagged.
    house = house_file(doc, ctx.settings)
    # Inside a card a `#` line is raw HTML content, not a heading: the card rules own it.
    cards = [segment.span for segment in doc.segments if segment.kind == "card"]
    card_starts = [span.start for span in cards]
    lines = doc.lines
    outside = outside_fences(lines, doc.text)
    blocks = BlocksAbove(lines)
    openers = OpenersBelow(doc.text)
    for index, line in enumerate(lines):
        if not outside[index] or line.text.lstrip()[:1] != "#":
            continue
        match = ATX_HEADING.match(line.text)
        if match is None:
            continue
        # The cards tile apart, in order: only the last one starting at or before
        # the line can hold it.
        card = bisect_right(card_starts, line.start) - 1
        if card >= 0 and cards[card].contains(line.span):
            continue
        previous = lines[index - 1] if index else None
        glued = previous is not None and not previous.blank
        block = blocks.above(index) if glued else None
        if block == "to-marker":
            continue  # in a comment (or `<pre>`), which a blank line does not end: no heading
        shown = _shorten(line.text.strip())
        if (
            glued
            and len(match.group("marks")) <= max_level
            and previous is not None
            and outside[index - 1]
            and not ATX_HEADING.match(previous.text)
            and not FENCE_OR_BREAK.match(previous.text)
        ):
            if not (house or block is not None):
                continue  # another list's habit, and GitHub shows the heading as one
            yield Violation(
                span=Span(line.start, line.start + len(line.text.rstrip())),
                message=f"Heading `{shown}` is glued to the text above it (no blank line before it)",
                fix=_blank_line_before(openers, line.start, doc.newline, in_html=block is not None),
            )
        stripped = len(line.text.rstrip())
        if house and stripped < len(line.text) and stripped > 0:
            yield Violation(
                span=Span(line.start + stripped, line.end),
                message=f"Heading `{shown}` ends with trailing white space",
                fix=Fix(
                    "Remove the trailing white space",
                    (Edit(Span(line.start + stripped, line.end), ""),),
                ),
            )
