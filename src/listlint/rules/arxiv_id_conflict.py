"""arxiv-id-conflict: one arXiv ID on two entries that disagree on title or authors."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import Repeat, entry_authors, repeated_ids
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule


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


@rule(code="LL103", name="arxiv-id-conflict", scope=Scope.LIST, fix=FixAvailability.NONE)
def arxiv_id_conflict(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose arXiv ID an earlier entry uses with another title or author list."""
    for repeat in repeated_ids(ctx):
        if repeat.agrees:
            continue
        yield repeat.violation(
            f"arXiv ID `{repeat.arxiv_id.base}` is also used by `{entry_name(repeat.earlier, 'untitled entry')}`, "
            f"with {_what_differs(repeat)}",
            "first used",
        )
