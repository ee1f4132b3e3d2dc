"""English/Chinese file pairs (`README.md` / `README_zh.md`) and their entries matched by arXiv ID."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from listlint.base.values import value
from listlint.rulekit.identity import arxiv_key, entry_key, title_key
from listlint.syntax.document import LANGUAGE_SUFFIXES, Document
from listlint.syntax.model import Entry

# The suffixes that mark the Chinese translation, as `detect_language` reads them
# (Japanese and Korean files are not paired).
TRANSLATION_SUFFIXES = LANGUAGE_SUFFIXES["zh"]


@value
class FilePair:
    """Two versions of one list in the same folder."""

    original: Document
    """`X.md`: the file without a language suffix (English in the usual layout)."""
    translation: Document
    """`X_zh.md`: the file whose name carries the language suffix."""


@value
class EntryPair:
    """The same paper in both files of a pair."""

    original: Entry
    translation: Entry


@value
class EntryMatch:
    """How the entries of a file pair line up."""

    pairs: tuple[EntryPair, ...]
    only_original: tuple[Entry, ...]
    """Entries of the original that the translation lacks, in file order."""
    only_translation: tuple[Entry, ...]


def _split_name(path: str) -> tuple[str, str, bool]:
    """(folder, base name, is a translation): `a/README_zh.md` -> (`/abs/a`, `readme.md`, True).

    The folder is resolved: pre-commit names `README_zh.md` as typed, the rest of the
    list is loaded from the repository's root, and both are the same folder.
    """
    folder, name = os.path.split(path)
    folder = os.path.realpath(folder or ".")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    lowered = stem.lower()
    for suffix in TRANSLATION_SUFFIXES:
        if lowered.endswith(suffix) and len(lowered) > len(suffix):
            return folder, f"{lowered[: -len(suffix)]}.{extension.lower()}", True
    return folder, f"{lowered}.{extension.lower()}", False


def file_pairs(documents: Iterable[Document]) -> list[FilePair]:
    """Every original/translation pair among `documents`, in the order of the originals."""
    originals: dict[tuple[str, str], Document] = {}
    translations: dict[tuple[str, str], Document] = {}
    for doc in documents:
        folder, base, translated = _split_name(doc.path)
        (translations if translated else originals).setdefault((folder, base), doc)
    return [
        FilePair(doc, translations[key]) for key, doc in originals.items() if key in translations
    ]


def _pair_up(
    originals: Sequence[Entry], translations: Sequence[Entry], key: Callable[[Entry], str | None]
) -> tuple[list[EntryPair], list[Entry], list[Entry]]:
    """Pair entries with equal keys, repeated keys in file order; return the leftovers."""
    waiting: dict[str, list[Entry]] = defaultdict(list)
    for entry in translations:
        found = key(entry)
        if found:
            waiting[found].append(entry)
    pairs: list[EntryPair] = []
    left: list[Entry] = []
    matched: set[int] = set()
    for entry in originals:
        found = key(entry)
        queue = waiting.get(found) if found else None
        if queue:
            other = queue.pop(0)
            matched.add(id(other))
            pairs.append(EntryPair(entry, other))
        else:
            left.append(entry)
    right = [entry for entry in translations if id(entry) not in matched]
    return pairs, left, right


def match_entries(pair: FilePair) -> EntryMatch:
    """Line up the entries of a pair by arXiv ID, then the rest by title.

    The second pass pairs a paper whose arXiv ID differs between the files,
    so that it reads as one entry with a wrong ID, not as two missing ones.
    """
    originals = [entry for entry in pair.original.entries if entry_key(entry)]
    translations = [entry for entry in pair.translation.entries if entry_key(entry)]
    pairs, left, right = _pair_up(originals, translations, arxiv_key)
    by_title, left, right = _pair_up(left, right, title_key)
    order = {id(entry): index for index, entry in enumerate(pair.original.entries)}
    every = sorted(pairs + by_title, key=lambda p: order[id(p.original)])
    return EntryMatch(tuple(every), tuple(left), tuple(right))


def counterpart_position(
    missing: Entry, source: Sequence[Entry], matched: dict[int, Entry]
) -> tuple[Entry | None, bool]:
    """Where an entry of `source` missing from the other file belongs there.

    Returns the other file's entry that matches the nearest preceding entry of
    `source` and True ("after this one"), else the one matching the nearest
    following entry and False ("before this one"), else (None, False).
    `matched` maps id(source entry) to its counterpart.
    """
    index = next(i for i, entry in enumerate(source) if entry is missing)
    for entry in reversed(source[:index]):
        if id(entry) in matched:
            return matched[id(entry)], True
    for entry in source[index + 1 :]:
        if id(entry) in matched:
            return matched[id(entry)], False
    return None, False
