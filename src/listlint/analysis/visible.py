"""Visible text of rendered Markdown: the proof that a structural fix loses no words.

A structural fix (a blank line that ends a raw HTML block, a list taken out of
one) changes the rendering on purpose, so rendered-HTML equality cannot prove
it safe. What must not change is the text a reader sees, once the markers the
fix turns into markup (`*` bullets and emphasis, `>` quote markers, `-`/`+`
bullets) are set aside.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^<>]*>")
_ANCHOR = re.compile(r"<a\s[^>]*?href=\"(?P<url>[^\"]*)\"[^>]*>(?P<label>.*?)</a>", re.DOTALL)
# At a line start, in one pass: a thematic break, whole (`---` shown as text and a
# rule are the same nothing), or else the quote markers and a bullet. Spaces and
# tabs alone are left to `without_layout`, which drops them all.
_LINE_MARKUP = re.compile(
    r"^(?:[ \t]*(?:[-*_][ \t]*){3,}$|[ \t]*(?:(?:>[ \t]*)+(?:[*+-][ \t]+)?|[*+-][ \t]+))", re.MULTILINE
)
_MARKUP_CHARACTERS = re.compile(r"[*_\[\]()]")


def visible_text(markdown: str) -> str:
    """The rendered text without tags, markers and white space.

    White space is dropped rather than collapsed: Chinese text has no spaces
    between words, and a fix may join or split lines. Markers are dropped on
    both sides of a comparison, so `**bold**` shown literally and `<strong>`
    count as the same words, `[label](url)` and a link as the same, and
    `---` shown as text and a rule as the same nothing.
    """
    from listlint.analysis.render import render, without_layout

    rendered = render(markdown)
    # A link shows its label, and its URL goes where `[label](url)` had it.
    rendered = _ANCHOR.sub(lambda m: f"{m.group('label')}{m.group('url')}", rendered)
    # Tags become line breaks so a raw `> **Core**` line keeps its marker at a line start.
    text = html.unescape(_TAG.sub("\n", rendered))
    text = _LINE_MARKUP.sub("", text)
    text = _MARKUP_CHARACTERS.sub("", text)
    return without_layout(text)


def lost_text(before: str, after: str) -> str | None:
    """Why `after` does not show the same characters as `before`, or None when it does.

    The characters are compared in order: cmark-gfm, like GitHub, keeps
    blocks where they are written, so a fix that only adds a blank line or
    turns lines into a list shows every character as before, none added,
    none moved.
    """
    if visible_text(before) != visible_text(after):
        return "the fix would change the visible text"
    return None
