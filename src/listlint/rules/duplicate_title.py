"""duplicate-title: two entries with the same title but different arXiv IDs."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.arxiv import ArxivId
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.identity import entry_id, id_key, list_entries, title_key
from listlint.rulekit.rule import Context, Scope, rule
from listlint.syntax.model import Entry


@rule(code="LL105", name="duplicate-title", scope=Scope.LIST)
def duplicate_title(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose title an earlier entry of another arXiv ID already has."""
    # (language, normalised title) -> ID's key -> the ID and the first entry with that title and ID.
    seen: dict[tuple[str, str], dict[str, tuple[ArxivId, Entry]]] = {}
    for doc, entry in list_entries(ctx):
        title, arxiv_id = title_key(entry), entry_id(entry)
        if title is None or arxiv_id is None or entry.title is None:
            continue
        by_id = seen.setdefault((doc.language, title), {})
        key = id_key(arxiv_id)
        if key in by_id:
            # Same title, same ID: a repeated entry, for duplicate-arxiv-id.
            continue
        if by_id:
            first_id, earlier = next(iter(by_id.values()))
            other_id = first_id.base
            assert earlier.title is not None
            yield Violation(
                entry.title.span,
                f"Title `{entry.title.value}` is also the title of arXiv `{other_id}`, "
                f"but this entry has `{arxiv_id.base}`",
                related=(Related(earlier.title.span, f"same title, arXiv `{other_id}`", earlier.doc),),
                doc=doc,
            )
        by_id[key] = (arxiv_id, entry)
