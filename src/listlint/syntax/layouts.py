"""Read the entries of every layout a file mixes, and tile it into their segments.

The details cards are read first (`scanner.scan`); what lies between them is given to
the readers of the other layouts in turn, each taking the lines it reads as entries:
heading cards (which hold labelled bullets and folds of their own), table rows,
paragraphs, then bullets. Fenced code and HTML comments are nobody's.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from listlint.base.spans import Line, Span
from listlint.base.values import value
from listlint.syntax.bullets import read_bullets
from listlint.syntax.headings import heading_level, read_headings
from listlint.syntax.model import Entry, PaperEntry, Segment, SegmentKind, Source, Text
from listlint.syntax.paragraphs import read_paragraphs
from listlint.syntax.parts import FREE, HIDDEN, TAKEN
from listlint.syntax.scanner import FENCE_OPEN, _fence_closes, scan
from listlint.syntax.tables import read_tables

SEGMENT_KINDS: dict[str, SegmentKind] = {
    "heading": "heading-card",
    "bullet": "bullet-entry",
    "paragraph": "paragraph-entry",
    "table-row": "table-row",
}


def line_states(
    lines: Sequence[Line], segments: Sequence[Segment], starts: Sequence[int]
) -> tuple[list[int], list[int]]:
    """For each line, whether a reader may take it (`FREE`), must look past it (`HIDDEN`:
    fenced code, HTML comments) or must stop at it (`TAKEN`: a card's); and the indices
    of the free lines, which are all the readers look at (between the cards of a card
    list, few). `starts` are the lines' start offsets."""
    state = [TAKEN] * len(lines)
    free: list[int] = []
    for segment in segments:
        if segment.kind != "verbatim":
            continue
        fence: str | None = None
        in_comment = False
        first = bisect.bisect_left(starts, segment.span.start)
        last = bisect.bisect_left(starts, segment.span.end, first)
        for index in range(first, last):
            body = lines[index].text
            if fence is not None:
                state[index] = HIDDEN
                if _fence_closes(body, fence):
                    fence = None
                continue
            if in_comment:
                state[index] = HIDDEN
                in_comment = "-->" not in body
                continue
            stripped = body.lstrip()
            lead = stripped[:1]
            if lead in ("`", "~"):
                opened = FENCE_OPEN.match(body)
                if opened:
                    fence = opened.group("fence")
                    state[index] = HIDDEN
                    continue
            if lead == "<" and stripped.startswith("<!--"):
                state[index] = HIDDEN
                in_comment = stripped.find("-->", 4) < 0
                continue
            state[index] = FREE
            free.append(index)
    return state, free


def scan_layouts(
    text: str, lines: list[Line], doc: Source | None = None, starts: Sequence[int] | None = None
) -> tuple[list[Segment], list[Entry]]:
    """Tile `text` into the segments of its entries, of every layout but the daily.

    `lines` are `split_lines(text)`, and `starts` their start offsets when the caller has them.
    """
    house_segments, cards = scan(text, lines, doc=doc)
    if starts is None:
        starts = [line.start for line in lines]
    state, free = line_states(lines, house_segments, starts)
    found: list[PaperEntry] = []
    for reader in (read_headings, read_tables, read_paragraphs, read_bullets):
        found.extend(reader(text, lines, state, free, doc))
        free = [index for index in free if state[index] == FREE]
    if not found:
        return house_segments, list(cards)
    found.sort(key=lambda entry: entry.span.start)
    entries: list[Entry] = []
    segments: list[Segment] = []
    others = iter(found)
    other = next(others, None)
    for segment in house_segments:
        if segment.kind != "verbatim":
            segments.append(segment)
            continue
        start = segment.span.start
        while other is not None and other.span.start < segment.span.end:
            if other.span.start > start:
                segments.append(Segment("verbatim", Span(start, other.span.start)))
            segments.append(Segment(SEGMENT_KINDS[other.layout], other.span))
            entries.append(other)
            start = other.span.end
            other = next(others, None)
        if start < segment.span.end:
            segments.append(Segment("verbatim", Span(start, segment.span.end)))
    entries.extend(cards)
    entries.sort(key=lambda entry: entry.span.start)
    return segments, entries


@value
class LayoutSection:
    """The entries read under one heading of a file: how many of each layout."""

    heading: Text | None
    """The heading's line, stripped (`## Papers`); None for the text before the first heading."""
    span: Span
    """From the heading's line to the next heading's (or the end of the file)."""
    counts: tuple[tuple[str, int], ...]
    """(layout, entries) for each layout read in the section, in the order first met."""

    @property
    def entries(self) -> int:
        return sum(count for _, count in self.counts)


def layout_sections(text: str, lines: Sequence[Line], entries: Sequence[Entry]) -> tuple[LayoutSection, ...]:
    """The sections of a file that hold entries, each with the layouts read in it.

    A section is the text under a heading (one that is no entry's own, as a heading
    card's is), outside fenced code and the entries.
    """
    spans = [entry.span for entry in entries]
    headings: list[int] = []
    fence: str | None = None
    position = 0
    for index, line in enumerate(lines):
        body = line.text
        if fence is not None:
            if _fence_closes(body, fence):
                fence = None
            continue
        lead = body.lstrip()[:1]
        if lead in ("`", "~") and FENCE_OPEN.match(body):
            fence = FENCE_OPEN.match(body).group("fence")  # type: ignore[union-attr]
            continue
        if lead != "#" or not heading_level(body):
            continue
        while position < len(spans) and spans[position].end <= line.start:
            position += 1
        if position < len(spans) and spans[position].start <= line.start:
            continue  # inside an entry: a heading card's own, or a card's text
        headings.append(index)
    bounds = [0] + [lines[index].start for index in headings] + [len(text)]
    titles: list[Text | None] = [None] + [Text(lines[i].span, lines[i].text.strip()) for i in headings]
    found = []
    cursor = 0
    for number, title in enumerate(titles):
        start, end = bounds[number], bounds[number + 1]
        counts: dict[str, int] = {}
        while cursor < len(entries) and entries[cursor].span.start < end:
            layout = entries[cursor].layout
            counts[layout] = counts.get(layout, 0) + 1
            cursor += 1
        if counts:
            found.append(LayoutSection(title, Span(start, end), tuple(counts.items())))
    return tuple(found)
