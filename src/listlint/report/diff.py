"""The unified diff `fix --diff` prints: what `patch -p1` and `git apply` read."""

from __future__ import annotations

import difflib

NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, old: str, new: str) -> str:
    """The diff from `old` to `new`, with `a/` and `b/` before the path, as git writes it.

    difflib leaves a last line without its line ending as it is, so the next line of
    the diff would run on from it (`-</details>+</details>`); such a line is ended here
    and marked as diff marks it, so the patch still applies byte for byte.
    """
    lines = difflib.unified_diff(_lines(old), _lines(new), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(line if line.endswith("\n") else f"{line}\n{NO_NEWLINE}" for line in lines)


def _lines(text: str) -> list[str]:
    """The lines of a text, each with its `\n`, as patch reads them. Not `splitlines`,
    which also ends a line at `\f`, `\x85` or U+2028, where patch sees none."""
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])
