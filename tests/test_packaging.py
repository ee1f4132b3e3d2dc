"""What the repository ships: the wheel's files, and the documents its manifests point to."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT


def _build_wheel(tmp_path: Path) -> zipfile.ZipFile:
    """A wheel of a copy of the checkout (a build in place would leave build/ behind)."""
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for name in ("src", "rules"):  # src/listlint/rule_pages links to rules/
        shutil.copytree(ROOT / name, source / name, symlinks=True, ignore=ignore)
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--quiet", "--wheel-dir", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    # Without isolation the build uses this environment's setuptools: the test extra
    # asks for the version [build-system] needs (`pip install -e '.[test]'`).
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("listlint-*.whl")
    return zipfile.ZipFile(wheel)


def test_the_wheel_ships_py_typed_and_the_rule_pages(tmp_path: Path) -> None:
    with _build_wheel(tmp_path) as wheel:
        names = set(wheel.namelist())
    # PEP 561: without the marker, type checkers ignore the package's hints.
    assert "listlint/py.typed" in names
    pages = {path.name for path in (ROOT / "rules").glob("*.md")}
    assert pages and {f"listlint/rule_pages/{name}" for name in pages} <= names
