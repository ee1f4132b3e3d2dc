"""heading-spacing: a heading glued to the text before it, or ending in white space."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Line, Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.house import house_file
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.daily import outside_fences

ATX_HEADING = re.compile(r"^ {0,3}(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?[ \t]*$")
# Lines that open a CommonMark HTML block (kinds 6 and 7): the block runs to
# the next blank line and swallows a heading glued to it.
HTML_BLOCK_START = re.compile(
    r"^ {0,3}(?:</?(?ai:address|article|aside|blockquote|center|details|dialog|div|dl|"
    r"fieldset|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|"
    r"table|tbody|td|th|thead|tr|ul)(?:[\s/>]|$)|</?[A-Za-z][A-Za-z0-9-]*[^<>]*>\s*$|<!--)"
)
FENCE_OR_BREAK = re.compile(r"^ {0,3}(?:`{3,}|~{3,}|(?:[-*_][ \t]*){3,}$)")


def _check_level(value: object) -> str | None:
    return None if isinstance(value, int) and 1 <= value <= 6 else "must be 1 to 6"


def _shorten(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _in_html_block(lines: list[Line], index: int) -> bool:
    """Whether lines[index] belongs to an HTML block: its run of non-blank lines opens one.

    A comment's block ends on the line that closes it, not at a blank line: after
    `<!-- note -->` the next line starts anew.
    """
    last = index
    while index > 0 and not lines[index - 1].blank:
        index -= 1
    if HTML_BLOCK_START.match(lines[index].text) is None:
        return False
    if lines[index].text.lstrip().startswith("<!--"):
        return not any("-->" in line.text for line in lines[index:last + 1])
    return True


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
    lines = doc.lines
    outside = outside_fences(lines, doc.text)
    for index, line in enumerate(lines):
        if not outside[index] or line.text.lstrip()[:1] != "#":
            continue
        match = ATX_HEADING.match(line.text)
        if match is None or any(span.contains(line.span) for span in cards):
            continue
        shown = _shorten(line.text.strip())
        previous = lines[index - 1] if index else None
        if (
            len(match.group("marks")) <= max_level
            and previous is not None
            and outside[index - 1]
            and not previous.blank
            and not ATX_HEADING.match(previous.text)
            and not FENCE_OR_BREAK.match(previous.text)
        ):
            # Inside an HTML block the heading is swallowed as raw text; the
            # blank line makes it a heading, which changes the rendering.
            html = _in_html_block(lines, index - 1)
            if not (house or html):
                continue
            yield Violation(
                span=Span(line.start, line.start + len(line.text.rstrip())),
                message=f"Heading `{shown}` is glued to the text above it (no blank line before it)",
                fix=Fix(
                    "Insert a blank line before the heading",
                    (Edit(Span(line.start, line.start), doc.newline),),
                    Applicability.UNSAFE if html else Applicability.SAFE,
                ),
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
