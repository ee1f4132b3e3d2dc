"""SARIF 2.1.0 for code scanning (GitHub's upload-sarif and other viewers).

Columns are counted in characters (`columnKind: unicodeCodePoints`), as
everywhere in listlint; `partialFingerprints` carry the baseline key, so a
code-scanning alert follows its card when lines move.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from listlint.base.errors import ListlintError
from listlint.base.version import __version__
from listlint.lint.entry_index import EntryIndex
from listlint.lint.reading import Notice
from listlint.rulekit.diagnostics import Finding, Location, Severity, locate

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"


def _artifact(path: str) -> dict[str, str]:
    """A URI relative to the working directory (what code scanning expects), else a file URI."""
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if relative.startswith(".."):
            return {"uri": Path(path).as_uri()}
        path = relative
    path = path.replace("\\", "/")
    if path.startswith("./"):
        path = path[2:]
    # A file name that is not UTF-8 (`bad\udcff.md` from the file system) keeps its bytes: `%FF`.
    return {"uri": quote(path, safe="/+@:-._~", errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _region(location: Location) -> dict[str, int]:
    return {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    }


def _physical(location: Location) -> dict[str, Any]:
    return {
        "artifactLocation": _artifact(location.path),
        "region": _region(location),
    }


def _rules() -> list[dict[str, Any]]:
    from listlint.rulekit.pages import page_text
    from listlint.rules import RULES

    described = []
    for rule in RULES:
        item: dict[str, Any] = {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "defaultConfiguration": {
                "level": "error" if rule.severity is Severity.ERROR else "warning",
                "enabled": rule.default_enabled,
            },
            "properties": {"fix": rule.fix.value},
        }
        page = page_text(rule.name)
        if page:
            item["help"] = {"text": page, "markdown": page}
        described.append(item)
    return described


def _result(finding: Finding, index: dict[str, int], entries: EntryIndex) -> dict[str, Any]:
    from listlint.lint.baseline import fingerprint

    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": "error" if finding.severity is Severity.ERROR else "warning",
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(finding.location)}],
        "partialFingerprints": {"listlintFingerprint/v1": fingerprint(finding, entries)},
    }
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    if finding.related:
        result["relatedLocations"] = [
            {"id": number, "physicalLocation": _physical(item.location), "message": {"text": item.message}}
            for number, item in enumerate(finding.related, start=1)
        ]
    if finding.fix is not None:
        replacements = [
            {
                "deletedRegion": _region(locate(finding.doc, edit.span)),
                "insertedContent": {"text": edit.new_text},
            }
            for edit in finding.fix.edits
        ]
        result["fixes"] = [
            {
                "description": {"text": finding.fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": _artifact(finding.path),
                        "replacements": replacements,
                    }
                ],
                "properties": {"applicability": finding.fix.applicability.value},
            }
        ]
    return result


def _notification(error: ListlintError) -> dict[str, Any]:
    """A file that could not be checked, as a tool execution notification."""
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    if error.path:
        location: dict[str, Any] = {"artifactLocation": _artifact(error.path)}
        if error.line is not None:
            location["region"] = {"startLine": error.line}
        notification["locations"] = [{"physicalLocation": location}]
    return notification


def _notice(notice: Notice) -> dict[str, Any]:
    """A file read as no list, as a note: the run still succeeded."""
    return {
        "level": notice.level,
        "message": {"text": notice.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(notice.path)}}],
    }


def sarif_log(
    findings: Sequence[Finding], errors: Sequence[ListlintError] = (), notices: Sequence[Notice] = ()
) -> dict[str, Any]:
    """The log of one run; `errors` make it unsuccessful, one notification each, so a
    code-scanning upload says which files were not checked instead of looking clean;
    `notices` are notifications of level note."""
    rules = _rules()
    index = {rule["id"]: number for number, rule in enumerate(rules)}
    entries = EntryIndex()
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "listlint",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not errors,
                        "toolExecutionNotifications": [_notification(error) for error in errors]
                        + [_notice(notice) for notice in notices],
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": [_result(finding, index, entries) for finding in findings],
            }
        ],
    }


def report(
    findings: Sequence[Finding],
    out: TextIO,
    color: bool = False,
    errors: Sequence[ListlintError] = (),
    notices: Sequence[Notice] = (),
) -> None:
    json.dump(sarif_log(findings, errors, notices), out, indent=2)  # ASCII: see json_format.report
    out.write("\n")
