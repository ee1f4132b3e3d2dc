"""merge-conflict: an unresolved git merge conflict, found in the raw lines of any layout."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence

from listlint.base.spans import Line
from listlint.base.values import value
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.daily import outside_fences
from listlint.syntax.document import Document

# git writes its markers at the start of a line, seven characters long, the
# opening and closing ones followed by a space and a label (`<<<<<<< HEAD`).
# An eighth `<` is not git's: a longer run is text (or an inner conflict of a
# recursive merge, whose outer markers are the ones to resolve).
OPENING = re.compile(r"<{7}(?:[^<]|$)")
BASE = re.compile(r"\|{7}(?:[^|]|$)")
SEPARATOR = re.compile(r"={7}[ \t]*$")
CLOSING = re.compile(r">{7}(?:[^>]|$)")


@value
class Region:
    """One conflict: an opening marker up to its closing one (or to where it is cut off)."""

    opening: int
    """0-based index of the `<<<<<<<` line."""
    last: int
    """0-based index of the region's last line, inclusive: its `>>>>>>>` line if it has one."""
    base: int | None
    """0-based index of diff3's `|||||||` line, if any."""
    separator: int | None
    """0-based index of the `=======` line, if any."""
    closed: bool


def _regions(lines: Sequence[Line]) -> Iterator[Region]:
    """Every region, in order; an opening marker inside a region cuts the region off there."""
    opening: int | None = None
    base: int | None = None
    separator: int | None = None
    for index, line in enumerate(lines):
        text = line.text
        if text[:7] == "<<<<<<<" and OPENING.match(text):
            if opening is not None:
                yield Region(opening, index - 1, base, separator, closed=False)
            opening, base, separator = index, None, None
        elif opening is None:
            continue
        elif separator is None and base is None and text[:7] == "|||||||" and BASE.match(text):
            base = index
        elif separator is None and text[:7] == "=======" and SEPARATOR.match(text):
            separator = index
        elif text[:7] == ">>>>>>>" and CLOSING.match(text):
            yield Region(opening, index, base, separator, closed=True)
            opening = None
    if opening is not None:
        yield Region(opening, len(lines) - 1, base, separator, closed=False)


def _shown(line: Line) -> str:
    return textwrap.shorten(line.text.strip(), width=60, placeholder="...")


def _violation(region: Region, lines: Sequence[Line]) -> Violation:
    opening = lines[region.opening]
    where = f"lines {region.opening + 1}-{region.last + 1}"
    related = []
    if region.base is not None:
        related.append(Related(lines[region.base].span, "the common ancestor's text starts here"))
    if region.separator is not None:
        related.append(Related(lines[region.separator].span, "the other side starts here"))
    if region.closed:
        closing = lines[region.last]
        related.append(Related(closing.span, "the conflict ends here"))
        message = f"Unresolved merge conflict ({where}): `{_shown(opening)}` ... `{_shown(closing)}`"
    else:
        message = f"Unresolved merge conflict ({where}): `{_shown(opening)}` is never closed by a `>>>>>>>` line"
    return Violation(opening.span, message, related=tuple(related))


def conflicts(doc: Document) -> Iterator[Violation]:
    """The document's unresolved conflicts, one violation per region at its opening line."""
    if "<<<<<<<" not in doc.text:
        return
    lines = doc.lines
    outside: list[bool] | None = None
    for region in _regions(lines):
        if outside is None:
            outside = outside_fences(lines, doc.text)
        # A conflict shown whole in fenced code is an example. One that only
        # starts or ends in a fence is real: its sides can open or close a fence.
        if region.closed and not any(outside[region.opening : region.last + 1]):
            continue
        if not region.closed and not outside[region.opening]:
            continue  # a lone opening marker in code: an example, not a cut-off conflict
        yield _violation(region, lines)


@rule(code="LL507", name="merge-conflict", fix=FixAvailability.NONE)
def merge_conflict(ctx: Context) -> Iterator[Violation]:
    """Flag an unresolved git merge conflict: `<<<<<<<`, `=======` and `>>>>>>>` lines outside code."""
    yield from conflicts(ctx.doc)
