"""The index of taken spans answers as comparing with every taken span would (`Span.overlaps`)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.base.span_index import SpanIndex
from listlint.base.spans import Span


@st.composite
def spans(draw: st.DrawFn) -> Span:
    # Small offsets, so that spans meet, touch, nest and repeat often; a third are insertions.
    start = draw(st.integers(0, 12))
    length = draw(st.sampled_from([0, 0, 1, 2, 3, 5, 8, 13]))
    return Span(start, start + length)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(spans(), st.booleans()), max_size=40), st.lists(spans(), max_size=20))
def test_collides_answers_as_the_pairwise_comparison(steps: list[tuple[Span, bool]], probes: list[Span]) -> None:
    # Spans are added whether or not they collide (one fix's own edits may overlap),
    # and each is asked about before it is added.
    index = SpanIndex()
    added: list[Span] = []
    for span, add in steps:
        assert index.collides(span) == any(span.overlaps(other) for other in added), (span, added)
        if add:
            index.add(span)
            added.append(span)
    for span in probes:
        assert index.collides(span) == any(span.overlaps(other) for other in added), (span, added)


def test_touching_ranges_leave_the_insertion_between_them_free() -> None:
    index = SpanIndex()
    index.add(Span(2, 5))
    index.add(Span(5, 7))
    assert not index.collides(Span(5, 5))
    assert not index.collides(Span(0, 2)) and not index.collides(Span(7, 9))
    assert index.collides(Span(4, 6)) and index.collides(Span(3, 3)) and index.collides(Span(6, 6))


def test_overlapping_ranges_merge_and_insertions_collide_only_at_their_point() -> None:
    index = SpanIndex()
    index.add(Span(2, 5))
    index.add(Span(4, 7))  # one fix's edits may overlap each other
    index.add(Span(10, 10))
    assert [index.collides(Span(point, point)) for point in range(12)] == [
        False, False, False, True, True, True, True, False, False, False, True, False,
    ]
    assert index.collides(Span(9, 11)) and not index.collides(Span(9, 10)) and not index.collides(Span(10, 12))
