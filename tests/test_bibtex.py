"""BibTeX text: author lists into names, LaTeX escaping, title case protection, URLs."""

from __future__ import annotations

import pytest

from listlint.analysis.author_names import family_name, plain, split_authors
from listlint.convert.bibtex import latex_escape, title_value, url_value


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("A B and C D；E F 等", ["A B", "C D", "E F", "others"]),
        ("Ada Lovelace, Alan M. Turing, Grace Hopper, et al.", ["Ada Lovelace", "Alan M. Turing", "Grace Hopper", "others"]),
        ("Ada Lovelace, Alan Turing et al.", ["Ada Lovelace", "Alan Turing", "others"]),
        # A comma followed by initials belongs to the name before it.
        ("Shu, X., Ma, L.", ["Shu, X.", "Ma, L."]),
        ("Shu, X. Y., Ma, L.-P., Lovelace, A and Turing, AM", ["Shu, X. Y.", "Ma, L.-P.", "Lovelace, A", "Turing, AM"]),
        ("Shu, X. and Ma, L.", ["Shu, X.", "Ma, L."]),
        # Names separated otherwise, each with one comma, are `Family, Given`.
        ("Lovelace, Ada; Turing, Alan", ["Lovelace, Ada", "Turing, Alan"]),
        ("Lovelace, Ada and Turing, Alan", ["Lovelace, Ada", "Turing, Alan"]),
        ("Ada Lovelace & Alan Turing", ["Ada Lovelace", "Alan Turing"]),
        ("Ada Lovelace, Alan Turing, and Grace Hopper.", ["Ada Lovelace", "Alan Turing", "Grace Hopper"]),
        ("Giordano d&#39;Ada, Sean O&#39;Hopper", ["Giordano d'Ada", "Sean O'Hopper"]),
        ("Ada &amp; Alan Turing", ["Ada", "Alan Turing"]),
        ("<sup>Ada Lovelace</sup>, **Alan Turing**", ["Ada Lovelace", "Alan Turing"]),
        ("Martin Lovelace, Jr., Alan Turing", ["Lovelace, Jr., Martin", "Alan Turing"]),
        ("张三、李四等人", ["张三", "李四", "others"]),
        ("Ada Lovelace and others", ["Ada Lovelace", "others"]),
        ("Ada Brothers", ["Ada Brothers"]),
        ("", []),
    ],
)
def test_split_authors(value: str, names: list[str]) -> None:
    assert split_authors(value) == names


def test_no_name_is_a_lone_initial_or_an_entity_fragment() -> None:
    for value in ("Shu, X., Ma, L., Lovelace, A. B.", "Li&#39;an Bi, Giordano d&#39;Ada"):
        for name in split_authors(value):
            assert "," in name or len(name.replace(".", "").split()[-1]) > 1
            assert "&" not in name and ";" not in name


def test_family_name() -> None:
    assert family_name("Shu, X.") == "Shu" and family_name("Ada Lovelace") == "Lovelace"
    assert family_name("Lovelace, Jr., Martin") == "Lovelace" and family_name("Linus") == "Linus"


def test_latex_escape_keeps_braces_balanced() -> None:
    assert latex_escape("a\\b{c}~^") == r"a\textbackslash{}b\textbraceleft{}c\textbraceright{}\textasciitilde{}\textasciicircum{}"
    assert latex_escape("R&D 100% $5 #1 a_b") == r"R\&D 100\% \$5 \#1 a\_b"
    assert latex_escape("Müller α") == "Müller α"


@pytest.mark.parametrize(
    ("title", "value"),
    [
        ("NeRF-Style Priors for 3D Scenes", "{NeRF}-Style Priors for {3D} Scenes"),
        ("The MME-COF Benchmark", "The {MME-COF} Benchmark"),
        ("GPT-4o: Zero-Shot Text-to-Image", "{GPT}-4o: Zero-Shot Text-to-Image"),
        ("A Tiny Gaussian Study", "A Tiny Gaussian Study"),
        ('"NeRF" (Tiny)', '"{NeRF}" (Tiny)'),
        ("R&D_x of {Tiny}  Things", r"{R\&D\_x} of \textbraceleft{}Tiny\textbraceright{} Things"),
        ("PixArt-α &amp; d&#39;Ada", r"{PixArt}-α \& {d'Ada}"),
    ],
)
def test_title_value(title: str, value: str) -> None:
    assert title_value(title) == value


def test_plain_and_url_value() -> None:
    assert plain(" a &amp;\n b ") == "a & b"
    assert url_value("https://x.io/a_b?c=1&amp;d=%20{e}") == "https://x.io/a_b?c=1&d=%20%7Be%7D"
