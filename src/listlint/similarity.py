"""Find near-identical texts among many, fast: shingles, content-defined samples, verification.

How it works (and why it is sub-quadratic):

1. Normalise: NFKC, case-fold, keep only letters and digits. Latin text is cut into
   words; CJK text (Han, kana, Hangul), which has no spaces, into single characters.
   Mixed text gives one token stream: `视频 VAE 把` -> `视`, `频`, `vae`, `把`.
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
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Sequence, Set
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


class _TokenHashes(dict[str, int]):
    """Token -> stable 32-bit hash, computed once per distinct token."""

    def __missing__(self, token: str) -> int:
        value = zlib.crc32(token.encode("utf-8"))
        self[token] = value
        return value


_TOKEN_HASHES = _TokenHashes()

# Several rules measure the same texts (an abstract is compared by copied-abstract and
# by one-liner-mismatch, a one-liner is queried and then verified against), so shingles
# are kept per text. The budget bounds memory on lists of any size; past it the cache
# starts again empty. Token lists are not kept: a CJK text holds one string object per
# character, several times the text's own size.
SHINGLE_BUDGET = 500_000
"""Shingles kept in the cache (about 40 MB)."""
_cached_shingles = 0
_SHINGLES: dict[str, frozenset[int]] = {}


def tokens(text: str) -> list[str]:
    """The normalised tokens of a text: words of Latin text, single CJK characters."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _TOKEN.findall(folded)


def shingles(words: Sequence[str]) -> frozenset[int]:
    """The hashed `SHINGLE`-token shingles of a token list (the whole list when shorter)."""
    if len(_TOKEN_HASHES) > 1_000_000:
        _TOKEN_HASHES.clear()
    ids = list(map(_TOKEN_HASHES.__getitem__, words))
    if len(ids) < SHINGLE:
        return frozenset((hash(tuple(ids)),)) if ids else frozenset()
    return frozenset(map(hash, zip(*(ids[k:] for k in range(SHINGLE)))))


def text_shingles(text: str, words: Sequence[str] | None = None) -> frozenset[int]:
    """The shingles of a text, computed once per text (see `SHINGLE_BUDGET`).

    `words` are `tokens(text)` when the caller has them already.
    """
    global _cached_shingles
    found = _SHINGLES.get(text)
    if found is None:
        found = shingles(tokens(text) if words is None else words)
        _cached_shingles += len(found)
        if _cached_shingles > SHINGLE_BUDGET:
            _SHINGLES.clear()
            _cached_shingles = len(found)
        _SHINGLES[text] = found
    return found


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
            found = cache[index] = text_shingles(texts[index] or "")
        return found

    for index, text in enumerate(texts):
        if not text:
            continue
        words = tokens(text)
        if len(words) < min_tokens:
            continue
        key = " ".join(words)
        group = exact.get(key)
        if group is not None:
            result[index] = [Match(earlier, 1.0) for earlier in group[:MAX_MATCHES]]
            group.append(index)
            continue
        group = exact[key] = [index]
        group_of[index] = group
        hashes = text_shingles(text, words)
        if len(cache) > 4096:
            cache.clear()
        cache[index] = hashes
        picked = sample(hashes)
        samples[index] = len(picked)
        shared: Counter[int] = Counter()
        for value in picked:
            posting = postings.get(value)
            if posting is None:
                postings[value] = [index]
            elif len(posting) < POSTING_CAP:
                shared.update(posting)
                posting.append(index)
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


class ContainmentIndex:
    """Texts indexed so that a query finds those it was copied from, even in part.

    Only the modulo sample is indexed (no bottom-k): the sample of a copied part is
    then a subset of the sample of the whole, which bottom-k would not guarantee.
    """

    RATE = 4
    """Denser than `SAMPLE_RATE`: queries are short (a one-liner has ~30 shingles)."""

    def __init__(self) -> None:
        # Texts, not shingle sets: only the few candidates of a query are verified,
        # so keeping every set in memory would cost more than recomputing those.
        self._texts: list[str] = []
        self._postings: dict[int, list[int]] = {}

    def add(self, text: str, words: Sequence[str] | None = None) -> int:
        """Index a text (`words`: its tokens, when known); returns its id (ids count up from 0)."""
        ident = len(self._texts)
        self._texts.append(text)
        for value in sample(text_shingles(text, words), self.RATE, 0):
            self._postings.setdefault(value, []).append(ident)
        return ident

    def query(self, text: str, minimum: float, *, exclude: Iterable[int] = ()) -> list[tuple[int, float]]:
        """Ids of indexed texts holding at least `minimum` of the text's shingles, best first."""
        hashes = text_shingles(text)
        picked = sample(hashes, self.RATE, 0)
        if not picked:
            return []
        shared: Counter[int] = Counter()
        for value in picked:
            posting = self._postings.get(value)
            if posting is not None and len(posting) <= POSTING_CAP:
                shared.update(posting)
        skip = set(exclude)
        found = []
        for ident, count in shared.items():
            if ident in skip or count < minimum / 2 * len(picked):
                continue
            share = containment(hashes, text_shingles(self._texts[ident]))
            if share >= minimum:
                found.append((ident, share))
        found.sort(key=lambda item: (-item[1], item[0]))
        return found
