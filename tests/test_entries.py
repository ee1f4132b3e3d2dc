"""Entry helpers, and the links-and-fields fixes composed with the formatter on real lists."""

from __future__ import annotations

import pytest

from conftest import shared_path
from listlint.api import check_text, fix_text, parse_text
from listlint.base.spans import Span
from listlint.rulekit.entries import entry_name, whole_lines

CARD = "<details>\n{summary}\n\n* **arXiv ID:** 2101.00001\n</details>\n"


def _card(summary: str):  # type: ignore[no-untyped-def]
    return parse_text(CARD.format(summary=summary)).entries[0]


def test_entry_name_is_the_title_else_what_the_message_asks() -> None:
    titled = _card("<summary><b>Foo: A Long Title</b></summary>")
    assert entry_name(titled) == "Foo: A Long Title"
    assert entry_name(titled, short=True) == "Foo"
    assert entry_name(titled, width=6) == "Foo: A…"
    untitled = _card("<summary></summary>")
    assert entry_name(untitled) == "untitled"
    assert entry_name(untitled, "an untitled entry", short=True, width=6) == "an untitled entry"
    assert entry_name(untitled, by_id="arXiv {}") == "arXiv 2101.00001"
    assert entry_name(titled, by_id="arXiv {}") == "Foo: A Long Title"


def test_whole_lines_excludes_the_line_ending() -> None:
    text = "a\n* x  \r\nb"
    assert whole_lines(text, Span(2, 5)) == Span(2, 7)
    assert whole_lines("only", Span(1, 2)) == Span(0, 4)


@pytest.mark.parametrize("unsafe", [False, True])
def test_all_fixes_converge_on_a_real_list(unsafe: bool) -> None:
    path = shared_path("corpus", "consisency-paper", "temporal-consistency", "README_zh.md")
    text = path.read_text(encoding="utf-8")
    once = fix_text(text, "README_zh.md", unsafe=unsafe)
    # Its venues are dated (`arxiv (29 May 2025)`): reduced to the year they lose text, so unsafe.
    assert (once.applied_by_rule.get("venue-format", 0) > 0) is unsafe
    assert fix_text(once.text, "README_zh.md", unsafe=unsafe).text == once.text
    left = {f.name for f in check_text(once.text, "README_zh.md") if f.fix and f.fixable}
    assert not left


def test_model_cards_are_not_missing_an_arxiv_id() -> None:
    path = shared_path("corpus", "consisency-paper", "world-models", "README.md")
    names = {f.name for f in check_text(path.read_text(encoding="utf-8"), "README.md")}
    assert not names & {"missing-field", "unknown-field", "field-order", "venue-format"}
