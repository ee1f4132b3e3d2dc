"""copied-authors: an author list copied from another paper's entry."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import entry_authors, entry_id, id_key, list_entries, title_key
from listlint.rulekit.rule import Context, Option, Scope, rule
from listlint.syntax.model import Entry

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
    entries = list(list_entries(ctx))
    # The distinct author lists each ID is written with: an ID written with two
    # lists has a wrong one, so of two papers sharing a list, that one is the copy.
    lists_by_id: dict[str, set[tuple[str, ...]]] = {}
    for _, entry in entries:
        authors, arxiv_id = entry_authors(entry), entry_id(entry)
        if authors is not None and arxiv_id is not None:
            lists_by_id.setdefault(id_key(arxiv_id), set()).add(authors.names)
    # (language, author names) -> ID -> first entry with those authors and that ID.
    seen: dict[tuple[str, tuple[str, ...]], dict[str, Entry]] = {}
    for doc, entry in entries:
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
        if id_key(arxiv_id) in by_id:
            continue
        title = title_key(entry)
        earlier = next(
            (other for other in by_id.values() if title is None or title_key(other) != title), None
        )
        by_id[id_key(arxiv_id)] = entry
        if earlier is None:
            # Same title too: one paper under two IDs, for duplicate-title.
            continue
        assert earlier.authors is not None
        earlier_id = entry_id(earlier)
        copy, source = entry, earlier
        if (
            earlier_id is not None
            and len(lists_by_id.get(id_key(earlier_id), ())) > 1
            and len(lists_by_id.get(id_key(arxiv_id), ())) == 1
        ):
            copy, source = earlier, entry
        copy_id, source_id = entry_id(copy), entry_id(source)
        assert copy.authors is not None and source.authors is not None
        yield Violation(
            copy.authors.span,
            f"The author list is that of `{entry_name(source, 'untitled entry')}` (arXiv `{source_id.base if source_id else '?'}`), "
            f"not of arXiv `{copy_id.base if copy_id else '?'}`",
            related=(Related(source.authors.span, "the same author list here", source.doc),),
            doc=copy.doc,
        )
