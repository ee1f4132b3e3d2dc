"""Visible text: what a reader sees of rendered Markdown, markers and layout set aside."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from listlint.analysis.render import render, without_layout
from listlint.analysis.visible import lost_text, visible_text

_PIECES = (
    "", "text", "* item", "  - item", "+ x", "> **Core Innovation**", "> > deep", ">* glued", "> - dash", "> + plus",
    "---", "* * *", "___", " - - -", "**bold**", "__under__", "[label](https://x.org)", "<details>", "</details>",
    "<summary>A</summary>", "    * raw bullet", "&amp; &lt;b&gt;", "```", "`code`", "| a |", "\t> tab", "中文 文本",
    "*x", "1. one",
)


def _visible_in_steps(markdown: str) -> str:
    """`visible_text` as it was written, a pass for thematic breaks, then one for markers."""
    rendered = re.sub(
        r"<a\s[^>]*?href=\"(?P<url>[^\"]*)\"[^>]*>(?P<label>.*?)</a>",
        lambda m: f"{m.group('label')}{m.group('url')}",
        render(markdown),
        flags=re.DOTALL,
    )
    text = html.unescape(re.sub(r"<[^<>]*>", "\n", rendered))
    text = re.sub(r"^[ \t]*(?:[-*_][ \t]*){3,}$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]*(?:>[ \t]*)*(?:[*+-][ \t]+)?", "", text, flags=re.MULTILINE)
    return without_layout(re.sub(r"[*_\[\]()]", "", text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("\n".join))
def test_visible_text_in_one_pass_is_what_the_steps_gave(markdown: str) -> None:
    assert visible_text(markdown) == _visible_in_steps(markdown)


def test_a_list_out_of_an_html_block_shows_the_same_words() -> None:
    raw = "<details>\n<summary>Key points</summary>\n    * One point.\n    * Two **points**.\n</details>\n"
    listed = "<details>\n<summary>Key points</summary>\n\n* One point.\n* Two **points**.\n\n</details>\n"
    assert visible_text(raw) == visible_text(listed) == "KeypointsOnepoint.Twopoints."
    assert lost_text(raw, listed) is None
    assert lost_text(raw, listed.replace("Two", "")) == "the fix would change the visible text"
