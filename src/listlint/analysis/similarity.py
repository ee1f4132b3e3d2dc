"""Find near-identical texts among many, fast: shingles, content-defined samples, verification.

How it works (and why it is sub-quadratic):

1. Normalise: NFKC, case-fold, keep only letters and digits. Latin text is cut into
   words; CJK text (Han, kana, Hangul), which has no spaces, into single characters.
   Mixed text gives one token stream: `视频 VAE 把` -> `视`, `频`, `vae`, `把`.
   (ASCII text reaches the same tokens by a shortcut: lower-case, split at the rest.)
   The tokens joined by single spaces are the text's key (`features`).
2. Exact copies: texts with equal keys are grouped by a dict, O(n).
3. Sample: a text's sample is those of its shingles (runs of `SHINGLE` consecutive
   tokens) whose first token is of a chosen kind, told by its last character (one of
   a few ASCII letters and digits; of other letters, CJK characters included, those in
   a chosen quarter of the code points): about one shingle in four. One regex `findall` over the key
   picks them as strings (`"w1 w2 w3"`), so no shingle is hashed in Python and results
   do not depend on PYTHONHASHSEED. Two texts that share most shingles share most
   samples, because a shingle is sampled or not by its own content, whichever text it
   sits in; and the sample of a copied part is a subset of the sample of the whole.
4. Candidates: `near_duplicates` indexes each text by half its sample (the samples
   whose last character has a chosen bit), or by every shingle when that gives fewer
   than `MIN_SAMPLES`, so short texts are never unsampled. An inverted index from
   sample to texts finds the texts sharing samples; a sample already held by
   `POSTING_CAP` texts is a common phrase ("in this paper we") and stops producing
   candidates, which bounds the work per text.
5. Verify: each candidate pair is measured with the real similarity on the full
   shingle sets (tuples of tokens, built only for the texts of candidate pairs), so
   sampling can only cost recall, never precision.

This is MinHash-LSH's idea with one content-defined choice instead of dozens of hash
permutations: pure Python hashing of every shingle even once costs more than the rest.

`contained` answers the other question, which texts hold most of a short text: each
query's whole sample is looked for, and the texts are indexed only by the samples
some query has; a candidate is verified by looking for each of the query's shingles
in the text's key (a substring search). A query with no sample (rare from about 8
tokens on) finds nothing.

`shared_passages` measures one pair: the share of a text made of long runs (a dozen
words) that another text holds too, so that a pasted half of an abstract counts and
the phrases every abstract uses do not.

What the search reads of a text (`features`: its tokens counted and joined, its
sample) is computed once per text and kept within a budget, so the rules that compare
the same texts (copied-abstract, one-liner-mismatch, ...) share it.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence, Set
from itertools import compress
from operator import itemgetter

from listlint.base.compat import POSSESSIVE
from listlint.base.values import value

SHINGLE = 3
"""Tokens per shingle: three words of Latin text, three characters of CJK text."""
MIN_SAMPLES = 4
"""A text `near_duplicates` would index by fewer samples than this is indexed by every shingle."""
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
# Runs of CJK characters, kept by `split` (its group): each character is a token.
_CJK_RUNS = re.compile(f"([{_CJK}]+)")
# Between them, the runs of other letters and digits (`\W` and `_` excluded).
_WORD = re.compile(r"[^\W_]+")
# ASCII letters and digits to lower case, every other ASCII character to a space.
_ASCII_FOLD = str.maketrans({chr(code): chr(code).lower() if chr(code).isalnum() else " " for code in range(128)})
# Full-width ASCII (`，` `（` `Ａ`), the ideographic space and `…`, each to its NFKD.
_WIDE = re.compile("[\uff01-\uff5e\u3000\u2026]")
_WIDE_FORMS = {
    char: unicodedata.normalize("NFKD", char) for char in [*map(chr, range(0xFF01, 0xFF5F)), "\u3000", "\u2026"]
}
_COMMON_WIDE = [(char, _WIDE_FORMS[char]) for char in "，（）：；"]


def tokens(text: str) -> list[str]:
    """The normalised tokens of a text: words of Latin text, single CJK characters."""
    if text.isascii():
        # The same tokens, cheaper: NFKC leaves ASCII as it is, `casefold` of ASCII is
        # `lower`, and the letters and digits of ASCII are `[a-z0-9]` once lowered; a
        # table maps the others to spaces, and `split` cuts there (twice `findall`'s speed).
        return text.translate(_ASCII_FOLD).split()
    # Chinese text is full of full-width punctuation (`，`, `（`), which sends NFKC down
    # its slow path for the whole text. Replacing those characters by their
    # decomposition first (`，` -> `,`) gives the same result, as NFKC decomposes every
    # character before it recomposes, and the text then passes NFKC's quick check.
    # The five that make nearly all of them go by `str.replace`, without a Python call each.
    for wide, narrow in _COMMON_WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    folded = unicodedata.normalize("NFKC", _WIDE.sub(_narrow, text)).casefold()
    # A CJK character alone, or a run of other letters and digits. Split at the runs of
    # CJK characters (one class with CJK ranges is compiled, not three: `re` visits
    # every code point of a range, a few ms each): a run becomes its characters by
    # `list.extend`, without a match object each; ASCII between them takes the shortcut.
    found: list[str] = []
    pieces = iter(_CJK_RUNS.split(folded))
    for other in pieces:
        if other.isascii():
            found += other.translate(_ASCII_FOLD).split()
        else:
            found += _WORD.findall(other)
        found += next(pieces, "")
    return found


def _narrow(match: re.Match[str]) -> str:
    return _WIDE_FORMS[match[0]]


def shingles(words: Sequence[str]) -> frozenset[tuple[str, ...]]:
    """The `SHINGLE`-token shingles of a token list (the whole list when shorter)."""
    if len(words) < SHINGLE:
        return frozenset((tuple(words),)) if words else frozenset()
    return frozenset(zip(*(words[k:] for k in range(SHINGLE))))


# A shingle is sampled when its first token is of a chosen kind, told by the token's
# last character (first letters are far more alike: `w1`, `w2`, ... or `the`, `this`,
# `that`): an ASCII one of `_SAMPLED_ENDS` (about 1/4 of the words of English abstracts
# end so: `-ing`, `-al`, ...), or another character in the first block of four code
# points of every four of `_SAMPLED_BLOCKS` (about 1/4 of the characters of Chinese
# abstracts; and words of other scripts: Greek, Cyrillic, Arabic, ...). Only BMP
# characters are listed: a class holding characters beyond it is tested by a scan of
# its items instead of a bitmap (~200x slower).
_SAMPLED_ENDS = "ghklmprwxy0123456789"
_SAMPLED_BLOCKS = (
    (0x00C0, 0x1FFF),  # Latin-1 letters to Greek Extended
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),  # the BMP part of `_CJK`
)


@functools.cache
def _sampler() -> re.Pattern[str]:
    """The sampled shingles of `" " + key`, as strings: one `findall`, matches may overlap.

    Compiled on first use, not at import: the class lists ~1500 ranges (a few ms).
    """
    blocks = "".join(
        f"{chr(first)}-{chr(min(first + 3, last))}"
        for begin, last in _SAMPLED_BLOCKS
        for first in range(begin, last + 1, 16)
    )
    # Each match is the space before a token; the lookahead reads the shingle from it
    # without consuming it, so the next shingle can start at the next token. The
    # possessive `[^ ]++` takes a whole token, and the lookbehind tests the first
    # token's last character once (no backtracking through the token).
    token = "[^ ]+" + POSSESSIVE
    return re.compile(f" (?=({token}(?<=[{_SAMPLED_ENDS}{blocks}]) {token} {token}))")


_EVERY_SHINGLE = re.compile(" (?=([^ ]+ [^ ]+ [^ ]+))")


def sample(key: str) -> list[str]:
    """The content-defined sample of a text's shingles (see the module docstring).

    `key` is the text's key (`Features.key`); shingles are strings `"w1 w2 w3"`, each
    once, in text order.
    """
    return list(dict.fromkeys(_sampler().findall(" " + key)))


@value(slots=True)
class Features:
    """What the comparisons read of one text."""

    size: int
    """Number of tokens."""
    key: str
    """The tokens joined by single spaces: texts with the same key are the same text, formatting aside."""
    sampled: str
    """The content-defined sample of its shingles (`sample`), joined by newlines (tokens
    hold none): one string instead of one object per shingle, a third of the memory."""

    @property
    def samples(self) -> list[str]:
        """The sample's shingles, in text order, each once."""
        return self.sampled.split("\n") if self.sampled else []


# Several rules measure the same texts (an abstract is compared by copied-abstract and
# by one-liner-mismatch, a one-liner is queried and then verified against), so the
# features are kept per text. Token lists are not kept: a CJK text holds one string
# object per character, several times the text's own size.
FEATURE_BUDGET = 700_000_000
"""The bytes the cache may hold, about: each text, its key and its sample, and the
objects around them. The near-copy rules read the same texts in the same order, so a
cache that cannot hold them all misses every time, and every text is tokenised once per
rule; like the per-entry caches (`caches.PER_ENTRY`), this one holds a list a hundred
times the corpus's size (the corpus's 4142 compared texts take 6.3 MB; such a list
about 640 MB, a small part of what its entries take). Past the budget the cache starts
again empty: memory stays bounded on a list of any size."""
_cached_bytes = 0
_FEATURES: dict[str, Features] = {}


def features(text: str) -> Features:
    """The features of a text, computed once per text (see `FEATURE_BUDGET`)."""
    return _read(text)[0]


def _read(text: str) -> tuple[Features, list[str]]:
    """The features of a text and its sample's shingles: the list just found when the
    text is new, so the search does not split what it has just joined."""
    global _cached_bytes
    found = _FEATURES.get(text)
    if found is not None:
        return found, found.samples
    words = tokens(text)
    key = " ".join(words)
    samples = sample(key)
    sampled = "\n".join(samples)
    found = Features(len(words), key, sampled)
    # Two bytes a character for the key and sample of a non-ASCII text (CJK), and
    # the text itself, which the cache keeps as its key, at the same rate.
    cost = 300 + (len(text) + len(key) + len(sampled)) * (1 if key.isascii() else 2)
    _cached_bytes += cost
    if _cached_bytes > FEATURE_BUDGET:
        _FEATURES.clear()
        _cached_bytes = cost
    _FEATURES[text] = found
    return found, samples


def text_shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The shingles of a text (see `shingles`), built only for texts that are measured."""
    return _key_shingles(features(text).key)


# Kept for the texts measured again and again (an earlier text is the candidate of many
# later ones); 512 abstracts' shingle sets are ~10 MB.
@functools.lru_cache(maxsize=512)
def _key_shingles(key: str) -> frozenset[tuple[str, ...]]:
    return shingles(key.split(" ") if key else [])


def jaccard(a: Set[tuple[str, ...]], b: Set[tuple[str, ...]]) -> float:
    """|a ∩ b| / |a ∪ b|: 1.0 for the same text, near 0 for unrelated texts."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def containment(part: Set[tuple[str, ...]], whole: Set[tuple[str, ...]]) -> float:
    """The share of `part`'s shingles found in `whole`: 1.0 when `part` is copied from it."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


_LAST = itemgetter(-1)


def _index_sample(found: Features, samples: list[str]) -> set[str]:
    """The samples `near_duplicates` indexes a text by (see the module docstring).

    The half of its samples whose last character has bit 2 set, or every shingle of a
    text with fewer than `MIN_SAMPLES` of those. The test runs in C: iterators from
    `operator`, `map` and `compress`, no Python code per sample.
    """
    picked = set(compress(samples, map((4).__and__, map(ord, map(_LAST, samples)))))
    if len(picked) < MIN_SAMPLES:
        picked = set(_EVERY_SHINGLE.findall(" " + found.key)) or {found.key}
    return picked


@value
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
    # Each indexed text's key, held for the call: verification reads it again, and on a
    # list too large for the features cache, `features` would tokenise the text anew.
    keys: dict[int, str] = {}
    exact: dict[str, list[int]] = {}
    group_of: dict[int, list[int]] = {}
    samples: dict[int, int] = {}
    # The posting of a sample: the first text holding it, then the others, if any.
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    # Candidates need this share of the smaller sample in common; half the threshold
    # leaves room for sampling noise, and verification removes what is not similar.
    need = threshold / 2
    # The fewest samples of a text indexed so far (a short text's every shingle may be fewer).
    smallest = MIN_SAMPLES

    for index, text in enumerate(texts):
        if not text:
            continue
        found, found_samples = _read(text)
        if found.size < min_tokens:
            continue
        group = exact.get(found.key)
        if group is not None:
            result[index] = [Match(earlier, 1.0) for earlier in group[:MAX_MATCHES]]
            group.append(index)
            continue
        group = exact[found.key] = [index]
        group_of[index] = group
        keys[index] = found.key
        picked = _index_sample(found, found_samples)
        samples[index] = len(picked)
        smallest = min(smallest, len(picked))
        # Most samples are new: set operations (C speed) file them; only the samples
        # earlier texts hold are visited one by one. The order they are visited in
        # changes nothing: each posting lists its texts in input order.
        held = first.keys() & picked
        first.update(dict.fromkeys(picked - held, index))
        # The texts sharing each sample, counted once at the end (one Counter call, not one per sample).
        pool: list[int] = []
        for value in held:
            others = more.get(value)
            if others is None:
                pool.append(first[value])
                more[value] = [index]
            elif len(others) < POSTING_CAP - 1:
                pool.append(first[value])
                pool += others
                others.append(index)
        if not pool:
            continue
        matches: list[Match] = []
        # `count < need * min(len(picked), samples[other])`, without a call per candidate.
        need_here = need * len(picked)
        # Most texts share a sample or two with this one by chance; no pair with fewer
        # in common than `floor` is a candidate, and those come last in `most_common`.
        floor = need * min(len(picked), smallest)
        for other, count in Counter(pool).most_common():
            if count < floor:
                break
            if count < need_here and count < need * samples[other]:
                continue
            similarity = jaccard(_key_shingles(found.key), _key_shingles(keys[other]))
            if similarity >= threshold:
                # The exact copies of `other` made before now are matches too.
                matches.extend(Match(member, similarity) for member in group_of[other] if member < index)
        if matches:
            matches.sort(key=lambda match: match.index)
            result[index] = matches[:MAX_MATCHES]
    return result


def contained(
    queries: Sequence[str],
    texts: Sequence[str],
    minimum: float,
    *,
    exclude: Sequence[Set[int]] = (),
    min_tokens: int = 0,
) -> list[list[tuple[int, float]]]:
    """For each query, the texts holding at least `minimum` of its shingles, best first.

    A hit is `(position of the text in texts, share of the query's shingles it holds)`;
    `exclude[q]` are positions of texts never reported for query `q`. Queries and
    texts of fewer than `min_tokens` tokens are not compared.

    How: see the module docstring. Each text's features are read once, here: on a
    list too large for the features cache a second pass would tokenise it again.
    """
    picks = []
    query_keys = []
    # The queries' features, held for the call: queries are often among the texts too,
    # and on a list too large for the features cache they would be tokenised again.
    of_query: dict[str, tuple[Features, list[str]]] = {}
    for query in queries:
        found, found_samples = of_query[query] = _read(query)
        picks.append(found_samples if found.size >= min_tokens else [])
        query_keys.append(found.key)
    wanted: set[str] = set().union(*picks)
    postings: dict[str, list[int]] = {}
    # Each compared text's key, held for the call (as in `near_duplicates`): a candidate
    # is verified against it.
    keys: dict[int, str] = {}
    for ident, text in enumerate(texts):
        found, found_samples = of_query.get(text) or _read(text)
        if found.size < min_tokens:
            continue
        filed = wanted.intersection(found_samples)
        if not filed:
            continue  # never a candidate
        keys[ident] = found.key
        # Each posting gets its texts in order, whatever order the set gives the samples in.
        for value in filed:
            posting = postings.setdefault(value, [])
            posting.append(ident)
            if len(posting) > POSTING_CAP:
                # A common phrase, which finds no candidates (below): later texts
                # are not filed under it. On a large list most filing was theirs.
                wanted.discard(value)
    found: list[list[tuple[int, float]]] = []
    for number, (query_key, picked) in enumerate(zip(query_keys, picks)):
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
        share_in: Callable[[str], float] | None = None
        for ident, count in shared.items():
            if ident in skip or count < minimum / 2 * len(picked):
                continue
            if share_in is None:
                share_in = _share_of(query_key)
            share = share_in(keys[ident])
            if share >= minimum:
                hits.append((ident, share))
        hits.sort(key=lambda item: (-item[1], item[0]))
    return found


def _share_of(part_key: str) -> Callable[[str], float]:
    """`containment` of a part's shingles in a text, for one part (of `SHINGLE` tokens
    or more: it has a sample) and many texts; both are given by their keys.

    A shingle `w1 w2 w3` is in a text when `" w1 w2 w3 "` is in `" " + key + " "`
    (tokens hold no spaces): a few substring searches instead of the text's shingle set.
    """
    needles = [f" {shingle} " for shingle in dict.fromkeys(_EVERY_SHINGLE.findall(" " + part_key))]

    def share(key: str) -> float:
        return len(list(filter(f" {key} ".__contains__, needles))) / len(needles)

    return share


MIN_PASSAGE = 12
"""Tokens a run of shared text needs to count as a passage, a CJK character counting
half: a dozen words, or two dozen characters of Chinese (a short clause), is past what
two abstracts share by phrasing alone (`in this paper we propose a novel`, `文本到图像生成`)."""
_ONE_CJK = re.compile(f"[{_CJK}]")


def passage_share(part: str, whole: str, min_run: float = MIN_PASSAGE) -> float:
    """The share of `part`'s tokens that sit in passages also found in `whole` (see `shared_passages`)."""
    return shared_passages(part, whole, min_run)[0]


def shared_passages(part: str, whole: str, min_run: float = MIN_PASSAGE) -> tuple[float, list[str]]:
    """The share of `part`'s tokens that sit in passages also found in `whole`, and those tokens.

    A passage is a run of `part`'s tokens each of whose shingles `whole` holds, weighing
    at least `min_run` (a word weighs 1, a CJK character 1/2); shorter shared runs are
    common phrases and count for nothing. Shares weigh tokens the same way, so a
    Chinese text with an English passage pasted in is measured fairly.
    """
    words = features(part).key.split(" ")
    held = text_shingles(whole)
    weights = [0.5 if _ONE_CJK.match(word) else 1.0 for word in words]
    total = sum(weights)
    if not total or len(words) < SHINGLE:
        return 0.0, []
    found = 0.0
    passages: list[str] = []
    start = None
    # Each shingle `whole` holds marks its tokens; a run of marked shingles is a passage.
    for at in range(len(words) - SHINGLE + 2):
        inside = at <= len(words) - SHINGLE and tuple(words[at : at + SHINGLE]) in held
        if inside and start is None:
            start = at
        elif not inside and start is not None:
            run = sum(weights[start : at - 1 + SHINGLE])
            if run >= min_run:
                found += run
                passages += words[start : at - 1 + SHINGLE]
            start = None
    return found / total, passages
