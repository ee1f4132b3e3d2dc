"""one-liner-mismatch: a one-liner or Core Innovation that describes another paper."""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from listlint.analysis.similarity import contained, containment, text_shingles, tokens
from listlint.base.spans import Span
from listlint.base.values import value
from listlint.rulekit.copies import SHARED_TEXTS, check_fraction, entries, same_paper, title_fit
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import arxiv_key, entry_key
from listlint.rulekit.rule import Context, FixAvailability, Option, Scope, rule
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
MIN_TOKENS = 8

_LABELS = {"one_liner": "one-liner", "innovation": "core innovation", "abstract": "abstract", "key_points": "key points"}


@value
class _Piece:
    """A text of an entry that a one-liner may have been taken from: its one-liner, quote or a section."""

    entry_index: int
    field: str
    span: Span
    text: str


def _pieces(index: int, entry: Entry) -> list[_Piece]:
    found = []
    if entry.one_liner is not None:
        found.append(_Piece(index, "one_liner", entry.one_liner.span, entry.one_liner.value))
    quote: Quote | None = getattr(entry, "quote", None)
    if quote is not None:
        text = quote.body_text  # a property that joins the lines anew on every read
        if text.strip():
            found.append(_Piece(index, "innovation", quote.body.span, text))
    for key in ("abstract", "key_points"):
        section = entry.abstract if key == "abstract" else entry.key_points
        if section is not None:
            text = section.body_text
            if text.strip():
                found.append(_Piece(index, key, section.body.span, text))
    return found


def _name_tokens(text: str) -> set[str]:
    """Method-name-like words of a text, with each hyphen prefix: `TriDet-based` -> `TriDet`."""
    found = set(_NAME_TOKEN.findall(text))
    for word in [word for word in found if "-" in word]:
        parts = word.split("-")
        for end in range(1, len(parts)):
            found.add("-".join(parts[:end]))
    return found


def _distinctive(name: str) -> bool:
    return bool(_DISTINCTIVE.match(name) and _INNER_MARK.search(name))


@rule(
    code="LL204",
    name="one-liner-mismatch",
    scope=Scope.LIST,
    fix=FixAvailability.NONE,
    shares=SHARED_TEXTS,
    options=[
        Option(
            "threshold",
            (float, int),
            0.8,
            "Share of the one-liner's 3-token shingles found in another paper's text from which it describes that paper",
            check_fraction,
        )
    ],
)
def one_liner_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag a one-liner or Core Innovation that names or repeats another paper's entry."""
    listed: list[tuple[Document, Entry]] = list(entries(ctx.documents))
    pieces: list[list[_Piece]] = [_pieces(index, entry) for index, (_, entry) in enumerate(listed)]
    # Every text of MIN_TOKENS tokens is compared (`contained` sees to the length);
    # one-liners and Core Innovations are looked for in the others (`owner[k]` is text k).
    owner: list[_Piece] = []
    owned: dict[int, set[int]] = {}
    for own in pieces:
        for piece in own:
            owned.setdefault(piece.entry_index, set()).add(len(owner))
            owner.append(piece)
    same_id: dict[str, set[int]] = {}
    for entry_index, idents in owned.items():
        key = arxiv_key(listed[entry_index][1])
        if key is not None:
            same_id.setdefault(key, set()).update(idents)
    queries = [piece for piece in owner if piece.field in ("one_liner", "innovation")]
    # A query never finds its own entry's texts, nor those of an entry with its arXiv ID.
    skipped = [same_id.get(arxiv_key(listed[piece.entry_index][1]) or "", owned[piece.entry_index]) for piece in queries]
    threshold = float(ctx.options["threshold"])
    found_in = contained(
        [piece.text for piece in queries],
        [piece.text for piece in owner],
        threshold,
        exclude=skipped,
        min_tokens=MIN_TOKENS,
    )
    hits_of = {id(piece): hits for piece, hits in zip(queries, found_in)}
    names = _Names(listed, pieces)
    for entry_index, own in enumerate(pieces):
        doc, entry = listed[entry_index]
        for piece in own:
            if piece.field not in ("one_liner", "innovation"):
                continue
            found = _repeats(piece, own, listed, hits_of.get(id(piece), []), owner) or _names_other(
                piece, own, listed, names
            )
            if found is None:
                continue
            message, related = found
            yield Violation(
                span=piece.span,
                message=f"{_LABELS[piece.field].capitalize()} {message}",
                related=(related,),
                doc=doc,
            )


def _repeats(
    piece: _Piece,
    own: list[_Piece],
    listed: list[tuple[Document, Entry]],
    hits: list[tuple[int, float]],
    owner: list[_Piece],
) -> tuple[str, Related] | None:
    """The text is (mostly) another paper's text, and its own entry's texts do not say it.

    `hits` are the other entries' texts holding most of it (`owner[k]` is text k), best first.
    """
    entry = listed[piece.entry_index][1]
    if not hits:
        return None
    holders = [(ident, listed[owner[ident].entry_index][1]) for ident, _ in hits]
    papers = {entry_key(other) or ident for ident, other in holders if not same_paper(entry, other)}
    if len(papers) > 1:
        # Two other papers' texts hold it: a phrase the list writes of several papers
        # (`the paper that introduced CLIP: ...`, `Google's answer to CLIP: ...`), not one copied.
        return None
    own_share: float | None = None  # how much of it the entry's own texts hold, when needed
    words: set[str] | None = None
    here = listed[piece.entry_index][0]
    # Among equal shares, point at the entry in the same file.
    hits.sort(key=lambda hit: (-hit[1], listed[owner[hit[0]].entry_index][0] is not here, hit[0]))
    for ident, share in hits:
        source = owner[ident]
        other_doc, other = listed[source.entry_index]
        if same_paper(entry, other):
            continue
        if own_share is None:
            shingles = text_shingles(piece.text)
            own_share = max(
                (containment(shingles, text_shingles(mine.text)) for mine in own if mine is not piece), default=0.0
            )
        if own_share >= share - 0.2:
            continue
        if piece.field == "innovation" and source.field == "innovation":
            continue  # a copied Core Innovation is copied-innovation's finding
        if words is None:
            words = set(tokens(piece.text))
        mine_fit, other_fit = title_fit(words, entry), title_fit(words, other)
        if mine_fit > other_fit:
            # The text fits this entry: the other entry holds the copy, and an entry
            # holding less of it is only alike (one description quoted by two others).
            return None
        if mine_fit == other_fit and source.field == piece.field and source.entry_index > piece.entry_index:
            continue  # two entries say the same: the later one is reported
        what = _LABELS[source.field]
        if source.field == piece.field:
            amount = "repeats" if share >= 0.999 else f"is {share:.0%} the same as"
        else:
            amount = "is taken from" if share >= 0.999 else f"is {share:.0%} taken from"
        other_name = entry_name(other, "an untitled entry", by_id="arXiv {}")
        return (
            f"describes another paper: it {amount} the {what} of `{other_name}`",
            Related(source.span, f"the {what} of `{other_name}`", doc=other_doc),
        )
    return None


class _Names:
    """Distinctive short names, and which texts use them, read only where a check needs it.

    Most one-liners name no other entry's method, so most texts are never scanned:
    a text is scanned when asked about, and the papers mentioning a name are found
    name by name (a substring search picks the texts to scan) until `EAGER_AFTER`
    names were asked about; then one scan of every text answers the rest.
    """

    EAGER_AFTER = 8

    def __init__(self, listed: list[tuple[Document, Entry]], pieces: list[list[_Piece]]) -> None:
        self.entries: dict[str, list[int]] = {}
        """Distinctive short name -> the entries it names."""
        for entry_index, (_, entry) in enumerate(listed):
            short = entry.short_name
            if short is not None and _distinctive(short.value.strip()):
                self.entries.setdefault(short.value.strip(), []).append(entry_index)
        self._listed, self._pieces = listed, pieces
        self._used: dict[int, set[str]] = {}  # id() of a piece -> the names it uses
        self._mentions: dict[str, set[str]] = {}
        self._everything_scanned = False

    def used(self, piece: _Piece) -> set[str]:
        """The names a piece's text uses."""
        found = self._used.get(id(piece))
        if found is None:
            found = self._used[id(piece)] = _names_used(piece.text, self.entries.keys())
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


def _names_used(text: str, names: Set[str]) -> set[str]:
    """`_name_tokens(text) & names`, looking up hyphen prefixes instead of collecting them."""
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


def _own_names(entry: Entry) -> set[str]:
    """The entry's short name as a text may write it, casefolded: whole, and without its version."""
    if entry.short_name is None:
        return set()
    short = entry.short_name.value.strip().casefold()
    bare = _VERSION.sub("", short)
    return {short, bare} if len(bare) >= 3 else {short}


def _names_other(
    piece: _Piece, own: list[_Piece], listed: list[tuple[Document, Entry]], names: _Names
) -> tuple[str, Related] | None:
    """The text names another entry's method, which nothing else of this entry names.

    `own` are the pieces of the text's entry.
    """
    entry = listed[piece.entry_index][1]
    used = names.used(piece)
    if not used:
        return None
    if any(name in piece.text.casefold() for name in _own_names(entry)):
        return None  # it names this entry's own method too
    title_names = _name_tokens(entry.title.value) if entry.title is not None else set()
    for name in sorted(used):
        others = [i for i in names.entries[name] if not same_paper(entry, listed[i][1])]
        if not others:
            continue
        if name in title_names or any(
            mine is not piece and name in mine.text and name in names.used(mine) for mine in own
        ):
            continue  # its own abstract or title names it: a real relation ("builds on")
        owners = {entry_key(listed[i][1]) for i in names.entries[name]}
        if len(names.mentions(name) - owners - {entry_key(entry)}) > MAX_SPREAD:
            continue  # a famous method many entries mention
        other_doc, other = listed[others[0]]
        span = other.title.span if other.title else other.span
        other_name = entry_name(other, "an untitled entry", by_id="arXiv {}")
        return (
            f"names `{name}`, the method of another entry (`{other_name}`), not this one",
            Related(span, f"`{name}` is `{other_name}`", doc=other_doc),
        )
    return None
