"""listlint: keeps curated paper lists honest."""

from __future__ import annotations

__version__ = "0.1.0"

from listlint.api import check_text, fix_text, format_text, parse_text  # noqa: E402

__all__ = ["__version__", "check_text", "fix_text", "format_text", "parse_text"]
