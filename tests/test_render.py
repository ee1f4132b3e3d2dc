"""The rendering guard: HTML as GitHub's cmark-gfm makes it, compared without layout."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.analysis.render import render, same_rendering


def test_rendering_is_cmark_gfms_with_githubs_extensions() -> None:
    import cmarkgfm
    from cmarkgfm.cmark import Options

    text = "| a |\n|---|\n| ~~b~~ |\n\n- [x] www.example.org<br>\n\n<script>x</script>\n\nc[^1]\n\n[^1]: d\n"
    options = Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
    assert render(text) == cmarkgfm.github_flavored_markdown_to_html(text, options)
    html = render(text)
    for made in ("<table>", "<del>b</del>", 'type="checkbox"', 'href="http://www.example.org"', "<br>", "&lt;script>", "footnote"):
        assert made in html, made


def test_a_tag_glued_below_a_quote_ends_the_quote_as_on_github() -> None:
    # mistune kept `</details>` inside the quote either way, so taking the `>` off
    # looked the same; on GitHub only the bare tag leaves the quote (and closes the card).
    assert not same_rendering("> a\n></details>\n", "> a\n</details>\n")


def test_a_tag_glued_below_a_list_ends_the_list_as_on_github() -> None:
    # mistune read `<details>` (but not `<details >`) into the list item above it.
    assert same_rendering("* a\n<details >\ny\n</details>\n", "* a\n<details>\ny\n</details>\n")


@pytest.mark.parametrize("shown", ["\u3000", "\u00a0", "\u2028", "\x0c"])
def test_white_space_that_github_shows_is_compared(shown: str) -> None:
    assert not same_rendering(f"a{shown}\n", "a\n")
    assert not same_rendering(f"a\n{shown}\nb\n", "a\n\nb\n")
    assert same_rendering("a  b\n", "a b\n")  # ASCII spaces are layout


def test_lone_surrogates_and_nul_render() -> None:
    assert render("a\ud800b\x00") == "<p>a\ufffdb\ufffd</p>\n"


# Lines of what a card holds, each to be written with white space at its end.
_LINES = (
    "", "text", "more text\\", "* **Authors:** A, B", "  * nested item", "- item", "+ item", "*", "* * *", "---", "===",
    "> **Core Innovation**", "> quoted", "<details>", "</details>", "<summary>Key points</summary>",
    "    <summary>Abstract</summary>", "    indented", "```", "~~~", "<!--", "-->", "<div>", "# Heading", "| a | b |",
    "|---|---|", "**bold**", "[link](https://x.org)", "1. first", "2) second", "\t* tabbed", "   ",
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_LINES), st.sampled_from(["", " ", "  ", "   ", "\t", " \t "]), st.booleans()),
        max_size=14,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_ends_trimmed_are_called_the_same_rendering_only_when_they_render_the_same(
    lines: list[tuple[str, str, bool]], newline: str
) -> None:
    # The shortcut may leave a case to the renderer, never answer it wrongly.
    from listlint.analysis.render import _only_trailing_space_dropped, normalised_html

    before = "".join(line + end + newline for line, end, _ in lines)
    after = "".join(line + ("" if trim else end) + newline for line, end, trim in lines)
    if _only_trailing_space_dropped(before, after):
        assert normalised_html(before) == normalised_html(after)


def test_ends_trimmed_above_an_item_or_a_tag_need_no_rendering() -> None:
    from listlint.analysis.render import _only_trailing_space_dropped

    card = "<details>\n<summary><b>A: B</b></summary>\n\n* **ID:** 1  \n* **Venue:** X \n\n> **Q**  \n> text\n</details>\n"
    trimmed = card.replace("1  \n", "1\n").replace("X \n", "X\n")
    assert _only_trailing_space_dropped(card, trimmed) and same_rendering(card, trimmed)
    # Two spaces before a line of the same paragraph are a line break: rendered, and refused.
    broken = card.replace("> **Q**  \n", "> **Q**\n")
    assert not _only_trailing_space_dropped(card, broken) and not same_rendering(card, broken)
