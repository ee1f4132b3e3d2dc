"""URL helpers: arXiv URL forms, ID years, code hosts, truncated URLs."""

from __future__ import annotations

import pytest

from listlint.analysis.arxiv import canonical_url, id_year, parse_url
from listlint.analysis.urls import host_of, is_code_host, is_short_link_host, truncated_url_reason


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("https://arxiv.org/abs/2405.01234", "https://arxiv.org/abs/2405.01234"),
        ("http://arXiv.org/abs/2405.01234v2", "https://arxiv.org/abs/2405.01234"),
        ("https://www.arxiv.org/pdf/2405.01234.pdf", "https://arxiv.org/pdf/2405.01234"),
        ("https://export.arxiv.org/pdf/2405.01234v1.pdf", "https://arxiv.org/pdf/2405.01234"),
        ("https://arxiv.org/abs/2405.01234/", "https://arxiv.org/abs/2405.01234"),
        ("http://arxiv.org/abs/hep-th/9901001v1", "https://arxiv.org/abs/hep-th/9901001"),
    ],
)
def test_parse_arxiv_url_gives_the_canonical_form(url: str, canonical: str) -> None:
    parsed = parse_url(url)
    assert parsed is not None and parsed.canonical == canonical


@pytest.mark.parametrize(
    "url",
    ["https://arxiv.org/html/2405.01234v1", "https://arxiv.org/abs/", "https://example.org/abs/2405.01234", "ftp://arxiv.org/abs/2405.01234"],
)
def test_parse_arxiv_url_rejects_other_urls(url: str) -> None:
    assert parse_url(url) is None


def test_canonical_url() -> None:
    assert canonical_url("pdf", "2101.00001") == "https://arxiv.org/pdf/2101.00001"


@pytest.mark.parametrize(
    ("arxiv_id", "year"),
    [("2405.01234", 2024), ("0704.0001", 2007), ("hep-th/9901001", 1999), ("math.GT/0309136", 2003), ("2413.00001", None), ("nonsense", None)],
)
def test_id_year(arxiv_id: str, year: int | None) -> None:
    assert id_year(arxiv_id) == year


def test_host_of_drops_user_port_and_case() -> None:
    assert host_of("https://me@GitHub.com:443/a/b") == "github.com"
    assert host_of("relative/path") is None


@pytest.mark.parametrize(
    ("host", "code"),
    [("github.com", True), ("www.github.com", True), ("huggingface.co", True), ("gitlab.inria.fr", True),
     ("raw.githubusercontent.com", True), ("anonymous.4open.science", True), ("ada.github.io", False), ("research.nvidia.com", False), ("sites.research.google", False)],
)
def test_is_code_host(host: str, code: bool) -> None:
    assert is_code_host(host) is code


def test_a_code_link_through_a_short_link_is_not_judged() -> None:
    from listlint.api import check_text

    assert is_short_link_host("aka.ms") and is_short_link_host("www.bit.ly") and not is_short_link_host("ms.com")
    text = "# Papers\n\n- Gadget Paper, <ins>ACL, 2023</ins> [[Paper](https://arxiv.org/abs/2101.00001)] [[Code]({})]\n"
    found = [f.name for f in check_text(text.format("https://aka.ms/Gadget"), "README.md")]
    assert "code-link-not-code" not in found
    assert "code-link-not-code" in [f.name for f in check_text(text.format("https://gadget.github.io"), "README.md")]


@pytest.mark.parametrize(
    "url",
    ["https://github", "https://github.com/", "https://", "https://arxiv.org/abs/", "https://arxiv.org/pdf/2405", "http://host./x"],
)
def test_truncated_urls_have_a_reason(url: str) -> None:
    assert truncated_url_reason(url)


@pytest.mark.parametrize(
    "url",
    ["https://github.com/ada", "https://github.com/ada/foo", "https://arxiv.org/abs/2405.01234", "https://arxiv.org/list/cs.CV/recent",
     "./README.md", "", "#", "mailto:ada@example.com", "https://ada.github.io/"],
)
def test_complete_urls_have_none(url: str) -> None:
    assert truncated_url_reason(url) is None
