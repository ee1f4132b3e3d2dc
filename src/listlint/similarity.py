"""Find near-identical texts among many, fast: shingles, content-defined samples, verification.

How it works (and why it is sub-quadratic):

1. Normalise: NFKC, case-fold, keep only letters and digits. Latin text is cut into
   words; CJK text (Han, kana, Hangul), which has no spaces, into single characters.
   Mixed text gives one token stream: `视频 VAE 把` -> `视`, `频`, `vae`, `把`.
   (ASCII text reaches the same tokens by a shortcut: lower-case, runs of `[a-z0-9]`.)
2. Shingle: every run of `SHINGLE` consecutive tokens, hashed to an int. Token hashes
   come from crc32 and tuples of ints hash the same in every process, so results do
   not depend on PYTHONHASHSEED.
3. Exact copies: texts whose token streams are equal are grouped by a dict, O(n).
4. Candidates: each text keeps a content-defined sample of its shingles (those whose
   hash is 0 modulo `SAMPLE_RATE`, plus its `BOTTOM_K` smallest hashes, so that short
   texts are never unsampled). Two texts that share most shingles share most samples,
   because a shingle is sampled or not by its own value, whichever text it sits in.
   An inverted index from sample to texts finds the texts sharing samples; a sample
   already held by `POSTING_CAP` texts is a common phrase ("in this paper we") and
   stops producing candidates, which bounds the work per text.
5. Verify: each candidate pair is measured with the real similarity on the full
   shingle sets, so sampling can only cost recall, never precision.

This is MinHash-LSH's idea with one hash function instead of dozens of permutations:
pure Python hashing of every shingle 64 times would be far slower than hashing it once.

`contained` answers the other question, which texts hold most of a short text: the
queries are sampled more densely (`CONTAINMENT_RATE`) and without bottom-k, so that
the sample of a copied part is a subset of the sample of the whole; only those
samples are indexed, and each text is met once, by intersecting its shingles with them.

What the search reads of a text (`features`: its tokens counted, joined and
shingled) is computed once per text and kept within a budget, so the rules that
compare the same texts (copied-abstract, one-liner-mismatch, ...) share it.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass

SHINGLE = 3
"""Tokens per shingle: three words of Latin text, three characters of CJK text."""
SAMPLE_RATE = 8
"""One shingle in `SAMPLE_RATE` (by hash value) is sampled for the candidate index."""
BOTTOM_K = 4
"""The smallest shingle hashes of every text are sampled too."""
POSTING_CAP = 64
"""A sample held by this many texts no longer yields candidates (a common phrase)."""
MAX_MATCHES = 16
"""At most this many earlier matches are kept per text (the earliest)."""

_CJK = (
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK Compatibility Ideographs
    "\U00020000-\U0002ebef"  # CJK Extensions B-F
)
# A CJK character alone, or a run of other letters and digits (`\W` and `_` excluded).
_TOKEN = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")
_ASCII_TOKEN = re.compile("[a-z0-9]+")
# Full-width ASCII (`，` `（` `Ａ`), the ideographic space and `…`, each to its NFKD.
_WIDE = re.compile("[\uff01-\uff5e\u3000\u2026]")
_WIDE_FORMS = {
    char: unicodedata.normalize("NFKD", char) for char in [*map(chr, range(0xFF01, 0xFF5F)), "\u3000", "\u2026"]
}


class _TokenHashes(dict[str, int]):
    """Token -> stable 32-bit hash, computed once per distinct token."""

    def __missing__(self, token: str) -> int:
        value = zlib.crc32(token.encode("utf-8"))
        self[token] = value
        return value


_TOKEN_HASHES = _TokenHashes()


def tokens(text: str) -> list[str]:
    """The normalised tokens of a text: words of Latin text, single CJK characters."""
    if text.isascii():
        # The same tokens, cheaper: NFKC leaves ASCII as it is, `casefold` of ASCII is
        # `lower`, and the letters and digits of ASCII are `[a-z0-9]` once lowered.
        return _ASCII_TOKEN.findall(text.lower())
    # Chinese text is full of full-width punctuation (`，`, `（`), which sends NFKC down
    # its slow path for the whole text. Replacing those characters by their
    # decomposition first (`，` -> `,`) gives the same result, as NFKC decomposes every
    # character before it recomposes, and the text then passes NFKC's quick check.
    folded = unicodedata.normalize("NFKC", _WIDE.sub(_narrow, text)).casefold()
    return _TOKEN.findall(folded)


def _narrow(match: re.Match[str]) -> str:
    return _WIDE_FORMS[match[0]]


def shingles(words: Sequence[str]) -> frozenset[int]:
    """The hashed `SHINGLE`-token shingles of a token list (the whole list when shorter)."""
    if len(_TOKEN_HASHES) > 1_000_000:
        _TOKEN_HASHES.clear()
    ids = list(map(_TOKEN_HASHES.__getitem__, words))
    if len(ids) < SHINGLE:
        return frozenset((hash(tuple(ids)),)) if ids else frozenset()
    return frozenset(map(hash, zip(*(ids[k:] for k in range(SHINGLE)))))


@dataclass(frozen=True, slots=True)
class Features:
    """What the comparisons read of one text."""

    size: int
    """Number of tokens."""
    key: str
    """The tokens joined by spaces: texts with the same key are the same text, formatting aside."""
    shingles: frozenset[int]
    """The hashed shingles (see `shingles`)."""


# Several rules measure the same texts (an abstract is compared by copied-abstract and
# by one-liner-mismatch, a one-liner is queried and then verified against), so the
# features are kept per text. The budget bounds memory on lists of any size; past it
# the cache starts again empty. Token lists are not kept: a CJK text holds one string
# object per character, several times the text's own size.
SHINGLE_BUDGET = 500_000
"""Shingles kept in the cache (about 40 MB, and the keys a few MB more)."""
_cached_shingles = 0
_FEATURES: dict[str, Features] = {}


def features(text: str) -> Features:
    """The features of a text, computed once per text (see `SHINGLE_BUDGET`)."""
    global _cached_shingles
    found = _FEATURES.get(text)
    if found is None:
        words = tokens(text)
        found = Features(len(words), " ".join(words), shingles(words))
        _cached_shingles += len(found.shingles)
        if _cached_shingles > SHINGLE_BUDGET:
            _FEATURES.clear()
            _cached_shingles = len(found.shingles)
        _FEATURES[text] = found
    return found


def text_shingles(text: str) -> frozenset[int]:
    """The shingles of a text, computed once per text (see `SHINGLE_BUDGET`)."""
    return features(text).shingles


def jaccard(a: Set[int], b: Set[int]) -> float:
    """|a ∩ b| / |a ∪ b|: 1.0 for the same text, near 0 for unrelated texts."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def containment(part: Set[int], whole: Set[int]) -> float:
    """The share of `part`'s shingles found in `whole`: 1.0 when `part` is copied from it."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


def sample(hashes: Set[int], rate: int = SAMPLE_RATE, bottom_k: int = BOTTOM_K) -> set[int]:
    """The content-defined sample of a shingle set (see the module docstring)."""
    picked = {h for h in hashes if h % rate == 0}
    if bottom_k:
        picked.update(heapq.nsmallest(bottom_k, hashes))
    return picked


@dataclass(frozen=True)
class Match:
    """An earlier text near-identical to a later one."""

    index: int
    """Position of the earlier text in the input sequence."""
    similarity: float
    """Jaccard similarity of the two shingle sets, 0..1."""


def near_duplicates(
    texts: Sequence[str | None], threshold: float, *, min_tokens: int = 8
) -> list[list[Match]]:
    """For each text, the earlier texts whose similarity to it is at least `threshold`.

    Texts that are None or have fewer than `min_tokens` tokens are never matched
    (a placeholder like `TBD` is not a copy). Each list is in input order, earliest
    first, at most `MAX_MATCHES` long.
    """
    result: list[list[Match]] = [[] for _ in texts]
    exact: dict[str, list[int]] = {}
    group_of: dict[int, list[int]] = {}
    samples: dict[int, int] = {}
    postings: dict[int, list[int]] = {}
    cache: dict[int, frozenset[int]] = {}
    # Candidates need this share of the smaller sample in common; half the threshold
    # leaves room for sampling noise, and verification removes what is not similar.
    need = threshold / 2

    def full(index: int) -> frozenset[int]:
        found = cache.get(index)
        if found is None:
            if len(cache) > 4096:
                cache.clear()
            found = cache[index] = features(texts[index] or "").shingles
        return found

    for index, text in enumerate(texts):
        if not text:
            continue
        found = features(text)
        if found.size < min_tokens:
            continue
        group = exact.get(found.key)
        if group is not None:
            result[index] = [Match(earlier, 1.0) for earlier in group[:MAX_MATCHES]]
            group.append(index)
            continue
        group = exact[found.key] = [index]
        group_of[index] = group
        hashes = found.shingles
        if len(cache) > 4096:
            cache.clear()
        cache[index] = hashes
        picked = sample(hashes)
        samples[index] = len(picked)
        # The texts sharing each sample, counted once at the end (one Counter call, not one per sample).
        pool: list[int] = []
        for value in picked:
            posting = postings.get(value)
            if posting is None:
                postings[value] = [index]
            elif len(posting) < POSTING_CAP:
                pool += posting
                posting.append(index)
        shared = Counter(pool)
        matches: list[Match] = []
        # `count < need * min(len(picked), samples[other])`, without a call per candidate.
        need_here = need * len(picked)
        for other, count in shared.items():
            if count < need_here and count < need * samples[other]:
                continue
            similarity = jaccard(hashes, full(other))
            if similarity >= threshold:
                # The exact copies of `other` made before now are matches too.
                matches.extend(Match(member, similarity) for member in group_of[other] if member < index)
        if matches:
            matches.sort(key=lambda match: match.index)
            result[index] = matches[:MAX_MATCHES]
    return result


CONTAINMENT_RATE = 4
"""Denser than `SAMPLE_RATE` for `contained`: queries are short (a one-liner has ~30 shingles)."""


def contained(
    queries: Sequence[str], texts: Sequence[str], minimum: float, *, exclude: Sequence[Set[int]] = ()
) -> list[list[tuple[int, float]]]:
    """For each query, the texts holding at least `minimum` of its shingles, best first.

    A hit is `(position of the text in texts, share of the query's shingles it holds)`;
    `exclude[q]` are positions of texts never reported for query `q`.

    How: see the module docstring.
    """
    picks = [sample(text_shingles(query), CONTAINMENT_RATE, 0) for query in queries]
    wanted: set[int] = set().union(*picks)
    postings: dict[int, list[int]] = {}
    for ident, text in enumerate(texts):
        for value in text_shingles(text) & wanted:
            postings.setdefault(value, []).append(ident)
    found: list[list[tuple[int, float]]] = []
    for number, (query, picked) in enumerate(zip(queries, picks)):
        hits: list[tuple[int, float]] = []
        found.append(hits)
        if not picked:
            continue
        pool: list[int] = []
        for value in picked:
            posting = postings.get(value, ())
            if len(posting) <= POSTING_CAP:
                pool += posting
        shared = Counter(pool)
        skip = exclude[number] if exclude else frozenset()
        for ident, count in shared.items():
            if ident in skip or count < minimum / 2 * len(picked):
                continue
            share = containment(text_shingles(query), text_shingles(texts[ident]))
            if share >= minimum:
                hits.append((ident, share))
        hits.sort(key=lambda item: (-item[1], item[0]))
    return found
