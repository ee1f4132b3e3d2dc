"""Mojibake: UTF-8 text that was read through another encoding, and its exact repair."""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import regex

from listlint.base.values import value

# A run of non-ASCII characters, white space excluded: the unit a wrong decoding produces.
_RUN = regex.compile(r"[^\x00-\x7f\s]+")
_HAN = regex.compile(r"\p{Han}")
_LETTER_OR_DIGIT = regex.compile(r"[\p{Latin}\p{N}]")
_LATIN = regex.compile(r"\p{Latin}")
# Characters a repaired run may hold: Latin letters with diacritics (Latin-1 and
# Extended-A, `ș` and `ț`), the plain Greek and Russian alphabets, typographic
# punctuation, super- and subscripts, letterlike symbols, arrows, maths. Rarer
# letters are left out on purpose: `为` would "repair" to `Ϊ` and `系统` to `ϵͳ`.
_PLAUSIBLE = regex.compile(
    r"[\x20-\x7e\u00a0-\u017f\u0218-\u021b\u0391-\u03a9\u03b1-\u03c9\u0410-\u044f"
    r"\u2010-\u205e\u2070-\u209f\u2100-\u21ff\u2200-\u22ff]+"
)
# The first UTF-8 byte of each non-ASCII character _PLAUSIBLE accepts: U+00A0-U+044F
# start with C2-D1, U+2010-U+22FF with E2.
_PLAUSIBLE_LEADS = frozenset([*range(0xC2, 0xD2), 0xE2])
# The lead characters of Latin-1/cp1252 mojibake: a UTF-8 lead byte C2-DF or E2 read as cp1252.
_CP1252_LEADS = frozenset("ÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßâ")
REPLACEMENT = "\ufffd"


@value
class Garble:
    """A run of text that reads as mojibake."""

    start: int
    """0-based offset of the run in the scanned text."""
    end: int
    """0-based offset one past the run (exclusive)."""
    text: str
    """The run as written: `伪`, `Ã©`."""
    codec: str
    """The encoding it was wrongly decoded with: `gbk`, `cp1252`, `latin-1`."""
    repaired: str | None
    """The original characters (`α`, `é`), or None when bytes were lost (`�`)."""


def _plausible(text: str) -> bool:
    return _PLAUSIBLE.fullmatch(text) is not None


def repair_run(run: str) -> tuple[str, str | None] | None:
    """(codec, original) when `run` is an exact UTF-8-through-`codec` round-trip.

    `伪` is GBK for the bytes CE B1, which are UTF-8 for `α`; `Ã©` is cp1252
    for C3 A9, UTF-8 for `é`. The repair must decode strictly and give only
    plausible characters (letters, Greek, arrows...), never Han. A GBK run
    holding `�` lost a byte: ("gbk", None) when the rest reads as GBK
    mojibake of arrows or letters.
    """
    return None if _hopeless(run) else _repair(run)


def _hopeless(run: str) -> bool:
    """A shortcut, true only of runs `_repair` turns away: most runs of real Chinese.

    Repaired bytes start the UTF-8 of a plausible character, so the first byte is a
    lead byte C2-D1 or E2: a GBK run must start with a character whose GBK bytes
    start so, a cp1252 or latin-1 run with one of `_CP1252_LEADS`. A run holding
    `�` is left to `_repair`.
    """
    if REPLACEMENT in run:
        return False
    first = run[0]
    try:
        gbk_lead = first.encode("gbk")[0] in _PLAUSIBLE_LEADS
    except UnicodeError:
        gbk_lead = False
    if first in _CP1252_LEADS:
        return not gbk_lead and _HAN.search(run) is not None
    # Only GBK mojibake is left, which holds Han (the cp1252 and latin-1 trials are for runs without).
    return not gbk_lead or _HAN.search(run) is None


def _repair(run: str) -> tuple[str, str | None] | None:
    """`repair_run` without the shortcut: GBK for a run holding Han, else cp1252, then latin-1."""
    if _HAN.search(run):
        if REPLACEMENT in run:
            pieces = [piece for piece in run.split(REPLACEMENT) if piece]
            return ("gbk", None) if pieces and all(_gbk_prefix(piece) for piece in pieces) else None
        try:
            original = run.encode("gbk").decode("utf-8")
        except UnicodeError:
            return None
        if original != run and _plausible(original) and not _HAN.search(original):
            return "gbk", original
        return None
    for codec in ("cp1252", "latin-1"):
        try:
            original = run.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if original != run and _plausible(original):
            return codec, original
    return None


def _gbk_prefix(piece: str) -> bool:
    """Whether `piece` is GBK mojibake cut short: its bytes start a plausible UTF-8 text."""
    try:
        data = piece.encode("gbk")
        # Not final: `鈫` is E2 86, the first two bytes of `→`, whose third was lost.
        original = codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
    except UnicodeError:
        return False
    return original == "" or _plausible(original) and not _HAN.search(original)


def _glued(text: str, start: int, end: int, pattern: regex.Pattern[str]) -> tuple[bool, bool]:
    """Whether a character of `pattern` touches the run on the left and on the right."""
    left = start > 0 and pattern.match(text[start - 1]) is not None
    right = end < len(text) and pattern.match(text[end]) is not None
    return left, right


def _in_math(text: str, start: int, end: int) -> bool:
    """`$伪$`: the run is the whole of an inline TeX span, where Han never belongs."""
    return start > 0 and end < len(text) and text[start - 1] == "$" and text[end] == "$"


def _hyphened(text: str, start: int, end: int) -> bool:
    """`PIXART-伪,` or `位-Harmonic`: a hyphen joins the run to a Latin word."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (
        len(before) == 2 and before[1] == "-" and _LATIN.match(before[0]) is not None
    ) or (len(after) == 2 and after[0] == "-" and _LATIN.match(after[1]) is not None)


def _between_latin_words(text: str, start: int, end: int) -> bool:
    """`Noah 脫 Donnaile`: a lone run whose neighbouring words on the line are Latin."""
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    return (
        len(before) == 2 and before[1] == " " and _LATIN.match(before[0]) is not None
        and len(after) == 2 and after[0] == " " and _LATIN.match(after[1]) is not None
    )


def _after_hyphenated_name(text: str, start: int, end: int) -> bool:
    """`PixArt-伪,`: a hyphen glues the run to a Latin word and no Han follows."""
    if start < 2 or text[start - 1] != "-" or not regex.match(r"\p{Latin}", text[start - 2]):
        return False
    return end >= len(text) or not _HAN.match(text[end])


def find_garbles(text: str, language: str = "en") -> Iterator[Garble]:
    """Mojibake runs of `text`, judged by where they stand.

    Latin-1/cp1252 mojibake (`Ã©`) never occurs in real text and is always
    reported. GBK mojibake is made of real Han characters (`伪` means
    "false"), so context decides: in an English file the run must touch a
    Latin letter or digit (`N脺WA`, `Omni虏`), be joined to one by a hyphen
    (`位-Harmonic`) or stand alone between Latin words (`Noah 脫 Donnaile`); in a Chinese file it must sit
    between Latin letters (`Pl眉cker`), be a whole `$...$` span (`PixArt-$伪$`),
    or follow a hyphenated Latin name with no Han after it (`PixArt-伪:`).
    """
    # Each distinct run is judged once (Chinese prose repeats `的`, `模型`), and
    # where none repairs (most texts) the runs' places are never looked up.
    repairs = {run: repair_run(run) for run in set(_RUN.findall(text))}
    if all(found is None for found in repairs.values()):
        return
    for match in _RUN.finditer(text):
        run = match.group()
        found = repairs[run]
        if found is None:
            continue
        codec, original = found
        start, end = match.span()
        if codec == "gbk":
            if language == "zh":
                # Chinese prose glues Han to names and numbers (`PYOCO为90%`): only
                # letters on both sides make a word of it.
                left, right = _glued(text, start, end, _LATIN)
                wrong = (
                    (left and right)
                    or _in_math(text, start, end)
                    or _after_hyphenated_name(text, start, end)
                )
            else:
                left, right = _glued(text, start, end, _LETTER_OR_DIGIT)
                wrong = (
                    left
                    or right
                    or _hyphened(text, start, end)
                    or _between_latin_words(text, start, end)
                    or _in_math(text, start, end)
                )
            if not wrong:
                continue
        yield Garble(start, end, run, codec, original)


def repair_text(text: str, language: str = "en") -> str:
    """`text` with every repairable mojibake run restored (for comparing values)."""
    if text.isascii():
        return text  # a run is non-ASCII
    pieces = []
    position = 0
    for garble in find_garbles(text, language):
        if garble.repaired is None:
            continue
        pieces.append(text[position : garble.start])
        pieces.append(garble.repaired)
        position = garble.end
    pieces.append(text[position:])
    return "".join(pieces)
