"""abstract-mismatch: an abstract or key points that describe another paper, named by its method."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.analysis.similarity import tokens
from listlint.rulekit.copies import entries, same_paper, title_fit
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.identity import entry_authors
from listlint.rulekit.mentions import LABELS, Names, Piece, entry_label, method_place, name_tokens, other_methods, pieces_of
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

_CHECKED = ("abstract", "key_points")
# Words that present a method as the text's own, before its name: `We present FooNet`,
# `提出了 FooNet`. A baseline is compared with, built on, inspired by: never presented.
_PRESENTING = (
    r"\b(?:(?:propose|present|introduce|develop|design|build|call|name|dub|term)(?:s|d|ed|bed)?|built|introducing|presenting)"
    r"|提出了?|推出了?|介绍了?|引入了?|构建了?|设计了?|称为|名为"
)


@rule(code="LL205", name="abstract-mismatch", scope=Scope.LIST, fix=FixAvailability.NONE)
def abstract_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag an abstract or key points that present another entry's method and never name their own entry's."""
    listed: list[tuple[Document, Entry]] = list(entries(ctx.documents))
    pieces: list[list[Piece]] = [pieces_of(index, entry) for index, (_, entry) in enumerate(listed)]
    names = _Coined(listed, pieces)
    for own in pieces:
        for piece in own:
            if piece.field not in _CHECKED:
                continue
            found = _describes_other(piece, own, listed, names)
            if found is None:
                continue
            name, other_index = found
            entry, other = listed[piece.entry_index][1], listed[other_index][1]
            mine = f"`{entry.short_name.value.strip()}`" if entry.short_name is not None else "title"
            verb = "name" if piece.field == "key_points" else "names"
            yield Violation(
                span=piece.span,
                message=f"{LABELS[piece.field].capitalize()} {verb} `{name}`, the method of another entry "
                f"(`{entry_label(other)}`), and never this entry's own {mine}",
                related=(method_place(name, listed[other_index]),),
                doc=listed[piece.entry_index][0],
            )


def _describes_other(
    piece: Piece, own: list[Piece], listed: list[tuple[Document, Entry]], names: _Coined
) -> tuple[str, int] | None:
    """The coined name of another entry's method the text presents as its own, and that entry.

    Each sign alone is common in a true abstract (a baseline named, its own name left
    out); together they are not: the text names another entry's method and not its
    own (`other_methods`), presents it (`We present FooNet`), the name is coined (no
    text of the list uses it as a plain word) and titles only that paper, and the
    text uses more of that entry's title words than of its own. A journal version
    of another entry's method says so in its one-liner ("builds upon TriDet") and
    shares its first author: either exempts the name.
    """
    entry = listed[piece.entry_index][1]
    words: set[str] | None = None
    # The one-liner and Core Innovation, written for the card, exempt a name; the other
    # section does not: pasted key points often come with a pasted abstract.
    summaries = [mine for mine in own if mine.field not in _CHECKED]
    for name, other_index in other_methods(piece, listed, names, summaries):
        other = listed[other_index][1]
        if not _presented(name, piece.text) or names.plain(name) or not names.titles_only(name, other):
            continue
        if _first_author(entry) is not None and _first_author(entry) == _first_author(other):
            continue
        if words is None:
            words = set(tokens(piece.text))
        if title_fit(words, entry) < title_fit(words, other):
            return name, other_index
    return None


def _first_author(entry: Entry) -> str | None:
    authors = entry_authors(entry)
    return authors.names[0] if authors is not None else None


def _presented(name: str, text: str) -> bool:
    """The text presents the method as its own: `We present FooNet`, `提出了 FooNet`, or it opens with the name."""
    escaped = re.escape(name)
    return bool(
        re.search(rf"(?:{_PRESENTING})\W+(?:(?:a|an|the|our|new|novel)\W+)*{escaped}(?![\w+-])", text, re.IGNORECASE)
        or re.match(rf"\W*{escaped}(?![\w+-])", text)
    )


class _Coined(Names):
    """The short names of methods, told coined or not by how the list's own texts use them."""

    def __init__(self, listed: list[tuple[Document, Entry]], pieces: list[list[Piece]]) -> None:
        super().__init__(listed, pieces)
        self._all_pieces = pieces
        self._plain: dict[str, bool] = {}
        self._titled: dict[str, list[Entry]] = {}

    def plain(self, name: str) -> bool:
        """Some text uses the name in lower case as a word (`SEED` and `seed`): a dictionary word, not a coined one."""
        found = self._plain.get(name)
        if found is None:
            lower = name.lower()
            word = re.compile(rf"(?<![\w.+-]){re.escape(lower)}(?![\w+-])")
            found = self._plain[name] = lower != name and any(
                lower in piece.text and word.search(piece.text) for own in self._all_pieces for piece in own
            )
        return found

    def titles_only(self, name: str, other: Entry) -> bool:
        """No title but those of the other entry's paper holds the name (`CLIP` also titles `CLIP-Adapter`)."""
        titled = self._titled.get(name)
        if titled is None:
            titled = self._titled[name] = [
                entry
                for _, entry in self._listed
                if entry.title is not None and name in entry.title.value and name in name_tokens(entry.title.value)
            ]
        return all(same_paper(entry, other) for entry in titled)
