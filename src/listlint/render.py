"""Rendered-HTML comparison: the proof that a formatting change means nothing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WHITESPACE = re.compile(r"\s+")
# A tag's name in rendered HTML. Text `<` is escaped to `&lt;` by the renderer,
# so a `<` followed by a letter opens a tag (raw HTML passes through as written).
_TAG_NAME = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*")


@lru_cache(maxsize=1)
def _markdown() -> Any:
    import mistune

    return mistune.create_markdown(
        escape=False, renderer="html", plugins=["strikethrough", "table", "url"]
    )


def render(markdown: str) -> str:
    """Render Markdown to HTML as GitHub would, near enough (CommonMark + GFM tables)."""
    return str(_markdown()(markdown))


def normalised_html(markdown: str) -> str:
    """HTML with all white space removed and tag names in lower case.

    White space is removed rather than collapsed, as mdformat's `is_md_equal`
    does, because the formatter only moves white space. Tag names are folded
    because HTML reads them in any ASCII case (`<DETAILS>` is `<details>`), and
    the formatter writes them in lower case; every other character must be the same.
    """
    html = render(markdown.replace("\r\n", "\n"))
    return _WHITESPACE.sub("", _TAG_NAME.sub(lambda tag: tag[0].lower(), html))


def same_rendering(before: str, after: str) -> bool:
    return normalised_html(before) == normalised_html(after)
