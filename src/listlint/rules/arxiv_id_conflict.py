"""arxiv-id-conflict: one arXiv ID on two entries that disagree on title or authors."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.arxiv_papers import Metadata, Paper, paper_key
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import Repeat, entry_authors, repeated_ids
from listlint.rulekit.rule import Command, Context, FixAvailability, Scope, rule
from listlint.syntax.model import Entry


def _what_differs(repeat: Repeat) -> str:
    parts = ["title"] if repeat.title_differs else []
    if repeat.authors_differ:
        mine, theirs = entry_authors(repeat.entry), entry_authors(repeat.earlier)
        assert mine is not None and theirs is not None
        shorter, longer = sorted((mine.names, theirs.names), key=len)
        if longer[: len(shorter)] == shorter:
            # A list cut short without `et al.`: the same paper, an incomplete card.
            which = "a shorter" if len(mine.names) < len(theirs.names) else "a longer"
            parts.append(f"{which} author list ({len(mine.names)} names, not {len(theirs.names)})")
        else:
            parts.append("author list")
    text = " and ".join(parts)
    return text if text.startswith("a ") else f"a different {text}"


def _agreement(entry: Entry, paper: Paper) -> tuple[bool, bool]:
    """(the title is arXiv's, the author list is arXiv's)."""
    # Here, not at import: only a conflict met with arXiv's metadata at hand comes here.
    from listlint.rulekit.arxiv_match import compare_authors, title_matches

    title, authors = entry.title, entry.authors
    return (
        title is not None and title_matches(title.value, paper.title),
        authors is not None and compare_authors(authors.value, paper.authors) is None,
    )


def _which_is_arxivs(repeat: Repeat, metadata: Metadata | None) -> str:
    """Under `verify`, which of the two entries arXiv's metadata agrees with."""
    paper = (metadata or {}).get(paper_key(repeat.arxiv_id))
    if paper is None:
        return ""
    mine, theirs = _agreement(repeat.entry, paper), _agreement(repeat.earlier, paper)
    said = f"; arXiv's `{repeat.arxiv_id.base}` is `{paper.title}`"
    if mine == theirs:
        return f"{said}, which neither entry matches" if not any(mine) else ""
    # The title decides; between two right titles, the author list.
    earlier = entry_name(repeat.earlier, 'untitled entry')
    same_name = earlier == entry_name(repeat.entry, 'untitled entry')
    which = "this entry" if mine > theirs else "the first entry" if same_name else f"`{earlier}`"
    return f"{said}, as {which} says"


@rule(
    code="LL103",
    name="arxiv-id-conflict",
    scope=Scope.LIST,
    fix=FixAvailability.NONE,
    commands=(Command.CHECK, Command.VERIFY),
)
def arxiv_id_conflict(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose arXiv ID an earlier entry uses with another title or author list."""
    for repeat in repeated_ids(ctx):
        if repeat.agrees:
            continue
        yield repeat.violation(
            f"arXiv ID `{repeat.arxiv_id.base}` is also used by `{entry_name(repeat.earlier, 'untitled entry')}`, "
            f"with {_what_differs(repeat)}{_which_is_arxivs(repeat, ctx.metadata)}",
            "first used",
        )
