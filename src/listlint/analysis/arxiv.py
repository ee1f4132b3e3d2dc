"""arXiv identifiers: parse and validate an ID, find one in a URL or messy text, build URLs.

The whole API:

- `ArxivId`: a valid ID, its `base` (no version) and `version`; `str()` gives it as written.
- `parse_id(text)`: the ID that `text` is, exactly; raises `ValueError` saying why not.
- `find_id(text)`: the first valid ID anywhere in `text` (`arXiv:2406.00272`, a URL, a link).
- `id_from_url(url)`: the ID of an arxiv.org `abs`, `pdf` or `html` URL, or None.
- `parse_url(url)`: an `http(s)` link to an arxiv.org `abs` or `pdf` page with a complete
  ID, taken apart (`ArxivUrl`: kind, ID, version, the canonical form lists write), or None.
- `is_arxiv_url(url)`: whether a URL points at arxiv.org.
- `is_arxiv_host(host)`: whether a host is `arxiv.org` as a link may spell it (`www.`, `export.`).
- `canonical_url(kind, arxiv_id)`: `https://arxiv.org/abs/ID` or `https://arxiv.org/pdf/ID`.
- `abs_url(arxiv_id)`, `pdf_url(arxiv_id)`: the canonical URLs (version kept when there is one).
- `id_year(text)`: the year a valid ID encodes, or None.
- `narrow_width(text)`: full-width forms of ASCII (`２４０６`, `：`) made ASCII, one for one.

Two schemes exist (https://info.arxiv.org/help/arxiv_identifier.html):
new-style `YYMM.NNNN` from April 2007 (`0704`), `YYMM.NNNNN` from January 2015 (`1501`);
old-style `archive/YYMMNNN` (`hep-th/9901001`, `math.GT/0309136`) from 1991 to March 2007.
"""

from __future__ import annotations

import functools
import re

from listlint.base.caches import PER_ENTRY
from listlint.base.values import value

_VERSION = r"(?:v(?P<version>[1-9]\d*))?"
_NEW = r"(?P<yy>\d\d)(?P<mm>\d\d)\.(?P<number>\d+)"
_OLD = r"(?P<archive>[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z][A-Za-z-]*)?)/(?P<oyy>\d\d)(?P<omm>\d\d)(?P<onumber>\d+)"
# An ID-shaped token, digit counts unchecked so that `parse_id` can say what is wrong.
# ASCII digits only (`(?a:...)`): `２４０６.００２７２`, typed with a full-width IME,
# is no ID (a link built from it goes nowhere); invalid-arxiv-id says what it is.
_ID_SHAPE = rf"(?a:(?:{_NEW}|{_OLD}){_VERSION})"
_EXACT = re.compile(rf"{_ID_SHAPE}")
_IN_TEXT = re.compile(rf"(?<![\w.-])(?:{_ID_SHAPE})(?![\w/-]|\.\d)")
# Scheme, host and path read in any ASCII case, and only so (`(?ai:...)`, not
# IGNORECASE, which would also take `ı` or `İ` for `i`): `arxıv.org` is another host.
_URL = re.compile(
    r"^\s*(?P<open><)?(?P<scheme>(?ai:https?)://)?(?ai:(?:www\.|export\.)?arxiv\.org/(?P<kind>abs|pdf|html)/)"
    rf"(?P<id>(?ai:{_ID_SHAPE}))(?ai:\.pdf)?/?(?:[?#]\S*)?(?P<close>>)?\s*$"
)
_HOST = re.compile(r"^(?ai:(?:www\.|export\.)?arxiv\.org)$")
_ARXIV_HOST = re.compile(r"^\s*<?(?:(?ai:https?)://)?(?:[\w-]+\.)*(?ai:arxiv\.org)(?:[/?#:]|\s*$)")

# The full-width forms of ASCII (U+FF01-FF5E) and the ideographic space: what a CJK
# input method types for `2406.00272` or `arXiv:`. Only these: NFKC would also read
# `¹` as `1`, and a footnote mark on a cut-off ID is no digit of it.
_NARROW = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def narrow_width(text: str) -> str:
    """`text` with full-width ASCII forms (`２４０６`, `：`) made ASCII, one character for one."""
    return text.translate(_NARROW)


FIRST_NEW_STYLE = 704
"""YYMM of the first new-style ID (April 2007)."""
FIRST_FIVE_DIGITS = 1501
"""YYMM from which new-style IDs have five digits after the dot (January 2015)."""


@value
class ArxivId:
    """A valid arXiv identifier."""

    base: str
    """The ID without its version: `2406.00272`, `hep-th/9901001`."""
    version: int | None = None
    """The `vN` suffix as a number, or None when the ID is unversioned."""

    def __str__(self) -> str:
        return self.base if self.version is None else f"{self.base}v{self.version}"

    @property
    def year(self) -> int:
        """The year of submission: `2405.01234` -> 2024, `hep-th/9901001` -> 1999."""
        yy = int(self.base.rsplit("/", 1)[-1][:2])
        # Old-style IDs start in 1991; new-style ones in 2007.
        return 1900 + yy if yy >= 91 else 2000 + yy


@value
class ArxivUrl:
    """A link to an arxiv.org `abs` or `pdf` page, taken apart."""

    kind: str
    """`abs` or `pdf`."""
    arxiv_id: str
    """The ID as written, without version: complete (`2405.01234`), not necessarily valid."""
    version: int | None = None

    @property
    def canonical(self) -> str:
        """The form lists write (and non-canonical-arxiv-url accepts): no version, no `.pdf`."""
        return canonical_url(self.kind, self.arxiv_id)


def _validate(match: re.Match[str]) -> ArxivId:
    version = int(match["version"]) if match["version"] else None
    if match["archive"]:
        yy, mm, number = int(match["oyy"]), int(match["omm"]), match["onumber"]
        if not 1 <= mm <= 12:
            raise ValueError(f"month `{match['omm']}` is not 01-12")
        if len(number) != 3:
            raise ValueError("old-style IDs have 3 digits after the year and month")
        if 8 <= yy <= 90:
            raise ValueError(f"old-style IDs run from 1991 to 2007, not year `{match['oyy']}`")
        return ArxivId(f"{match['archive']}/{match['oyy']}{match['omm']}{number}", version)
    yymm, number = int(match["yy"] + match["mm"]), match["number"]
    if not 1 <= int(match["mm"]) <= 12:
        raise ValueError(f"month `{match['mm']}` is not 01-12")
    if yymm < FIRST_NEW_STYLE:
        raise ValueError("IDs before April 2007 are old-style (`archive/YYMMNNN`)")
    expected = 4 if yymm < FIRST_FIVE_DIGITS else 5
    if len(number) != expected:
        when = "before 2015 (YYMM < 1501)" if expected == 4 else "from 2015 on (YYMM >= 1501)"
        raise ValueError(f"IDs {when} have {expected} digits after the dot, not {len(number)}")
    return ArxivId(f"{match['yy']}{match['mm']}.{number}", version)


def parse_id(text: str) -> ArxivId:
    """The ID that `text` is, with nothing around it.

    Raises ValueError with a short reason (`month `13` is not 01-12`) when
    `text` is not exactly a valid ID.
    """
    match = _EXACT.fullmatch(text)
    if match is None:
        raise ValueError("not an arXiv ID (`YYMM.NNNNN` or `archive/YYMMNNN`)")
    return _validate(match)


@functools.lru_cache(maxsize=PER_ENTRY)
def find_id(text: str) -> ArxivId | None:
    """The first valid ID in `text`, whatever surrounds it, or None.

    Finds `2406.00272` in `arXiv:2406.00272`, `https://arxiv.org/pdf/2406.00272v2.pdf`
    (as `2406.00272v2`) and `[2406.00272](...)`.
    """
    for match in _IN_TEXT.finditer(text):
        try:
            return _validate(match)
        except ValueError:
            continue
    return None


def _id_of(match: re.Match[str] | None) -> ArxivId | None:
    if match is None:
        return None
    try:
        return parse_id(match["id"])
    except ValueError:
        return None


def id_from_url(url: str) -> ArxivId | None:
    """The ID of an arxiv.org `abs`, `pdf` or `html` URL (version and `.pdf` allowed), or None."""
    return _id_of(_URL.match(url))


# Read by several rules for every link (and by the daily layout's parser).
@functools.lru_cache(maxsize=PER_ENTRY)
def parse_url(url: str) -> ArxivUrl | None:
    """The kind and ID of an `http(s)` link to an arxiv.org `abs` or `pdf` page, or None.

    Accepts any ASCII case of scheme and host, `www.` and `export.`, a version, `.pdf`,
    a final `/`, a query or a fragment, and full-width forms of all of these. The path
    is case-sensitive as arXiv's is, and `<...>` is left to whoever reads the Markdown.
    The ID must be complete (4 or 5 digits after the dot, 3 after an old-style YYMM),
    not valid: a URL with a wrong month is still a URL with a canonical form, and
    invalid-arxiv-id judges the ID.
    """
    match = _URL.match(url.strip())
    if match is None and not url.isascii():
        # Full-width characters (`２４０６.００２７２`), typed with a CJK input method: the
        # link is broken (arXiv reads ASCII digits only), and what it meant is certain.
        match = _URL.match(narrow_width(url).strip())
    if match is None or not match["scheme"] or match["open"] or match["close"]:
        return None
    if match["kind"] not in ("abs", "pdf") or _EXACT.fullmatch(match["id"]) is None:
        return None
    if match["archive"]:
        complete, end = len(match["onumber"]) == 3, match.end("onumber")
    else:
        complete, end = len(match["number"]) in (4, 5), match.end("number")
    if not complete:
        return None
    version = int(match["version"]) if match["version"] else None
    return ArxivUrl(match["kind"], match.string[match.start("id") : end], version)


# Pages that name a paper by its arXiv ID: arXiv's own (`abs`, `pdf`, `html`), its
# mirrors and readers (ar5iv, alphaXiv, Hugging Face papers) and arXiv's DOI. Hosts
# in any ASCII case, as in `_URL`; the path up to the ID as these sites write it.
_PAPER_PAGE = re.compile(
    r"^\s*<?(?ai:https?://)?(?:"
    r"(?ai:(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/)"
    r"|(?ai:(?:www\.)?ar5iv(?:\.labs\.arxiv)?\.org/(?:abs|html|pdf)/)"
    r"|(?ai:(?:www\.)?alphaxiv\.org/(?:abs/|overview/|pdf/)?)"
    r"|(?ai:(?:www\.)?(?:huggingface\.co|hf\.co)/papers/)"
    r"|(?ai:(?:dx\.)?doi\.org/10\.48550/arxiv\.)"
    rf")(?P<id>{_ID_SHAPE})(?![\d/])"
)


@value
class UrlId:
    """The arXiv ID a paper page's URL carries, and where it is written in the URL."""

    arxiv_id: ArxivId
    start: int
    """0-based offset of the ID in the URL."""
    end: int
    """Offset just past the ID, its version excluded (`2101.00001` of `2101.00001v2`)."""


@functools.lru_cache(maxsize=PER_ENTRY)
def id_in_url(url: str) -> UrlId | None:
    """The valid arXiv ID of a link to the paper's page on arXiv, ar5iv, alphaXiv,
    Hugging Face papers or arXiv's DOI (`10.48550/arXiv.ID`), or None.

    Only complete IDs of ASCII digits count: `https://arxiv.org/abs/2101.0001` is cut
    off (truncated-url says so), not the ID of another paper.
    """
    match = _PAPER_PAGE.match(url)
    if match is None:
        return None
    complete = len(match["onumber"]) == 3 if match["archive"] else len(match["number"]) in (4, 5)
    if not complete:
        return None
    try:
        found = _validate(match)
    except ValueError:
        return None
    start = match.start("id")
    return UrlId(found, start, start + len(found.base))


def is_arxiv_url(url: str) -> bool:
    """Whether `url` points at arxiv.org or one of its subdomains."""
    return _ARXIV_HOST.match(url) is not None


def is_arxiv_host(host: str) -> bool:
    """Whether `host` is arxiv.org as a link may spell it: `arXiv.org`, `www.`, `export.`."""
    return _HOST.match(host) is not None


def canonical_url(kind: str, arxiv_id: ArxivId | str) -> str:
    """`https://arxiv.org/<kind>/<id>`: the form arXiv links to (`/pdf/ID` serves the PDF)."""
    return f"https://arxiv.org/{kind}/{arxiv_id}"


def abs_url(arxiv_id: ArxivId) -> str:
    """`https://arxiv.org/abs/<id>`: the canonical page of the paper."""
    return canonical_url("abs", arxiv_id)


def pdf_url(arxiv_id: ArxivId) -> str:
    """`https://arxiv.org/pdf/<id>`: the canonical PDF (arXiv serves it without `.pdf`)."""
    return canonical_url("pdf", arxiv_id)


def id_year(text: str) -> int | None:
    """The year the ID `text` encodes (`2405.01234` -> 2024), or None when it is not a valid ID."""
    try:
        return parse_id(text.strip()).year
    except ValueError:
        return None
