"""CommonMark's raw HTML blocks: what starts one, what ends it, and what a blank line changes.

A blank line that a fix inserts inside a raw HTML block ends it there, so the
lines after it, up to the next blank line, are read as Markdown instead. That
is local unless one of them opens something that runs on past blank lines: a
code fence, or an HTML block of kinds 1 to 5 (a comment, `<pre>`), which end
only at their own marker. (cmark-gfm, GitHub's renderer, follows the spec.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from listlint.base.spans import Line

# Tag names in any ASCII case, and only ASCII: `ſcript` (long s) is no `script`.
_ASCII_CASE = re.IGNORECASE | re.ASCII
# Kinds 1 to 5: how the block starts, and the marker that ends it (on any line,
# the first one included: `<!-- note -->` is a whole block).
_MARKER_KINDS = (
    (r"<(?:pre|script|style|textarea)(?=[\s>]|$)", r"</(?:pre|script|style|textarea)>"),
    (r"<!--", r"-->"),
    (r"<\?", r"\?>"),
    (r"<![A-Za-z]", r">"),
    (r"<!\[CDATA\[", r"\]\]>"),
)
_MARKER_STARTS = tuple(
    (re.compile(r" {0,3}" + start, _ASCII_CASE), re.compile(end, _ASCII_CASE))
    for start, end in _MARKER_KINDS
)
# Kind 6 (a block-level tag) and kind 7 (any other tag alone on its line, which
# cannot interrupt a paragraph) end at the next blank line.
_BLOCK_TAG = re.compile(
    r" {0,3}</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|"
    r"colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|"
    r"frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    r"noframes|ol|optgroup|option|p|param|section|summary|table|tbody|td|tfoot|th|thead|"
    r"title|tr|track|ul)(?:[\s>]|/>|$)",
    _ASCII_CASE,
)
_LONE_TAG = re.compile(
    r" {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|</[A-Za-z][A-Za-z0-9-]*\s*>)\s*$"
)
_FENCE = r"`{3,}|~{3,}"
# A line that opens a fence, or a kind 1-5 block its own line does not end.
_RUN_OPENER = re.compile(
    r"^ {0,3}(?:" + _FENCE + "|" + "|".join(f"{start}(?!.*{end})" for start, end in _MARKER_KINDS) + ")",
    re.MULTILINE | _ASCII_CASE,
)
# Lines that end a paragraph without being one (a heading, a fence, a rule).
_NOT_PARAGRAPH = re.compile(r" {0,3}(?:#{1,6}(?:[ \t]|$)|" + _FENCE + r"|(?:[-*_][ \t]*){3,}$)")
_BLANK_LINE = re.compile(r"\n[ \t]*(?:\r?\n|$)")

OpenBlock = Literal["to-blank", "to-marker"]


class _BlockReader:
    """`open_block`'s walk, one line at a time (see `BlocksAbove`)."""

    def __init__(self) -> None:
        self.end: re.Pattern[str] | None = None
        """The marker that ends the kind 1-5 block open, if one is."""
        self.paragraph = False
        self.to_blank = False
        """Whether a kind 6 or 7 block opened: only a blank line ends it, so the run's answer is settled."""

    def read(self, text: str) -> None:
        if self.to_blank:
            return
        if self.end is not None:
            if self.end.search(text):
                self.end = None
            return
        started = next(((start, marker) for start, marker in _MARKER_STARTS if start.match(text)), None)
        if started is not None:
            start, marker = started
            opened = start.match(text)
            assert opened is not None
            self.end = None if marker.search(text, opened.end()) else marker
            self.paragraph = False
            return
        if _BLOCK_TAG.match(text) or (not self.paragraph and _LONE_TAG.match(text)):
            self.to_blank = True  # the run has no blank line to end it
            return
        self.paragraph = _NOT_PARAGRAPH.match(text) is None

    @property
    def open(self) -> OpenBlock | None:
        if self.to_blank:
            return "to-blank"
        return "to-marker" if self.end is not None else None


def open_block(lines: Sequence[Line]) -> OpenBlock | None:
    """The HTML block still open after `lines`, a run of non-blank lines that
    follows a blank line (or starts the file): `to-blank` for kinds 6 and 7,
    which a blank line ends, `to-marker` for kinds 1 to 5, which only their
    marker ends; None when the next line starts afresh.

    Lines inside a quote or a list are read as paragraphs: a block opened
    there ends with its container.
    """
    reader = _BlockReader()
    for line in lines:
        reader.read(line.text)
        if reader.to_blank:
            break
    return reader.open


class BlocksAbove:
    """`open_block` of the run of non-blank lines just above a line, for lines asked
    about in the order of the document.

    Each line is read once, however many lines of one run are asked about: a
    run of 20,000 headings glued one below the other is read once, not once for
    each heading.
    """

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        self._reader = _BlockReader()
        self._read_to = 0
        """The reader has read the lines of its run up to here (exclusive)."""

    def above(self, index: int) -> OpenBlock | None:
        """`open_block` of the run that ends at lines[index - 1]; indices must not
        go down from one call to the next."""
        lines = self._lines
        start = index
        # Back to the run's first line, or to where the reader stopped: the lines
        # from there on are then of the run it is reading.
        while start > self._read_to and not lines[start - 1].blank:
            start -= 1
        if start > self._read_to:  # a blank line above `start`: a run of its own
            self._reader = _BlockReader()
        for number in range(start, index):
            self._reader.read(lines[number].text)
        self._read_to = index
        return self._reader.open


def opens_run(text: str) -> bool:
    """Whether a line of `text` opens a code fence, or an HTML comment (or another
    block of kinds 1 to 5) that does not end on that line."""
    return _RUN_OPENER.search(text) is not None


def blank_line_opens_run(text: str, at: int) -> bool:
    """Whether a blank line inserted at offset `at` (a line start) inside an HTML
    block would let a fence or a comment open below it and run past the next
    blank line, where the block ended before: the rest of the card would show
    as code, `</details>` included."""
    return OpenersBelow(text).opens_below(at)


class OpenersBelow:
    """`blank_line_opens_run` for offsets of one text asked about in order.

    The blank line found below one offset, and the first opener before it, are
    kept for the next: the headings of a run glued one below the other in an
    HTML block are searched to the run's end once, not once for each.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._from = 0
        """The offset the kept search was made from."""
        self._stop = -1
        """Where the run below `_from` ends: the start of the next blank line (or of none: the text's end)."""
        self._opener: int | None = None
        """Where the first opener at or after `_from` and before `_stop` starts; None when there is none."""

    def opens_below(self, at: int) -> bool:
        text = self._text
        if at and text[at - 1] != "\n":
            # Searched in place, `^` matches only at a line start; in a slice, at its first character.
            blank = _BLANK_LINE.search(text, at)
            return opens_run(text[at : blank.start() if blank else len(text)])
        if not self._from <= at < self._stop:
            blank = _BLANK_LINE.search(text, at)
            self._stop = blank.start() if blank else len(text)
            self._opener = self._find(at)
        elif self._opener is not None and self._opener < at:
            self._opener = self._find(at)
        self._from = at
        return self._opener is not None

    def _find(self, at: int) -> int | None:
        # With the search's end at the blank line, the opener's own look ahead (a comment
        # that its line does not end) stops there, as it does in the slice up to it.
        opener = _RUN_OPENER.search(self._text, at, self._stop)
        return opener.start() if opener else None

