"""Which language a piece of prose is in, by the share of Han characters against Latin words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal

import regex

from listlint.base.compat import POSSESSIVE
from listlint.base.values import value

ProseLanguage = Literal["en", "zh"]

# Runs of Han: counting their lengths is several times faster than one match per character.
_HAN_RUN = regex.compile(r"\p{Han}+")
# A Latin word: `Transformer`, `U-Net`, `text-to-image`, `3D` (digits glued to letters count).
LATIN_WORD = regex.compile(r"[\p{N}]*\p{Latin}[\p{Latin}\p{N}'’]*(?:-[\p{Latin}\p{N}]+)*")
# What carries no prose: link targets, bare URLs, code spans, TeX, tags, entities.
_NOT_PROSE = regex.compile(
    r"\]\([^)\s]*\)|<?https?://[^\s)>]+>?|`[^`\n]*`|\$[^$\n]{1,80}\$|</?[A-Za-z][^<>\n]*>|&#?\w+;"
)

HAN_PER_WORD = 1.8
"""Han characters that carry what one English word carries.

Calibrated on the corpus's 582 abstract pairs (README.md against README_zh.md):
the Chinese abstracts hold a median of 1.8 Han characters per word of the
English one. A Han character therefore weighs 1/1.8 of a Latin word.
"""


@value
class ScriptShare:
    """How much of a text is written in Han characters and how much in Latin words."""

    han: int
    """Number of Han characters."""
    latin_words: int
    """Number of Latin words (`U-Net` and `3D` are one word each)."""

    @property
    def units(self) -> float:
        """Length in English-word equivalents: words plus Han characters / HAN_PER_WORD."""
        return self.latin_words + self.han / HAN_PER_WORD

    @property
    def han_share(self) -> float:
        """The share of the text's length (in units) written in Han, from 0.0 to 1.0.

        Chinese prose naturally names models and terms in Latin script:
        `提出 Space-Time U-Net 架构` has 4 Han characters and 2 words, a share
        of (4 / 1.8) / (4 / 1.8 + 2) = 0.53; typical Chinese fields of the
        corpus lie above 0.6, English ones below 0.1.
        """
        total = self.units
        return (self.han / HAN_PER_WORD) / total if total else 0.0


# Every match of _NOT_PROSE holds one of these; most prose holds none, and six
# substring tests are far cheaper than the substitution.
_NOT_PROSE_MARKS = ("](", "http", "`", "$", "<", "&")


def prose_only(text: str) -> str:
    """The text without URLs, link targets, code spans, TeX and HTML tags."""
    if not any(mark in text for mark in _NOT_PROSE_MARKS):
        return text
    return _NOT_PROSE.sub(" ", text)


# For ASCII text (most English fields) the stdlib `re` gives the same counts
# several times faster than the Unicode-script patterns.
# Possessive where `re` has it (3.11+): no part of a word ever gives characters back, so
# none is remembered. The greedy form finds the same words, only more slowly.
_ASCII_WORD = re.compile(
    r"[0-9]*{p}[A-Za-z][A-Za-z0-9']*{p}(?:-[A-Za-z0-9]+)*{p}".format(p=POSSESSIVE)
)


@functools.lru_cache(maxsize=4096)
def script_share(text: str) -> ScriptShare:
    """Count Han characters and Latin words of the prose in `text` (an abstract is measured
    by mixed-language-field and truncated-translation: counted once)."""
    prose = prose_only(text)
    if prose.isascii():
        return ScriptShare(0, len(_ASCII_WORD.findall(prose)))
    return ScriptShare(sum(map(len, _HAN_RUN.findall(prose))), len(LATIN_WORD.findall(prose)))


def prose_language(
    text: str,
    *,
    chinese_min_share: float = 0.3,
    english_max_share: float = 0.1,
    min_units: float = 3.0,
) -> ProseLanguage | None:
    """`zh`, `en`, or None when the text is too short or too mixed to say.

    Text is Chinese when at least `chinese_min_share` of it is Han, English
    when at most `english_max_share` is; fewer than `min_units` words (or
    their Han equivalent) say nothing.
    """
    share = script_share(text)
    if share.units < min_units:
        return None
    if share.han_share >= chinese_min_share:
        return "zh"
    if share.han_share <= english_max_share:
        return "en"
    return None


def length_units(text: str) -> float:
    """The length of the prose in English-word equivalents (see HAN_PER_WORD)."""
    return script_share(text).units


NEARLY_ALL = 0.85
"""A file is in one language by its content when at least this share of its judged prose is.

Measured on the home list and the field sample: English lists hold at most 2% of
their prose in Chinese pieces, Chinese ones at least 89% (a Chinese list into which
17 of 22 one-liners were pasted in English included); a bilingual file lies between."""
MIN_FILE_UNITS = 30.0
"""Less prose than this (in English-word equivalents) says nothing about a file."""


def nearly_all_language(pieces: Iterable[str]) -> ProseLanguage | None:
    """The language nearly all of these pieces of prose are in, weighed by length, else None.

    Each piece (a field, a line) is judged on its own, so the Latin names Chinese prose
    holds do not make it mixed; a piece too mixed to judge counts for neither.
    """
    units = {"zh": 0.0, "en": 0.0}
    for piece in pieces:
        language = prose_language(piece, min_units=1.0)
        if language is not None:
            units[language] += script_share(piece).units
    judged = units["zh"] + units["en"]
    if judged < MIN_FILE_UNITS:
        return None
    for language in ("zh", "en"):
        if units[language] >= NEARLY_ALL * judged:
            return language  # type: ignore[return-value]
    return None
