"""`fix --diff`: the diff must apply, byte for byte, whatever the file's last line and characters."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from test_cli import run

from conftest import RULE_FIXTURES
from listlint.report.diff import NO_NEWLINE, unified_diff

MESSY = (RULE_FIXTURES / "non-canonical-card" / "messy.md").read_text(encoding="utf-8")


def test_a_last_line_without_line_ending_is_ended_and_marked() -> None:
    diff = unified_diff("x.md", "a\n</details>   ", "a\n</details>")
    assert diff.endswith(f"-</details>   \n{NO_NEWLINE}+</details>\n{NO_NEWLINE}")
    assert all(line.endswith("\n") for line in diff.splitlines(True))


def test_only_line_feeds_end_lines() -> None:
    # U+2028 and a form feed end a line for `str.splitlines`, not for patch: a hunk
    # that counted them would not apply.
    old = "a\u2028b\nc\fd \n"
    diff = unified_diff("x.md", old, "a\u2028b\nc\fd\n")
    assert "@@ -1,2 +1,2 @@\n" in diff
    assert "-c\fd \n+c\fd\n" in diff


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize(
    "text",
    [
        MESSY,
        MESSY.rstrip("\n") + "   ",  # the last line changes and has no line ending
        MESSY.replace("\n", "\r\n"),
        MESSY.replace("Mira Ghost", "Mira\u2028Ghost\f"),
        "\ufeff" + MESSY[MESSY.index("<details>") :],  # line 1, with the BOM, is in the hunk
    ],
    ids=["plain", "no-final-newline", "crlf", "unicode-line-separators", "bom"],
)
def test_the_printed_diff_applies_to_what_fix_writes(tmp_path: Path, text: str) -> None:
    path = tmp_path / "README.md"
    path.write_bytes(text.encode("utf-8"))
    result = run("fix", "--diff", "README.md", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.startswith("--- a/README.md\n")
    (tmp_path / "fix.patch").write_bytes(result.stdout.encode("utf-8"))
    applied = subprocess.run(
        ["git", "apply", "--unsafe-paths", "fix.patch"], cwd=tmp_path, capture_output=True, timeout=60
    )
    assert applied.returncode == 0, applied.stderr
    fixed = tmp_path / "fixed" / "README.md"
    fixed.parent.mkdir()
    fixed.write_bytes(text.encode("utf-8"))
    run("fix", "README.md", cwd=fixed.parent)
    assert fixed.read_bytes() != text.encode("utf-8")
    assert path.read_bytes() == fixed.read_bytes()
