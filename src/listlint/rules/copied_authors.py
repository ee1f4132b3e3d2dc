"""copied-authors: an author list copied from another paper's entry."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.diagnostics import Related, Violation
from listlint.identity import display_title, entry_authors, entry_id, entry_title, list_entries
from listlint.model import Entry
from listlint.registry import Context, Option, Scope, rule

# Not a person: `OpenAI Research Team`, `Google DeepMind`, `Anonymous`, `XX 实验室`.
_PLACEHOLDER = re.compile(
    r"\b(?:team|group|lab|labs|laboratory|research|authors?|contributors|anonymous|"
    r"inc|corp|corporation|ltd|university|institute|deepmind|openai|et al)\b|团队|实验室|研究院|匿名",
    re.IGNORECASE,
)


def _check_minimum(value: object) -> str | None:
    return None if isinstance(value, int) and value >= 2 else "must be an integer of at least 2"


@rule(
    code="LL106",
    name="copied-authors",
    scope=Scope.LIST,
    options=[
        Option(
            "min-authors",
            int,
            3,
            "Compare only author lists naming at least this many people (short lists recur by chance)",
            check=_check_minimum,
        )
    ],
)
def copied_authors(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose author list is exactly that of an entry with another arXiv ID."""
    minimum = ctx.options["min-authors"]
    # (language, author names) -> ID -> first entry with those authors and that ID.
    seen: dict[tuple[str, tuple[str, ...]], dict[str, Entry]] = {}
    for doc, entry in list_entries(ctx):
        authors, arxiv_id = entry_authors(entry), entry_id(entry)
        if authors is None or arxiv_id is None or entry.authors is None:
            continue
        # `A, B, C et al.` names only the first authors, who write many papers together.
        if authors.truncated:
            continue
        people = [name for name in authors.names if not _PLACEHOLDER.search(name)]
        if len(people) < minimum:
            continue
        by_id = seen.setdefault((doc.language, authors.names), {})
        if arxiv_id.base in by_id:
            continue
        title = entry_title(entry)
        earlier = next(
            (other for other in by_id.values() if title is None or entry_title(other) != title), None
        )
        by_id[arxiv_id.base] = entry
        if earlier is None:
            # Same title too: one paper under two IDs, for duplicate-title.
            continue
        assert earlier.authors is not None
        other_id = entry_id(earlier)
        yield Violation(
            entry.authors.span,
            f"The author list is that of `{display_title(earlier)}` (arXiv `{other_id.base if other_id else '?'}`), "
            f"not of arXiv `{arxiv_id.base}`",
            related=(Related(earlier.authors.span, "the same author list here", earlier.doc),),
            doc=doc,
            entry_key=arxiv_id.base,
        )
