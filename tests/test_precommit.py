"""The pre-commit hooks, run for real with `pre-commit try-repo` on a snapshot of this checkout.

try-repo installs the hook's package into a fresh virtualenv each time. To
stay offline and fast, the virtualenv sees this interpreter's site-packages
(where listlint's dependencies are installed), pip may not use an index, and
the package is built without isolation (pip reads PIP_NO_BUILD_ISOLATION=0 as
"no isolation"). The checkout is copied into a one-commit repository first,
so uncommitted work is what gets tested (try-repo itself would leave out new
files), and the venv's copy shadows any other installed listlint.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.precommit, pytest.mark.slow]

# A complete card with two defects: a stale suppression and loose white space.
LIST = """\
# Invented list

<!-- listlint-disable-next-entry non-canonical-cards -->
<details>
<summary><b>Zed: Zero-Shot Elephant Detection</b></summary>

*   **Authors:**   Ana Field, Bo Stone
* **arXiv ID:** 2104.04321
* **One-liner:** Finds elephants it never saw.
* **Published in:** CVPR 2021
* **Links:** [[Paper]](https://arxiv.org/abs/2104.04321)|[[Code]](https://github.com/ana/zed)

> **Core Innovation**  
> Elephants from text alone.

<details>
    <summary>Abstract</summary>
    We detect elephants in photographs without a single labelled elephant, using text alone.
</details>

<details>
    <summary>Key points</summary>

* zero-shot
* elephants

</details>
</details>

---
"""

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "listlint tests",
    "GIT_AUTHOR_EMAIL": "tests@example.invalid",
    "GIT_COMMITTER_NAME": "listlint tests",
    "GIT_COMMITTER_EMAIL": "tests@example.invalid",
}


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_IDENTITY})


def _snapshot(target: Path) -> None:
    """Copy what building the package needs into a fresh one-commit repository."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "rules"):
        shutil.copytree(ROOT / name, target / name, symlinks=True, ignore=ignore)
    for name in ("pyproject.toml", ".pre-commit-hooks.yaml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, target / name)
    _git(target, "init", "-q")
    _git(target, "add", "-A")
    _git(target, "commit", "-qm", "snapshot")


def _try_repo(hook_repo: Path, work: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "PRE_COMMIT_HOME": str(home),
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PRE_COMMIT_COLOR": "never",
    }
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "--files", "list.md"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_hooks_fail_on_a_defect_and_pass_once_fixed(tmp_path: Path) -> None:
    if importlib.util.find_spec("pre_commit") is None:
        pytest.skip("pre-commit is not installed (pip install pre-commit)")
    if importlib.util.find_spec("virtualenv") is None:
        pytest.skip("virtualenv (a pre-commit dependency) is not importable")
    if shutil.which("git") is None:
        pytest.skip("git is not on PATH")
    hook_repo, work, home = tmp_path / "hook", tmp_path / "work", tmp_path / "home"
    hook_repo.mkdir()
    work.mkdir()
    _snapshot(hook_repo)
    _git(work, "init", "-q")
    (work / "list.md").write_text(LIST, encoding="utf-8")
    _git(work, "add", "list.md")

    # All hooks of the manifest run: `listlint` reports, then `listlint-fix` rewrites.
    first = _try_repo(hook_repo, work, home)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "hook id: listlint\n" in output, output
    # unused-suppression exists only in this checkout: the snapshot is what ran.
    assert "LL001 [unused-suppression]" in output, output
    assert "LL901 [non-canonical-card]" in output, output
    assert "files were modified by this hook" in output, output
    fixed = (work / "list.md").read_text(encoding="utf-8")
    assert "listlint-disable-next-entry" not in fixed
    assert "* **Authors:** Ana Field, Bo Stone\n" in fixed
    assert "[[Paper]](https://arxiv.org/abs/2104.04321) | [[Code]]" in fixed

    _git(work, "add", "list.md")
    second = _try_repo(hook_repo, work, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (work / "list.md").read_text(encoding="utf-8") == fixed
