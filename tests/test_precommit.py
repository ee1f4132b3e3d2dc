"""The pre-commit hooks, run for real with `pre-commit try-repo` on a snapshot of this checkout.

try-repo installs the hook's package into a fresh virtualenv built from the base
interpreter, which need not have any of listlint's dependencies. To stay offline,
the distributions of this test's own environment are packed back into wheels (a
wheelhouse in a temporary folder), and pip in the hook's virtualenv may use that
folder and no index; the package itself is built with build isolation, its build
requirement coming from the same folder. The checkout is copied into a one-commit
repository first, so uncommitted work is what gets tested (try-repo itself would
leave out new files).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
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


# Files pip writes when it installs, which a wheel does not carry.
_INSTALL_ONLY = {"INSTALLER", "REQUESTED", "direct_url.json", "RECORD"}


def _repack(dist: importlib.metadata.Distribution, wheelhouse: Path) -> bool:
    """Write `dist`, as installed, back into a wheel; False if it cannot be (no RECORD or WHEEL)."""
    tags = [line.split(":", 1)[1].strip() for line in (dist.read_text("WHEEL") or "").splitlines()
            if line.startswith("Tag:")]
    if not tags or dist.files is None:
        return False
    name = dist.metadata["Name"].replace("-", "_").replace(".", "_")
    info = f"{name}-{dist.version}.dist-info"
    wheel = wheelhouse / f"{name}-{dist.version}-{'-'.join(_compressed(tags))}.whl"
    record = []
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in dist.files:
            parts = file.parts
            # Scripts (../../bin) are made again from entry_points.txt; bytecode is made again.
            if parts[0] == ".." or "__pycache__" in parts:
                continue
            if parts[0].endswith(".dist-info") and (len(parts) > 1 and parts[1] in _INSTALL_ONLY):
                continue
            data = Path(dist.locate_file(file)).read_bytes()
            arcname = "/".join((info, *parts[1:])) if parts[0].endswith(".dist-info") else file.as_posix()
            archive.writestr(arcname, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{arcname},sha256={digest},{len(data)}")
        record.append(f"{info}/RECORD,,")
        archive.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return True


def _compressed(tags: list[str]) -> list[str]:
    """`py2-none-any`, `py3-none-any` -> `py2.py3`, `none`, `any`: the tag part of a wheel's name."""
    columns = zip(*(tag.split("-") for tag in tags))
    return [".".join(dict.fromkeys(column)) for column in columns]


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every distribution of this environment but listlint and pip, as wheels."""
    folder = tmp_path_factory.mktemp("wheelhouse")
    packed = {
        dist.metadata["Name"].lower()
        for dist in importlib.metadata.distributions()
        if dist.metadata["Name"].lower() not in {"listlint", "pip"} and _repack(dist, folder)
    }
    if "setuptools" not in packed:
        pytest.skip("setuptools (listlint's build backend) is not installed in this environment")
    return folder


def _try_repo(hook_repo: Path, work: Path, home: Path, wheelhouse: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        **GIT_IDENTITY,
        "PRE_COMMIT_HOME": str(home),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PRE_COMMIT_COLOR": "never",
    }
    for name in ("PYTHONPATH", "VIRTUALENV_SYSTEM_SITE_PACKAGES", "PIP_NO_BUILD_ISOLATION"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "--files", "list.md"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_hooks_fail_on_a_defect_and_pass_once_fixed(tmp_path: Path, wheelhouse: Path) -> None:
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
    first = _try_repo(hook_repo, work, home, wheelhouse)
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
    second = _try_repo(hook_repo, work, home, wheelhouse)
    assert second.returncode == 0, second.stdout + second.stderr
    assert (work / "list.md").read_text(encoding="utf-8") == fixed
