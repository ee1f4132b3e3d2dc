"""Lines and positions: split_lines tiles text, LineIndex maps offsets to lines."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.base.spans import Line, LineIndex, LineTable, Span, split_lines

_text = st.text(alphabet=st.sampled_from(["a", "中", "\n", "\r", "\t", " "]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_text, st.integers(0, 5))
def test_split_lines_tiles(text: str, offset: int) -> None:
    lines = split_lines(text, offset)
    assert "".join(text[l.start - offset : l.stop - offset] for l in lines) == text
    for line in lines:
        assert line.start <= line.end <= line.stop
        assert "\n" not in line.text
        assert text[line.start - offset : line.end - offset] == line.text


def test_split_lines_crlf() -> None:
    assert split_lines("a\r\nb") == [Line(0, 1, 3, "a"), Line(3, 4, 4, "b")]
    assert split_lines("a\r") == [Line(0, 2, 2, "a\r")]
    assert split_lines("") == []


@settings(max_examples=200, deadline=None)
@given(_text, st.data())
def test_line_index_agrees_with_counting(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line, column = LineIndex(text).position(offset)
    assert line == text.count("\n", 0, offset) + 1
    assert column == offset - (text.rfind("\n", 0, offset) + 1) + 1


def test_line_index_clamps() -> None:
    index = LineIndex("ab\ncd")
    assert index.position(-3) == (1, 1)
    assert index.position(99) == (2, 3)
    assert index.line_start(2) == 3 and index.line_count == 2


def test_span_overlaps() -> None:
    assert Span(3, 3).overlaps(Span(2, 5))
    assert Span(3, 3).overlaps(Span(3, 3))
    assert not Span(3, 3).overlaps(Span(3, 5))
    assert not Span(0, 2).overlaps(Span(2, 4))
    assert Span(0, 3).overlaps(Span(2, 4))
    assert Span(1, 4).contains(Span(2, 3)) and len(Span(1, 4)) == 3


@settings(max_examples=300, deadline=None)
@given(_text, st.data())
def test_line_table_within_agrees_with_splitting_the_part(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert LineTable(text).within(start, end) == split_lines(text[start:end], start)


def test_line_table_slices_whole_lines() -> None:
    table = LineTable("a\r\nb\nc")
    assert table.within(3, 6) == [Line(3, 4, 5, "b"), Line(5, 6, 6, "c")]
    assert table.within(3, 6)[0] is table.lines[1]


@given(_text, st.data())
def test_an_index_read_from_the_line_table_is_the_index_of_the_text(text: str, data: st.DataObject) -> None:
    plain, shared = LineIndex(text), LineIndex(text, LineTable(text))
    assert shared.line_count == plain.line_count
    offset = data.draw(st.integers(0, len(text)))
    assert shared.position(offset) == plain.position(offset)
    line = data.draw(st.integers(1, plain.line_count))
    assert shared.line_start(line) == plain.line_start(line)
