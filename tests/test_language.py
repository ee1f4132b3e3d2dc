"""Script-share measurement of prose: Han characters against Latin words."""

from __future__ import annotations

import pytest

from listlint.analysis.language import HAN_PER_WORD, length_units, prose_language, script_share


def test_counts_han_characters_and_latin_words() -> None:
    share = script_share("提出 Space-Time U-Net 架构，3D 生成")
    assert share.han == 6
    assert share.latin_words == 3  # Space-Time, U-Net, 3D


def test_urls_code_and_tex_are_not_prose() -> None:
    share = script_share("见 [[Code]](https://github.com/some/long-name-here) 与 `run --fast` 和 $\\alpha$")
    assert share.latin_words == 1  # only the label `Code`


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一种文本到视频扩散模型，通过 Space-Time U-Net 一次生成完整视频时长", "zh"),
        ("提出两阶段训练，FVD媲美多步模型，SSIM提升18%，A100上30 FPS。", "zh"),
        ("This work introduces UniVG, a unified modal video generation system.", "en"),
        ("SOTA", None),
    ],
)
def test_prose_language(text: str, expected: str | None) -> None:
    assert prose_language(text) == expected


def test_han_share_weighs_a_han_character_as_a_fraction_of_a_word() -> None:
    share = script_share("提出架构 U-Net Transformer")
    assert share.han_share == pytest.approx((4 / HAN_PER_WORD) / (4 / HAN_PER_WORD + 2))


def test_length_units_make_a_translation_as_long_as_its_original() -> None:
    english = "We propose a model that generates videos"  # 7 words
    assert length_units(english) == 7
    assert length_units("我" * 18) == pytest.approx(10)


def test_nearly_all_language_weighs_pieces_judged_one_by_one() -> None:
    from listlint.analysis.language import nearly_all_language

    chinese = ["本文提出一种新的方法，在多个数据集上取得了更好的结果。"] * 4
    english = ["We propose a new method that is better on several benchmarks."] * 4
    # Chinese prose naming models in Latin script is still Chinese.
    assert nearly_all_language(chinese + ["我们提出 Space-Time U-Net 架构，用于视频生成任务。"]) == "zh"
    assert nearly_all_language(english) == "en"
    assert nearly_all_language(chinese + english) is None, "a bilingual file is neither"
    assert nearly_all_language(["本文提出"]) is None, "too little to say"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("単一の画像から動画を生成する新しい拡散モデルを提案する。", "ja"),
        ("この手法は GPT-4 を用いて長い動画を生成します", "ja"),
        ("이 논문은 새로운 비디오 생성 방법을 제안합니다", "ko"),
        # A Japanese name quoted in Chinese prose leaves it Chinese.
        ("在 ポケモン 对战数据上训练的智能体，学习长期规划与策略推理。", "zh"),
        # The middle dot of Chinese transliterated names is no kana.
        ("约翰・史密斯提出了一种新的视频生成方法", "zh"),
    ],
)
def test_kana_is_japanese_and_hangul_korean(text: str, expected: str) -> None:
    assert prose_language(text) == expected


def test_japanese_kanji_are_not_chinese() -> None:
    share = script_share("単一の画像から動画を生成する")
    assert share.japanese
    assert share.han_share == 0.0
    assert share.share("ja") == 1.0


def test_korean_words_are_counted() -> None:
    share = script_share("새로운 비디오 생성 방법 U-Net")
    assert (share.hangul_words, share.latin_words) == (4, 1)
    assert share.main_language(besides="en") == "ko"
