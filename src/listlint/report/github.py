"""GitHub Actions workflow commands: findings appear as annotations on the pull request's diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from listlint.base.errors import ListlintError
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Finding, Severity


def _data(text: str) -> str:
    """Escape a message (the runner decodes `%25`, `%0D`, `%0A`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a property value: also `:` and `,`, which separate properties."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def line_for(finding: Finding) -> str:
    level = "error" if finding.severity is Severity.ERROR else "warning"
    where = finding.location
    # GitHub's endColumn is inclusive; ours is exclusive.
    end_column = max(where.end_column - 1, where.column) if where.end_line == where.line else where.end_column
    properties = ",".join(
        (
            f"file={_property(where.path)}",
            f"line={where.line}",
            f"col={where.column}",
            f"endLine={where.end_line}",
            f"endColumn={end_column}",
            f"title={_property(f'{finding.code} [{finding.name}]')}",
        )
    )
    message = finding.message
    for related in finding.related:
        place = related.location
        message += f"\n{related.message}: {place.path}:{place.line}:{place.column}"
    if finding.fix is not None:
        message += f"\nFix ({finding.fix.applicability.value}): {finding.fix.title}"
    return f"::{level} {properties}::{_data(message)}"


def report(
    findings: Sequence[Finding],
    out: TextIO,
    color: bool = False,
    errors: Sequence[ListlintError] = (),
    notices: Sequence[Notice] = (),
) -> None:
    for error in errors:
        out.write(error_line(error) + "\n")
    for notice in notices:
        out.write(notice_line(notice) + "\n")
    for finding in findings:
        out.write(line_for(finding) + "\n")


def error_line(error: ListlintError) -> str:
    """A file that could not be checked, as an error annotation on that file (or on the run)."""
    properties = []
    if error.path:
        properties.append(f"file={_property(error.path)}")
        if error.line is not None:
            properties.append(f"line={error.line}")
    properties.append(f"title={_property('listlint: not checked')}")
    return f"::error {','.join(properties)}::{_data(error.message)}"


def notice_line(notice: Notice) -> str:
    """A file read as no list, as a notice annotation on that file."""
    return f"::notice file={_property(notice.path)},title={_property('listlint: no entries')}::{_data(notice.message)}"
