"""Findings with a source excerpt, the span underlined, the fix and related places."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from listlint.diagnostics import Applicability, Finding


def _style(text: str, color: bool, **kwargs: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)  # type: ignore[arg-type]


def _width(text: str) -> int:
    """Terminal columns of text: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def excerpt(finding: Finding, color: bool) -> list[str]:
    doc = finding.doc
    index = doc.index
    line_no = finding.location.line
    start = index.line_start(line_no)
    end = doc.text.find("\n", start)
    end = len(doc.text) if end == -1 else end
    source = doc.text[start:end].rstrip("\r").expandtabs(4)
    gutter = len(str(line_no))
    col = finding.location.column - 1
    if finding.location.end_line == line_no:
        stop = finding.location.end_column - 1
    else:
        stop = len(source)
    stop = max(stop, col + 1)
    shown = source
    if _width(shown) > 160:  # long lines: show a window around the span
        lead = max(0, col - 40)
        shown = ("…" if lead else "") + source[lead : lead + 140] + "…"
        col, stop = col - lead + (1 if lead else 0), min(stop, lead + 140) - lead + (1 if lead else 0)
    caret = " " * _width(shown[:col]) + "^" * max(1, _width(shown[col:stop]))
    bar = _style("|", color, fg="blue", bold=True)
    return [
        f"{' ' * gutter} {bar}",
        f"{_style(str(line_no), color, fg='blue', bold=True)} {bar} {shown}",
        f"{' ' * gutter} {bar} {_style(caret, color, fg='red', bold=True)}",
    ]


def report(findings: Sequence[Finding], out: TextIO, color: bool = False) -> None:
    for finding in findings:
        head = (
            f"{_style(finding.path, color, bold=True)}:{finding.line}:{finding.column}: "
            f"{_style(finding.code, color, fg='red', bold=True)} "
            f"[{finding.name}] {finding.message}"
        )
        lines = [head, *excerpt(finding, color)]
        for related in finding.related:
            where = f"{related.location.path}:{related.location.line}:{related.location.column}"
            lines.append(f"  = note: {related.message}: {where}")
        if finding.fix is not None:
            label = {
                Applicability.SAFE: "help",
                Applicability.UNSAFE: "help (unsafe fix, with --unsafe-fixes)",
                Applicability.DISPLAY_ONLY: "suggestion",
            }[finding.fix.applicability]
            lines.append(f"  = {label}: {finding.fix.title}")
        out.write("\n".join(lines) + "\n\n")
