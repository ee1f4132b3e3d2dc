"""Decoding bytes, language from the file name, newline style."""

from __future__ import annotations

import pytest

from listlint.base.errors import InputError
from listlint.syntax.document import Document, decode, detect_language, load, newline_of


def test_decode_bom() -> None:
    assert decode(b"\xef\xbb\xbf# a\n", "x.md") == ("# a\n", True)
    assert decode(b"# a\n", "x.md") == ("# a\n", False)


def test_decode_errors_name_the_line() -> None:
    with pytest.raises(InputError) as error:
        decode(b"a\nb\n\xc3(\n", "x.md")
    assert str(error.value) == "x.md:3: not valid UTF-8 (byte 0xc3 at offset 4)"
    with pytest.raises(InputError, match="binary file"):
        decode(b"a\x00", "x.md")


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("README.md", "en"),
        ("README_zh.md", "zh"),
        ("docs/list.zh.md", "zh"),
        ("zh/README.md", "zh"),
        ("README-CN.md", "zh"),
        ("zhang/README.md", "en"),
        ("README_ja.md", "ja"),
        ("README-JP.md", "ja"),
        ("ko/README.md", "ko"),
        ("README_kr.md", "ko"),
        ("gecko.md", "en"),
        ("README_zh-cn.md", "zh"),
    ],
)
def test_detect_language(path: str, language: str) -> None:
    assert detect_language(path) == language


def test_newline() -> None:
    assert newline_of("a\r\nb\n") == "\r\n"
    assert newline_of("a\nb\r\n") == "\n"
    assert newline_of("") == "\n"


def test_load_and_positions() -> None:
    doc = load("α\nβγ\n".encode(), "README_zh.md")
    assert doc.language == "zh" and doc.position(3) == (2, 2)
    assert Document("x", "README.md", language="zh").language == "zh"


# An invented Chinese list whose name says nothing: paper titles are English (names, in
# links), what the list writes itself is Chinese.
CHINESE_BULLETS = "# 论文列表\n\n## 1.图像生成(生成模型)\n" + "".join(
    f"* [Folding Paper Cranes Part {n}](https://arxiv.org/abs/2101.0000{n})<br>:star:[code](https://github.com/a/b)\n"
    f"  本文提出一种折纸鹤的方法，在多个数据集上取得了更好的结果。\n"
    for n in range(1, 6)
)
ENGLISH_BULLETS = CHINESE_BULLETS.replace("本文提出一种折纸鹤的方法，在多个数据集上取得了更好的结果。", "A method for folding cranes, better on several benchmarks.").replace("# 论文列表", "# Paper List").replace("图像生成(生成模型)", "Image Generation")


def test_a_chinese_list_named_readme_is_chinese_by_its_content() -> None:
    doc = Document(CHINESE_BULLETS, "README.md")
    assert doc.language == "zh" and doc.language_from == "its content"
    english = Document(ENGLISH_BULLETS, "README.md")
    assert english.language == "en" and english.language_from == "its content"


def test_a_bilingual_or_short_file_keeps_the_default() -> None:
    half = ENGLISH_BULLETS + CHINESE_BULLETS
    assert Document(half, "README.md").language == "en"
    assert Document(half, "README.md").language_from == "default"
    assert Document("# 论文\n", "README.md").language == "en", "too little prose says nothing"


def test_the_name_and_the_configuration_win_over_the_content() -> None:
    doc = Document(ENGLISH_BULLETS, "README_zh.md")
    assert doc.language == "zh" and doc.language_from == "its name"
    doc = Document(CHINESE_BULLETS, "README.md", language="en")
    assert doc.language == "en" and doc.language_from == "the configuration"
    assert doc.reparsed(CHINESE_BULLETS + "\n").language_from == "the configuration"


def test_the_field_sample_chinese_list_named_readme_is_chinese() -> None:
    from conftest import shared_path

    path = shared_path("field", "52CV__CVPR-2024-Papers__README.md")
    doc = Document(path.read_text(encoding="utf-8"), "README.md")
    assert doc.language == "zh"
