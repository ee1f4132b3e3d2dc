"""Report findings to users and tools, one module per output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from listlint.diagnostics import Finding

Reporter = Callable[[Sequence[Finding], TextIO, bool], None]


def get_reporter(name: str) -> Reporter:
    if name == "concise":
        from listlint.report.concise import report
    elif name == "json":
        from listlint.report.json_format import report
    else:
        from listlint.report.full import report
    return report


FORMATS = ("full", "concise", "json")
