"""Run the real `listlint` entry point in-process and capture what it prints."""

from __future__ import annotations

import gc
import sys
from dataclasses import dataclass

import pytest

from listlint.cli.main import _run


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Ran:
    """`listlint *args` as `main()` runs them (without its fast exit), so one-line errors and exit codes are the real ones."""
    monkeypatch.setattr(sys, "argv", ["listlint", *args])
    capsys.readouterr()
    try:
        code = _run()
    finally:
        gc.enable()  # main() turns the collector off for one-shot runs
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)
