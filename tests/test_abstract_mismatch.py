"""abstract-mismatch: each guard of the near-miss fixture is what keeps its card from being reported."""

from __future__ import annotations

import pytest

from conftest import RULE_FIXTURES
from harness import lint_files
from listlint.rules.abstract_mismatch import _presented, abstract_mismatch

NEAR_MISS = (RULE_FIXTURES / "abstract-mismatch" / "near-miss.md").read_text(encoding="utf-8")


def _messages(text: str) -> list[str]:
    return [finding.message for finding in lint_files({"README.md": text}, [abstract_mismatch])]


def test_the_near_misses_are_not_reported() -> None:
    assert _messages(NEAR_MISS) == []


@pytest.mark.parametrize(
    ("guard", "without"),
    [
        # The text names its own method too.
        ("We present InkWell, a mixer", "We present a mixer"),
        # It compares with the other method; presenting it is what a pasted abstract does.
        ("Brush strokes written on them by QuillNet,", "We present QuillNet,"),
        # No other text writes the capitalised name as a plain word.
        ("its magic is in the deal", "its secret is in the deal"),
        # The one-liner says the paper builds on the other method.
        ("* **One-liner:** Builds upon QuillNet to write cursive scripts on wet paper.\n", ""),
        # The two papers share their first author.
        ("Ada Lovelace, Bo Tanabe", "Bo Tanabe, Ada Lovelace"),
    ],
)
def test_each_guard_keeps_one_card_from_being_reported(guard: str, without: str) -> None:
    assert NEAR_MISS.count(guard) == 1
    [message] = _messages(NEAR_MISS.replace(guard, without))
    assert "the method of another entry" in message


def test_a_name_that_titles_two_papers_is_no_sign() -> None:
    lite = "TwigNet-Lite: Counting Twigs on a Phone"
    [message] = _messages(NEAR_MISS.replace(lite, "Sprig: Counting Twigs on a Phone"))
    assert message.startswith("Abstract names `TwigNet`, the method of another entry (`TwigNet: Counting Twigs in Nests`)")
    assert message.endswith("and never this entry's own `Nestor`")


@pytest.mark.parametrize(
    ("text", "presented"),
    [
        ("We present QuillNet, a controller", True),
        ("In this paper we propose a novel QuillNet", True),
        ("QuillNet writes calligraphy", True),
        ("The controller, QuillNet, is a baseline", False),
        ("Unlike QuillNet, a controller, we", False),
        ("a controller termed QuillNet", True),
        ("a controller dubbed QuillNet", True),
        ("strokes that represent QuillNet", False),
        ("我们提出了 QuillNet，一种控制器", True),
        ("compared with QuillNet and QuillNet-XL", False),
        ("We present QuillNet-XL", False),
    ],
)
def test_presented_is_the_text_giving_the_method_as_its_own(text: str, presented: bool) -> None:
    assert _presented("QuillNet", text) is presented
