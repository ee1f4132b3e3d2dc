"""What an HTML block leaves open around a line, read run by run as one run is read alone."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.analysis.html_blocks import BlocksAbove, OpenersBelow, open_block, opens_run
from listlint.base.spans import split_lines

# Lines that open, end or leave open the blocks `open_block` knows, among text and blanks.
LINES = (
    "", "   ", "text", "## Heading", "# Title", "<div>", "</div>", "<details>", "<span>", "<b>bold</b> text",
    "<!-- note", "<!-- note -->", "-->", "<pre>", "</pre>", "<?php", "?>", "<!DOCTYPE html>", "<![CDATA[", "]]>",
    "```", "---", "> quote", "* item", "  <p>",
)


def _open_block_above(lines, index):  # type: ignore[no-untyped-def]
    """`open_block` of the whole run of non-blank lines that ends at lines[index - 1]."""
    start = index
    while start > 0 and not lines[start - 1].blank:
        start -= 1
    return open_block(lines[start:index])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40), st.data())
def test_blocks_above_answer_as_open_block_of_the_run(texts: list[str], data: st.DataObject) -> None:
    lines = split_lines("\n".join(texts))
    asked = sorted(data.draw(st.lists(st.integers(0, len(lines)), max_size=20)))
    blocks = BlocksAbove(lines)
    for index in asked:  # in order, some twice, some runs asked about at several lines
        assert blocks.above(index) == _open_block_above(lines, index), (texts, index)


def test_a_run_of_glued_lines_is_read_once() -> None:
    lines = split_lines("<!-- a\n" + "## Heading\n" * 5 + "-->\n## After\n\n## Alone\n")
    blocks = BlocksAbove(lines)
    assert [blocks.above(index) for index in range(1, 7)] == ["to-marker"] * 6
    assert blocks.above(7) is None  # the comment ended on the line above
    assert blocks.above(9) is None  # a blank line above


def _opens_below_in_a_slice(text: str, at: int) -> bool:
    """`blank_line_opens_run` as it was written: the run below `at` cut out, then searched."""
    blank = re.compile(r"\n[ \t]*(?:\r?\n|$)").search(text, at)
    return opens_run(text[at : blank.start() if blank else len(text)])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=40), st.sampled_from(["\n", "\r\n"]), st.data())
def test_openers_below_answer_as_the_slice_did(texts: list[str], newline: str, data: st.DataObject) -> None:
    text = newline.join(texts)
    starts = [line.start for line in split_lines(text)] or [0]
    # Line starts in order, the same one now and then, and a few offsets inside a line.
    asked = sorted(data.draw(st.lists(st.sampled_from(starts) | st.integers(0, len(text)), max_size=20)))
    openers = OpenersBelow(text)
    for at in asked:
        assert openers.opens_below(at) == _opens_below_in_a_slice(text, at), (text, at)
