"""Baselines: accept today's findings, report only new ones, whatever moves.

A finding is keyed by what it is about, not where it is: the identity of its
entry (arXiv ID or normalised title), the rule, and a hash of the offending
field with white space and bullet style folded away. Moving, reordering or
reformatting cards keeps every key; editing the offending field makes a new
one (the finding is then new, as it should be). Keys are counted, so two
identical findings need two baseline slots.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from listlint.base.errors import InputError
from listlint.lint.entry_index import EntryIndex
from listlint.rulekit.diagnostics import Finding

VERSION = 1
SPACE = re.compile(r"\s+")
LINE_LEAD = re.compile(r"^\s*(?:[*+-]\s+|>\s*)*")


def _squash(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def _part_text(finding: Finding, index: EntryIndex) -> str:
    """The offending part of the entry, folded: a field's label and value, the quote, ..."""
    offset = finding.span.start
    entry = index.entry_at(finding.doc, offset)
    if entry is not None:
        summary = getattr(entry, "summary", None)
        if summary is not None and summary.span.start <= offset <= summary.span.end:
            return "summary:" + _squash(entry.title.value if entry.title else "")
        for field in getattr(entry, "fields", ()):
            if field.span.start <= offset <= field.span.end:
                return f"field:{_squash(field.label.value)}:{_squash(field.value.value)}"
        quote = getattr(entry, "quote", None)
        if quote is not None and quote.span.start <= offset <= quote.span.end:
            return "quote:" + _squash(quote.body_text)
        for section in getattr(entry, "sections", ()):
            if section.span.start <= offset <= section.span.end:
                return f"section:{_squash(section.name.value)}:{_squash(section.body_text)}"
    text = finding.doc.text
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : len(text) if end == -1 else end]
    return "line:" + _squash(LINE_LEAD.sub("", line))


def _display_path(path: str) -> str:
    if os.path.isabs(path):
        try:
            path = os.path.relpath(path)
        except ValueError:  # another drive on Windows
            pass
    return path.replace("\\", "/")


def fingerprint(finding: Finding, index: EntryIndex | None = None) -> str:
    """A stable hash of entry identity + rule + offending part (16 hex digits).

    A finding outside any entry (in the prose around the cards) is keyed by
    its file and its line text instead.
    """
    where = finding.entry_key or f"file:{_display_path(finding.path)}"
    part = _part_text(finding, index or EntryIndex())
    key = "\x1f".join((finding.code, where, part))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def baseline_data(findings: Sequence[Finding]) -> dict[str, Any]:
    """The JSON document `--write-baseline` writes: sorted, so it diffs well."""
    counts: Counter[tuple[str, str, str | None, str]] = Counter()
    messages: dict[tuple[str, str, str | None, str], str] = {}
    index = EntryIndex()
    for finding in findings:
        key = (finding.code, finding.name, finding.entry_key, fingerprint(finding, index))
        counts[key] += 1
        messages.setdefault(key, finding.message)
    rows = [
        {
            "code": code,
            "name": name,
            "entry": entry,
            "fingerprint": print_,
            "count": count,
            "message": messages[(code, name, entry, print_)],
        }
        for (code, name, entry, print_), count in sorted(
            counts.items(), key=lambda item: (item[0][0], item[0][2] or "", item[0][3])
        )
    ]
    return {"listlint-baseline": VERSION, "findings": rows}


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Write the baseline; returns how many findings it holds."""
    text = json.dumps(baseline_data(findings), ensure_ascii=False, indent=2) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write baseline: {error.strerror}", str(path)) from None
    return len(findings)


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint -> how many findings it accepts."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("baseline file not found (write one with --write-baseline)", str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read baseline: {error.strerror}", str(path)) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        line = getattr(error, "lineno", None)
        raise InputError("baseline is not valid JSON", str(path), line) from None
    if not isinstance(data, dict) or data.get("listlint-baseline") != VERSION:
        raise InputError(f"not a listlint baseline (version {VERSION})", str(path))
    rows = data.get("findings", [])
    if not isinstance(rows, list):
        raise InputError("baseline `findings` must be a list", str(path))
    accepted: Counter[str] = Counter()
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("fingerprint"), str):
            raise InputError("baseline row without a fingerprint", str(path))
        count = row.get("count", 1)
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InputError(f"baseline `count` must be a positive whole number, not `{json.dumps(count)}`", str(path))
        accepted[row["fingerprint"]] += count
    return accepted


@dataclass
class BaselineResult:
    new: list[Finding]
    """Findings the baseline does not account for."""
    known: int
    """Findings the baseline accepted (hidden)."""
    stale: int
    """Baseline slots no finding used any more: fixed since, so the baseline can shrink."""


def apply_baseline(findings: Sequence[Finding], accepted: Counter[str]) -> BaselineResult:
    left = Counter(accepted)
    new = []
    index = EntryIndex()
    for finding in findings:
        key = fingerprint(finding, index)
        if left[key] > 0:
            left[key] -= 1
        else:
            new.append(finding)
    return BaselineResult(new, len(findings) - len(new), sum(left.values()))

