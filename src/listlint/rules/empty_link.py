"""empty-link: a link with no destination (`[[Code]]()`, `[[Code]](#)`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import all_links
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Link

_SEPARATOR_BEFORE = re.compile(r"[ \t]*[|｜,、][ \t]*$")
_SEPARATOR_AFTER = re.compile(r"^[ \t]*[|｜,、][ \t]*")


def _removal(text: str, link: Link) -> Span:
    """The link with one separator next to it: the one before, else the one after.

    A link in brackets of its own (`[[Github]()]`, as other lists write their links)
    goes with its brackets, which would be left as `[]`.
    """
    start, end = link.span.start, link.span.end
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        start, end = start - 1, end + 1
    line_start = text.rfind("\n", 0, start) + 1
    before = _SEPARATOR_BEFORE.search(text, line_start, start)
    if before is not None:
        return Span(before.start(), end)
    after = _SEPARATOR_AFTER.match(text[end : end + 8])
    if after is not None:
        return Span(start, end + after.end())
    # The only link of its value: take the space before it too, so no trailing blank stays.
    before_link = text[line_start:start]
    lead = len(before_link) - len(before_link.rstrip(" \t"))
    return Span(start - lead, end)


@rule(code="LL411", name="empty-link", fix=FixAvailability.ALWAYS)
def empty_link(ctx: Context) -> Iterator[Violation]:
    """Flag a link whose destination is empty or `#`."""
    text = ctx.doc.text
    for entry in ctx.doc.entries:
        for link in all_links(entry):
            if link.url.value.strip() not in ("", "#"):
                continue
            yield Violation(
                span=link.span,
                message=f"`{link.label.value}` link has no destination",
                fix=Fix(
                    "Remove the empty link",
                    (Edit(_removal(text, link), ""),),
                    Applicability.UNSAFE,
                ),
            )
