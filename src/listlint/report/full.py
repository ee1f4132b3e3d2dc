"""Findings with a source excerpt, the span underlined, the fix and related places."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from listlint.base.errors import ListlintError
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Applicability, Finding


def _style(text: str, color: bool, **kwargs: object) -> str:
    if not color:
        return text
    import click

    return click.style(text, **kwargs)  # type: ignore[arg-type]


class _Widths(dict[str, int]):
    """Terminal columns of each character, CJK characters two: each looked up once.

    An excerpt is measured character by character, and a long list has tens of
    thousands of them: a dict lookup from `map` costs a tenth of a Python call.
    """

    def __missing__(self, char: str) -> int:
        width = self[char] = 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        return width


_char_width = _Widths().__getitem__


def _width(text: str) -> int:
    """Terminal columns of text: CJK characters take two."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


WINDOW = 120
"""Terminal columns of source shown for a long line."""


def _window(source: str, col: int, stop: int) -> tuple[str, int, int]:
    """A slice of a long line around [col, stop), at most WINDOW columns wide.

    Widths, not characters, decide: 120 Chinese characters fill 240 columns.
    Returns the text shown and the span's start and stop within it.
    """
    # Every character takes one column or two: the length bounds the width either way.
    if len(source) <= WINDOW // 2 or (len(source) <= WINDOW and _width(source) <= WINDOW):
        return source, col, stop
    if source.isascii():  # one column a character: the walks below, done by arithmetic
        lead = max(0, col - WINDOW // 4)
        end = min(len(source), lead + WINDOW - 2)
    else:
        lead, used = col, 0
        while lead > 0 and used + _char_width(source[lead - 1]) <= WINDOW // 4:
            used += _char_width(source[lead - 1])
            lead -= 1
        end, used = lead, 2  # room for the two ellipses
        while end < len(source) and used + _char_width(source[end]) <= WINDOW:
            used += _char_width(source[end])
            end += 1
    prefix = "…" if lead else ""
    suffix = "…" if end < len(source) else ""
    shift = len(prefix) - lead
    return prefix + source[lead:end] + suffix, col + shift, min(stop, end) + shift


def _source_line(finding: Finding) -> str:
    """The finding's first line as shown, tabs expanded."""
    doc = finding.doc
    start = doc.index.line_start(finding.location.line)
    end = doc.text.find("\n", start)
    end = len(doc.text) if end == -1 else end
    return doc.text[start:end].rstrip("\r").expandtabs(4)


def excerpt(finding: Finding, color: bool, sources: dict[tuple[int, int], str] | None = None) -> list[str]:
    """The finding's line, cut to a window around it, with the span underlined.

    `sources` keeps the lines made so far, by document and line: a line holding
    thousands of findings (one field's long list of links) is made once, not
    once for each.
    """
    line_no = finding.location.line
    key = (id(finding.doc), line_no)
    source = sources.get(key) if sources is not None else None
    if source is None:
        source = _source_line(finding)
        if sources is not None:
            sources[key] = source
    gutter = len(str(line_no))
    col = finding.location.column - 1
    if finding.location.end_line == line_no:
        stop = finding.location.end_column - 1
    else:
        stop = len(source)
    stop = max(stop, col + 1)
    shown, col, stop = _window(source, col, stop)
    caret = " " * _width(shown[:col]) + "^" * max(1, _width(shown[col:stop]))
    bar = _style("|", color, fg="blue", bold=True)
    return [
        f"{' ' * gutter} {bar}",
        f"{_style(str(line_no), color, fg='blue', bold=True)} {bar} {shown}",
        f"{' ' * gutter} {bar} {_style(caret, color, fg='red', bold=True)}",
    ]


def report(
    findings: Sequence[Finding],
    out: TextIO,
    color: bool = False,
    errors: Sequence[ListlintError] = (),
    notices: Sequence[Notice] = (),
) -> None:
    sources: dict[tuple[int, int], str] = {}
    for finding in findings:
        head = (
            f"{_style(finding.path, color, bold=True)}:{finding.line}:{finding.column}: "
            f"{_style(finding.code, color, fg='red', bold=True)} "
            f"[{finding.name}] {finding.message}"
        )
        lines = [head, *excerpt(finding, color, sources)]
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
