"""Snapshot tests: each fixture case's findings and fixed text, per rule.

Set LISTLINT_UPDATE_SNAPSHOTS=1 to write missing or changed snapshots, then
read every changed `.snap` before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import RULE_FIXTURES
from harness import CASE_METADATA, case_files, case_metadata, fix_files, lint_files, snapshot
from listlint.rules import RULES

UPDATE = os.environ.get("LISTLINT_UPDATE_SNAPSHOTS") == "1"


def _cases() -> list[tuple[object, Path]]:
    cases = []
    for rule in RULES:
        folder = RULE_FIXTURES / rule.name
        if not folder.is_dir():
            continue
        for case in sorted(folder.iterdir()):
            if case.suffix == ".snap" or case.name.startswith(".") or case.name == CASE_METADATA:
                continue
            cases.append((rule, case))
    return cases


@pytest.mark.parametrize(("rule", "case"), _cases(), ids=lambda x: getattr(x, "name", str(x)))
def test_fixture_snapshot(rule, case: Path) -> None:  # type: ignore[no-untyped-def]
    expected_path = case.with_name(case.name + ".snap")
    actual = snapshot(case, rule)
    # Bytes, not read_text: universal newlines would hide what a fix does to CRLF.
    if UPDATE and (not expected_path.exists() or expected_path.read_bytes().decode("utf-8") != actual):
        expected_path.write_bytes(actual.encode("utf-8"))
    assert expected_path.exists(), f"no snapshot for {case}; run with LISTLINT_UPDATE_SNAPSHOTS=1"
    assert actual == expected_path.read_bytes().decode("utf-8")


@pytest.mark.parametrize(("rule", "case"), _cases(), ids=lambda x: getattr(x, "name", str(x)))
def test_fixture_fix_converges(rule, case: Path) -> None:  # type: ignore[no-untyped-def]
    """A fixable finding does not survive its fix, and a second fix changes nothing."""
    files = case_files(case)
    metadata = case_metadata(case)
    once = fix_files(files, [rule], metadata=metadata)
    twice = fix_files(once, [rule], metadata=metadata)
    assert twice == once
    survivors = [f for f in lint_files(once, [rule], metadata=metadata) if f.fix and f.fix.applicability.value != "display-only"]
    assert not survivors, survivors


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_has_a_firing_case_and_a_near_miss(rule) -> None:  # type: ignore[no-untyped-def]
    folder = RULE_FIXTURES / rule.name
    snaps = [p.read_text(encoding="utf-8") for p in folder.glob("*.snap")]
    assert any(f"[{rule.name}]" in s for s in snaps), "some case makes the rule fire"
    assert any(f"[{rule.name}]" not in s for s in snaps), "some near-miss case makes it stay quiet"
