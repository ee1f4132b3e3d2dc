"""Which language a piece of prose is in, by the share of each script: Han, kana, Hangul, Latin."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Literal

import regex

from listlint.base.compat import POSSESSIVE
from listlint.base.values import value

ProseLanguage = Literal["en", "zh", "ja", "ko"]

# Runs of Han: counting their lengths is several times faster than one match per character.
_HAN_RUN = regex.compile(r"\p{Han}+")
# Hiragana and katakana, which Chinese never writes: the middle dot `・` and the long
# vowel mark `ー` are of no script (Chinese names use the dot too) and are not counted.
_KANA_RUN = regex.compile(r"[\p{Hiragana}\p{Katakana}]+")
# Korean is written with spaces between words, so a run of Hangul is one word.
_HANGUL_WORD = regex.compile(r"\p{Hangul}+")
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

JAPANESE_PER_WORD = 2.7
"""Han and kana characters of Japanese that carry what one English word carries.

Not calibrated on a list (the corpus has no Japanese): Japanese spells out in kana
the endings and particles that Chinese leaves out, some 1.5 times as many characters
for the same text, so 1.5 x HAN_PER_WORD.
"""

KANA_MIN_SHARE = 0.2
"""The share of kana among a text's Han and kana characters from which it is Japanese.

Japanese prose is about half kana (its particles and endings: `の`, `は`, `します`),
a third in kanji-heavy technical text; a Chinese text holds none, but for a Japanese
name quoted now and then (`提出 ポケモン 新的视频生成方法` is 4 kana in 28).
"""


@value
class ScriptShare:
    """How much of a text is written in each script: Han, kana, Hangul and Latin."""

    han: int
    """Number of Han characters (Chinese, or the kanji of Japanese text)."""
    latin_words: int
    """Number of Latin words (`U-Net` and `3D` are one word each)."""
    kana: int = 0
    """Number of hiragana and katakana characters."""
    hangul_words: int = 0
    """Number of Korean words (runs of Hangul)."""

    @property
    def japanese(self) -> bool:
        """Whether the Han of the text is Japanese: kana make at least KANA_MIN_SHARE of it."""
        return self.kana > 0 and self.kana >= KANA_MIN_SHARE * (self.han + self.kana)

    @functools.cached_property
    def _weights(self) -> dict[ProseLanguage, float]:
        """The length of the text written in each language, in English-word equivalents
        (read several times for each piece a file's language is judged on: kept)."""
        if self.japanese:
            chinese, japanese = 0.0, (self.han + self.kana) / JAPANESE_PER_WORD
        else:
            # A stray kana in Chinese text carries no Chinese.
            chinese, japanese = self.han / HAN_PER_WORD, 0.0
        return {"en": float(self.latin_words), "zh": chinese, "ja": japanese, "ko": float(self.hangul_words)}

    @functools.cached_property
    def units(self) -> float:
        """Length in English-word equivalents: words plus Han characters / HAN_PER_WORD
        (Japanese text: Han and kana / JAPANESE_PER_WORD)."""
        return sum(self._weights.values())

    def share(self, language: ProseLanguage) -> float:
        """The share of the text's length (in units) written in `language`, from 0.0 to 1.0."""
        total = self.units
        return self._weights[language] / total if total else 0.0

    @property
    def han_share(self) -> float:
        """The share of the text's length (in units) written in Chinese, from 0.0 to 1.0.

        Chinese prose naturally names models and terms in Latin script:
        `提出 Space-Time U-Net 架构` has 4 Han characters and 2 words, a share
        of (4 / 1.8) / (4 / 1.8 + 2) = 0.53; typical Chinese fields of the
        corpus lie above 0.6, English ones below 0.1. Japanese text has none:
        its kanji are not Chinese.
        """
        return self.share("zh")

    def main_language(self, besides: str | None = None) -> ProseLanguage:
        """The language most of the text is written in, `besides` left out (English on a tie)."""
        weights = self._weights
        return max((language for language in weights if language != besides), key=lambda lang: weights[lang])


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
    """Count Han and kana characters, Latin and Korean words of the prose in `text` (an
    abstract is measured by mixed-language-field and truncated-translation: counted once)."""
    prose = prose_only(text)
    if prose.isascii():
        return ScriptShare(0, len(_ASCII_WORD.findall(prose)))
    return ScriptShare(
        sum(map(len, _HAN_RUN.findall(prose))),
        len(LATIN_WORD.findall(prose)),
        sum(map(len, _KANA_RUN.findall(prose))),
        len(_HANGUL_WORD.findall(prose)),
    )


def prose_language(
    text: str,
    *,
    chinese_min_share: float = 0.3,
    english_max_share: float = 0.1,
    min_units: float = 3.0,
) -> ProseLanguage | None:
    """`zh`, `ja`, `ko`, `en`, or None when the text is too short or too mixed to say.

    Text is Chinese (Japanese, Korean) when at least `chinese_min_share` of it
    is written in that language, English when at most `english_max_share` is
    written in another script; fewer than `min_units` words (or their Han
    equivalent) say nothing. Text with kana is Japanese, never Chinese.
    """
    share = script_share(text)
    if share.units < min_units:
        return None
    other = share.main_language(besides="en")
    if share.share(other) >= chinese_min_share:
        return other
    if 1.0 - share.share("en") <= english_max_share:
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
    units = {"zh": 0.0, "en": 0.0, "ja": 0.0, "ko": 0.0}
    for piece in pieces:
        language = prose_language(piece, min_units=1.0)
        if language is not None:
            units[language] += script_share(piece).units
    judged = sum(units.values())
    if judged < MIN_FILE_UNITS:
        return None
    for language in units:
        if units[language] >= NEARLY_ALL * judged:
            return language  # type: ignore[return-value]
    return None
