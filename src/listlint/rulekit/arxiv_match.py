"""Whether an entry's title and author list are arXiv's, tolerant of how lists write them.

Titles are compared after folding what only the writing differs in: LaTeX (`$\\alpha$`,
`\\emph{...}`, `\\"o`), accents, case, punctuation and white space (identity's title
normalisation), a short name before a colon, and a few typing slips. Names are
compared person by person: `J. Smith` is `John Smith`, `Smith, J.` and `Smith John`
too, `Müller` is `Muller`; a list ending in `et al.` only has to be arXiv's first names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from listlint.analysis.author_names import split_authors
from listlint.analysis.spelling import strip_accents, within_edits
from listlint.base.values import value
from listlint.rulekit.identity import normalise_title

# `\"o`, `\'{e}`, `\c{c}`, `\v c`: a LaTeX accent on one letter, which is the letter. An
# accent named by a letter needs braces or a space (`\textbf` is no `\t` on `e`).
_LATEX_ACCENT = re.compile(
    r"\\[`'^\"~=.]\s*(?:\{([A-Za-z])\}|([A-Za-z]))|\\[uvHtcdbk](?:\s*\{([A-Za-z])\}|\s+([A-Za-z])(?![A-Za-z]))"
)
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)\*?")
_LATEX_MARKS = re.compile(r"[{}$\\^_~]")
_GREEK = {
    name: unicodedata.lookup(f"GREEK {'CAPITAL' if name[0].isupper() else 'SMALL'} LETTER {name.upper().replace('LAMBDA', 'LAMDA')}")
    for name in (
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho "
        "sigma tau upsilon phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega"
    ).split()
}
# The short name of `Foo: A Title` (a few words before a colon); `：` in CJK text.
_SHORT_NAME = re.compile(r"^\s*([^:：]{1,60}?)\s*[:：]\s+(?=\S)")
_SHORT_NAME_WORDS = 6
_NAME_PIECE = re.compile(r"[.\-‐‑–]+")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def plain_title(title: str) -> str:
    """A title without LaTeX markup: `$\\alpha$-Net: \\emph{Fast} G\\"odel` -> `α-Net: Fast Godel`."""
    text = _LATEX_ACCENT.sub(lambda match: next(letter for letter in match.groups() if letter), title)
    text = _LATEX_COMMAND.sub(lambda match: _GREEK.get(match[1], " "), text)
    return " ".join(_LATEX_MARKS.sub("", text).split())


def has_markup(title: str) -> bool:
    """Whether arXiv's title holds LaTeX, which a list would not write as it is."""
    return plain_title(title) != " ".join(title.split())


def _fold_title(title: str) -> str:
    return strip_accents(normalise_title(plain_title(title)))


def _title_forms(title: str) -> set[str]:
    """The title folded, with and without its short name."""
    forms = {_fold_title(title)}
    short = _SHORT_NAME.match(title)
    if short and len(short[1].split()) <= _SHORT_NAME_WORDS:
        forms.add(_fold_title(title[short.end() :]))
    forms.discard("")
    return forms


def _slips(text: str) -> int:
    """The typing slips tolerated in a folded title of this length: none below 8
    characters (`GAN` is not `GAP`), one below 12, then two (a swap of two letters)
    or one in 20 characters."""
    if len(text) < 8:
        return 0
    return max(1 if len(text) < 12 else 2, len(text) // 20)


def title_matches(title: str, paper_title: str) -> bool:
    """Whether an entry's title is arXiv's, short names and slips allowed."""
    mine, theirs = _title_forms(title), _title_forms(paper_title)
    if mine & theirs:
        return True
    return any(within_edits(a, b, _slips(max(a, b, key=len))) for a in mine for b in theirs)


@value
class _Token:
    word: str
    """Letters of a name part (`junyan` of `Jun-Yan`), empty for an initial."""
    initials: str
    """Its first letters (`jy`), or the initial itself."""

    def matches(self, other: _Token) -> bool:
        if self.word and other.word:
            return self.word == other.word
        initial = self.initials if not self.word else other.initials
        full = other if not self.word else self
        return full.initials.startswith(initial) or full.word.startswith(initial)


def _tokens(name: str) -> tuple[_Token, ...]:
    """A person's name as parts: `Smith, J.-Y.` -> j, y, smith; accents and case folded."""
    folded = strip_accents(name).casefold()
    if "," in folded:  # `Family, Given`
        family, given = folded.split(",", 1)
        folded = f"{given} {family}"
    tokens = []
    for chunk in folded.split():
        parts = [part for part in (_NOT_LETTER.sub("", piece) for piece in _NAME_PIECE.split(chunk)) if part]
        if not parts:
            continue
        if all(len(part) == 1 for part in parts):
            tokens.extend(_Token("", part) for part in parts)
        else:
            tokens.append(_Token("".join(parts), "".join(part[0] for part in parts)))
    return tuple(tokens)


def same_person(name: str, other: str) -> bool:
    """`J. Smith` and `John Smith`, `Smith, John`, `John A. Smith`: one person.

    Every part of the shorter name matches its own part of the longer one (whole
    words alike, an initial the word it starts), and one whole word, the family
    name as a rule, is the same in both.
    """
    shorter, longer = sorted((_tokens(name), _tokens(other)), key=len)
    if not shorter:
        return False
    free = list(longer)
    whole = False
    # Whole words first, so that `J.` cannot take the `Smith` that `Smith` needs.
    for token in sorted(shorter, key=lambda token: not token.word):
        found = next((other for other in free if token.matches(other) and (other.word or not token.word)), None)
        if found is None:
            found = next((other for other in free if token.matches(other)), None)
        if found is None:
            return False
        whole = whole or bool(token.word and found.word)
        free.remove(found)
    return whole


@value
class AuthorsDiff:
    """How an entry's author list differs from arXiv's."""

    changed: tuple[tuple[str, str], ...]
    """(the entry's name, arXiv's) where the entry writes another person."""
    missing: tuple[str, ...]
    """arXiv's names the entry lacks."""
    extra: tuple[str, ...]
    """The entry's names arXiv does not have."""
    reordered: bool
    """The same people in another order."""
    none_agree: bool
    """Not one of the entry's names is on arXiv's list: another paper's authors."""

    def describe(self) -> str:
        """`missing `X`; `Y` is not on arXiv's list`, values in backticks."""
        if self.none_agree:
            return "none of its names is on arXiv's list"
        parts = []
        if self.changed:
            parts.append(_listed([f"`{mine}` where arXiv has `{theirs}`" for mine, theirs in self.changed]))
        if self.missing:
            parts.append("missing " + _listed([f"`{name}`" for name in self.missing]))
        if self.extra:
            parts.append(
                _listed([f"`{name}`" for name in self.extra])
                + (" is" if len(self.extra) == 1 else " are")
                + " not on arXiv's list"
            )
        if self.reordered:
            parts.append("the same names in another order")
        return "; ".join(parts)


_LISTED = 3


def _listed(items: Sequence[str]) -> str:
    shown = ", ".join(items[:_LISTED])
    return shown + (f" and {len(items) - _LISTED} more" if len(items) > _LISTED else "")


def entry_names(authors: str) -> tuple[list[str], bool]:
    """The names of an entry's author list, and whether it ends in `et al.`."""
    names = split_authors(authors)
    truncated = bool(names) and names[-1] == "others"
    return (names[:-1] if truncated else names), truncated


def compare_authors(authors: str, paper_authors: Sequence[str]) -> AuthorsDiff | None:
    """How an entry's author list differs from arXiv's, or None when it is arXiv's.

    A list ending in `et al.` is compared with as many of arXiv's first names.
    """
    names, truncated = entry_names(authors)
    theirs = list(paper_authors[: len(names)] if truncated else paper_authors)
    if not names or not theirs:
        return None
    # Each of the entry's names takes arXiv's name at its place when that is the
    # person, else the first free one that is.
    taken: dict[int, int] = {}  # entry's position -> arXiv's
    free = set(range(len(theirs)))
    for number, name in enumerate(names):
        if number in free and same_person(name, theirs[number]):
            taken[number] = number
            free.discard(number)
    for number, name in enumerate(names):
        if number in taken:
            continue
        found = next((other for other in sorted(free) if same_person(name, theirs[other])), None)
        if found is not None:
            taken[number] = found
            free.discard(found)
    extra = [number for number in range(len(names)) if number not in taken]
    missing = sorted(free)
    order = [taken[number] for number in sorted(taken)]
    reordered = order != sorted(order)
    if not (extra or missing or reordered):
        return None
    if not taken:
        return AuthorsDiff((), (), (), False, none_agree=True)
    # A name of the entry and one of arXiv's at the same place: one person written
    # as another (a misspelling, a wrong given name).
    changed = [(names[number], theirs[number]) for number in extra if number in free]
    paired = {number for number in extra if number in free}
    return AuthorsDiff(
        tuple(changed),
        tuple(theirs[number] for number in missing if number not in paired),
        tuple(names[number] for number in extra if number not in paired),
        reordered and not (extra or missing),
        none_agree=False,
    )
