"""Find the entry that holds a finding, so findings can be keyed by entry identity.

The key itself is `listlint.rulekit.identity.entry_key` (`arxiv:<id>`, else
`title:<normalised title>`); baselines and `--changed-since` follow entries by
it, so moving, reordering or reformatting a card keeps its identity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from listlint.syntax.model import Entry

if TYPE_CHECKING:
    from listlint.syntax.document import Document


class EntryLocator:
    """Find the entry that holds an offset, by bisection over the entries' starts."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = entries
        self.starts = [entry.span.start for entry in entries]

    def entry_at(self, offset: int) -> Entry | None:
        index = bisect.bisect_right(self.starts, offset) - 1
        if index < 0:
            return None
        entry = self.entries[index]
        return entry if offset < entry.span.end else None


class EntryIndex:
    """The entry holding an offset in any of several documents, each indexed once."""

    def __init__(self) -> None:
        self._locators: dict[int, EntryLocator] = {}

    def entry_at(self, doc: Document, offset: int) -> Entry | None:
        locator = self._locators.get(id(doc))
        if locator is None:
            locator = self._locators[id(doc)] = EntryLocator(doc.entries)
        return locator.entry_at(offset)
