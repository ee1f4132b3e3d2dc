"""The arXiv ID helpers: parsing, validation, finding IDs in text and URLs, canonical URLs."""

from __future__ import annotations

import pytest

from listlint.analysis.arxiv import (
    ArxivId,
    ArxivUrl,
    abs_url,
    find_id,
    id_from_url,
    is_arxiv_host,
    is_arxiv_url,
    narrow_width,
    parse_id,
    parse_url,
    pdf_url,
)


@pytest.mark.parametrize(
    ("text", "base", "version"),
    [
        ("2406.00272", "2406.00272", None),
        ("2406.00272v2", "2406.00272", 2),
        ("1412.1234", "1412.1234", None),
        ("1501.00001", "1501.00001", None),
        ("0704.0001", "0704.0001", None),
        ("hep-th/9901001", "hep-th/9901001", None),
        ("cs.CV/0601001", "cs.CV/0601001", None),
        ("math.GT/0309136v3", "math.GT/0309136", 3),
        ("cond-mat/0703001", "cond-mat/0703001", None),
    ],
)
def test_parse_valid(text: str, base: str, version: int | None) -> None:
    parsed = parse_id(text)
    assert (parsed.base, parsed.version) == (base, version)
    assert str(parsed) == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2413.00001", "month `13`"),
        ("2400.00001", "month `00`"),
        ("2406.0027", "5 digits after the dot, not 4"),
        ("1412.12345", "4 digits after the dot, not 5"),
        ("1500.1234", "month `00`"),
        ("0612.1234", "old-style"),
        ("hep-th/0801001", "1991 to 2007"),
        ("hep-th/99010011", "3 digits"),
        ("hep-th/9913001", "month `13`"),
        ("arXiv:2406.00272", "not an arXiv ID"),
        (" 2406.00272", "not an arXiv ID"),
        ("2406.00272v", "not an arXiv ID"),
        ("", "not an arXiv ID"),
    ],
)
def test_parse_invalid_says_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_id(text)
    assert reason in str(error.value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("arXiv:2406.00272", "2406.00272"),
        ("`2406.00272v2`", "2406.00272v2"),
        ("[2406.00272](https://arxiv.org/abs/2406.00272)", "2406.00272"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        # The first *valid* ID: a month-13 token before it is skipped.
        ("2413.00001 or 2406.00272", "2406.00272"),
        ("12406.00272", None),
        ("2406.002721", None),
        ("version 2406.00272.5", None),
        ("N/A", None),
    ],
)
def test_find_id(text: str, found: str | None) -> None:
    result = find_id(text)
    assert (str(result) if result else None) == found


@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://arxiv.org/abs/2406.00272", "2406.00272"),
        ("https://arxiv.org/pdf/2406.00272v2.pdf", "2406.00272v2"),
        ("https://arxiv.org/pdf/2406.00272.pdf", "2406.00272"),
        ("https://arxiv.org/html/2406.00272v1", "2406.00272v1"),
        ("http://www.arxiv.org/abs/2406.00272/", "2406.00272"),
        ("https://export.arxiv.org/abs/2406.00272#section", "2406.00272"),
        ("<https://arxiv.org/abs/2406.00272>", "2406.00272"),
        ("https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001v1"),
        ("https://arxiv.org/list/cs.CV/recent", None),
        ("https://arxiv.org/abs/2413.00001", None),
        ("https://github.com/ada/foo/blob/main/arxiv.org/abs/2406.00272", None),
        ("https://notarxiv.org/abs/2406.00272", None),
    ],
)
def test_id_from_url(url: str, found: str | None) -> None:
    result = id_from_url(url)
    assert (str(result) if result else None) == found


def test_is_arxiv_url() -> None:
    assert is_arxiv_url("https://arxiv.org/list/cs.CV/recent")
    assert is_arxiv_url("http://export.arxiv.org/abs/2406.00272")
    assert not is_arxiv_url("https://notarxiv.org/abs/2406.00272")
    assert not is_arxiv_url("https://arxiv.org.example.com/abs/2406.00272")
    assert not is_arxiv_url("https://github.com/arxiv.org")


def test_canonical_urls_keep_the_version() -> None:
    assert abs_url(ArxivId("2406.00272")) == "https://arxiv.org/abs/2406.00272"
    assert abs_url(parse_id("2406.00272v2")) == "https://arxiv.org/abs/2406.00272v2"

    assert pdf_url(parse_id("hep-th/9901001")) == "https://arxiv.org/pdf/hep-th/9901001"
    # A canonical URL reads back as the same ID.
    assert id_from_url(pdf_url(parse_id("2406.00272v2"))) == parse_id("2406.00272v2")


@pytest.mark.parametrize("host", ["arxıv.org", "ARXİV.ORG", "www.arxıv.org"])
def test_a_look_alike_host_is_not_arxiv(host: str) -> None:
    # Hosts read in any ASCII case only: a dotless ı makes another domain.
    url = f"https://{host}/abs/2406.00272"
    assert not is_arxiv_host(host)
    assert not is_arxiv_url(url)
    assert id_from_url(url) is None
    assert parse_url(url) is None


def test_scheme_and_host_read_in_any_ascii_case() -> None:
    assert is_arxiv_host("ArXiv.ORG")
    assert str(id_from_url("HTTPS://WWW.ARXIV.ORG/abs/2406.00272")) == "2406.00272"
    assert parse_url("HTTP://arXiv.org/pdf/2406.00272v2.pdf") == ArxivUrl("pdf", "2406.00272", 2)


def test_full_width_digits_are_no_id_but_a_link_of_them_has_a_canonical_form() -> None:
    with pytest.raises(ValueError):
        parse_id("２４０６.００２７２")
    assert find_id("见 ２４０６.００２７２") is None
    assert id_from_url("https://arxiv.org/abs/２４０６.００２７２") is None
    found = parse_url("https://arxiv.org/abs/２４０６.００２７２")
    assert found == ArxivUrl("abs", "2406.00272", None)
    assert found.canonical == "https://arxiv.org/abs/2406.00272"


def test_only_full_width_forms_are_read_as_ascii() -> None:
    # A superscript is a footnote mark on a cut-off ID, not its last digit: no ID to fix to.
    assert parse_url("https://arxiv.org/abs/1412.698¹") is None
    assert narrow_width("ａｒＸｉｖ：２４０６.００２７２\u3000") == "arXiv:2406.00272 "
    assert narrow_width("1412.698¹") == "1412.698¹"
