"""Report findings to users and tools, one module per output format."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TextIO

from listlint.diagnostics import Finding

Reporter = Callable[[Sequence[Finding], TextIO, bool], None]

MODULES = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
}
FORMATS = tuple(MODULES)


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(f"listlint.report.{MODULES.get(name, 'full')}")
    return module.report  # type: ignore[no-any-return]
