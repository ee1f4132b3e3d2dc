"""listlint: keeps curated paper lists honest."""

from __future__ import annotations

from listlint.api import check_text, fix_text, format_text, parse_text
from listlint.base.version import __version__

__all__ = ["__version__", "check_text", "fix_text", "format_text", "parse_text"]
