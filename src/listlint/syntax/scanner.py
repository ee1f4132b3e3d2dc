"""Tile a list file into segments: cards, heading entries and verbatim runs.

The scanner is ours because positions are ours (STYLE.md, principle 1): it
walks lines once, knows fenced code and HTML comments, and hands each
top-level `<details>` block to the card parser. Whatever is not an entry is a
verbatim segment, and `"".join(segment texts) == text` for any input.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from listlint.base.spans import Line, Span, split_lines
from listlint.syntax.cards import (
    DETAILS_OPEN_LINE,
    count_details,
    may_hold_details,
    may_find_fields,
    may_link_title,
    may_make_card,
    parse_card,
)
from listlint.syntax.model import Card, Segment, Source

FENCE_OPEN = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
SEPARATOR = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}(?:\*[ \t]*){3,}$|^ {0,3}(?:_[ \t]*){3,}$")
HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
CARD_SUMMARY = re.compile(r"<(?ai:summary)\b[^>]*>\s*<(?ai:b|strong)>")


def _fence_closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return (
        len(line) - len(line.lstrip(" ")) < 4
        and stripped.startswith(fence[0] * len(fence))
        and not stripped.strip(fence[0])
    )


def _starts_card(lines: Sequence[Line], index: int) -> bool:
    """Whether lines[index] opens a `<details>` whose summary is a bold title."""
    line = lines[index]
    # `</details>` and `<summary>` lines, the usual ones led by `<`, fail the
    # first test without a regex: an opening tag starts `<d` after the indent.
    if line.text.lstrip(" ")[:2] not in ("<d", "<D") or not DETAILS_OPEN_LINE.match(line.text):
        return False
    if CARD_SUMMARY.search(line.text):
        return True
    nxt = index + 1
    while nxt < len(lines) and lines[nxt].blank:
        nxt += 1
    return nxt < len(lines) and CARD_SUMMARY.search(lines[nxt].text) is not None


def is_separator(text: str) -> bool:
    """Whether a line is a thematic break (`---`, `* * *`, `___`)."""
    # A break holds nothing but its marker and blanks: one cheap strip rules
    # out the field and list lines that also start with `*` or `-`.
    return not text.strip(" \t-*_") and SEPARATOR.match(text) is not None


def find_block_end(lines: Sequence[Line], start: int) -> tuple[int, bool]:
    """Index of the last line of the `<details>` block opened at `start`, and whether it closes.

    An unclosed card must not swallow the rest of the file: it is cut before
    the next card-like `<details>`, a heading or a `---` separator met while
    it is still open, which real cards never contain.
    """
    depth = 0
    fence: str | None = None
    index = start
    count = len(lines)
    while index < count:
        text = lines[index].text
        if fence is not None:
            if _fence_closes(text, fence):
                fence = None
            index += 1
            continue
        if index > start:
            lead = text.lstrip()[:1]
            # Only a line led by one of these can open a fence or cut the block.
            if lead and lead in "`~#-*_<":
                opened_fence = FENCE_OPEN.match(text) if lead in "`~" else None
                if opened_fence:
                    fence = opened_fence.group("fence")
                    index += 1
                    continue
                if (
                    (lead == "#" and HEADING.match(text))
                    or (lead in "-*_" and is_separator(text))
                    or (lead == "<" and depth > 0 and _starts_card(lines, index))
                ):
                    end = index - 1
                    while end > start and lines[end].blank:
                        end -= 1
                    return end, False
        if may_hold_details(text):
            opened, closed = count_details(text)
            depth += opened - closed
        if depth <= 0:
            return index, True
        index += 1
    end = count - 1
    while end > start and lines[end].blank:
        end -= 1
    return end, False


class _Folds:
    """`find_block_end` of the `<details>` lines inside a block that is no card, and
    whether their blocks may be cards, for all of them in one walk of the block.

    The scanner tries each `<details>` line inside such a block as a card of its own:
    without this, N folds nested in one another are walked to their common end N
    times, and parsed as many.

    A fold inside the block ends where `find_block_end` from its line would: the walk
    from it meets the same lines in the same fences, and a depth that differs from the
    block's by the depth above the fold, so it closes at the first line where the
    block's depth comes back to that; and it is cut, if it does not close, where the
    block was cut (no line inside the block cuts, or the block would have ended there).
    A fold inside fenced code is left to `find_block_end` (the scanner never meets one
    there unless an HTML comment misled the block's walk).
    """

    def __init__(self, text: str, lines: Sequence[Line], start: int, end: int, closed: bool) -> None:
        self._text = text
        self._lines = lines
        self.start = start
        self.end = end
        self.ends: dict[int, tuple[int, bool]] = {}
        """By the index of a `<details>` line: what `find_block_end` says of it."""
        self._cardish = [0]
        """How many of the lines after `start` up to each make a card (`may_make_card`)."""
        self._section_ends: dict[int, int] = {}
        """By the index of a line led by `<details`: the last line of the section `parse_card`
        would read from it, to the first line where its count of tags (fences or not)
        comes back to zero; none when that is past the block's end."""
        sections: list[tuple[int, int]] = []  # lines led by `<details` whose end is not met: (index, tags before)
        tags = 0  # `<details>` opened less closed on the lines after `start`, fences or not
        waiting: list[tuple[int, int]] = []  # unclosed folds: (line index, depth above it)
        depth = 0
        fence: str | None = None
        count = 0
        for index in range(start + 1, end + 1):
            text = lines[index].text
            stripped = text.lstrip()
            lead = stripped[:1]
            # Counted in fenced code too: `parse_card` does not know fences.
            if lead in ("*", "-", "+", ">") and may_make_card(text):
                count += 1
            self._cardish.append(count)
            tagged = may_hold_details(text)
            if tagged:
                if lead == "<" and stripped[:8].lower() == "<details":
                    sections.append((index, tags))
                opened, closed_count = count_details(text)
                tags += opened - closed_count
                # The sections waiting began at fewer tags the later they began (each one
                # still open has more tags than the one below it): those that end here are on top.
                while sections and sections[-1][1] >= tags:
                    self._section_ends[sections.pop()[0]] = index
            if fence is not None:
                if _fence_closes(text, fence):
                    fence = None
                continue
            opened_fence = FENCE_OPEN.match(text) if lead in ("`", "~") else None
            if opened_fence:
                fence = opened_fence.group("fence")
                continue
            if tagged:
                above = depth
                depth += opened - closed_count
                if lead == "<" and DETAILS_OPEN_LINE.match(text):
                    waiting.append((index, above))
            # The folds waiting are deeper the later they opened: those the line closes are on top.
            while waiting and waiting[-1][1] >= depth:
                self.ends[waiting.pop()[0]] = (index, True)
        if not closed:  # a closed block closes every fold inside it
            for index, _ in waiting:
                self.ends[index] = (end, False)

    def may_be_card(self, start: int, end: int, closed: bool) -> bool:
        """Whether the block of lines[start : end + 1], inside this one, may be a card: a
        line of it that `parse_card` reads outside its sections makes one (`may_make_card`,
        `may_find_fields`), or its title may link a page."""
        if self._cardish[end - self.start] > self._cardish[start - self.start] and may_find_fields(
            self._text, self._lines, start, end + 1, closed, self._section_stop
        ):
            return True
        return may_link_title(self._lines, start, end + 1)

    def _section_stop(self, index: int, last: int) -> int:
        end = self._section_ends.get(index)
        return last if end is None else min(end + 1, last)


def _separator_after(lines: Sequence[Line], index: int) -> int | None:
    """Index of a `---` line that follows lines[index] after blank lines only."""
    nxt = index + 1
    while nxt < len(lines) and lines[nxt].blank:
        nxt += 1
    if nxt < len(lines) and is_separator(lines[nxt].text) and lines[nxt].text.strip().startswith("-"):
        return nxt
    return None


def scan(
    text: str, lines: list[Line] | None = None, doc: Source | None = None
) -> tuple[list[Segment], list[Card]]:
    """Tile `text` into segments and parse the cards among them.

    `lines` are `split_lines(text)` when the caller has them already; the
    cards point back to `doc`.
    """
    if lines is None:
        lines = split_lines(text)
    segments: list[Segment] = []
    cards: list[Card] = []
    verbatim_start = 0
    fence: str | None = None
    in_comment = False
    folds: _Folds | None = None  # the last block met that is no card
    index = 0
    while index < len(lines):
        line = lines[index]
        body = line.text
        if fence is not None:
            if _fence_closes(body, fence):
                fence = None
            index += 1
            continue
        if in_comment:
            if "-->" in body:
                in_comment = False
            index += 1
            continue
        stripped = body.lstrip()
        lead = stripped[:1]
        opened_fence = FENCE_OPEN.match(body) if lead in ("`", "~") else None
        if opened_fence:
            fence = opened_fence.group("fence")
            index += 1
            continue
        if stripped.startswith("<!--") and "-->" not in stripped[4:]:
            in_comment = True
            index += 1
            continue
        if lead == "<" and DETAILS_OPEN_LINE.match(body):
            known = folds.ends.get(index) if folds is not None else None
            end, closed = known if known is not None else find_block_end(lines, index)
            separator_index = _separator_after(lines, end) if closed else None
            last = lines[separator_index] if separator_index is not None else lines[end]
            card = None
            if known is None or folds is None or folds.may_be_card(index, end, closed):
                card = parse_card(
                    text,
                    lines[index : end + 1],
                    closed,
                    lines[separator_index] if separator_index is not None else None,
                    last.stop,
                    doc,
                )
            if card is None and (folds is None or index > folds.end) and end > index:
                # The lines below are tried as cards one by one: the folds among them
                # are read now, at once (a fold inside this one is known already).
                folds = _Folds(text, lines, index, end, closed)
            if card is not None:
                if line.start > verbatim_start:
                    segments.append(Segment("verbatim", Span(verbatim_start, line.start)))
                segments.append(Segment("card", card.span))
                cards.append(card)
                verbatim_start = card.span.end
                index = (separator_index if separator_index is not None else end) + 1
                continue
        index += 1
    if verbatim_start < len(text):
        segments.append(Segment("verbatim", Span(verbatim_start, len(text))))
    return segments, cards

