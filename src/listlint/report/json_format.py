"""Findings as a JSON list (schema: docs/json-output.schema.json; stable: fields are only added)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from listlint.base.errors import ListlintError
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Finding, locate


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        fix = {
            "title": finding.fix.title,
            "applicability": finding.fix.applicability.value,
            "edits": [
                {
                    **_location_dict(locate(finding.doc, edit.span)),
                    "content": edit.new_text,
                }
                for edit in finding.fix.edits
            ],
        }
    return {
        "code": finding.code,
        "name": finding.name,
        "message": finding.message,
        "severity": finding.severity.value,
        "path": finding.path,
        "line": finding.location.line,
        "column": finding.location.column,
        "end_line": finding.location.end_line,
        "end_column": finding.location.end_column,
        "fix": fix,
        "related": [
            {**_location_dict(item.location), "path": item.location.path, "message": item.message}
            for item in finding.related
        ],
        "entry": finding.entry_key,
    }


def notice_to_dict(notice: Notice) -> dict[str, Any]:
    return {"kind": "notice", "level": notice.level, "path": notice.path, "message": notice.message}


def _location_dict(location: Any) -> dict[str, int]:
    return {
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def report(
    findings: Sequence[Finding],
    out: TextIO,
    color: bool = False,
    errors: Sequence[ListlintError] = (),
    notices: Sequence[Notice] = (),
) -> None:
    # ASCII with `\u` escapes: valid JSON on any output encoding, and for a file
    # name that is not UTF-8 (`\udcff`), where raw bytes would not be.
    # A notice follows the findings, marked by its `kind`: a finding has none.
    rows = [finding_to_dict(f) for f in findings] + [notice_to_dict(n) for n in notices]
    json.dump(rows, out, indent=2)
    out.write("\n")
