"""Which paper an entry is, independent of where it stands: arXiv ID or normalised title.

Baselines and `--changed-since` follow an entry by this key, so moving,
reordering or reformatting a card keeps its identity.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from listlint.model import Entry

if TYPE_CHECKING:
    from listlint.document import Document

ARXIV_ID = re.compile(r"(?<![\d.])(?P<id>\d{4}\.\d{4,5})(?:v\d+)?(?![\d])")
OLD_ARXIV_ID = re.compile(r"(?P<id>[a-z][a-z.-]*/\d{7})(?:v\d+)?", re.IGNORECASE)
NOT_WORD = re.compile(r"[\W_]+")
TAG = re.compile(r"<[^>]*>")


def normalise_title(title: str) -> str:
    """Fold a title for comparison: `<b>World-Model  Sora</b>` -> `world model sora`."""
    folded = unicodedata.normalize("NFKC", TAG.sub(" ", title)).casefold()
    return NOT_WORD.sub(" ", folded).strip()


def arxiv_key(value: str) -> str | None:
    """The versionless arXiv ID in a field value: `arXiv:2401.01234v2` -> `2401.01234`."""
    found = ARXIV_ID.search(value) or OLD_ARXIV_ID.search(value)
    return found.group("id").lower() if found else None


def entry_key(entry: Entry) -> str | None:
    """`arxiv:2401.01234`, else `title:<normalised title>`, else None."""
    if entry.arxiv_id is not None:
        found = arxiv_key(entry.arxiv_id.value)
        if found:
            return f"arxiv:{found}"
    if entry.title is not None:
        title = normalise_title(entry.title.value)
        if title:
            return f"title:{title}"
    return None


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
