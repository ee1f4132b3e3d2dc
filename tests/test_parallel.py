"""Rules run in a forked process report exactly what they report in this one."""

from __future__ import annotations

import dataclasses
import os
import time
from pathlib import Path

import pytest

from conftest import ROOT, RULE_FIXTURES
from fake_rules import doubtful_fix
from listlint.lint import engine, parallel
from listlint.rulekit.diagnostics import Finding
from listlint.rulekit.settings import Settings
from listlint.rules import RULES
from listlint.syntax.document import Document

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


def test_an_error_here_stops_the_child_instead_of_leaving_it_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule that raises in this process must not leave the child working (or blocked on
    a pipe nobody reads) behind a long-lived caller."""
    forks: list[int] = []
    real_fork = os.fork

    def recording_fork() -> int:
        pid = real_fork()
        if pid:
            forks.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recording_fork)
    parent = os.getpid()

    def do(number: int) -> int:
        if os.getpid() == parent:
            raise RuntimeError("a rule failed here")
        time.sleep(5)  # the child would still be at it
        return number

    with pytest.raises(RuntimeError):
        parallel.share(4, do, lambda result: result, lambda task, result: result)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # gone, and reaped


def test_parallel_lint_reports_the_same_findings(always_fork: None) -> None:
    docs = _documents()
    settings = Settings()
    serial = engine.lint(docs, settings, jobs=1)
    assert {f.code for f in serial} >= {"LL102", "LL201", "LL204", "LL301", "LL901"}
    assert engine._parallel(engine.rules_for(settings), docs, None)
    forked = engine.lint(docs, settings, jobs=None)
    assert _summary(forked) == _summary(serial)
    assert all(f.doc in docs and all(r.location.path for r in f.related) for f in forked)


def test_share_deals_every_task_once_to_whichever_process_is_free() -> None:
    def slow(task: int) -> tuple[int, int]:
        time.sleep(0.02)
        return task, os.getpid()

    results = parallel.share(20, slow, lambda result: result, lambda task, result: result)
    assert [task for task, _ in results] == list(range(20))  # each task once, in order
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) == 2  # both took some


def test_small_input_is_shared_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "available", lambda jobs: True)
    tiny = [Document("# tiny list\n", "README.md")]
    assert not engine._parallel(RULES, tiny, None)
    assert engine._parallel(RULES, tiny, 2)


def test_child_failure_falls_back_to_running_here(always_fork: None) -> None:
    """Whatever rules the child took, a child that fails leaves them to the parent."""
    docs = _documents()
    serial = engine.lint(docs, Settings(), rules=RULES, jobs=1)
    parent = os.getpid()

    def crashing(check):  # type: ignore[no-untyped-def]
        def run(ctx):  # type: ignore[no-untyped-def]
            if os.getpid() != parent:
                raise RuntimeError("the child breaks")
            return check(ctx)

        return run

    rules = [dataclasses.replace(rule, check=crashing(rule.check)) for rule in RULES]
    assert _summary(engine.lint(docs, Settings(), rules=rules, jobs=None)) == _summary(serial)


def test_a_fix_that_needs_checking_cannot_be_applied_from_another_process() -> None:
    doc = Document("maybe and sure\n", "README.md")
    run = engine._Run([doc], [doc], Settings())
    found = run.findings(doubtful_fix)
    [restored] = run.restored(run.portable([found]), [doubtful_fix])
    assert _summary(restored) == _summary(found)
    reason = restored[0].fix.verify()  # type: ignore[union-attr,misc]
    assert reason is not None and "another process" in reason
    assert found[0].fix.verify() == "the check says no"  # type: ignore[union-attr,misc]


def test_cli_parallel_and_serial_print_the_same(tmp_path: Path, always_fork: None) -> None:
    from click.testing import CliRunner

    from listlint.cli.main import cli

    examples = str(ROOT / "examples")
    runner = CliRunner()
    serial = runner.invoke(cli, ["check", "--no-parallel", "--output-format", "json", examples])
    forked = runner.invoke(cli, ["check", "--parallel", "--output-format", "json", examples])
    assert serial.exit_code == forked.exit_code == 1
    assert forked.output == serial.output


def test_fix_shares_files_and_reports_the_same(always_fork: None) -> None:
    from listlint.lint.run import Loaded, fix_items
    from listlint.workspace.files import Source

    paths = sorted(RULE_FIXTURES.rglob("*.md"))[:40]
    items = [
        Loaded(Source(str(path), Settings()), Document(path.read_text(encoding="utf-8-sig"), str(path)), None)
        for path in paths
    ]
    serial = fix_items(items, [], unsafe=True, jobs=1)
    shared = fix_items(items, [], unsafe=True, jobs=None)

    def seen(fixed: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
        return [(f.text, f.hidden_unsafe, f.refused, f.error) for f in fixed]

    assert seen(shared) == seen(serial)
    assert any(f.text is not None and f.document is None for f in shared)  # some came from the child
    assert sum(f.text != item.doc.text for f, item in zip(serial, items)) >= 10  # real fixes were compared


def test_rules_that_share_a_cache_are_one_task_and_the_heaviest_go_first() -> None:
    here, tasks = engine._tasks(RULES)
    names = [[RULES[n].name for n in task] for task in tasks]
    assert names[0] == ["copied-abstract", "copied-key-points", "copied-innovation", "one-liner-mismatch"]
    assert sorted([*here, *(n for task in tasks for n in task)]) == list(range(len(RULES)))  # every rule once
    scopes = [RULES[task[0]].scope for task in tasks[1:]]
    assert scopes == sorted(scopes, key=lambda scope: scope is not engine.Scope.LIST)  # cross-file rules next


def test_formatting_and_the_other_checked_fixes_stay_in_this_process() -> None:
    here, tasks = engine._tasks(RULES)
    kept = [RULES[n] for n in here]
    assert any(rule.formatting for rule in kept)
    assert kept == [rule for rule in RULES if rule.checked_fixes]
    assert not any(RULES[n].checked_fixes for task in tasks for n in task)


def test_rules_whose_fixes_carry_a_check_say_so() -> None:
    """A shared run keeps those rules in the parent; one that did not say so would lose its checks."""
    docs = _documents()
    run = engine._Run(docs, docs, Settings())
    checked = {rule.name for rule in RULES for f in run.findings(rule) if f.fix is not None and f.fix.verify is not None}
    assert checked == {rule.name for rule in RULES if rule.checked_fixes}


def test_a_refused_file_reports_the_same_from_either_process(always_fork: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from listlint.base.errors import UnsafeFixError
    from listlint.lint import run as run_module
    from listlint.lint.run import Fixed, Loaded, fix_items
    from listlint.workspace.files import Source

    real = run_module.fix_loaded

    def refusing(item, *args, **kwargs):  # type: ignore[no-untyped-def]
        if item.doc.path.endswith("refused.md"):
            raise UnsafeFixError("fixes would lose an entry; nothing was written", item.doc.path)
        return real(item, *args, **kwargs)

    monkeypatch.setattr(run_module, "fix_loaded", refusing)
    paths = sorted(RULE_FIXTURES.rglob("*.md"))[:10]
    texts = [(str(path), path.read_text(encoding="utf-8-sig")) for path in paths]
    texts.insert(0, ("refused.md", texts[0][1] * 20))  # the largest: dealt first, to either process
    items = [Loaded(Source(path, Settings()), Document(text, path), None) for path, text in texts]
    serial = fix_items(items, [], unsafe=False, jobs=1)
    shared = fix_items(items, [], unsafe=False, jobs=None)

    def reported(fixed: Fixed) -> tuple[object, ...]:
        error = fixed.error
        return (fixed.text, None) if error is None else (fixed.text, type(error), str(error), error.path, error.line)

    assert [reported(f) for f in shared] == [reported(f) for f in serial]
    assert shared[0].text is None and str(shared[0].error) == "refused.md: fixes would lose an entry; nothing was written"
    assert isinstance(shared[0].error, UnsafeFixError) and shared[0].error.path == "refused.md"
