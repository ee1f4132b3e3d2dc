"""arxiv-title-mismatch: an entry whose title is not the title of its arXiv ID's paper."""

from __future__ import annotations

import html
from collections.abc import Iterator

from listlint.analysis.arxiv_papers import Paper
from listlint.rulekit.arxiv_metadata import papers_of
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.rule import Command, Context, FixAvailability, rule
from listlint.syntax.model import Entry


def _new_title(entry: Entry, paper: Paper) -> str:
    """arXiv's title, behind the entry's short name when arXiv's does not start with it."""
    from listlint.rulekit.arxiv_match import title_matches

    title = html.escape(paper.title, quote=False)
    short = entry.short_name
    if short is not None and not title_matches(short.value, paper.title.split(":", 1)[0]):
        return f"{short.value}: {title}"
    return title


@rule(
    code="LL108",
    name="arxiv-title-mismatch",
    fix=FixAvailability.SOMETIMES,
    commands=(Command.VERIFY,),
)
def arxiv_title_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose title is not the title arXiv gives its arXiv ID (under `verify`)."""
    # Here, not at import: only `verify` runs this rule, and every command imports it.
    from listlint.rulekit.arxiv_match import compare_authors, has_markup, title_matches

    for entry, named, paper in papers_of(ctx.metadata, ctx.doc.entries):
        title = entry.title
        if title is None or not title.value.strip():
            continue
        if title_matches(title.value, paper.title):
            continue
        authors = entry.authors
        authors_agree = authors is not None and compare_authors(authors.value, paper.authors) is None
        message = f"The title is not arXiv's for `{named.arxiv_id.base}`: arXiv's is `{paper.title}`"
        if authors is not None and not authors_agree:
            message += "; the authors differ too, so the arXiv ID may be another paper's"
        fix = None
        # Certain only when the authors say it is this paper, and arXiv's title is
        # text a list writes as it is (no LaTeX to render).
        if authors_agree and not has_markup(paper.title):
            edit = Edit(title.span, _new_title(entry, paper))
            fix = Fix("Replace the title with arXiv's", (edit,), Applicability.UNSAFE)
        yield Violation(title.span, message, fix=fix)
