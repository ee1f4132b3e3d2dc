"""listlint: keeps curated paper lists honest."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from listlint.base.version import __version__

if TYPE_CHECKING:
    from listlint.api import check_text, fix_text, format_text, parse_text

__all__ = ["__version__", "check_text", "fix_text", "format_text", "parse_text"]


def __getattr__(name: str) -> Any:
    # The API on first use: the command line imports this package too, and a `check`
    # needs neither the fixer nor the API's wrappers.
    if name in ("check_text", "fix_text", "format_text", "parse_text"):
        from listlint import api

        return getattr(api, name)
    raise AttributeError(f"module 'listlint' has no attribute {name!r}")
