"""The spans taken so far, and whether a new one collides with any, in logarithmic time."""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort

from listlint.base.spans import Span


class SpanIndex:
    """Answers `any(span.overlaps(taken) for taken in added)` without the walk.

    Ranges (non-empty spans) are kept merged where they share a character, so the
    kept ones are disjoint and sorted by start and by end alike. Merging keeps both
    things a query asks: the characters covered (for a range) and the points
    strictly inside a range (for an insertion). (2,5) and (4,7) become (2,7): it
    shares a character with exactly the ranges either did, and holds the points
    3 to 6, which one of them held strictly inside. Touching ranges are not merged:
    (2,5) and (5,7) leave the insertion at 5 free. Insertions (empty spans) are
    kept apart, as sorted points.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        """Starts of the merged ranges, ascending; `_ends` holds their ends, in step."""
        self._ends: list[int] = []
        self._points: list[int] = []
        """Offsets of the insertions, ascending (a point may repeat)."""

    def collides(self, span: Span) -> bool:
        """Whether `span` overlaps (`Span.overlaps`) a span added so far."""
        start, end = span.start, span.end
        points = self._points
        if start == end:
            # An insertion collides with a range holding its point strictly inside,
            # and with an insertion at the same point.
            index = bisect_left(self._starts, start) - 1  # the last range starting before it
            if index >= 0 and self._ends[index] > start:
                return True
            at = bisect_left(points, start)
            return at < len(points) and points[at] == start
        # A range collides with a range sharing a character: of those starting before
        # its end, the last one has the largest end (the kept ranges are disjoint).
        index = bisect_left(self._starts, end) - 1
        if index >= 0 and self._ends[index] > start:
            return True
        # And with an insertion strictly inside it.
        after = bisect_right(points, start)
        return after < len(points) and points[after] < end

    def add(self, span: Span) -> None:
        start, end = span.start, span.end
        if start == end:
            insort(self._points, start)
            return
        # The kept ranges sharing a character with the new one are those ending after
        # its start and starting before its end: indices low to high - 1.
        low = bisect_right(self._ends, start)
        high = bisect_left(self._starts, end)
        if low < high:
            start = min(start, self._starts[low])
            end = max(end, self._ends[high - 1])
        self._starts[low:high] = [start]
        self._ends[low:high] = [end]
