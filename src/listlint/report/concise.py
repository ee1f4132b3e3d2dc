"""One line a finding: `path:line:col: CODE [name] message`, for grep and editors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from listlint.diagnostics import Finding


def line_for(finding: Finding) -> str:
    return (
        f"{finding.path}:{finding.line}:{finding.column}: "
        f"{finding.code} [{finding.name}] {finding.message}"
    )


def report(findings: Sequence[Finding], out: TextIO, color: bool = False) -> None:
    for finding in findings:
        out.write(line_for(finding) + "\n")
