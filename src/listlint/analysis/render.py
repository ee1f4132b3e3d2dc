"""Rendered-HTML comparison: the proof that a formatting change means nothing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WHITESPACE = re.compile(r"\s+")
# The tags whose case formatting may change: `<DETAILS>` is written `<details>`. Only
# these: raw HTML passes through the renderer as written, so a wider pattern would also
# fold text in comments and attribute values (`<img alt="<B>">`).
_CARD_TAG = re.compile(r"</?(?ai:details|summary)(?=[\s/>])")


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
    """HTML with all white space removed and the card tags' names in lower case.

    White space is removed rather than collapsed, as mdformat's `is_md_equal`
    does, because the formatter only moves white space. `<details>` and `<summary>`
    are folded because HTML reads tag names in any ASCII case and the formatter
    writes them in lower case; every other character must be the same.
    """
    html = render(markdown.replace("\r\n", "\n"))
    return _WHITESPACE.sub("", _CARD_TAG.sub(lambda tag: tag[0].lower(), html))


def same_rendering(before: str, after: str) -> bool:
    return normalised_html(before) == normalised_html(after)
