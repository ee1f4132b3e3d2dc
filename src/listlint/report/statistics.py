"""`--statistics`: how many findings each rule raised, and how many `fix` would mend."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from listlint.rulekit.diagnostics import Finding


def statistics(findings: Sequence[Finding]) -> list[dict[str, Any]]:
    """One row per rule, most findings first (then by code)."""
    counts: Counter[tuple[str, str]] = Counter()
    fixable: Counter[tuple[str, str]] = Counter()
    for finding in findings:
        counts[(finding.code, finding.name)] += 1
        fixable[(finding.code, finding.name)] += finding.fixable
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return [
        {"code": code, "name": name, "count": count, "fixable": fixable[(code, name)]}
        for (code, name), count in rows
    ]


def report(findings: Sequence[Finding], out: TextIO, as_json: bool = False) -> None:
    rows = statistics(findings)
    if as_json:
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    if not rows:
        return
    width = max(len(str(row["count"])) for row in rows)
    name_width = max(len(row["name"]) for row in rows)
    for row in rows:
        mark = "[*]" if row["fixable"] == row["count"] else "[-]" if row["fixable"] else "   "
        out.write(f"{row['count']:>{width}}  {row['code']}  {row['name']:<{name_width}}  {mark}\n")
