"""venue-year-before-arxiv: a venue year earlier than the year of the entry's arXiv ID."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.arxiv import id_year
from listlint.analysis.venues import venue_year
from listlint.rulekit.diagnostics import Related, Severity, Violation
from listlint.rulekit.rule import Context, FixAvailability, rule


@rule(
    code="LL410",
    name="venue-year-before-arxiv",
    fix=FixAvailability.NONE,
    severity=Severity.WARNING,
)
def venue_year_before_arxiv(ctx: Context) -> Iterator[Violation]:
    """Flag a `Published in` year earlier than the year the arXiv ID encodes."""
    for entry in ctx.doc.entries:
        venue = entry.field("published_in")
        arxiv_id = entry.arxiv_id
        if venue is None or arxiv_id is None:
            continue
        arxiv_year = id_year(arxiv_id.value)
        year = venue_year(venue.value.value)
        if arxiv_year is None or year is None or year >= arxiv_year:
            continue
        # A paper submitted in the last days of December is numbered in January:
        # `arxiv (30 Dec 2024)` with ID 2501.00103 is right.
        if year == arxiv_year - 1 and arxiv_id.value.startswith(f"{arxiv_year % 100:02d}01"):
            continue
        yield Violation(
            span=venue.value.span,
            message=(
                f"`{venue.value.value}` is earlier than {arxiv_year}, "
                f"the year arXiv ID `{arxiv_id.value}` was issued"
            ),
            related=(Related(arxiv_id.span, "arXiv ID given here"),),
        )
