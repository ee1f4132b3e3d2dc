"""A run over files counts its steps up front, so a progress bar ends on its total."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import RULE_FIXTURES
from listlint.lint import parallel
from listlint.lint.run import Loaded, Steps, check_sources, fix_items
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.workspace.files import Source, discover

MESSY = (RULE_FIXTURES / "non-canonical-card" / "messy.md").read_text(encoding="utf-8")


class Counted(Steps):
    """Steps as a bar sees them; a step past the total so far fails at once."""

    def __init__(self, log: Path | None = None) -> None:
        self.expected = 0
        self.done: list[str] = []
        self.log = log

    def expect(self, count: int) -> None:
        self.expected += count

    def advance(self, label: str) -> None:
        if self.log is not None:  # which process counted: a forked one must not draw
            with self.log.open("a", encoding="utf-8") as log:
                log.write(f"{os.getpid()}\n")
        self.done.append(label)
        assert len(self.done) <= self.expected, label


def test_check_counts_each_file_read_and_each_rule_run(tmp_path: Path) -> None:
    # Two lists, each with its configuration: each runs its own rules.
    for name, select in (("one", '["LL001", "LL901", "LL101"]'), ("two", '["LL901"]')):
        (tmp_path / name).mkdir()
        (tmp_path / name / "listlint.toml").write_text(f"select = {select}\n", encoding="utf-8")
    for number in range(5):
        (tmp_path / "one" / f"list{number}.md").write_text(MESSY, encoding="utf-8")
    (tmp_path / "one" / "broken.md").write_bytes(b"not \xff UTF-8\n")  # read, not checked: still a step
    (tmp_path / "two" / "list.md").write_text(MESSY, encoding="utf-8")
    steps = Counted()
    result = check_sources(list(discover((str(tmp_path / "one"), str(tmp_path / "two")))), steps=steps)
    assert len(result.errors) == 1
    assert steps.done.count("Checking") == 3 + 1
    assert len(steps.done) == steps.expected == 7 + 3 + 1


@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "shared"])
def test_fix_counts_each_file_in_this_process(jobs: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_TEXT", 0)
    monkeypatch.setattr(parallel, "available", lambda jobs: jobs != 1)
    items = [
        Loaded(Source(f"list{number}.md", Settings()), Document(MESSY * (number + 1), f"list{number}.md"), None)
        for number in range(4)
    ]
    steps = Counted(tmp_path / "pids")
    steps.expect(len(items))
    fix_items(items, [], unsafe=False, jobs=jobs, steps=steps)
    assert sorted(steps.done) == [f"Fixing list{number}.md" for number in range(4)]
    assert (tmp_path / "pids").read_text(encoding="utf-8").split() == [str(os.getpid())] * 4
