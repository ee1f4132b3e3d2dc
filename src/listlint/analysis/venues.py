"""The `Published in` value: what venue it names, its canonical `VENUE YEAR` form and its year.

The canonical form is the venue's own short name, one space, the four-digit
year, optionally followed by one presentation note in parentheses:
`CVPR 2023`, `NeurIPS 2023 (Spotlight)`, `arXiv 2025`. A preprint is
`arXiv YEAR`, the year the paper appeared on arXiv.
"""

from __future__ import annotations

import re
from typing import Literal

from listlint.base.values import value

# Short names as the venues write them, keyed by the folded spelling
# (case-folded, spaces, hyphens and dots removed): `siggraph-asia` -> `SIGGRAPH Asia`.
_VENUES: dict[str, str] = {}
for _name in (
    "CVPR", "ICCV", "ECCV", "WACV", "BMVC", "ACCV", "3DV", "NeurIPS", "ICLR", "ICML",
    "AAAI", "IJCAI", "ACL", "EMNLP", "NAACL", "COLING", "SIGGRAPH", "SIGGRAPH Asia",
    "TOG", "TPAMI", "IJCV", "TIP", "TVCG", "TMLR", "JMLR", "CVIU", "ICME", "ICASSP",
    "ACM MM", "CoRL", "ICRA", "IROS", "RSS", "RA-L", "MICCAI", "KDD", "SIGIR", "ICDE",
    "AISTATS", "UAI", "COLM", "ISMAR", "IEEE VR", "Eurographics", "ICIP", "ICPR",
):
    _VENUES["".join(re.split(r"[\s.-]+", _name)).casefold()] = _name
# Other spellings of the same venues; a renaming only where the venue itself
# renamed (NIPS became NeurIPS, and its proceedings now say NeurIPS for every year).
_VENUES.update(
    {
        "nips": "NeurIPS",
        "mm": "ACM MM",
        "acmmultimedia": "ACM MM",
        "acmtog": "TOG",
        "pami": "TPAMI",
        "ieeetpami": "TPAMI",
        "ral": "RA-L",
        "siggraphasia": "SIGGRAPH Asia",
    }
)
_CANONICAL_NAMES = frozenset(_VENUES.values())
# The known venues that are journals; every other known venue is a conference.
_JOURNALS = frozenset({"TOG", "TPAMI", "IJCV", "TIP", "TVCG", "TMLR", "JMLR", "CVIU", "RA-L"})
# How an unknown venue's name says what it is: `IEEE Transactions on ...`, `Nature`,
# `Proceedings of ...`. A name that says neither stays unknown.
_JOURNAL_WORDS = re.compile(r"\b(?:transactions|journal|letters|magazine|nature|science)\b", re.IGNORECASE)
_CONFERENCE_WORDS = re.compile(r"\b(?:conference|conf|proceedings|symposium)\b", re.IGNORECASE)
_WORKSHOP_WORDS = re.compile(r"\bworkshops?\b", re.IGNORECASE)

_NOTES = {
    note.casefold(): note
    for note in (
        "Oral", "Spotlight", "Highlight", "Poster", "Best Paper", "Best Paper Award",
        "Best Student Paper", "Outstanding Paper", "Award Candidate", "Workshop",
    )
}

YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
# `arXiv`, `arXiv 2024`, `arXiv preprint 2025`, `arxiv (29 May 2025)`, `arXiv preprint`.
_ARXIV_VALUE = re.compile(
    r"^arxiv(?:[\s,]+preprint)?\s*(?:,\s*)?"
    r"(?:\(\s*(?:\d{1,2}\s+)?(?:[A-Za-z]{3,9}\.?,?\s+)?(?P<paren>\d{4})\s*\)|(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
# `CVPR 2023`, `Cvpr2023`, `SIGGRAPH-ASIA 2024`, `NeurIPS 2023 (spotlight)`.
_VENUE_VALUE = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z0-9&.+/ -]*?)[\s,'-]*(?P<year>(?:19|20)\d{2})"
    r"(?:\s*[(（](?P<note>[^()（）]*)[)）])?$"
)


VenueKind = Literal["preprint", "conference", "workshop", "journal", "unknown"]


@value
class Venue:
    """A `Published in` value read as `VENUE YEAR (note)` or as an arXiv preprint."""

    name: str
    """The venue's canonical short name when it is known (`CVPR`, `arXiv`), else as written."""
    written: str
    """The name as the value writes it: `Cvpr`, `arxiv`."""
    year: int | None
    """The year the value writes; None for a preprint written without one."""
    note: str | None
    """The text in the parentheses after the year, as written (`oral`), or None."""
    kind: VenueKind
    """`unknown` when the name is not a known venue and does not say what it is."""

    @property
    def known(self) -> bool:
        """The name is a known venue (or arXiv), whatever its spelling."""
        return self.kind == "preprint" or self.name in _CANONICAL_NAMES


@value
class VenueProblem:
    """What is wrong with a `Published in` value."""

    message: str
    """States the problem, values in backticks, no final period."""
    canonical: str | None
    """The certain canonical value, or None when only a human can tell."""


def _fold(name: str) -> str:
    return "".join(re.split(r"[\s.-]+", name)).casefold()


def _transposition_of(name: str) -> str | None:
    """A known venue that `name` spells with two adjacent letters swapped (`ICRL`)."""
    folded = _fold(name)
    for key, canonical in _VENUES.items():
        if len(key) != len(folded) or len(key) < 3 or key == folded:
            continue
        diffs = [i for i in range(len(key)) if key[i] != folded[i]]
        if len(diffs) != 2 or diffs[1] != diffs[0] + 1:
            continue
        first, second = diffs
        if key[first] == folded[second] and key[second] == folded[first]:
            return canonical
    return None


def _kind(name: str, known: str | None, note: str | None) -> VenueKind:
    if _WORKSHOP_WORDS.search(name) or (note is not None and _WORKSHOP_WORDS.search(note)):
        return "workshop"
    if known is not None:
        return "journal" if known in _JOURNALS else "conference"
    if _JOURNAL_WORDS.search(name):
        return "journal"
    if _CONFERENCE_WORDS.search(name):
        return "conference"
    return "unknown"


def parse_venue(value: str) -> Venue | None:
    """The venue `value` names, or None when it is neither `VENUE YEAR` nor an arXiv preprint.

    `CVPR 2024 (Oral)` -> CVPR, 2024, conference; `arxiv (29 May 2025)` -> arXiv,
    2025, preprint; `IEEE Transactions on Foo 2023` -> a journal by its name.
    """
    text = " ".join(value.split())
    arxiv = _ARXIV_VALUE.match(text)
    if arxiv:
        year = arxiv.group("paren") or arxiv.group("year")
        return Venue("arXiv", text[:5], int(year) if year else None, None, "preprint")
    match = _VENUE_VALUE.match(text)
    if not match:
        return None
    written = match.group("name").strip(" ,-")
    known = _VENUES.get(_fold(written))
    note = match.group("note")
    return Venue(known or written, written, int(match.group("year")), note, _kind(written, known, note))


def venue_year(value: str) -> int | None:
    """The last four-digit year written in a venue value, or None."""
    years = YEAR.findall(value)
    return int(years[-1]) if years else None


def check_venue(value: str, arxiv_year: int | None = None) -> VenueProblem | None:
    """What keeps `value` from the canonical `VENUE YEAR` form, or None when it is canonical.

    `arxiv_year` is the year the entry's arXiv ID encodes; it dates a preprint
    written without a year (`arXiv preprint` -> `arXiv 2024`).
    """
    venue = parse_venue(value)
    if venue is None:
        if YEAR.search(value) is None:
            return VenueProblem(f"`{value}` has no year; write `VENUE YEAR`", None)
        return VenueProblem(f"`{value}` is not in the form `VENUE YEAR`", None)
    if venue.kind == "preprint":
        year = venue.year if venue.year is not None else arxiv_year
        if year is None:
            return VenueProblem(f"`{value}` has no year; write `arXiv YEAR`", None)
        canonical = f"arXiv {year}"
        if value == canonical:
            return None
        return VenueProblem(f"`{value}` is not in the canonical form `{canonical}`", canonical)
    if not venue.known:
        swapped = _transposition_of(venue.written)
        if swapped:
            return VenueProblem(
                f"`{value}` names `{venue.written}`, not a known venue; did you mean `{swapped}`?", None
            )
    suffix = ""
    if venue.note is not None:
        canonical_note = _NOTES.get(" ".join(venue.note.split()).casefold())
        if canonical_note is None:
            return VenueProblem(
                f"`{value}` has a note `({venue.note})` that is not a presentation type", None
            )
        suffix = f" ({canonical_note})"
    canonical = f"{venue.name} {venue.year}{suffix}"
    if value == canonical:
        return None
    return VenueProblem(f"`{value}` is not in the canonical form `{canonical}`", canonical)
