"""BibTeX text: LaTeX escaping, title case protection (author lists are read by `analysis.author_names`).

Values reach BibTeX as the list shows them: HTML entities decoded
(`d&#39;Aloisio` is `d'Aloisio`), tags and emphasis dropped, non-ASCII kept as
UTF-8 (biber and bibtex8 read it), then the LaTeX specials escaped.
"""

from __future__ import annotations

import html
import re

from listlint.analysis.author_names import plain

_PIECE_BREAK = re.compile(r"([\s/-]+)")
# LaTeX specials, each replaced by a form whose braces always balance, so a
# lone `{` in a title cannot break the entry for a BibTeX parser (BibTeX counts
# braces even after a backslash, so `\{` would not do).
_LATEX = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_CHARS = re.compile("|".join(re.escape(char) for char in _LATEX))
# What keeps a URL's braces balanced without changing where it leads.
_URL_UNSAFE = {"{": "%7B", "}": "%7D", " ": "%20", "\\": "%5C"}


def latex_escape(value: str) -> str:
    return _LATEX_CHARS.sub(lambda match: _LATEX[match.group()], value)


def url_value(url: str) -> str:
    """A URL for the `url` field: read verbatim by biblatex and the url package, so only
    what would unbalance the entry is percent-encoded (`_` and `%` stay as they are)."""
    return "".join(_URL_UNSAFE.get(char, char) for char in html.unescape(url).strip())


def _needs_braces(piece: str) -> bool:
    """A capital after the first letter (`NeRF`, `3D`, `GPT`): a style that sets titles
    in sentence case must not lower it. `Gaussian` cannot be told from a title-cased
    common word, so it is left to the style."""
    letters = [char for char in piece if char.isalnum()]
    return any(char.isupper() for char in letters[1:])


def title_value(title: str) -> str:
    """A title escaped for BibTeX, the words whose case must stay braced:
    `NeRF-Style Priors for 3D Scenes` -> `{NeRF}-Style Priors for {3D} Scenes`,
    `MME-COF` -> `{MME-COF}` (one group for braced pieces joined by `-` or `/`)."""
    out: list[str] = []
    joinable = False  # out[-2] is a brace group that ends the word before out[-1]
    for index, piece in enumerate(_PIECE_BREAK.split(plain(title))):
        if index % 2:
            # A separator: white space, `-` or `/`.
            joinable = joinable and not piece.isspace()
            out.append(piece)
            continue
        alnum = [i for i, char in enumerate(piece) if char.isalnum()]
        if not alnum or not _needs_braces(piece):
            out.append(latex_escape(piece))
            joinable = False
            continue
        lead, core, trail = piece[: alnum[0]], piece[alnum[0] : alnum[-1] + 1], piece[alnum[-1] + 1 :]
        if joinable and not lead:
            out[-2] = out[-2][:-1]
            out.append(f"{latex_escape(core)}}}{latex_escape(trail)}")
        else:
            out.append(f"{latex_escape(lead)}{{{latex_escape(core)}}}{latex_escape(trail)}")
        joinable = not trail
    return "".join(out)
