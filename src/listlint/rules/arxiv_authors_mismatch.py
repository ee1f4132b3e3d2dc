"""arxiv-authors-mismatch: an entry whose author list is not that of its arXiv ID's paper."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.arxiv_metadata import papers_of
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Command, Context, FixAvailability, rule

_SHOWN = 3


@rule(
    code="LL109",
    name="arxiv-authors-mismatch",
    fix=FixAvailability.SOMETIMES,
    commands=(Command.VERIFY,),
)
def arxiv_authors_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose author list is not arXiv's for its arXiv ID (under `verify`)."""
    # Here, not at import: only `verify` runs this rule, and every command imports it.
    from listlint.rulekit.arxiv_match import compare_authors, title_matches

    for entry, named, paper in papers_of(ctx.metadata, ctx.doc.entries):
        authors = entry.authors
        if authors is None or not paper.authors:
            continue
        diff = compare_authors(authors.value, paper.authors)
        if diff is None:
            continue
        message = f"The author list is not arXiv's for `{named.arxiv_id.base}`: {diff.describe()}"
        if diff.none_agree:
            shown = ", ".join(paper.authors[:_SHOWN])
            more = len(paper.authors) - _SHOWN
            message += f" (`{shown}`{f' and {more} more' if more > 0 else ''})"
        title_agrees = entry.title is not None and title_matches(entry.title.value, paper.title)
        if entry.title is not None and not title_agrees:
            message += "; the title differs too, so the arXiv ID may be another paper's"
        fix = None
        if title_agrees:  # the title says it is this paper: its authors are arXiv's
            edit = Edit(authors.span, ", ".join(paper.authors))
            fix = Fix("Replace the author list with arXiv's", (edit,), Applicability.UNSAFE)
        yield Violation(authors.span, message, fix=fix)
