"""Find the list files to lint: paths, folders walked with excludes, stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from listlint.config import Settings, settings_for
from listlint.errors import InputError

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Larger files are refused: a list that size is not a list, and memory is finite."""


@dataclass(frozen=True)
class Source:
    path: str
    """As given or as found; `-` for stdin."""
    settings: Settings
    stdin: bool = False
    """Read from standard input; `path` is then the --stdin-filename or `-`."""


def _spec(settings: Settings):  # type: ignore[no-untyped-def]
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])


def _included(name: str, settings: Settings) -> bool:
    import fnmatch

    return any(fnmatch.fnmatch(name, pattern) for pattern in settings.include)


def _excluded(path: Path, settings: Settings, spec, is_dir: bool) -> bool:  # type: ignore[no-untyped-def]
    rel = settings.relative(str(path))
    if rel.startswith("../"):
        rel = path.name
    return spec.match_file(rel + "/" if is_dir else rel)


def discover(
    paths: tuple[str, ...], config: Path | None = None, stdin_filename: str | None = None
) -> Iterator[Source]:
    """Yield every file to lint; raise InputError for a missing path or an empty folder."""
    for raw in paths:
        if raw == "-":
            name = stdin_filename or "-"
            yield Source(name, settings_for(Path(stdin_filename or "."), config), stdin=True)
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError("no such file or directory", raw)
        settings = settings_for(path, config)
        spec = _spec(settings)
        if path.is_file():
            if not _excluded(path, settings, spec, is_dir=False):
                yield Source(raw, settings)
            continue
        found = False
        for folder, dirs, names in os.walk(path):
            base = Path(folder)
            dirs[:] = sorted(d for d in dirs if not _excluded(base / d, settings, spec, is_dir=True))
            for name in sorted(names):
                candidate = base / name
                if _included(name, settings) and not _excluded(candidate, settings, spec, False):
                    found = True
                    yield Source(str(candidate), settings)
        if not found:
            patterns = ", ".join(settings.include)
            raise InputError(f"no list files ({patterns}) found in this folder", raw)


def read_source(path: str) -> bytes:
    """The bytes of a file, with errors as one-line InputErrors."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"file too large ({size / 2**20:.0f} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB)",
                path,
            )
        with open(path, "rb") as handle:
            return handle.read()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path) from None


def list_files(root: Path, settings: Settings) -> Iterator[Path]:
    """Every list file under the configuration root (for cross-file context)."""
    spec = _spec(settings)
    for folder, dirs, names in os.walk(root):
        base = Path(folder)
        dirs[:] = sorted(d for d in dirs if not _excluded(base / d, settings, spec, is_dir=True))
        for name in sorted(names):
            candidate = base / name
            if _included(name, settings) and not _excluded(candidate, settings, spec, False):
                yield candidate
