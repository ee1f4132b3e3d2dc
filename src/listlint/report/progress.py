"""A progress bar for long runs, on an interactive terminal only (never in CI logs or pipes)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_FILES = 8
"""Fewer files finish before a bar would be worth drawing."""

Advance = Callable[[str], None]


def wanted(files: int) -> bool:
    return (
        files >= MIN_FILES
        and sys.stderr.isatty()
        and os.environ.get("TERM") != "dumb"
        and not os.environ.get("CI")
    )


@contextmanager
def progress_bar(total: int, enabled: bool) -> Iterator[Advance]:
    """Yield `advance(label)`; draws a transient bar on stderr when enabled."""
    if not enabled:
        yield lambda label: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("Checking", total=total)

        def advance(label: str) -> None:
            bar.update(task, advance=1, description=label)

        yield advance
