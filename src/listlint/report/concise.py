"""One line a finding: `path:line:col: CODE [name] message`, for grep and editors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from listlint.base.errors import ListlintError
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Finding


def line_for(finding: Finding) -> str:
    where = finding.location
    return f"{where.path}:{where.line}:{where.column}: {finding.code} [{finding.name}] {finding.message}"


def report(
    findings: Sequence[Finding],
    out: TextIO,
    color: bool = False,
    errors: Sequence[ListlintError] = (),
    notices: Sequence[Notice] = (),
) -> None:
    # One write: a large list has tens of thousands of findings.
    out.write("".join([line_for(finding) + "\n" for finding in findings]))
