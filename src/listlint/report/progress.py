"""A progress bar for long runs, on an interactive terminal only (never in CI logs or pipes)."""

from __future__ import annotations

import os
import sys

from listlint.lint.run import Steps

MIN_FILES = 8
"""Fewer files finish before a bar would be worth drawing."""


def wanted(files: int, minimum: int | None = None) -> bool:
    """Whether to draw a bar for a run over `files` (at least `minimum`, MIN_FILES unless given)."""
    return (
        files >= (MIN_FILES if minimum is None else minimum)
        and sys.stderr.isatty()
        and os.environ.get("TERM") != "dumb"
        and not os.environ.get("CI")
    )


class NoBar(Steps):
    """The steps of a run that shows no bar: a context manager, as `ProgressBar` is."""

    def __enter__(self) -> NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Clear the bar (again is harmless): before a report, or when the run ends."""


class ProgressBar(NoBar):
    """A bar on stderr, drawn from `__enter__` to `close`, which clears it."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        # stderr is the console; what a run prints there while the bar is up goes
        # above it. stdout is drawn above it too only when it is the terminal:
        # a diff piped to a file must not come out on stderr.
        self._bar = Progress(
            *columns, console=Console(stderr=True), transient=True, redirect_stdout=sys.stdout.isatty()
        )
        self._total = 0
        self._task = self._bar.add_task("Reading", total=0)
        self._drawn = False

    def __enter__(self) -> ProgressBar:
        self._bar.start()
        self._drawn = True
        return self

    def expect(self, count: int) -> None:
        self._total += count
        self._bar.update(self._task, total=self._total)

    def advance(self, label: str) -> None:
        self._bar.update(self._task, advance=1, description=label)

    def close(self) -> None:
        if self._drawn:  # rich's second stop would print a blank line off a terminal
            self._drawn = False
            self._bar.stop()


def progress_bar(enabled: bool) -> NoBar:
    """A bar when `enabled` (see `wanted`), else steps that draw nothing."""
    return ProgressBar() if enabled else NoBar()
