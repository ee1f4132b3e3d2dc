"""How many papers of a list write each author name or venue as they do: the spelling in use
tells a slip from it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from listlint.rulekit.identity import entry_key
from listlint.syntax.document import Document
from listlint.syntax.model import Entry


class SpellingsUsed:
    """The papers of a list that write each value (an author name, a venue) as they do.

    Papers, not entries: `README.md` and `README_zh.md` list each paper twice, and
    one paper copied across is one spelling, not two.
    """

    def __init__(self, documents: Iterable[Document], values: Callable[[Entry, Document], Iterable[str]]) -> None:
        self._papers: defaultdict[str, set[str]] = defaultdict(set)
        for doc in documents:
            for entry in doc.entries:
                key = entry_key(entry)
                if key is not None:
                    for found in values(entry, doc):
                        self._papers[found].add(key)

    def others(self, value: str, *besides: Entry) -> int:
        """How many papers write `value`, but for those of `besides` (the entries compared)."""
        own = {entry_key(entry) for entry in besides}
        return len(self._papers.get(value, set()) - own)
