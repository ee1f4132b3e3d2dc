"""What git says of a folder, read without running git: the repository it is in, and what
its `.gitignore` files ignore."""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from listlint.base.globs import pattern_problem


@lru_cache(maxsize=64)
def repository_root(folder: Path) -> Path | None:
    """The git repository a folder (resolved) is in: the nearest one at or above it with `.git`."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


_Ignores = tuple[tuple[str, object], ...]
"""The .gitignore files that apply in a folder: (their folder, from the top; the compiled
patterns), shallowest first."""


class GitIgnores:
    """What the `.gitignore` files say of the files met in a walk, as git reads them: each
    file's patterns apply to paths below its folder, a deeper file overrides a shallower
    one, the last matching line wins (`!` brings a path back) and nothing below an ignored
    folder comes back (the walk never enters it). Folders above the walk's root count up
    to its git repository's root, so `listlint check docs` honours the root's `build/`.

    Paths are posix strings relative to that root (`top`), or to the walk's root outside
    a repository. pathspec is imported only where a `.gitignore` is found.
    """

    def __init__(self, root: Path) -> None:
        self._root = os.path.normpath(root)
        resolved = Path(os.path.realpath(root))
        top = repository_root(resolved)
        self._prefix = ""
        above: list[tuple[str, object]] = []
        if top is not None:
            below = resolved.relative_to(top)
            self._prefix = _posix(below)
            for folder in (top / part for part in reversed(below.parents)):  # top, ..., root's parent
                compiled = _read_gitignore(folder / ".gitignore")
                if compiled is not None:
                    above.append((_posix(folder.relative_to(top)), compiled))
        # A folder named to walk is walked, as git shows an ignored file it is asked
        # for: the lines above it that ignore it (or a folder it is in) do not count.
        steps = self._prefix.split("/") if self._prefix else []
        inside = ("/".join(steps[: depth + 1]) + "/" for depth in range(len(steps)))
        self._above: _Ignores = () if any(_ignored(above, path) for path in inside) else tuple(above)
        self._by_folder: dict[str, tuple[str, _Ignores]] = {}

    def enter(self, folder: str, names: list[str]):  # type: ignore[no-untyped-def]
        """`ignored(name, is_dir)` for the entries of `folder`, as os.walk gives it (top-down)."""
        key = os.path.normpath(folder)  # os.walk(".") gives "./docs": its parent is "."
        if key == self._root:
            where, ignores = self._prefix, self._above
        else:
            parent, ignores = self._by_folder[os.path.normpath(os.path.dirname(folder))]
            where = _join(parent, os.path.basename(key))
        if ".gitignore" in names:
            compiled = _read_gitignore(Path(folder, ".gitignore"))
            if compiled is not None:
                ignores = (*ignores, (where, compiled))
        self._by_folder[key] = (where, ignores)

        def ignored(name: str, is_dir: bool) -> bool:
            return bool(ignores) and _ignored(ignores, _join(where, name) + ("/" if is_dir else ""))

        return ignored


def _ignored(ignores: _Ignores, path: str) -> bool:
    """Whether the last line that matches `path` (a folder's ends in `/`) ignores it."""
    verdict = None
    for base, compiled in ignores:
        if base and not path.startswith(base + "/"):
            continue  # a .gitignore of a folder below `path` (the walk's root's own folders)
        found = compiled.check_file(path[len(base) + 1 :] if base else path)  # type: ignore[attr-defined]
        if found.include is not None:
            verdict = found.include
    return bool(verdict)


def _posix(path: Path) -> str:
    text = path.as_posix()
    return "" if text == "." else text


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _read_gitignore(path: Path):  # type: ignore[no-untyped-def]
    """The compiled patterns of a `.gitignore`, or None when there is none (or it cannot
    be read: git then ignores nothing by it either). A line pathspec cannot read is
    dropped, as git drops it."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import warnings

    from pathspec import GitIgnoreSpec

    with warnings.catch_warnings():  # pathspec's FutureWarning on `[[:alpha:]]`
        warnings.simplefilter("ignore")
        try:
            return GitIgnoreSpec.from_lines(lines)
        except (ValueError, re.error):  # `[z-a]`, a lone `\`
            return GitIgnoreSpec.from_lines(line for line in lines if pattern_problem(line) is None)
