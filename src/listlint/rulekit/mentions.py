"""Which entry's method a text names: the short names of titles (`TriDet` of `TriDet: ...`) that texts mention.

Shared by the rules that tell a text describing another paper (one-liner-mismatch,
abstract-mismatch): a text that names another entry's method, and not its own, was
likely written for that entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence, Set

from listlint.base.spans import Span
from listlint.base.values import value
from listlint.rulekit.copies import same_paper
from listlint.rulekit.diagnostics import Related
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import entry_key
from listlint.syntax.document import Document
from listlint.syntax.model import Entry, Quote

# A word as a method name is written: letters, digits, `.`, `+`, `-` inside.
_NAME_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+\-]*[A-Za-z0-9+]|[A-Za-z0-9]")
# A telling name: one word, at least three characters, and an inner capital or a
# digit (`TriDet`, `LVDM`, `I2V-Adapter`), which plain words (`Lumiere`) lack.
_DISTINCTIVE = re.compile(r"^(?=.{3,}$)[A-Za-z][A-Za-z0-9.+\-]*$")
_INNER_MARK = re.compile(r".[A-Z0-9]")
MAX_SPREAD = 3
"""A name that more than this many other papers' texts mention is a common reference."""
LABELS = {"one_liner": "one-liner", "innovation": "core innovation", "abstract": "abstract", "key_points": "key points"}


@value
class Piece:
    """A text of an entry that a one-liner may have been taken from: its one-liner, quote or a section."""

    entry_index: int
    field: str
    span: Span
    text: str


def pieces_of(index: int, entry: Entry) -> list[Piece]:
    found = []
    if entry.one_liner is not None:
        found.append(Piece(index, "one_liner", entry.one_liner.span, entry.one_liner.value))
    quote: Quote | None = getattr(entry, "quote", None)
    if quote is not None:
        text = quote.body_text  # a property that joins the lines anew on every read
        if text.strip():
            found.append(Piece(index, "innovation", quote.body.span, text))
    for key in ("abstract", "key_points"):
        section = entry.abstract if key == "abstract" else entry.key_points
        if section is not None:
            text = section.body_text
            if text.strip():
                found.append(Piece(index, key, section.body.span, text))
    return found


def name_tokens(text: str) -> set[str]:
    """Method-name-like words of a text, with each hyphen prefix: `TriDet-based` -> `TriDet`."""
    found = set(_NAME_TOKEN.findall(text))
    for word in [word for word in found if "-" in word]:
        parts = word.split("-")
        for end in range(1, len(parts)):
            found.add("-".join(parts[:end]))
    return found


def distinctive(name: str) -> bool:
    return bool(_DISTINCTIVE.match(name) and _INNER_MARK.search(name))


class Names:
    """Distinctive short names, and which texts use them, read only where a check needs it.

    Most one-liners name no other entry's method, so most texts are never scanned:
    a text is scanned when asked about, and the papers mentioning a name are found
    name by name (a substring search picks the texts to scan) until `EAGER_AFTER`
    names were asked about; then one scan of every text answers the rest.
    """

    EAGER_AFTER = 8

    def __init__(self, listed: list[tuple[Document, Entry]], pieces: list[list[Piece]]) -> None:
        self.entries: dict[str, list[int]] = {}
        """Distinctive short name -> the entries it names."""
        for entry_index, (_, entry) in enumerate(listed):
            short = entry.short_name
            if short is not None and distinctive(short.value.strip()):
                self.entries.setdefault(short.value.strip(), []).append(entry_index)
        self._listed, self._pieces = listed, pieces
        self._used: dict[int, set[str]] = {}  # id() of a piece -> the names it uses
        self._mentions: dict[str, set[str]] = {}
        self._everything_scanned = False

    def used(self, piece: Piece) -> set[str]:
        """The names a piece's text uses."""
        found = self._used.get(id(piece))
        if found is None:
            found = self._used[id(piece)] = names_used(piece.text, self.entries.keys())
        return found

    def mentions(self, name: str) -> set[str]:
        """The papers (keys) whose texts use a name."""
        if name not in self._mentions and not self._everything_scanned:
            if len(self._mentions) >= self.EAGER_AFTER:
                self._scan_everything()
            else:
                self._mentions[name] = {
                    self._key(entry_index)
                    for entry_index, own in enumerate(self._pieces)
                    if any(name in piece.text and name in self.used(piece) for piece in own)
                }
        return self._mentions.get(name, set())

    def _scan_everything(self) -> None:
        self._everything_scanned = True
        self._mentions.clear()
        for entry_index, own in enumerate(self._pieces):
            uses = [self.used(piece) for piece in own]
            if any(uses):
                key = self._key(entry_index)
                for used in uses:
                    for word in used:
                        self._mentions.setdefault(word, set()).add(key)

    def _key(self, entry_index: int) -> str:
        return entry_key(self._listed[entry_index][1]) or f"#{entry_index}"


def names_used(text: str, names: Set[str]) -> set[str]:
    """`name_tokens(text) & names`, looking up hyphen prefixes instead of collecting them."""
    found = set(_NAME_TOKEN.findall(text))
    used = found & names
    if "-" in text:
        for word in [word for word in found if "-" in word]:
            parts = word.split("-")
            for end in range(1, len(parts)):
                prefix = "-".join(parts[:end])
                if prefix in names:
                    used.add(prefix)
    return used


# `Foo v2`, `Foo 2.0`: a short name's version, which a text about it may leave out.
_VERSION = re.compile(r"[\s-]+v?\d+(?:\.\d+)*$", re.IGNORECASE)


def own_names(entry: Entry) -> set[str]:
    """The entry's short name as a text may write it, casefolded: whole, and without its version."""
    if entry.short_name is None:
        return set()
    short = entry.short_name.value.strip().casefold()
    bare = _VERSION.sub("", short)
    return {short, bare} if len(bare) >= 3 else {short}


def other_methods(
    piece: Piece, listed: list[tuple[Document, Entry]], names: Names, exempt: Sequence[Piece]
) -> Iterator[tuple[str, int]]:
    """The other entries' methods a text names, in name order, and the first entry of each (its index).

    None when the text names this entry's own method too. A method this entry's title
    names, or one of the `exempt` texts (its other texts), is a real relation
    ("builds on TriDet"), and a method many entries mention a common reference: neither counts.
    """
    entry = listed[piece.entry_index][1]
    used = names.used(piece)
    if not used:
        return
    if any(name in piece.text.casefold() for name in own_names(entry)):
        return  # it names this entry's own method too
    title_names = name_tokens(entry.title.value) if entry.title is not None else set()
    for name in sorted(used):
        others = [i for i in names.entries[name] if not same_paper(entry, listed[i][1])]
        if not others:
            continue
        if name in title_names or any(
            mine is not piece and name in mine.text and name in names.used(mine) for mine in exempt
        ):
            continue  # its own abstract or title names it: a real relation ("builds on")
        owners = {entry_key(listed[i][1]) for i in names.entries[name]}
        if len(names.mentions(name) - owners - {entry_key(entry)}) > MAX_SPREAD:
            continue  # a famous method many entries mention
        yield name, others[0]


def names_other(
    piece: Piece, own: list[Piece], listed: list[tuple[Document, Entry]], names: Names
) -> tuple[str, Related] | None:
    """The text names another entry's method, which nothing else of this entry names.

    `own` are the pieces of the text's entry.
    """
    for name, index in other_methods(piece, listed, names, own):
        other = entry_label(listed[index][1])
        return f"names `{name}`, the method of another entry (`{other}`), not this one", method_place(name, listed[index])
    return None


def entry_label(entry: Entry) -> str:
    return entry_name(entry, "an untitled entry", by_id="arXiv {}")


def method_place(name: str, listed: tuple[Document, Entry]) -> Related:
    """Where another entry's method is named: its title."""
    other_doc, other = listed
    return Related(other.title.span if other.title else other.span, f"`{name}` is `{entry_label(other)}`", doc=other_doc)
