"""Find the list files to lint: paths, folders walked with excludes, stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from listlint.base.errors import InputError
from listlint.base.values import value
from listlint.rulekit.settings import DEFAULT_EXCLUDE, Settings
from listlint.workspace.config import settings_for
from listlint.workspace.gitignore import GitIgnores, repository_root

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Larger files are refused: a list that size is not a list, and memory is finite."""


@value
class Source:
    """A file to lint (or standard input) and the settings that apply to it."""

    path: str
    """As given or as found; `-` for stdin."""
    settings: Settings
    stdin: bool = False
    """Read from standard input; `path` is then the --stdin-filename or `-`."""


# The default excludes are plain folder names; matching them needs no
# pathspec, whose import (it pulls in asyncio) is a third of the start-up time.
_DEFAULT_EXCLUDED_FOLDERS = frozenset(pattern.rstrip("/") for pattern in DEFAULT_EXCLUDE)


def _spec(settings: Settings):  # type: ignore[no-untyped-def]
    """A PathSpec of the excludes, or None when they are the defaults."""
    if not settings.extend_exclude and settings.exclude == DEFAULT_EXCLUDE:
        return None
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines([*settings.exclude, *settings.extend_exclude])


def _included(name: str, settings: Settings) -> bool:
    import fnmatch

    return any(fnmatch.fnmatch(name, pattern) for pattern in settings.include)


def _excluded(path: Path, settings: Settings, spec, is_dir: bool) -> bool:  # type: ignore[no-untyped-def]
    rel = settings.relative(str(path))
    if rel.startswith("../"):
        rel = path.name
    if spec is None:
        # `node_modules/` excludes a folder of that name at any depth, and all below it.
        parts = rel.split("/")
        folders = parts if is_dir else parts[:-1]
        return any(part in _DEFAULT_EXCLUDED_FOLDERS for part in folders)
    return spec.match_file(rel + "/" if is_dir else rel)


def discover(
    paths: tuple[str, ...],
    config: Path | None = None,
    stdin_filename: str | None = None,
    problems: list[InputError] | None = None,
) -> Iterator[Source]:
    """Yield every file to lint, each once; raise InputError for a missing path or an empty folder.

    A folder below a given one that cannot be read goes to `problems` and the walk goes
    on (one private folder must not stop a whole list's check); without `problems` it
    is raised.
    """
    # A file named twice (`a.md a.md`, a folder and a file in it) is linted once: twice,
    # each copy would find the other's arXiv IDs "already listed in another file".
    seen: set[str] = set()
    if "-" in paths and stdin_filename:
        # The text on standard input is that file as an editor holds it: its copy on
        # disk, named too or met in a folder, is the same file and is not linted beside it.
        seen.add(os.path.realpath(stdin_filename))

    def first_time(path: str) -> bool:
        key = os.path.realpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        if raw == "-":
            if "-" in seen:
                continue
            seen.add("-")
            settings = settings_for(Path(stdin_filename or "."), config)
            if stdin_filename and _excluded(Path(stdin_filename), settings, _spec(settings), is_dir=False):
                continue  # as the file on disk would be: not linted (`fix -` gives the text back)
            yield Source(stdin_filename or "-", settings, stdin=True)
            continue
        if not raw:
            # Path("") is the current folder: an empty argument (`"$FILES"` unset) would lint it all.
            raise InputError("an empty path names no file", "''")
        path = Path(raw)
        try:
            if not path.exists():
                raise InputError("no such file or directory", raw)
            is_file = path.is_file()
            if not is_file and not path.is_dir():
                # A FIFO would block the read forever; a device is no list either.
                raise InputError("not a regular file", raw)
        except OSError as error:  # a folder on the way that cannot be searched
            raise InputError(error.strerror or str(error), raw) from None
        settings = settings_for(path, config)
        spec = _spec(settings)
        if is_file:
            if not _excluded(path, settings, spec, is_dir=False) and first_time(raw):
                yield Source(raw, settings)
            continue
        found = False
        for candidate in _walk(path, settings, spec, problems=problems, strict=True):
            found = True
            if first_time(str(candidate)):
                yield Source(str(candidate), settings)
        if not found:
            patterns = ", ".join(settings.include)
            raise InputError(f"no list files ({patterns}) found in this folder", raw)


@value
class Snapshot:
    """A file as it was read: `fix` replaces it only while it is still so."""

    size: int
    """Its length in bytes."""
    mtime_ns: int
    """Its modification time, in nanoseconds since the epoch."""
    digest: bytes
    """The BLAKE2b hash of its bytes."""

    @classmethod
    def of(cls, data: bytes, status: os.stat_result) -> Snapshot:
        return cls(status.st_size, status.st_mtime_ns, _digest(data))

    def matches(self, path: str) -> bool:
        """Whether the file at `path` is still the one read (OSError when it cannot be read)."""
        status = os.stat(path)
        if (status.st_size, status.st_mtime_ns) != (self.size, self.mtime_ns):
            return False
        # The same size and time can hide an edit saved within the clock's tick.
        with open(path, "rb") as handle:
            return _digest(handle.read()) == self.digest


def _digest(data: bytes) -> bytes:
    import hashlib

    return hashlib.blake2b(data, digest_size=32).digest()


def read_source(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a file and its status as it was opened, with errors as one-line InputErrors."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"file too large ({size / 2**20:.0f} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB)",
                path,
            )
        with open(path, "rb") as handle:
            # The status of the file read, not of one that replaced it since.
            status = os.fstat(handle.fileno())
            return handle.read(), status
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path) from None


def list_path(path: str, settings: Settings) -> str:
    """Where a file is in its list, the same however its path was typed: below the
    configuration's folder, else below the git repository's root, else the absolute
    path; `README.md` typed inside `zh/` is `zh/README.md`, as typed from above it.

    The folders are resolved, the name kept: a symbolic link's name says its language.
    `-`, standard input without a name, is in no folder.
    """
    if path == "-":
        return path
    folder, name = os.path.split(path)
    resolved = Path(os.path.realpath(folder or "."))
    root = settings.root.resolve() if settings.root is not None else repository_root(resolved)
    if root is not None:
        try:
            return (resolved.relative_to(root) / name).as_posix()
        except ValueError:  # a file outside its configuration's folder (--config)
            pass
    return (resolved / name).as_posix()


def list_files(root: Path, settings: Settings) -> Iterator[Path]:
    """Every list file under the configuration root (for cross-file context)."""
    return _walk(root, settings, _spec(settings))


def _walk(  # type: ignore[no-untyped-def]
    root: Path, settings: Settings, spec, problems: list[InputError] | None = None, strict: bool = False
) -> Iterator[Path]:
    """The included, not excluded regular files below `root`, in sorted order, pruning
    excluded folders. `strict`: a folder that cannot be read is not skipped without a
    word: it goes to `problems`, or is raised when there is no such list."""

    def unreadable(error: OSError) -> None:
        if not strict:
            return
        problem = InputError(f"cannot read folder: {error.strerror}", error.filename)
        if problems is None:
            raise problem
        problems.append(problem)

    gitignores = GitIgnores(root)
    for folder, dirs, names in os.walk(root, onerror=unreadable):
        base = Path(folder)
        ignored = gitignores.enter(folder, names)
        dirs[:] = sorted(
            d for d in dirs if not _excluded(base / d, settings, spec, is_dir=True) and not ignored(d, True)
        )
        for name in sorted(names):
            candidate = base / name
            if (
                _included(name, settings)
                and not _excluded(candidate, settings, spec, False)
                and not ignored(name, False)
                and _regular(candidate)
            ):
                yield candidate


def _regular(path: Path) -> bool:
    """Not a FIFO (reading it would block), a socket or a device. A file whose type
    cannot be read (its folder cannot be searched) is kept: reading it says why."""
    try:
        return path.is_file()
    except OSError:
        return True
