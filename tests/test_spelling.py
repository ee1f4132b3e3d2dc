"""How two spellings of one value differ, as translation-parity describes them."""

from __future__ import annotations

import pytest

from listlint.analysis.spelling import list_changes, spelling_difference


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ("Jerome Revaud", "Jérôme Revaud", "accents dropped here"),
        ("Jérôme Revaud", "Jerome Revaud", "accents added here"),
        ("Mai Long", "Long Mai", "given and family name swapped"),
        ("Zaopeng Cui", "Zhaopeng Cui", "a letter dropped here"),
        ("Alan Turning", "Alan Turing", "a letter added here"),
        ("Alan Turong", "Alan Turing", "a letter changed"),
        ("Alan Tuirng", "Alan Turing", "two letters swapped"),
        ("ada lovelace", "Ada Lovelace", "another case"),
        ("Jun Hao Liew", "Liew Jun Hao", "words in another order"),
        # Short names tolerate no letter: `Li` and `Lu` are two people.
        ("Li", "Lu", None),
        ("Ada Lovelace", "Grace Hopper", None),
    ],
)
def test_names(mine: str, theirs: str, expected: str | None) -> None:
    assert spelling_difference(mine, theirs, names=True) == expected


def test_venues_and_titles() -> None:
    assert spelling_difference("ACM MM 2024", "MM 2024") == "`ACM` added here"
    assert spelling_difference("MM 2024", "ACM MM 2024") == "`ACM` missing here"
    assert spelling_difference("CVPR 2025", "CVPR 2024") == "another number"
    # Two words in another order are no swapped name but in a name.
    assert spelling_difference("Video Diffusion", "Diffusion Video") == "words in another order"


def test_list_changes_align_on_equal_names() -> None:
    here = ["Ada Lovelace", "Grace Hopper"]
    there = ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert list_changes(here, there) == [(2, None, "Alan Turing")]
    assert list_changes(there, here) == [(2, "Alan Turing", None)]
    assert list_changes(["Ada Lovelace", "Turing Alan"], ["Ada Lovelace", "Alan Turing"]) == [
        (2, "Turing Alan", "Alan Turing")
    ]
