"""Spans and line positions in a decoded document."""

from __future__ import annotations

import bisect
from functools import partial
from itertools import accumulate
from operator import add
from typing import NamedTuple

from listlint.base.values import value


@value(order=True, slots=True)
class Span:
    """A half-open range of character offsets into the decoded text."""

    start: int
    """0-based offset of the first character."""
    end: int
    """0-based offset one past the last character (exclusive)."""

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether two edits on these spans would collide.

        Ranges overlap when they share a character; an insertion (empty span)
        collides with a range that strictly contains its point, and with an
        insertion at the same point: (3,3) collides with (2,5) and (3,3).
        """
        if self.start == self.end and other.start == other.end:
            return self.start == other.start
        if self.start == self.end:
            return other.start < self.start < other.end
        if other.start == other.end:
            return self.start < other.start < self.end
        return self.start < other.end and other.start < self.end

    def shift(self, delta: int) -> Span:
        return Span(self.start + delta, self.end + delta)




class Line(NamedTuple):
    """One physical line of a document (a tuple: made once per line, so it must be cheap)."""

    start: int
    """0-based offset of the first character of the line."""
    end: int
    """0-based offset just past the line's content, before its line ending."""
    stop: int
    """0-based offset just past the line ending (the next line's start)."""
    text: str
    """The content without its line ending (a trailing "\\r" of CRLF removed)."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(text: str, offset: int = 0) -> list[Line]:
    """Split text into lines that tile it exactly; offsets start at `offset`.

    Only "\n" ends a line; a CRLF line keeps "\r" out of `text` but inside
    [end, stop): "a\r\nb" -> Line(0, 1, 3, "a"), Line(3, 4, 4, "b").
    """
    # Built with map/zip rather than a loop: a list file has tens of thousands
    # of lines and this runs once per document. "a\nbc\n" splits into
    # ["a", "bc", ""]: starts [0, 2, 5], the "" after the last "\n" is no line.
    pieces = text.split("\n")
    tail = pieces.pop()
    starts = list(accumulate([len(piece) + 1 for piece in pieces], initial=offset))
    if "\r" in text:
        contents = [piece[:-1] if piece.endswith("\r") else piece for piece in pieces]
    else:
        contents = pieces
    ends = map(add, starts, map(len, contents))
    lines = list(map(_new_line, zip(starts, ends, starts[1:], contents)))
    if tail:
        # A last line without "\n" keeps a lone "\r" as content: it ends nothing.
        position = starts[-1]
        lines.append(Line(position, position + len(tail), position + len(tail), tail))
    return lines


# Line((start, end, stop, text)) without the Python-level __new__ of a NamedTuple.
_new_line = partial(tuple.__new__, Line)


class LineTable:
    """The lines of a whole text, from which the lines of any part are read without splitting again."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[Line] | None = split_lines(text)
        self.starts = [line.start for line in self._lines]
        """Where each line starts (shared: do not change the list)."""

    @property
    def lines(self) -> list[Line]:
        """Every line; split afresh once `release` let them go."""
        return self._lines if self._lines is not None else split_lines(self.text)

    def release(self) -> None:
        """Let the lines go, keeping where they start: a parsed file's lines take about
        four times its text (a tuple, three offsets and a copy of each line), and the few
        rules that read lines after the parse read them once."""
        self._lines = None

    def within(self, start: int, end: int) -> list[Line]:
        """The same lines as `split_lines(text[start:end], start)`.

        Sliced from the table when the range starts a line and ends at a line's
        end or stop (a card, a section); split afresh where a line would be cut.
        """
        lines = self._lines
        if lines is None:
            return split_lines(self.text[start:end], start)
        starts = self.starts
        first = bisect.bisect_left(starts, start)
        if start == end or first == len(starts) or starts[first] != start:
            return split_lines(self.text[start:end], start)
        last = bisect.bisect_right(starts, end, first) - 1
        line = lines[last]
        if line.start == end:
            return lines[first:last]
        if line.end == end:
            # The part stops before the line ending: its last line has none.
            return [*lines[first:last], Line(line.start, end, end, line.text)]
        return split_lines(self.text[start:end], start)


class LineIndex:
    """Maps offsets to 1-based (line, column) positions."""

    def __init__(self, text: str, table: LineTable | None = None) -> None:
        if table is not None and table.text is text:
            # The table's lines start where these do, but for the empty line after
            # a last "\n" (or of an empty text), which is a position here.
            self._starts = table.starts
            if not text or text.endswith("\n"):
                self._starts = [*self._starts, len(text)]
        else:
            # Each "\n" starts a line; summed with accumulate in C rather than found one
            # by one (a list file has tens of thousands of lines).
            pieces = text.split("\n")
            pieces.pop()
            self._starts = list(accumulate([len(piece) + 1 for piece in pieces], initial=0))
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and 1-based column (in characters) of an offset."""
        if offset < 0:
            offset = 0
        elif offset > self._length:
            offset = self._length
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._starts[line - 1]


def first_content_line(text: str, span: Span, markers: str = " \t>") -> Span:
    """The first line of `span` with content, without leading/trailing `markers` and white space.

    For a quote body `"> \\n> Shows a card.  "` at offset 10 this is the span
    of `Shows a card.` (quote markers and indentation dropped); a span
    without content comes back unchanged.
    """
    offset = span.start
    for line in text[span.start : span.end].splitlines(keepends=True):
        content = line.lstrip(markers).rstrip()
        if content:
            start = offset + len(line) - len(line.lstrip(markers))
            return Span(start, start + len(content))
        offset += len(line)
    return span
