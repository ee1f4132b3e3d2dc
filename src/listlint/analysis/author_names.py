"""Author lists as people write them, read into names: `Ada Lovelace, Shu, X. and Ma, L., et al.`.

Read as BibTeX reads names (`Given Family` or `Family, Given`): export writes them,
and `verify` compares them with arXiv's.
"""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<[^>]+>|\*\*?|__")
# `;`, `；`, a line break, `and` (after an Oxford comma too) and `&` separate names
# whatever else the list writes; a comma may also sit inside a name (`Shu, X.`).
_NAME_SEPARATOR = re.compile(r"\s*(?:[;；\n]|,?\s*\band\b|&)\s*")
_COMMA = re.compile(r"\s*[,，、]\s*")
# `et al.`, `and others`, `等`, `等人` closing a list that names only its first authors.
_ET_AL_END = re.compile(
    r"[\s,，、;；]*(?:\bet\.?\s*al\b\.?|\band\s+others|\bothers|等人?)\s*$", re.IGNORECASE
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
_SPACES = re.compile(r"\s+")


def plain(value: str) -> str:
    """The text a reader sees: entities decoded, white space squeezed (`d&#39;Ada` -> `d'Ada`)."""
    return _SPACES.sub(" ", html.unescape(value)).strip()


def _is_initials(part: str) -> bool:
    """`X.`, `X`, `J.-P.`, `X. Y.`, `XY`: what follows the comma of `Family, I.`."""
    letters = part.replace(".", " ").replace("-", " ").split()
    if len(letters) == 1 and len(letters[0]) == 2 and "." not in part:
        return letters[0].isalpha() and letters[0].isupper()
    return 0 < len(letters) <= 3 and all(len(word) == 1 and word.isupper() for word in letters)


def _tidy(name: str) -> str:
    # A trailing period closes the list (`Grace Hopper.`), unless it ends an initial.
    name = name.strip(" ,，")
    if name.endswith(".") and not _is_initials(name.rsplit(None, 1)[-1].rsplit(",", 1)[-1]):
        name = name[:-1].rstrip()
    return name


def _comma_names(chunk: str) -> list[str]:
    """The names of a comma-separated run: `Ada Lovelace, Shu, X., Ma, L.` -> 3 names.

    A part of initials after a comma belongs to the name before it (`Shu, X.`),
    and so does a suffix: `Martin King, Jr.` is written `King, Jr., Martin`,
    BibTeX's form for a name with a suffix.
    """
    names: list[str] = []
    joined = False
    for part in _COMMA.split(chunk):
        if not part:
            continue
        if names and not joined and _is_initials(part):
            names[-1] = f"{names[-1]}, {part}"
            joined = True
        elif names and not joined and _SUFFIX.match(part) and " " in names[-1]:
            given, family = names[-1].rsplit(" ", 1)
            names[-1] = f"{family}, {part}, {given}"
            joined = True
        else:
            names.append(part)
            joined = False
    return names


def split_authors(value: str) -> list[str]:
    """An author list as BibTeX names, `others` (BibTeX's word for et al.) closing a truncated one.

    `Ada Lovelace, Alan M. Turing and Grace Hopper, et al.` gives `Ada Lovelace`,
    `Alan M. Turing`, `Grace Hopper`, `others`; `Shu, X., Ma, L.` gives `Shu, X.`
    and `Ma, L.`. Each name keeps the form its list writes, both of which BibTeX
    reads: `Given Family`, or `Family, Given` where the list puts the family name
    first (turned around, a family name of two words would lose its second).
    """
    text = plain(_TAGS.sub("", value))
    stripped = _ET_AL_END.sub("", text)
    chunks = [chunk for chunk in _NAME_SEPARATOR.split(stripped) if chunk.strip(" ,")]
    names: list[str] = []
    # `Lovelace, Ada and Turing, Alan`: names already separated, each with one comma,
    # are `Family, Given`; any other comma separates names.
    if len(chunks) > 1 and all(len(_COMMA.findall(chunk.strip(" ,"))) == 1 for chunk in chunks):
        names = [_COMMA.sub(", ", chunk.strip(" ,")) for chunk in chunks]
    else:
        for chunk in chunks:
            names += _comma_names(chunk)
    names = [name for name in (_tidy(name) for name in names) if name]
    if stripped != text:
        names.append("others")
    return names


def family_name(name: str) -> str:
    """The family name of a BibTeX name: `Shu, X.` -> `Shu`, `Ada Lovelace` -> `Lovelace`."""
    if "," in name:
        return name.split(",", 1)[0].strip()
    return name.split()[-1] if name.split() else ""
