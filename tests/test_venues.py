"""Venue values: the canonical `VENUE YEAR` form and when a fix is certain."""

from __future__ import annotations

import pytest

from listlint.analysis.venues import check_venue, parse_venue, venue_year


@pytest.mark.parametrize(
    "value",
    ["CVPR 2023", "arXiv 2025", "NeurIPS 2023 (Spotlight)", "SIGGRAPH Asia 2024", "ACM MM 2024", "Nature 2021", "ICME 2025"],
)
def test_canonical_values_pass(value: str) -> None:
    assert check_venue(value) is None


@pytest.mark.parametrize(
    ("value", "arxiv_year", "canonical"),
    [
        ("arxiv (29 May 2025)", None, "arXiv 2025"),
        ("arXiv preprint 2024", None, "arXiv 2024"),
        ("arXiv preprint", 2023, "arXiv 2023"),
        ("arXiv", 2022, "arXiv 2022"),
        ("Cvpr 2023", None, "CVPR 2023"),
        ("CVPR2023", None, "CVPR 2023"),
        ("  CVPR   2023 ", None, "CVPR 2023"),
        ("SIGGRAPH-ASIA 2024", None, "SIGGRAPH Asia 2024"),
        ("NIPS 2017", None, "NeurIPS 2017"),
        ("MM 2024", None, "ACM MM 2024"),
        ("NeurIPS 2023 (oral)", None, "NeurIPS 2023 (Oral)"),
    ],
)
def test_certain_mappings_have_a_canonical_value(value: str, arxiv_year: int | None, canonical: str) -> None:
    problem = check_venue(value, arxiv_year)
    assert problem is not None and problem.canonical == canonical


@pytest.mark.parametrize(
    "value",
    ["arXiv preprint", "ICRL 2023", "CVPR", "CVPR 2023 (camera ready soon)", "2024 (open release)", "Accepted at CVPR 2021, yay"],
)
def test_uncertain_values_are_flagged_without_a_fix(value: str) -> None:
    problem = check_venue(value)
    assert problem is not None and problem.canonical is None


def test_a_real_venue_is_not_taken_for_a_typo_of_another() -> None:
    # ICME and ICML differ by one letter; only swapped letters suggest a typo.
    assert check_venue("ICME 2025") is None
    problem = check_venue("ICRL 2023")
    assert problem is not None and "`ICLR`" in problem.message


def test_venue_year_takes_the_last_year() -> None:
    assert venue_year("arxiv (29 May 2025)") == 2025
    assert venue_year("arXiv preprint") is None


@pytest.mark.parametrize(
    ("value", "name", "year", "kind", "known"),
    [
        ("CVPR 2024", "CVPR", 2024, "conference", True),
        ("Cvpr2024 (oral)", "CVPR", 2024, "conference", True),
        ("ICCV 2023 (Workshop)", "ICCV", 2023, "workshop", True),
        ("TPAMI 2022", "TPAMI", 2022, "journal", True),
        ("arxiv (29 May 2025)", "arXiv", 2025, "preprint", True),
        ("arXiv preprint", "arXiv", None, "preprint", True),
        ("IEEE Transactions on Tiny Things 2021", "IEEE Transactions on Tiny Things", 2021, "journal", False),
        ("Proceedings of the Tiny Conference 2020", "Proceedings of the Tiny Conference", 2020, "conference", False),
        ("Example University 2024", "Example University", 2024, "unknown", False),
    ],
)
def test_parse_venue_names_the_venue_and_its_kind(
    value: str, name: str, year: int | None, kind: str, known: bool
) -> None:
    venue = parse_venue(value)
    assert venue is not None and (venue.name, venue.year, venue.kind, venue.known) == (name, year, kind, known)


@pytest.mark.parametrize("value", ["CVPR", "Example University, Sample Lab", "2024 (Alpha)", ""])
def test_parse_venue_refuses_what_is_no_venue(value: str) -> None:
    assert parse_venue(value) is None


@pytest.mark.parametrize(
    ("value", "name", "year", "kind"),
    [
        ("CVPR'24", "CVPR", 2024, "conference"),
        ("CVPR’24", "CVPR", 2024, "conference"),
        ("NIPS'98", "NeurIPS", 1998, "conference"),
        ("CVPR'24 Workshop", "CVPR", 2024, "workshop"),
        ("Proceedings of CVPR 2023", "CVPR", 2023, "conference"),
        ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2023", "CVPR", 2023, "conference"),
        ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition Workshops (CVPR), 2023", "CVPR", 2023, "workshop"),
        ("International Conference on Machine Learning (ICML'23)", "ICML", 2023, "conference"),
    ],
)
def test_short_years_and_long_forms_read_as_the_venue(value: str, name: str, year: int, kind: str) -> None:
    venue = parse_venue(value)
    assert venue is not None and (venue.name, venue.year, venue.kind) == (name, year, kind)
    # The rules that compare venues (venue-year-before-arxiv) read the same year.
    assert venue_year(value) == year


@pytest.mark.parametrize(
    "value",
    ["CVPR'24 papers", "Proceedings of the AAAI Conference on Artificial Intelligence", "(CVPR) and (ICCV) 2023", "Foo (BAR) 2023"],
)
def test_forms_that_name_no_one_venue_and_year_are_not_read(value: str) -> None:
    venue = parse_venue(value)
    assert venue is None or not venue.known


def test_a_proceedings_of_an_unknown_venue_stays_as_written() -> None:
    venue = parse_venue("Proceedings of Foo 2023")
    assert venue is not None and venue.name == "Proceedings of Foo" and venue.kind == "conference"
    assert check_venue("Proceedings of Foo 2023") is None
