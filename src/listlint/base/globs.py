"""Path patterns as users write them in settings: gitignore-style globs, checked when read."""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache


def pattern_problem(pattern: str, gitignore: bool = True) -> str | None:
    """Why a path pattern cannot be matched (`[z-a]`, a lone `\\`), or None when it can.

    Checked when the configuration is read, so a bad pattern is an error naming its
    key, not a failure in the middle of a run. `gitignore`: the pattern is also read
    the gitignore way (`glob_match`, excludes), not only as an `fnmatch` pattern.
    """
    import warnings

    try:
        re.compile(fnmatch.translate(pattern))
        if gitignore:
            with warnings.catch_warnings():  # pathspec's FutureWarning on `[[:alpha:]]`
                warnings.simplefilter("ignore")
                _gitignore(pattern)
    except (ValueError, re.error):  # pathspec's pattern errors are ValueErrors
        return f"invalid pattern `{pattern}`"
    return None


@lru_cache(maxsize=256)
def _gitignore(pattern: str):  # type: ignore[no-untyped-def]
    """The compiled gitignore pattern: compiled once, not once per file and rule it is
    matched against (per-file-ignores are asked for every rule of every file)."""
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines([pattern])


def glob_match(rel: str, pattern: str) -> bool:
    """A gitignore-style match: a pattern without `/` matches the file name anywhere."""
    return _gitignore(pattern).match_file(rel) or (
        "/" not in pattern and fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)
    )
