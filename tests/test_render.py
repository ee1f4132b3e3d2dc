"""The rendering guard: HTML as GitHub's cmark-gfm makes it, compared without layout."""

from __future__ import annotations

import pytest

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
