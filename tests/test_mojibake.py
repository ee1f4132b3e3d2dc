"""Mojibake detection and repair, and its silence on real Chinese prose."""

from __future__ import annotations

import pytest

from conftest import shared_path
from listlint.document import Document
from listlint.mojibake import find_garbles, repair_run, repair_text


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("伪", ("gbk", "α")),
        ("脺", ("gbk", "Ü")),
        ("鈫扻", ("gbk", "→X")),
        ("Ã©", ("cp1252", "é")),
        ("â€™", ("cp1252", "’")),
        ("鈫�", ("gbk", None)),
        ("为", None),  # would be `Ϊ`: not a letter anyone writes
        ("系统", None),  # would be `ϵͳ`
        ("中文", None),  # not valid UTF-8 at all
        ("é", None),
    ],
)
def test_repair_run(run: str, expected: tuple[str, str | None] | None) -> None:
    assert repair_run(run) == expected


def test_context_decides_in_a_chinese_file() -> None:
    text = "相比 PYOCO为90%，减少伪影；Pl眉cker 与 PixArt-$伪$ 和 GPT-位置"
    found = [g.text for g in find_garbles(text, "zh")]
    assert found == ["眉", "伪"]
    assert repair_text(text, "zh") == "相比 PYOCO为90%，减少伪影；Plücker 与 PixArt-$α$ 和 GPT-位置"


def test_english_file_flags_han_touching_latin_only() -> None:
    text = "Bj枚rn and 李雷 and (中文) and 位-Harmonic"
    assert [g.repaired for g in find_garbles(text, "en")] == ["ö", "λ"]


def test_no_mojibake_in_the_corpus_chinese_lists() -> None:
    folder = shared_path("corpus", "consisency-paper")
    for path in sorted(folder.rglob("README_zh.md")):
        doc = Document(path.read_text(encoding="utf-8"), str(path))
        assert not list(find_garbles(doc.text, doc.language)), path
