"""What the repository ships: the wheel's files, and the documents its manifests point to."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

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


FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1", re.M | re.S)
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
"""A Markdown link's target: `[text](target)`."""
NAMED_PATH = re.compile(r"(?<![\w/.:-])((?:[\w.-]+/)*[\w.-]+\.(?:md|json|ya?ml|toml)(?:#[\w-]+)?)")
"""A file named in prose (`README.md#pre-commit`), not inside a URL."""
HEADING = re.compile(r"^ {0,3}#{1,6} +(.+?) *#* *$", re.M)


def _anchors(markdown: str) -> set[str]:
    """GitHub's anchors for the headings: lower case, punctuation but `-` and `_`
    dropped, spaces made `-` (`Pull-request mode: --x` is `pull-request-mode---x`)."""
    headings = HEADING.findall(FENCE.sub("", markdown))
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def _missing(document: Path, targets: list[str]) -> list[str]:
    """The local targets (`path`, `path#anchor`, `#anchor`) that name nothing."""
    missing = []
    for target in targets:
        if re.match(r"[a-z][a-z+.-]*:", target):  # https:, mailto:
            continue
        path, _, anchor = target.partition("#")
        file = (document.parent / path) if path else document
        if not file.exists():
            missing.append(target)
        elif anchor and anchor not in _anchors(file.read_text(encoding="utf-8")):
            missing.append(target)
    return missing


def test_every_document_the_readme_and_hook_manifest_name_exists() -> None:
    readme = ROOT / "README.md"
    links = LINK_TARGET.findall(FENCE.sub("", readme.read_text(encoding="utf-8")))
    assert links and _missing(readme, links) == []
    manifest = ROOT / ".pre-commit-hooks.yaml"
    comments = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line.lstrip().startswith("#")]
    named = NAMED_PATH.findall("\n".join(comments))
    assert named and _missing(manifest, named) == []


YAML_BLOCK = re.compile(r"^```ya?ml\n(.*?)^```", re.M | re.S)
VERSION_TAG = re.compile(r"v?\d+(\.\d+)+")


def test_the_readme_installs_listlint_from_where_it_is() -> None:
    """Until `v<version>` is tagged there is no release: the workflows install from the
    repository the pre-commit example names, and pre-commit pins no missing tag."""
    from listlint.base.version import __version__

    tags = subprocess.run(["git", "-C", str(ROOT), "tag", "--list"], capture_output=True, text=True, check=False)
    if tags.returncode != 0:
        pytest.skip("not a git checkout: no tags to tell a release by")
    released = f"v{__version__}" in tags.stdout.split()
    workflows = "\n".join(YAML_BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8")))
    (repository,) = set(re.findall(r"repo: (\S+)", workflows))
    installs = re.findall(r"pip install (\S+)", workflows)
    revs = re.findall(r"rev: (\S+)", workflows)
    assert installs and revs
    if not released:
        assert all(target == f"git+{repository}" for target in installs), installs
    assert all(rev in tags.stdout.split() for rev in revs if VERSION_TAG.fullmatch(rev)), revs
