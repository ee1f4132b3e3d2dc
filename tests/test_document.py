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
