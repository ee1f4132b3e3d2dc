"""Mojibake detection and repair, and its silence on real Chinese prose."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import shared_path
from listlint.analysis.mojibake import _hopeless, _repair, find_garbles, repair_run, repair_text
from listlint.syntax.document import Document


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


_PLAUSIBLE_TEXT = st.text(st.sampled_from("éüßçñÅøαβΩжЖ→⇒≤∑’“”…™²₂ab1 "), min_size=1, max_size=6)


def _garbled(text: str, codec: str) -> str:
    return text.encode("utf-8").decode(codec, errors="replace")


# Runs as `find_garbles` cuts them (non-ASCII, no white space): mojibake of plausible
# text through each codec, cut anywhere, beside real Chinese, Latin-1 letters and `�`.
_RUNS = st.lists(
    st.one_of(
        st.builds(_garbled, _PLAUSIBLE_TEXT, st.sampled_from(["gbk", "cp1252", "latin-1"])),
        st.text(st.sampled_from("中文系统为伪脺鈫扻ÃÂâ€©™é�ÿ"), min_size=1, max_size=4),
        st.text(st.characters(min_codepoint=0x80, max_codepoint=0x2FFFF), min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=3,
).map("".join).map(lambda run: "".join(ch for ch in run if ord(ch) > 0x7F and not ch.isspace()))


@settings(max_examples=600, deadline=None)
@given(_RUNS)
def test_the_shortcut_turns_away_only_runs_the_repair_turns_away(run: str) -> None:
    """`repair_run` is `_repair` behind `_hopeless`: the shortcut may not change a result."""
    if run and _hopeless(run):
        assert _repair(run) is None


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
