"""venue-format: a `Published in` value not in the canonical `VENUE YEAR` form."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from listlint.analysis.arxiv import id_year
from listlint.analysis.venues import check_venue
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.entries import is_model_card
from listlint.rulekit.house import card_style, judged_as_house
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Card


def _letters_and_digits(text: str) -> Counter[str]:
    return Counter("".join(c for c in text if c.isalnum()).casefold())


def _keeps_text(value: str, canonical: str) -> bool:
    """Whether every letter and digit of `value` is still shown in `canonical`.

    Case, spacing and punctuation change, and a name may grow to the venue's own
    spelling (`NIPS` -> `NeurIPS`) or a year be added: the reader loses nothing.
    A date reduced to its year (`arxiv (24 Feb 2021)`) or a word left out
    (`preprint`, `Multimedia` in `ACM MM`) is text gone, so that fix is unsafe.
    """
    return not _letters_and_digits(value) - _letters_and_digits(canonical)


@rule(code="LL409", name="venue-format", fix=FixAvailability.SOMETIMES)
def venue_format(ctx: Context) -> Iterator[Violation]:
    """Flag a `Published in` value that is not `VENUE YEAR` (`CVPR 2023`, `arXiv 2025`)."""
    # `VENUE YEAR` is the house's form; another list writes its venues its own way.
    style = card_style(ctx.doc, ctx.settings)
    for entry in ctx.doc.entries:
        if not judged_as_house(entry, style):
            continue
        # A commercial model has a release, not a venue: `2024 (Alpha)` is all there is.
        if isinstance(entry, Card) and is_model_card(entry):
            continue
        # `VENUE YEAR` is how a card's Published in field is written; a bullet's
        # `<ins>NeurIPS, 2023</ins>` or a table's Venue column is the list's own form.
        if entry.layout not in ("card", "daily"):
            continue
        venue = entry.field("published_in")
        if venue is None or not venue.value.value:
            continue
        arxiv_year = id_year(entry.arxiv_id.value) if entry.arxiv_id else None
        problem = check_venue(venue.value.value, arxiv_year)
        if problem is None:
            continue
        fix = None
        if problem.canonical is not None:
            keeps = _keeps_text(venue.value.value, problem.canonical)
            fix = Fix(
                f"Write `{problem.canonical}`",
                (Edit(venue.value.span, problem.canonical),),
                Applicability.SAFE if keeps else Applicability.UNSAFE,
            )
        yield Violation(span=venue.value.span, message=problem.message, fix=fix)
