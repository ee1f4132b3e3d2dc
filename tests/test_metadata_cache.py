"""The cache of arXiv's answers: where it lives, its round trip, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

from listlint.analysis.arxiv_papers import Paper
from listlint.workspace.metadata_cache import MetadataCache, default_cache_path


def test_default_location_follows_xdg() -> None:
    assert default_cache_path({"XDG_CACHE_HOME": "/x/cache", "HOME": "/h"}) == Path("/x/cache/listlint/arxiv.json")
    assert default_cache_path({"XDG_CACHE_HOME": "relative", "HOME": "/h"}) == Path("/h/.cache/listlint/arxiv.json")
    assert default_cache_path({"HOME": "/h"}) == Path("/h/.cache/listlint/arxiv.json")


def test_answers_round_trip_with_their_date(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "arxiv.json"
    cache = MetadataCache(path, now=lambda: "2025-01-31T12:00:00Z")
    paper = Paper("2301.00101", "Quantised Unicorn Experts", ("Mira Ghost", "Tao Lin"), "Abs.", "p", "u", "cs.LG")
    cache.put({"2301.00101": paper, "2301.00199": None})
    cache.save()
    loaded = MetadataCache.load(path)
    assert loaded.metadata(["2301.00101", "2301.00199", "2301.00150"]) == {"2301.00101": paper, "2301.00199": None}
    assert loaded.get("2301.00199").fetched == "2025-01-31T12:00:00Z"  # type: ignore[union-attr]
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n") and list(json.loads(text)["papers"]) == ["2301.00101", "2301.00199"]
    assert [name for name in os.listdir(path.parent) if name != "arxiv.json"] == []  # no temporary file left
    assert path.stat().st_mode & 0o044  # readable by others, as a committed file is


def test_a_missing_cache_is_empty(tmp_path: Path) -> None:
    assert MetadataCache.load(tmp_path / "none.json").answers == {}
