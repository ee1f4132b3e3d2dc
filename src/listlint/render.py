"""Rendered-HTML comparison: the proof that a formatting change means nothing."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_WHITESPACE = re.compile(r"\s+")


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
    """HTML with all white space removed, as mdformat's `is_md_equal` compares it.

    White space is removed rather than collapsed because the formatter only
    moves white space; every other character must be the same.
    """
    return _WHITESPACE.sub("", render(markdown.replace("\r\n", "\n")))


def same_rendering(before: str, after: str) -> bool:
    return normalised_html(before) == normalised_html(after)
