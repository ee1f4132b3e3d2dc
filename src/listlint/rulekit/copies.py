"""Parts of an entry copied from another paper's entry: the shared core of the copied-* rules."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence

from listlint.analysis.similarity import contained, features, near_duplicates, shared_passages, tokens
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


def sequels(first: Entry, second: Entry) -> bool:
    """Papers of one line of work (`VoxNet` and `VoxNet-v2: ...`): they share authors and sentences by right."""
    names = [entry.short_name.value.strip().casefold() for entry in (first, second) if entry.short_name is not None]
    if len(names) < 2 or not all(names):
        return False
    shorter, longer = sorted(names, key=len)
    return longer.startswith(shorter)


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


def copied_parts(
    ctx: Context, part_of: PartOf, what: str, *, plural: bool = False, passages: float | None = None
) -> Iterator[Violation]:
    """Violations for each part near-identical to an earlier one of another paper.

    `what` names the part in messages (`abstract`). The earlier occurrence is the
    first in the order of the documents, then of the text; the later is reported,
    unless the text names the earlier entry's paper far less than the later one's.
    With `passages`, a part not near-identical to any is reported too when passages
    of another paper's part make up that share of the shorter of the two
    (`copied_passages`).
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
        # Usually the later text is the copy; but when the text names the earlier
        # entry's paper far less than the later one's, the earlier is the copy.
        copy, original = _reported_copy(parts, index, source.index)
        if copy in reported:
            continue
        reported.add(copy)
        part, first = parts[copy], parts[original]
        amount = "identical to" if source.similarity >= 0.999 else f"{source.similarity:.0%} the same as"
        yield _violation(part, first, f"{what.capitalize()} {'are' if plural else 'is'} {amount} the {what} of `{{}}`", what)
    if passages is not None:
        yield from copied_passages(parts, what, passages, ctx.options["min-tokens"], reported)


def _reported_copy(parts: Sequence[Part], copy: int, original: int, words: set[str] | None = None) -> tuple[int, int]:
    """Which of two parts holds the copy: the later (`copy`), unless the text they share
    (`words`, by default the later's) names the earlier entry's paper far less."""
    if words is None:
        words = set(tokens(parts[copy].text))
    if title_fit(words, parts[original].entry) + 0.25 < title_fit(words, parts[copy].entry):
        return original, copy
    return copy, original


def _violation(part: Part, first: Part, message: str, what: str) -> Violation:
    """The finding at a copied part; `message` has a `{}` where the source entry is named."""
    name = entry_name(first.entry, "an untitled entry", by_id="arXiv {}")
    return Violation(
        span=part.span,
        message=message.format(name),
        related=(Related(first.span, f"the {what} of `{name}`", doc=first.doc),),
        doc=part.doc,
        entry_key=entry_key(part.entry),
    )


def copied_passages(
    parts: Sequence[Part], what: str, share: float, min_tokens: int, reported: set[int]
) -> Iterator[Violation]:
    """Parts that share long passages with another paper's part: at least `share` of the shorter of the two.

    Pasted half of another abstract, or another card's English abstract in a Chinese
    card beside its own text. Passages are runs of a dozen words (`passage_share`):
    phrases abstracts share by habit never add up. The shorter part of a pair is the
    query, looked for in the others (`contained`, a shingle share that bounds the
    passage share from above, a little loosely), so each pair is measured once.
    """
    sizes = [features(part.text).size for part in parts]
    # Parts with one text are one query: their copies of each other are near-duplicates,
    # found before; a list that repeats its abstracts is searched no longer than one that does not.
    holders: dict[str, list[int]] = {}
    for index, part in enumerate(parts):
        holders.setdefault(features(part.text).key, []).append(index)
    groups = list(holders.values())
    texts = [parts[group[0]].text for group in groups]
    candidates = contained(texts, texts, share * 0.75, exclude=[{number} for number in range(len(texts))], min_tokens=min_tokens)
    pairs: list[tuple[int, int, float, set[str]]] = []
    for shorter, found in enumerate(candidates):
        for longer, _ in found:
            one, other = groups[shorter][0], groups[longer][0]
            if (sizes[one], longer) > (sizes[other], shorter):
                continue  # measured from the other one
            measured: tuple[float, list[str]] | None = None
            for first, second in ((a, b) for a in groups[shorter] for b in groups[longer]):
                if same_paper(parts[first].entry, parts[second].entry) or sequels(parts[first].entry, parts[second].entry):
                    continue
                if measured is None:
                    measured = shared_passages(texts[shorter], texts[longer])
                if measured[0] < share:
                    break
                pairs.append((min(first, second), max(first, second), measured[0], set(measured[1])))
    for earlier, later, measured, passages in sorted(pairs, key=lambda pair: (pair[1], -pair[2], pair[0])):
        # Each text names its own paper; the passages name the paper they were written for.
        copy, original = _reported_copy(parts, later, earlier, passages)
        if copy in reported:
            continue
        reported.add(copy)
        amount = f"{measured:.0%} of the"
        if amount == "100% of the":
            amount = "the whole"
        if sizes[copy] <= sizes[original]:
            message = f"{amount.capitalize()} {what} is pasted from the {what} of `{{}}`"
        else:
            message = f"{what.capitalize()} holds {amount} {what} of `{{}}` pasted in"
        yield _violation(parts[copy], parts[original], message, what)
