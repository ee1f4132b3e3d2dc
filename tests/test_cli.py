"""The command line: exit codes, one-line errors for bad input, safe in-place fixes."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, RULE_FIXTURES
from listlint.api import fix_text

MESSY = (RULE_FIXTURES / "non-canonical-card" / "messy.md").read_text(encoding="utf-8")
CANONICAL = (RULE_FIXTURES / "non-canonical-card" / "canonical.md").read_text(encoding="utf-8")


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "listlint", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if not line.endswith(("left.", "changed."))]
    assert len(errors) == 1, result.stderr
    for needle in needles:
        assert needle in errors[0]


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"# ok\n\xff\xfe bad\n", "bad.md:2: not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "bad.md:3: binary file"),
    ],
)
@pytest.mark.parametrize("command", [["check"], ["fix"], ["fix", "--check"]])
def test_unreadable_file_is_one_line_error(tmp_path: Path, data: bytes, needle: str, command: list[str]) -> None:
    (tmp_path / "bad.md").write_bytes(data)
    result = run(*command, "bad.md", cwd=tmp_path)
    assert_one_line_error(result, needle)
    assert "passed" not in result.stdout
    assert (tmp_path / "bad.md").read_bytes() == data


def test_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_bytes(b"\xff")
    (tmp_path / "good.md").write_text(MESSY, encoding="utf-8")
    result = run("fix", "bad.md", "good.md", cwd=tmp_path)
    assert result.returncode == 2
    assert "Fixing good.md" in result.stderr
    assert (tmp_path / "good.md").read_text(encoding="utf-8") != MESSY


@pytest.mark.parametrize("command", ["check", "fix"])
def test_missing_path(tmp_path: Path, command: str) -> None:
    assert_one_line_error(run(command, "nope.md", cwd=tmp_path), "nope.md: no such file or directory")


def test_folder_without_markdown(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.txt").write_text("hi", encoding="utf-8")
    assert_one_line_error(run("check", "docs", cwd=tmp_path), "docs: no list files")


def test_empty_file_is_clean(tmp_path: Path) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    result = run("check", "empty.md", cwd=tmp_path)
    assert result.returncode == 0 and "All checks passed (1 file)" in result.stdout
    result = run("fix", "empty.md", cwd=tmp_path)
    assert result.returncode == 0 and (tmp_path / "empty.md").read_bytes() == b""


@pytest.mark.slow
def test_fifty_megabyte_file(tmp_path: Path) -> None:
    # Mostly prose, a card every megabyte: the size, not the card count, is the point.
    prose = ("Lorem ipsum dolor sit amet, a line of prose that is not a card.\n" * 16000)
    chunk = prose + MESSY
    data = (chunk * (50 * 2**20 // len(chunk) + 1)).encode("utf-8")
    path = tmp_path / "big.md"
    path.write_bytes(data)
    result = run("fix", "--check", "big.md", cwd=tmp_path)
    assert result.returncode == 1 and "Would fix big.md" in result.stderr
    assert path.read_bytes() == data
    result = run("check", "--output-format", "concise", "big.md", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("config", "needles"),
    [
        ("[tool.listlint]\nbogus = 1\n", ["pyproject.toml", "unknown key `bogus`"]),
        ('[tool.listlint]\nselect = "LL901"\n', ["`select` must be a list of strings"]),
        ('[tool.listlint]\nselect = ["XX9"]\n', ["`XX9` is not a rule"]),
        ("[tool.listlint.rules.non-canonical-card]\nwidth = 3\n", ["`rules.non-canonical-card.width`"]),
        ("[tool.listlint.rules.no-such-rule]\n", ["`rules.no-such-rule`"]),
        ('[tool.listlint.languages]\n"*.md" = "fr"\n', ["`languages.*.md`", "`fr`"]),
        ("[tool.listlint\nselect = []\n", ["pyproject.toml", "invalid TOML"]),
    ],
)
def test_bad_config(tmp_path: Path, config: str, needles: list[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    for command in (["check"], ["fix"]):
        assert_one_line_error(run(*command, "README.md", cwd=tmp_path), *needles)
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == MESSY


def test_broken_unrelated_pyproject_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    assert run("check", "README.md", cwd=tmp_path).returncode == 0


def test_explicit_missing_config(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(CANONICAL, encoding="utf-8")
    assert_one_line_error(run("check", "--config", "nope.toml", "README.md", cwd=tmp_path), "nope.toml")


def test_fix_keeps_crlf_bom_and_mode(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode("utf-8"))
    path.chmod(0o640)
    result = run("fix", "README.md", cwd=tmp_path)
    assert result.returncode == 0, result
    assert "Fixing README.md" in result.stderr
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text == fix_text(MESSY, "README.md").text.replace("\n", "\r\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temp file left


def test_fix_twice_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(MESSY, encoding="utf-8")
    run("fix", "README.md", cwd=tmp_path)
    once = path.read_bytes()
    result = run("fix", "README.md", cwd=tmp_path)
    assert result.returncode == 0 and "Fixing" not in result.stderr
    assert path.read_bytes() == once


def test_fix_check_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(MESSY, encoding="utf-8")
    result = run("fix", "--check", "README.md", cwd=tmp_path)
    assert result.returncode == 1
    assert "Would fix README.md" in result.stderr
    assert path.read_text(encoding="utf-8") == MESSY
    path.write_text(CANONICAL, encoding="utf-8")
    assert run("fix", "--check", "README.md", cwd=tmp_path).returncode == 0


def test_fix_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(MESSY, encoding="utf-8")
    result = run("fix", "--diff", "README.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("--- a/README.md\n+++ b/README.md\n")
    assert "+* **Authors:** Mira Ghost, Tao Lin\n" in result.stdout
    assert path.read_text(encoding="utf-8") == MESSY


def test_stdin_with_filename(tmp_path: Path) -> None:
    result = run("fix", "-", "--stdin-filename", "lists/README.md", cwd=tmp_path, stdin=MESSY.encode())
    assert result.returncode == 0
    assert "* **Authors:** Mira Ghost, Tao Lin\n" in result.stdout
    assert result.stdout.startswith("# Invented list\n")
    result = run(
        "check", "-", "--stdin-filename", "lists/README.md", "--output-format", "concise",
        cwd=tmp_path, stdin=MESSY.encode(),
    )
    assert result.returncode == 1
    assert result.stdout.startswith("lists/README.md:6:1: LL503 [malformed-summary]")
    assert "LL901 [non-canonical-card]" in result.stdout


LEFT = CANONICAL.replace("abs/2104.04321", "abs/2104.04322")
"""A link to another paper than the card's ID: `arxiv-link-mismatch`, which no fix applies."""
REFUSED = MESSY + "\n<<<<<<< HEAD\nOurs.\n=======\nTheirs.\n>>>>>>> feature\n"
"""Fixable, but holding a merge conflict: `fix` refuses the file (see below)."""


@pytest.mark.parametrize(
    ("text", "options", "code"),
    [
        (CANONICAL, [], 0),
        (MESSY, [], 0),  # fine once fixed
        (LEFT, [], 1),  # a finding is left
        (LEFT, ["--exit-zero"], 0),
        (CANONICAL, ["--exit-non-zero-on-fix"], 0),
        (MESSY, ["--exit-non-zero-on-fix"], 1),
        (REFUSED, ["--exit-zero"], 2),  # not processed
    ],
    ids=["clean", "fixed", "left", "left-exit-zero", "clean-on-fix", "fixed-on-fix", "refused"],
)
def test_fix_on_stdin_always_gives_the_text_back_and_says_how_it_went(
    text: str, options: list[str], code: int, tmp_path: Path
) -> None:
    """What an editor's format-on-save needs: stdout is the buffer to keep, whatever
    the exit code; the code says fine (0), findings left (1), not processed (2)."""
    result = run("fix", "-", "--stdin-filename", "README.md", *options, cwd=tmp_path, stdin=text.encode())
    assert result.returncode == code, result.stderr
    assert result.stdout == (text if code == 2 else fix_text(text, "README.md").text)


def test_stdin_binary_is_one_line_error(tmp_path: Path) -> None:
    result = run("check", "-", "--stdin-filename", "x.md", cwd=tmp_path, stdin=b"\x00\x01")
    assert_one_line_error(result, "x.md:1: binary file")


def test_json_output_is_valid(tmp_path: Path) -> None:
    import json

    (tmp_path / "README.md").write_text(MESSY, encoding="utf-8")
    result = run("check", "--output-format", "json", "README.md", cwd=tmp_path)
    findings = json.loads(result.stdout)
    assert result.returncode == 1
    assert findings[0]["code"] == "LL503" and findings[0]["line"] == 6
    assert any(f["code"] == "LL901" for f in findings)


def test_files_given_separately_are_checked_as_one_list(tmp_path: Path) -> None:
    """pre-commit passes each changed file as its own argument; they are still one list."""
    card = (
        "<details>\n<summary><b>{title}</b></summary>\n\n"
        "* **Authors:** {authors}\n* **arXiv ID:** 2101.00042\n\n"
        "> **Core Innovation**  \n> Invented.\n</details>\n\n---\n"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "README.md").write_text(
        card.format(title="Owl: Night Vision", authors="Ana Bell, Bo Chen, Cy Dorn"), encoding="utf-8"
    )
    (tmp_path / "b" / "README.md").write_text(
        card.format(title="Lark: Morning Song", authors="Di Eng, Ed Fox, Flo Gray"), encoding="utf-8"
    )
    result = run("check", "--output-format", "concise", "a/README.md", "b/README.md", cwd=tmp_path)
    conflicts = [line for line in result.stdout.splitlines() if "[arxiv-id-conflict]" in line]
    assert len(conflicts) == 1 and conflicts[0].startswith("b/README.md:5:17: LL103"), result


def test_select_and_ignore_on_the_command_line(tmp_path: Path) -> None:
    examples = ROOT / "examples"
    only = run("check", "--output-format", "concise", "--select", "LL301,non-canonical-card", str(examples), cwd=tmp_path)
    codes = {line.split()[1] for line in only.stdout.splitlines()}
    assert codes == {"LL301", "LL901"}, only.stdout
    without = run("check", "--output-format", "concise", "--ignore", "LL3", str(examples), cwd=tmp_path)
    assert without.stdout and not any(line.split()[1].startswith("LL3") for line in without.stdout.splitlines())
    bad = run("check", "--select", "no-such-rule", str(examples), cwd=tmp_path)
    assert bad.returncode == 2 and "`no-such-rule` is not a rule code, name or code prefix" in bad.stderr
    assert "Traceback" not in bad.stderr
