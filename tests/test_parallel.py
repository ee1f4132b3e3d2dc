"""Rules run in a forked process report exactly what they report in this one."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from listlint import engine, parallel
from listlint.config import Settings
from listlint.diagnostics import Applicability, Edit, Fix, Finding
from listlint.document import Document
from listlint.registry import FixAvailability, Scope
from listlint.rules import RULES

from conftest import RULE_FIXTURES, ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")


def _documents() -> list[Document]:
    """Every fixture and example: cross-file rules get many documents to compare."""
    paths = sorted(RULE_FIXTURES.rglob("*.md")) + sorted((ROOT / "examples").glob("*.md"))
    return [Document(path.read_text(encoding="utf-8-sig"), str(path)) for path in paths]


def _summary(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [
        (
            f.code,
            f.message,
            f.severity,
            f.location,
            f.span,
            f.entry_key,
            f.related,
            None if f.fix is None else (f.fix.title, f.fix.edits, f.fix.applicability),
        )
        for f in findings
    ]


@pytest.fixture
def always_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_TEXT", 0)
    monkeypatch.setattr(parallel, "available", lambda jobs: jobs != 1)


def test_forked_result_is_the_work_result() -> None:
    big = {"data": list(range(100_000))}  # more than a pipe's buffer
    assert parallel.Forked(lambda: big).result() == big
    result = parallel.Forked(os.getpid).result()
    assert result is not None and result != os.getpid()  # it really ran elsewhere


def test_failed_work_gives_none() -> None:
    def fail() -> int:
        raise RuntimeError("boom")

    assert parallel.Forked(fail).result() is None
    assert parallel.Forked(lambda: lambda: 1).result() is None  # a lambda does not pickle


def test_parallel_lint_reports_the_same_findings(always_fork: None) -> None:
    docs = _documents()
    settings = Settings()
    serial = engine.lint(docs, settings, jobs=1)
    assert {f.code for f in serial} >= {"LL102", "LL201", "LL204", "LL301", "LL901"}  # both halves report
    assert engine._remote_rules(engine.rules_for(settings), docs, None)
    forked = engine.lint(docs, settings, jobs=None)
    assert _summary(forked) == _summary(serial)
    assert all(f.doc in docs and all(r.location.path for r in f.related) for f in forked)


def test_remote_rules_are_cross_file_rules_without_fixes(always_fork: None) -> None:
    remote = engine._remote_rules(RULES, _documents(), None)
    assert {rule.name for rule in remote} >= {"copied-abstract", "one-liner-mismatch", "duplicate-arxiv-id"}
    assert all(rule.fix is FixAvailability.NONE and rule.scope is Scope.LIST for rule in remote)
    assert engine._remote_rules(RULES, _documents(), 1) == ()


def test_small_input_is_forked_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available", lambda jobs: True)
    tiny = [Document("# tiny list\n", "README.md")]
    assert engine._remote_rules(RULES, tiny, None) == ()
    assert engine._remote_rules(RULES, tiny, 2)


def test_child_failure_falls_back_to_running_here(always_fork: None) -> None:
    """A violation that cannot cross the pipe (it has a fix) makes the parent run the rules itself."""
    docs = _documents()
    serial = engine.lint(docs, Settings(), rules=RULES, jobs=1)
    target = next(rule for rule in RULES if rule.name == "copied-abstract")
    original = target.check

    def with_fix(ctx):  # type: ignore[no-untyped-def]
        for violation in original(ctx):
            if os.getpid() != parent:  # only the child's copy misbehaves
                fix = Fix("Nothing", (Edit(violation.span, ""),), Applicability.DISPLAY_ONLY)
                violation = dataclasses.replace(violation, fix=fix)
            yield violation

    parent = os.getpid()
    rules = [dataclasses.replace(rule, check=with_fix) if rule is target else rule for rule in RULES]
    assert _summary(engine.lint(docs, Settings(), rules=rules, jobs=None)) == _summary(serial)


def test_cli_parallel_and_serial_print_the_same(tmp_path: Path, always_fork: None) -> None:
    from click.testing import CliRunner

    from listlint.cli import cli

    examples = str(ROOT / "examples")
    runner = CliRunner()
    serial = runner.invoke(cli, ["check", "--no-parallel", "--output-format", "json", examples])
    forked = runner.invoke(cli, ["check", "--parallel", "--output-format", "json", examples])
    assert serial.exit_code == forked.exit_code == 1
    assert forked.output == serial.output
