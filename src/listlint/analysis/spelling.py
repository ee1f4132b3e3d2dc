"""How two spellings of one name, title or venue differ: accents, case, word order, a letter or a word."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence

_NUMBER = re.compile(r"\d+")


def strip_accents(text: str) -> str:
    """`Jérôme` -> `Jerome`: letters without their combining marks."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether the edit distance of `a` and `b` is at most `limit` (a band of the table)."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i] + [limit + 1] * len(b)
        low, high = max(1, i - limit), min(len(b), i + limit)
        for j in range(low, high + 1):
            current[j] = min(
                previous[j] + 1,
                current[j - 1] + 1,
                previous[j - 1] + (char != b[j - 1]),
            )
        if min(current[max(0, low - 1) : high + 1]) > limit:
            return False
        previous = current
    return previous[len(b)] <= limit


def _fold(text: str) -> str:
    return strip_accents(text).casefold()


def _missing_words(shorter: list[str], longer: list[str]) -> list[str] | None:
    """The words of `longer` that `shorter` leaves out, when it is `longer` with words left out."""
    left: list[str] = []
    rest = iter(shorter)
    wanted = next(rest, None)
    for word in longer:
        if wanted is not None and _fold(word) == _fold(wanted):
            wanted = next(rest, None)
        else:
            left.append(word)
    return left if wanted is None and left else None


def _letters(mine: str, theirs: str) -> str | None:
    """`a letter dropped here` and the like, for spellings one or two letters apart.

    Short words tolerate nothing (`Li` is not `Lu`): one letter from 4 letters on,
    two from 10 (`Zhaopeng` / `Zaopeng`, `Yaowei` / `Yawei`).
    """
    a, b = _fold(mine), _fold(theirs)
    shortest = min(len(a), len(b))
    if shortest >= 4 and within_edits(a, b, 1):
        if len(a) < len(b):
            return "a letter dropped here"
        if len(a) > len(b):
            return "a letter added here"
        return "a letter changed"
    swapped = len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 2 and sorted(a) == sorted(b)
    if shortest >= 4 and swapped:
        return "two letters swapped"
    if shortest >= 10 and within_edits(a, b, 2):
        return "two letters apart"
    return None


def spelling_difference(mine: str, theirs: str, *, names: bool = False) -> str | None:
    """How `mine` differs from `theirs`, as a message says it; None when they differ more.

    `names`: the values are a person's name, whose two words in the other order
    are the given and family name swapped.
    """
    if mine == theirs:
        return None
    if strip_accents(mine) == strip_accents(theirs):
        if strip_accents(mine) == mine:
            return "accents dropped here"
        return "accents added here" if strip_accents(theirs) == theirs else "other accents"
    if _fold(mine) == _fold(theirs):
        return "another case"
    if _NUMBER.sub("0", mine) == _NUMBER.sub("0", theirs):
        return "another number"  # `CVPR 2025` / `CVPR 2024`: no letter is wrong
    words, other = mine.split(), theirs.split()
    if len(words) > 1 and sorted(map(_fold, words)) == sorted(map(_fold, other)):
        if names and len(words) == 2:
            return "given and family name swapped"
        return "words in another order"
    dropped = _missing_words(words, other)
    if dropped:
        return f"`{' '.join(dropped)}` missing here"
    added = _missing_words(other, words)
    if added:
        return f"`{' '.join(added)}` added here"
    return _letters(mine, theirs)


def list_changes(mine: Sequence[str], theirs: Sequence[str]) -> list[tuple[int, str | None, str | None]]:
    """Where two lists of names differ: (1-based position in `mine`, the name here, there).

    A name only `theirs` has is (position it would take, None, name); one only `mine`
    has is (position, name, None). Lists aligned on their equal names, so one name
    left out is one change, not a shift of every name after it.
    """
    changes: list[tuple[int, str | None, str | None]] = []
    matcher = difflib.SequenceMatcher(a=list(mine), b=list(theirs), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        changes += [(i1 + k + 1, mine[i1 + k], theirs[j1 + k]) for k in range(paired)]
        changes += [(i + 1, mine[i], None) for i in range(i1 + paired, i2)]
        changes += [(i2 + 1, None, theirs[j]) for j in range(j1 + paired, j2)]
    return sorted(changes, key=lambda change: change[0])
