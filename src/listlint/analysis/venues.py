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

# `CVPR'24`, `CVPR’24`, `ICCV '23 Workshop`, `ECCV'22 (Oral)`: a year in two digits after
# an apostrophe, then perhaps a note, bare or in parentheses.
_SHORT_YEAR_VALUE = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z0-9&.+/ -]*?)\s*['’‘]\s*(?P<year>\d{2})"
    r"(?:\s*[(（](?P<note>[^()（）]*)[)）]|\s+(?P<bare>[A-Za-z][A-Za-z ]*))?$"
)
# How a venue's long form opens, `Proceedings of the ...`, before the name it gives.
_PROCEEDINGS_OF = re.compile(r"^(?:in\s+)?proceedings\s+of\s+(?:the\s+)?", re.IGNORECASE)
# The short name a long form gives in parentheses, perhaps with its year:
# `... Pattern Recognition (CVPR) 2023`, `... Vision (ICCV 2023)`, `... (CVPR), 2023`.
_NAME_IN_PARENTHESES = re.compile(
    r"[(（](?P<name>[A-Za-z][A-Za-z0-9&.+/ -]{0,20}?)(?:[\s,'’]+(?P<year>(?:19|20)\d{2}|\d{2}))?[)）]"
)

_SHORT_YEAR = re.compile(r"['’‘]\s*\d{2}(?!\d)")


def _full_year(digits: str) -> int:
    """The year of `'24` (2024) or `'98` (1998): venues in these lists are from 1951 on."""
    value = int(digits)
    return value + (2000 if len(digits) == 2 and value <= 50 else 1900 if len(digits) == 2 else 0)


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
    if match:
        written = match.group("name").strip(" ,-")
        known = _VENUES.get(_fold(written))
        note = match.group("note")
        if known is None and _PROCEEDINGS_OF.match(written):
            # `Proceedings of CVPR 2023`: the proceedings of a known venue are that venue.
            known = _VENUES.get(_fold(_PROCEEDINGS_OF.sub("", written)))
        if known is None and note is not None and _VENUES.get(_fold(note)) is not None:
            # `... Conference on Computer Vision 2023 (ICCV)`: the note is the venue's name.
            return _long_form(text)
        return Venue(known or written, written, int(match.group("year")), note, _kind(written, known, note))
    short = _SHORT_YEAR_VALUE.match(text)
    if short:
        written = short.group("name").strip(" ,-")
        known = _VENUES.get(_fold(written))
        note = short.group("note")
        bare = short.group("bare")
        if bare is not None:
            # A bare note must be one the house writes (`Workshop`, `Oral`): other words
            # after the year (`CVPR'24 papers`) are not a venue's.
            if " ".join(bare.split()).casefold() not in _NOTES:
                return None
            note = bare
        return Venue(known or written, written, _full_year(short.group("year")), note, _kind(written, known, note))
    return _long_form(text)


def _long_form(text: str) -> Venue | None:
    """A venue written out with its short name in parentheses and one year:
    `Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2023`
    -> CVPR, 2023. A workshop's stays one (`... Workshops (CVPR) 2023` -> note `Workshop`)."""
    if "(" not in text and "（" not in text:
        return None
    names = [(m, _VENUES.get(_fold(m.group("name")))) for m in _NAME_IN_PARENTHESES.finditer(text)]
    known = [(m, name) for m, name in names if name is not None]
    if len(known) != 1:
        return None
    match, name = known[0]
    outside = text[: match.start()] + " " + text[match.end() :]
    years = YEAR.findall(outside)
    inside = match.group("year")
    if inside is not None:
        years.append(str(_full_year(inside)))
    if len(set(years)) != 1:
        return None
    written = text[: match.end()].strip(" ,-")
    note = "Workshop" if _WORKSHOP_WORDS.search(outside) else None
    return Venue(name, written, int(years[0]), note, _kind(outside, name, note))


def venue_year(value: str) -> int | None:
    """The last four-digit year written in a venue value, else the year of a two-digit
    one after an apostrophe (`CVPR'24` -> 2024), else None."""
    years = YEAR.findall(value)
    if years:
        return int(years[-1])
    venue = parse_venue(value)
    return venue.year if venue is not None else None


def check_venue(value: str, arxiv_year: int | None = None) -> VenueProblem | None:
    """What keeps `value` from the canonical `VENUE YEAR` form, or None when it is canonical.

    `arxiv_year` is the year the entry's arXiv ID encodes; it dates a preprint
    written without a year (`arXiv preprint` -> `arXiv 2024`).
    """
    venue = parse_venue(value)
    if venue is None:
        if YEAR.search(value) is None and _SHORT_YEAR.search(value) is None:
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
