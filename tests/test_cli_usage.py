"""The command line as users meet it: formats, exit codes, summaries, refusing to corrupt."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import listlint.rules
from clitools import run_cli
from fake_rules import oscillating, todo_one_liner

MESSY = """\
<details>
<summary><b>Qux: Quantised Unicorn Experts</b></summary>

*   **Authors:**   Mira Ghost
* **arXiv ID:** 2203.01234
</details>

---
"""


SELECT = 'select = ["LL001", "LL901"]\n'


@pytest.fixture
def lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    # Only the rules under test: the invented card breaks others (missing fields).
    (tmp_path / "listlint.toml").write_text(SELECT, encoding="utf-8")
    (tmp_path / "messy.md").write_text(MESSY, encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Nothing to see\n", encoding="utf-8")
    return tmp_path


def test_exit_codes(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert run_cli(["check", "clean.md"], capsys, monkeypatch).code == 0
    assert run_cli(["check", "messy.md"], capsys, monkeypatch).code == 1
    assert run_cli(["check", "messy.md", "--exit-zero"], capsys, monkeypatch).code == 0
    missing = run_cli(["check", "nope.md"], capsys, monkeypatch)
    assert (missing.code, missing.err.strip()) == (2, "nope.md: no such file or directory")
    usage = run_cli(["check", "messy.md", "--output-format", "xml"], capsys, monkeypatch)
    assert usage.code == 2 and "Invalid value for '--output-format'" in usage.err
    assert run_cli(["fix", "--check", "messy.md"], capsys, monkeypatch).code == 1
    assert run_cli(["fix", "--check", "clean.md"], capsys, monkeypatch).code == 0


def test_help_documents_exit_codes(capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for args in (["--help"], ["check", "--help"], ["fix", "--help"]):
        ran = run_cli(args, capsys, monkeypatch)
        assert ran.code == 0
        assert "0  no findings" in ran.out and "1  findings remain" in ran.out and "2  usage" in ran.out


def test_every_format_from_the_command_line(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    concise = run_cli(["check", "messy.md", "--output-format", "concise"], capsys, monkeypatch)
    assert concise.out == "messy.md:4:1: LL901 [non-canonical-card] Card `Qux: Quantised Unicorn Experts` is not in canonical form\n"
    github = run_cli(["check", "messy.md", "--output-format", "github"], capsys, monkeypatch)
    assert github.out.startswith("::error file=messy.md,line=4,col=1,")
    data = json.loads(run_cli(["check", "messy.md", "--output-format", "json"], capsys, monkeypatch).out)
    assert data[0]["fix"]["applicability"] == "safe"
    sarif = json.loads(run_cli(["check", "messy.md", "--output-format", "sarif"], capsys, monkeypatch).out)
    assert sarif["version"] == "2.1.0"
    full = run_cli(["check", "messy.md"], capsys, monkeypatch)
    assert "  = help: Format the card" in full.out
    assert full.out.rstrip().endswith("Found 1 finding in 1 file.\n1 fixable with `listlint fix`.")


def test_statistics_replace_the_findings(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ran = run_cli(["check", "messy.md", "clean.md", "--statistics"], capsys, monkeypatch)
    assert ran.code == 1
    assert ran.out.splitlines()[0].split() == ["1", "LL901", "non-canonical-card", "[*]"]
    assert "Qux" not in ran.out


def test_no_progress_bar_when_not_a_terminal(tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "listlint.toml").write_text(SELECT, encoding="utf-8")
    for number in range(12):
        (tmp_path / f"list{number}.md").write_text(MESSY, encoding="utf-8")
    ran = run_cli(["check", ".", "--output-format", "concise"], capsys, monkeypatch)
    assert ran.err == ""
    assert len(ran.out.splitlines()) == 12
    fixed = run_cli(["fix", ".", "--output-format", "concise"], capsys, monkeypatch)
    assert sorted(fixed.err.splitlines()) == sorted([*(f"Fixing list{n}.md" for n in range(12)), "12 files fixed, 0 findings left."])


COLOR = re.compile(r"\x1b\[(?:\d*;)*(?:3\d|4\d|9\d|10\d)(?:;\d+)*m")
"""An SGR sequence that sets a colour (bold and underline are no colour)."""


@pytest.mark.parametrize("args", [["check", "messy.md"], ["rule", "LL901"]], ids=" ".join)
def test_no_color_on_a_terminal_when_no_color_is_set(args, lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert COLOR.search(run_cli(args, capsys, monkeypatch).out), "the fake terminal gets colour"
    monkeypatch.setenv("NO_COLOR", "1")
    ran = run_cli(args, capsys, monkeypatch)
    assert ran.code in (0, 1) and "LL901" in ran.out
    assert not COLOR.search(ran.out + ran.err)


def test_unsafe_fixes_are_hidden_and_counted(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(listlint.rules, "RULES", (*listlint.rules.RULES, todo_one_liner))
    (lists / "listlint.toml").write_text('select = ["LL001", "LL901", "LL801"]\n', encoding="utf-8")
    text = MESSY.replace("* **arXiv ID:** 2203.01234", "* **One-liner:** TODO")
    (lists / "todo.md").write_text(text, encoding="utf-8")
    checked = run_cli(["check", "todo.md"], capsys, monkeypatch)
    assert "1 hidden fix can be applied with `listlint fix --unsafe-fixes`." in checked.out
    fixed = run_cli(["fix", "todo.md", "--output-format", "concise"], capsys, monkeypatch)
    assert fixed.code == 1
    assert "1 file fixed, 1 finding left. 1 more fixable with --unsafe-fixes." in fixed.err
    assert fixed.out.startswith("todo.md:5:18: LL801 [todo-one-liner]")
    assert "TODO" in (lists / "todo.md").read_text(encoding="utf-8")
    unsafe = run_cli(["fix", "todo.md", "--unsafe-fixes"], capsys, monkeypatch)
    assert unsafe.code == 0
    assert "* **One-liner:** Unknown\n" in (lists / "todo.md").read_text(encoding="utf-8")


def test_a_fix_that_does_not_converge_writes_nothing(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(listlint.rules, "RULES", (*listlint.rules.RULES, oscillating))
    (lists / "listlint.toml").write_text('select = ["LL901", "LL803"]\n', encoding="utf-8")
    (lists / "ping.md").write_text("ping\n" + MESSY, encoding="utf-8")
    ran = run_cli(["fix", "ping.md"], capsys, monkeypatch)
    assert ran.code == 2
    assert "ping.md: fixes failed to converge after 16 passes (oscillating kept changing the file); nothing was written" in ran.err
    assert (lists / "ping.md").read_text(encoding="utf-8") == "ping\n" + MESSY


def test_fix_from_stdin_keeps_findings_off_stdout(lists: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    monkeypatch.setattr(listlint.rules, "RULES", (*listlint.rules.RULES, todo_one_liner))
    (lists / "listlint.toml").write_text('select = ["LL901", "LL801"]\n', encoding="utf-8")
    text = MESSY.replace("* **arXiv ID:** 2203.01234", "* **One-liner:** TODO")

    class Stdin:
        buffer = io.BytesIO(text.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", Stdin)
    written = io.BytesIO()

    class Stdout(io.TextIOWrapper):
        pass

    stdout = Stdout(written, encoding="utf-8")
    monkeypatch.setattr(sys, "stdout", stdout)
    ran = run_cli(["fix", "-", "--stdin-filename", "README.md"], capsys, monkeypatch)
    stdout.flush()
    assert ran.code == 1
    assert written.getvalue().decode("utf-8").startswith("<details>\n<summary><b>Qux: Quantised Unicorn Experts</b></summary>\n\n* **Authors:** Mira Ghost\n")
    assert "LL801 [todo-one-liner]" in ran.err


def test_progress_bar_only_on_a_terminal_and_never_in_ci(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sys

    from listlint.report import progress

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert progress.wanted(progress.MIN_FILES)
    assert not progress.wanted(progress.MIN_FILES - 1)
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(100)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    monkeypatch.delenv("CI")
    assert not progress.wanted(100)
    with progress.progress_bar(enabled=True) as steps:
        steps.expect(2)
        steps.advance("Reading a.md")
        steps.advance("Checking")


@pytest.mark.parametrize(("command", "steps"), [("check", 12 + 2), ("fix", 12 + 12 + 2)])
def test_the_progress_bar_ends_on_its_total(command: str, steps: int, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A step is a file read, a file fixed, a rule run (SELECT has two): the bar's last
    frame, drawn before it is cleared, shows every step done."""
    import sys

    monkeypatch.chdir(tmp_path)
    (tmp_path / "listlint.toml").write_text(SELECT, encoding="utf-8")
    for number in range(12):
        (tmp_path / f"list{number}.md").write_text(MESSY, encoding="utf-8")
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    ran = run_cli([command, ".", "--output-format", "concise"], capsys, monkeypatch)
    assert ran.code == (1 if command == "check" else 0)
    frames = re.findall(r"(\d+)/(\d+)", ran.err)
    assert frames and frames[-1] == (str(steps), str(steps))


def test_the_real_process_flushes_everything_before_its_fast_exit(tmp_path: Path) -> None:
    """`main()` ends with os._exit: output still arrives whole, and the exit code is kept."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    ran = subprocess.run(
        [sys.executable, "-m", "listlint", "check", "--output-format", "json", str(ROOT / "examples")],
        capture_output=True, text=True, env=env, check=False,
    )
    assert ran.returncode == 1
    assert len(json.loads(ran.stdout)) > 5  # the whole array, closed
    missing = subprocess.run(
        [sys.executable, "-m", "listlint", "check", str(tmp_path / "absent.md")],
        capture_output=True, text=True, env=env, check=False,
    )
    assert missing.returncode == 2 and missing.stderr.strip().endswith("absent.md: no such file or directory")


@pytest.mark.parametrize("columns", ["20", "50", "80", "100"])
def test_rules_table_never_cuts_a_code_or_name(columns: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Codes and names are what users type in config; a narrow terminal wraps the summaries.
    monkeypatch.setenv("COLUMNS", columns)
    ran = run_cli(["rules"], capsys, monkeypatch)
    assert ran.code == 0
    rows = [line.split("│") for line in ran.out.splitlines() if line.startswith("│ LL")]
    assert [(row[1].strip(), row[2].strip()) for row in rows] == [(r.code, r.name) for r in listlint.rules.RULES]
    assert "…" not in ran.out
