"""Titles and author lists compared with arXiv's, as lists write them."""

from __future__ import annotations

import pytest

from listlint.rulekit.arxiv_match import compare_authors, has_markup, plain_title, same_person, title_matches


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("A Tiny Example of a Card", "A tiny example of a card."),
        ("Foo: A Tiny Example of a Card", "A Tiny Example of a Card"),  # the list's short name
        ("A Tiny Example of a Card", "Foo: A Tiny Example of a Card"),  # arXiv's short name
        ("Bar: A Tiny Example of a Card", "Foo: A Tiny Example of a Card"),
        ("A Tiny Exmaple of a Card", "A Tiny Example of a Card"),  # a slip
        ("α-Nets: Fast Gödel Machines", "$\\alpha$-Nets: \\emph{Fast} G\\\"odel Machines"),
        ("Fast Godel Machines", "Fast Gödel Machines"),
        ("A &amp; B: <i>Tiny</i> Cards", "A & B: Tiny Cards"),
    ],
)
def test_titles_that_are_arxivs(mine: str, theirs: str) -> None:
    assert title_matches(mine, theirs)


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        ("Mobile Diffusion for Video Editing", "Sparse Otters for Video Editing"),
        ("A Huge Example of a Card", "A Tiny Example of a Card"),
        ("GAN", "GAP"),
    ],
)
def test_titles_that_are_not(mine: str, theirs: str) -> None:
    assert not title_matches(mine, theirs)


def test_latex_is_made_plain() -> None:
    assert plain_title("$\\Omega$-Nets: \\textbf{Fast} Na\\\"{i}ve {GAN}s") == "Ω-Nets: Fast Naive GANs"
    assert has_markup("$x$ marks") and not has_markup("Plain  title")


@pytest.mark.parametrize(
    ("name", "other", "same"),
    [
        ("J. Smith", "John Smith", True),
        ("Smith, J.", "John Smith", True),
        ("Smith John", "John Smith", True),
        ("John A. Smith", "John Smith", True),
        ("J.-Y. Zhu", "Jun-Yan Zhu", True),
        ("José Müller", "Jose Muller", True),
        ("Ada Lovelace*", "Ada Lovelace", True),
        ("Jane Smith", "John Smith", False),
        ("J. S.", "John Smith", False),  # no whole name in common
        ("John Smyth", "John Smith", False),
    ],
)
def test_same_person(name: str, other: str, same: bool) -> None:
    assert same_person(name, other) is same


ARXIV = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Tao Lin"]


@pytest.mark.parametrize(
    ("authors", "said"),
    [
        ("A. Lovelace, A. Turing, G. Hopper, T. Lin", None),
        ("Lovelace, A., Turing, A., Hopper, G., Lin, T.", None),
        ("Ada Lovelace, Alan Turing et al.", None),
        ("Ada Lovelace, Alan Turing", "missing `Grace Hopper`, `Tao Lin`"),
        ("Ada Lovelace, Alan Turnip, Grace Hopper, Tao Lin", "`Alan Turnip` where arXiv has `Alan Turing`"),
        ("Ada Lovelace, Alan Turing, Grace Hopper, Tao Lin, Mira Ghost", "`Mira Ghost` is not on arXiv's list"),
        ("Alan Turing, Ada Lovelace, Grace Hopper, Tao Lin", "the same names in another order"),
        ("Alan Turing, Ada Lovelace et al.", "the same names in another order"),
        ("Mira Ghost, Bao Tran", "none of its names is on arXiv's list"),
    ],
)
def test_author_lists(authors: str, said: str | None) -> None:
    diff = compare_authors(authors, ARXIV)
    assert (diff.describe() if diff else None) == said
