"""What GitHub shows: cmark-gfm, GitHub's own renderer, for tests that claim a rendering."""

from __future__ import annotations

import html
import re

import cmarkgfm
from cmarkgfm.cmark import Options

_CODE_BLOCK = re.compile(r"<pre.*?</pre>", re.DOTALL)


def github_html(markdown: str) -> str:
    """The HTML GitHub renders, before its sanitiser (raw HTML kept as written)."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def shown_as_code(markdown: str, fragment: str) -> int:
    """How many times `fragment` shows inside a code block (escaped, as code shows it)."""
    escaped = html.escape(fragment, quote=False)
    return sum(block.count(escaped) for block in _CODE_BLOCK.findall(github_html(markdown)))
