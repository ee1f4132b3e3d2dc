"""Parts of an entry copied from another paper's entry: the shared core of the copied-* rules."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence

from listlint.analysis.similarity import near_duplicates, tokens
from listlint.base.caches import PER_ENTRY
from listlint.base.spans import Span
from listlint.base.values import value
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import arxiv_key, entry_key, title_key
from listlint.rulekit.rule import Context, Option
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

DEFAULT_THRESHOLD = 0.6
SHARED_TEXTS = "near-copy"
"""The rules that tokenise the same texts (`similarity.features`) run in one process."""


def check_fraction(value: object) -> str | None:
    """Option check for a share or similarity threshold in (0, 1]."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
        return "must be a number greater than 0 and at most 1"
    return None


def _check_min_tokens(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 3:
        return "must be an integer of at least 3"
    return None


COPY_OPTIONS = (
    Option(
        "threshold",
        (float, int),
        DEFAULT_THRESHOLD,
        "Similarity (Jaccard of 3-token shingles, 0..1) from which two texts count as copies",
        check_fraction,
    ),
    Option(
        "min-tokens",
        int,
        8,
        "Texts with fewer words (or CJK characters) than this are never compared",
        _check_min_tokens,
    ),
)


def same_paper(first: Entry, second: Entry) -> bool:
    """Entries of one paper: the same arXiv ID, or the same title when an ID is missing."""
    ids = arxiv_key(first), arxiv_key(second)
    if ids[0] and ids[1]:
        return ids[0] == ids[1]
    titles = title_key(first), title_key(second)
    return bool(titles[0]) and titles[0] == titles[1]


# Title words too common to tell papers apart.
_COMMON_TITLE_WORDS = frozenset(
    "a an and are as at based by for from in into is of on or our the to towards toward "
    "using via with without we model models learning network networks method approach "
    "towards new large via".split()
)


def title_words(entry: Entry) -> frozenset[str]:
    """The telling words of an entry's title, normalised: `TriDet`, `boundary`, ..."""
    title = entry.title
    if title is None:
        return frozenset()
    return _title_words(title.value)


# Title words are read again and again (`title_fit` for every candidate pair): once each.
@functools.lru_cache(maxsize=PER_ENTRY)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(word for word in tokens(title) if len(word) > 2 and word not in _COMMON_TITLE_WORDS)


def title_fit(words: set[str] | frozenset[str], entry: Entry) -> float:
    """The share of the entry's title words that a text (as a set of tokens) uses."""
    wanted = title_words(entry)
    return len(wanted & words) / len(wanted) if wanted else 0.0


@value
class Part:
    """The piece of an entry that is compared, and where to report it."""

    entry: Entry
    doc: Document
    span: Span
    text: str


PartOf = Callable[[Entry], "tuple[Span, str] | None"]


def entries(documents: Sequence[Document]) -> Iterator[tuple[Document, Entry]]:
    for doc in documents:
        for entry in doc.entries:
            yield doc, entry


def copied_parts(ctx: Context, part_of: PartOf, what: str, *, plural: bool = False) -> Iterator[Violation]:
    """Violations for each part near-identical to an earlier one of another paper.

    `what` names the part in messages (`abstract`). The earlier occurrence is the
    first in the order of the documents, then of the text; the later is reported,
    unless the text names the earlier entry's paper far less than the later one's.
    """
    parts: list[Part] = []
    for doc, entry in entries(ctx.documents):
        found = part_of(entry)
        if found is not None:
            parts.append(Part(entry, doc, found[0], found[1]))
    matches = near_duplicates(
        [part.text for part in parts], float(ctx.options["threshold"]), min_tokens=ctx.options["min-tokens"]
    )
    reported: set[int] = set()
    for index, earlier in enumerate(matches):
        source = next((m for m in earlier if not same_paper(parts[m.index].entry, parts[index].entry)), None)
        if source is None:
            continue
        copy, original = index, source.index
        # Usually the later text is the copy; but when the text names the earlier
        # entry's paper far less than the later one's, the earlier is the copy.
        words = set(tokens(parts[index].text))
        if title_fit(words, parts[original].entry) + 0.25 < title_fit(words, parts[copy].entry):
            copy, original = original, copy
        if copy in reported:
            continue
        reported.add(copy)
        part, first = parts[copy], parts[original]
        amount = "identical to" if source.similarity >= 0.999 else f"{source.similarity:.0%} the same as"
        name = entry_name(first.entry, "an untitled entry", by_id="arXiv {}")
        yield Violation(
            span=part.span,
            message=f"{what.capitalize()} {'are' if plural else 'is'} {amount} the {what} of `{name}`",
            related=(Related(first.span, f"the {what} of `{name}`", doc=first.doc),),
            doc=part.doc,
            entry_key=entry_key(part.entry),
        )
