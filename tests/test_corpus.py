"""The real lists in ../shared: exact tiling, expected card counts, stable and safe fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from listlint.api import fix_text
from listlint.syntax.document import load


def _files() -> list[Path]:
    corpus = shared_path("corpus")
    seeds = shared_path("seeds")
    return sorted(corpus.rglob("*.md")) + sorted(seeds.glob("*.txt"))


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return _files()


def test_segments_join_back_to_the_exact_bytes(files: list[Path]) -> None:
    for path in files:
        data = path.read_bytes()
        doc = load(data, str(path))
        assert "".join(doc.segment_texts()) == doc.text, path
        assert (("\ufeff" if doc.bom else "") + doc.text).encode("utf-8") == data, path


def test_card_counts() -> None:
    corpus = shared_path("corpus")
    counts = {"en": 0, "zh": 0}
    for path in corpus.rglob("*.md"):
        doc = load(path.read_bytes(), str(path))
        counts[doc.language] += len(doc.cards)
    assert counts == {"en": 582, "zh": 582}


@pytest.mark.slow
def test_fix_is_stable_and_safe(files: list[Path]) -> None:
    for path in files:
        doc = load(path.read_bytes(), str(path))
        name = path.name if path.suffix == ".md" else "README_zh.md"
        once = fix_text(doc.text, name)  # raises UnsafeFixError if HTML would change
        twice = fix_text(once.text, name)
        assert twice.text == once.text, path
        assert twice.applied == 0, path
        assert len(load(once.text.encode(), name).cards) == len(doc.cards), path
