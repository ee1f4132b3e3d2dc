"""When two entries are the same paper: normalised titles, author lists and IDs, walked list-wide.

The one home of an entry's identity: `normalise_title` is how titles are compared,
`arxiv_key` how arXiv IDs are, and `entry_key` what names an entry across files and runs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterator
from functools import cached_property, lru_cache

from listlint.analysis.arxiv import ArxivId, find_id, narrow_width
from listlint.base.caches import PER_ENTRY
from listlint.base.values import value
from listlint.rulekit.diagnostics import Related, Severity, Violation
from listlint.rulekit.rule import Context
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

_TAG = re.compile(r"<[^>\n]*>")
_NOT_WORD = re.compile(r"[\W_]+")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,，、;；\n]|\band\b|&)\s*")
# `et al.`, `et al`, and the Chinese `等` / `等人` that close a truncated list.
_ET_AL = re.compile(r"(?:,?\s*\bet\s+al\b\.?|\s*等人?)\s*$", re.IGNORECASE)
# Footnote marks on names: `Ada Lovelace*`, `Alan Turing†1`, `Grace Hopper²`.
_MARK = re.compile(r"[*†‡§¶#\d\u00b9\u00b2\u00b3\u2070-\u2079]")
_MARKS = re.compile(_MARK.pattern + "+$")
# The last character before trailing white space of any text _ET_AL matches.
_ET_AL_ENDS = ("l", "L", ".", "等", "人")


# Titles are compared again and again (`same_paper` of copies for every candidate
# pair): each is normalised once.
@lru_cache(maxsize=PER_ENTRY)
def normalise_title(value: str) -> str:
    """Casefolded, entities decoded, tags dropped, punctuation and white space squeezed.

    `<i>Foo</i>: A  Bar&amp;Baz!` -> `foo a bar baz`. Two titles are the same title
    when this is equal; every rule compares titles so.
    """
    text = unicodedata.normalize("NFKC", html.unescape(_TAG.sub(" ", value))).casefold()
    return _NOT_WORD.sub(" ", text).strip()


@value
class Authors:
    """An author list, normalised for comparison."""

    names: tuple[str, ...]
    """Each name casefolded, without footnote marks or periods, white space squeezed."""
    truncated: bool
    """The list ends in `et al.` (or `等`): it names only the first authors."""

    def agrees(self, other: Authors) -> bool:
        """Same names in the same order; a truncated list only has to be a prefix."""
        if self.truncated or other.truncated:
            shorter, longer = sorted((self.names, other.names), key=len)
            return longer[: len(shorter)] == shorter
        return self.names == other.names


@lru_cache(maxsize=PER_ENTRY)
def normalise_authors(value: str) -> Authors:
    """`Ada Lovelace*, Alan M. Turing and Grace Hopper, et al.` -> 3 names, truncated."""
    # The substitutions run only where they can match: most names have no tag,
    # no `et al.` and no footnote mark.
    text = unicodedata.normalize("NFKC", html.unescape(_TAG.sub(" ", value) if "<" in value else value))
    stripped = _ET_AL.sub("", text) if text.rstrip()[-1:] in _ET_AL_ENDS else text
    names = []
    for part in _AUTHOR_SEPARATOR.split(stripped):
        name = part.strip()
        if name and _MARK.match(name, len(name) - 1):
            name = _MARKS.sub("", name)
        name = name.replace(".", " ")
        name = " ".join(name.split()).casefold()
        if name:
            names.append(name)
    return Authors(tuple(names), truncated=stripped != text)


def entry_id(entry: Entry) -> ArxivId | None:
    """The entry's arXiv ID, read leniently (`arXiv:2406.00272` and `２４０６.００２７２` count;
    LL101 reports the form)."""
    found = entry.arxiv_id
    if found is None:
        return None
    value = found.value
    if value.isascii():
        return find_id(value)
    return find_id(value) or find_id(narrow_width(value))


def id_key(arxiv_id: ArxivId) -> str:
    """How arXiv IDs are compared and keyed: no version, lower case, `arxiv:` before it.

    `2211.13221v2` -> `arxiv:2211.13221`, `math.GT/0309136` -> `arxiv:math.gt/0309136`.
    Messages show the ID as written (`ArxivId.base`), never this.
    """
    return f"arxiv:{arxiv_id.base.lower()}"


def arxiv_key(entry: Entry) -> str | None:
    """The `id_key` of the entry's arXiv ID (`entry_id`), or None without one."""
    found = entry_id(entry)
    return id_key(found) if found else None


def title_key(entry: Entry) -> str | None:
    """The normalised full title (short name included), or None when the entry has none."""
    title = entry.title
    normalised = normalise_title(title.value) if title else ""
    return normalised or None


def entry_key(entry: Entry) -> str | None:
    """What names an entry across files and runs: `arxiv:<ID>` (`arxiv_key`), else
    `title:<title>`; None for an entry with neither.

    Findings carry it (JSON's `entry`), baselines store hashes of it, `--changed-since`
    and export follow entries by it. Its title part is therefore frozen, folded as
    keys always were (punctuation squeezed, casefolded, entities and tags kept as
    written): a key for naming, not for comparing; compare titles with `title_key`.
    """
    key = arxiv_key(entry)
    if key:
        return key
    title = entry.title
    folded = _NOT_WORD.sub(" ", title.value).strip().casefold() if title else ""
    return f"title:{folded}" if folded else None


def entry_authors(entry: Entry) -> Authors | None:
    authors = entry.authors
    if authors is None:
        return None
    normalised = normalise_authors(authors.value)
    return normalised if normalised.names else None


def list_entries(ctx: Context) -> Iterator[tuple[Document, Entry]]:
    """Every entry of the run, documents loaded only for context first.

    A list-wide rule reports the later of two entries. Walking context documents
    first makes the later one fall in a file being checked, so that a pre-commit
    run on the changed file reports the card it adds, not an unchanged one
    (whose finding would be dropped).
    """
    targets = {id(doc) for doc in ctx.targets}
    ordered = [doc for doc in ctx.documents if id(doc) not in targets]
    ordered += [doc for doc in ctx.documents if id(doc) in targets]
    for doc in ordered:
        for entry in doc.entries:
            yield doc, entry


@value
class Repeat:
    """A later entry that uses the arXiv ID of an earlier one."""

    entry: Entry
    arxiv_id: ArxivId
    earlier: Entry
    """The first entry that agrees with `entry`, or, when none does, the first with the ID."""
    agrees: bool
    """Same title and author list (where both entries give them): a cross-listing."""
    title_differs: bool
    authors_differ: bool

    def violation(self, message: str, first: str, severity: Severity | None = None) -> Violation:
        """A finding at this entry's arXiv ID, pointing at the earlier one's (`first` says how)."""
        mine, theirs = self.entry.arxiv_id, self.earlier.arxiv_id
        assert mine is not None and theirs is not None
        return Violation(
            mine.span,
            message,
            related=(Related(theirs.span, f"`{self.arxiv_id.base}` {first} here", self.earlier.doc),),
            doc=self.entry.doc,
            severity=severity,
            entry_key=id_key(self.arxiv_id),
        )


def _title_keys(entry: Entry) -> frozenset[str]:
    # `Foo: Bar` and `Baz: Bar` name the same paper with two short names, so
    # the title after the short name counts as well as the full one.
    keys = set()
    if entry.title:
        keys.add(normalise_title(entry.title.value))
        short = entry.short_name
        if short and entry.title.value.startswith(short.value):
            keys.add(normalise_title(entry.title.value[len(short.value) :].lstrip(" :：")))
    keys.discard("")
    return frozenset(keys)


def _near(titles: frozenset[str], others: frozenset[str]) -> bool:
    """Whether two titles are one, retyped a little differently (lists copy titles from
    the paper's versions): accents (`Fréchet`, `Frechet`), a plural (`Surface`,
    `Surfaces`), one word more (`Diffusion Vision Transformers`) or one word spelt
    one letter apart (`Scaled`, `Scale`). A number more (`Qwen2 VL`, `Qwen2 5 VL`) or
    another word (`Foo v2`) is another paper."""
    return any(_one_title(mine, theirs) for mine in titles for theirs in others)


def _one_title(first: str, second: str) -> bool:
    import difflib  # only for an ID two entries share with titles that are not equal

    mine, theirs = _fold_accents(first).split(), _fold_accents(second).split()
    if min(len(mine), len(theirs)) < 3:
        return False
    changes = [op for op in difflib.SequenceMatcher(None, mine, theirs).get_opcodes() if op[0] != "equal"]
    if not changes:
        return True
    if len(changes) > 1:
        return False
    tag, start, end, other_start, other_end = changes[0]
    words = mine[start:end] + theirs[other_start:other_end]
    if tag in ("insert", "delete"):
        return len(words) == 1 and words[0].isalpha() and len(words[0]) >= 3
    if end - start != 1 or other_end - other_start != 1 or not all(word.isalpha() for word in words):
        return False
    shorter, longer = sorted(words, key=len)
    return len(longer) - len(shorter) == 1 and longer.startswith(shorter) and len(shorter) >= 4


def _fold_accents(title: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", title) if not unicodedata.combining(ch))


class _Card:
    """An entry with an ID; its titles and authors are read only once another entry shares the ID."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry

    @cached_property
    def titles(self) -> frozenset[str]:
        return _title_keys(self.entry)

    @cached_property
    def authors(self) -> Authors | None:
        return entry_authors(self.entry)

    def differences(self, other: _Card) -> tuple[bool, bool]:
        """(title differs, authors differ); what one card does not give is not compared."""
        title_differs = bool(
            self.titles and other.titles and not self.titles & other.titles and not _near(self.titles, other.titles)
        )
        authors_differ = bool(
            self.authors and other.authors and not self.authors.agrees(other.authors)
        )
        return title_differs, authors_differ


def same_paper(entry: Entry, other: Entry) -> bool:
    """Whether two entries with one arXiv ID are one paper: their titles or their author
    lists agree (a copy whose title is mojibake or a short name longer is still the paper)."""
    title_differs, authors_differ = _Card(entry).differences(_Card(other))
    return not (title_differs and authors_differ)


MAX_VARIANTS = 32
"""Distinct cards kept per ID. Beyond a few the ID is a placeholder pasted
everywhere; comparing each new card with the first ones only keeps the walk
linear, and every repeat is still reported."""


def repeated_ids(ctx: Context) -> Iterator[Repeat]:
    """Each entry whose arXiv ID an earlier entry of the same language uses.

    Entries are grouped by (language, ID without version) in one pass; within a
    group each distinct card (title and authors) is kept once, and a new card
    is compared with at most MAX_VARIANTS of them, so the walk is linear.
    """
    groups: dict[tuple[str, str], list[_Card]] = {}
    for doc, entry in list_entries(ctx):
        arxiv_id = entry_id(entry)
        if arxiv_id is None:
            continue
        card = _Card(entry)
        variants = groups.setdefault((doc.language, id_key(arxiv_id)), [])
        if not variants:
            variants.append(card)
            continue
        for variant in variants:
            if card.differences(variant) == (False, False):
                yield Repeat(entry, arxiv_id, variant.entry, True, False, False)
                break
        else:
            # It differs from every card so far, the first included.
            title_differs, authors_differ = card.differences(variants[0])
            yield Repeat(entry, arxiv_id, variants[0].entry, False, title_differs, authors_differ)
            if len(variants) < MAX_VARIANTS:
                variants.append(card)
