"""The library API never raises on arbitrary text, and formatting is idempotent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.api import check_text, fix_text, format_text, parse_text
from listlint.base.errors import UnsafeFixError
from strategies import any_text, messy_cards

_paths = st.sampled_from(["README.md", "README_zh.md"])


@settings(max_examples=150, deadline=None)
@given(any_text, _paths)
def test_check_never_raises(text: str, path: str) -> None:
    for finding in check_text(text, path):
        assert 0 <= finding.span.start <= finding.span.end <= len(text)
        assert finding.line >= 1 and finding.column >= 1


@settings(max_examples=150, deadline=None)
@given(any_text, _paths)
def test_fix_never_raises_and_settles(text: str, path: str) -> None:
    try:
        outcome = fix_text(text, path, unsafe=True)
    except UnsafeFixError:
        return  # refusing is allowed; raising anything else is not
    assert fix_text(outcome.text, path, unsafe=True).text == outcome.text
    assert "".join(parse_text(outcome.text, path).segment_texts()) == outcome.text


@settings(max_examples=100, deadline=None)
@given(st.lists(messy_cards().map(lambda c: c.text), min_size=1, max_size=3).map("".join), _paths)
def test_check_and_fix_never_raise_on_messy_cards(text: str, path: str) -> None:
    # Cards reach every rule; random text seldom does.
    assert check_text(text, path)
    try:
        outcome = fix_text(text, path, unsafe=True)
    except UnsafeFixError:
        return
    assert fix_text(outcome.text, path, unsafe=True).text == outcome.text


@settings(max_examples=150, deadline=None)
@given(st.one_of(any_text, st.lists(messy_cards().map(lambda c: c.text), max_size=3).map("".join)))
def test_format_is_idempotent(text: str) -> None:
    try:
        once = format_text(text)
    except UnsafeFixError:
        return
    assert format_text(once) == once


def test_format_keeps_text_it_does_not_understand() -> None:
    text = "# List\r\n\r\nprose  \r\n<details>\r\n<summary>x</summary>\r\n</details>\r\n"
    assert format_text(text) == text
