"""Report findings to users and tools, one module per output format."""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from typing import Protocol, TextIO

from listlint.base.errors import ListlintError
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Finding


class Reporter(Protocol):
    """Writes findings to `out`; `errors` are the files that could not be checked, `notices`
    what the run says of files it read no list in.

    The CLI prints each error on stderr as well. The formats a tool reads (SARIF,
    GitHub's annotations) also carry them, so that a code-scanning upload or a pull
    request shows that a file was not checked; the others leave them to stderr.
    Notices go to stderr for the formats people read, and into the JSON, the SARIF
    log and the annotations.
    """

    def __call__(
        self,
        findings: Sequence[Finding],
        out: TextIO,
        color: bool = False,
        errors: Sequence[ListlintError] = (),
        notices: Sequence[Notice] = (),
    ) -> None: ...


MODULES = {
    "full": "full",
    "concise": "concise",
    "json": "json_format",
    "github": "github",
    "sarif": "sarif",
}
FORMATS = tuple(MODULES)


def use_color(out: TextIO) -> bool:
    """Whether to colour what goes to `out`: on a terminal, unless `NO_COLOR` is set
    (https://no-color.org); `FORCE_COLOR` colours a pipe too. Both count only when
    not empty, and NO_COLOR wins, as in rich, which styles the other output."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or out.isatty()


def get_reporter(name: str) -> Reporter:
    module = importlib.import_module(f"listlint.report.{MODULES.get(name, 'full')}")
    return module.report  # type: ignore[no-any-return]
