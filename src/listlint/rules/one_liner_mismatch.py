"""one-liner-mismatch: a one-liner or Core Innovation that describes another paper."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.similarity import contained, containment, text_shingles, tokens
from listlint.rulekit.copies import SHARED_TEXTS, check_fraction, entries, same_paper, title_fit
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import arxiv_key, entry_key
from listlint.rulekit.mentions import LABELS, Names, Piece, names_other, pieces_of
from listlint.rulekit.rule import Context, FixAvailability, Option, Scope, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

MIN_TOKENS = 8


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
    pieces: list[list[Piece]] = [pieces_of(index, entry) for index, (_, entry) in enumerate(listed)]
    # Every text of MIN_TOKENS tokens is compared (`contained` sees to the length);
    # one-liners and Core Innovations are looked for in the others (`owner[k]` is text k).
    owner: list[Piece] = []
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
    names = Names(listed, pieces)
    for entry_index, own in enumerate(pieces):
        doc, entry = listed[entry_index]
        for piece in own:
            if piece.field not in ("one_liner", "innovation"):
                continue
            found = _repeats(piece, own, listed, hits_of.get(id(piece), []), owner) or names_other(
                piece, own, listed, names
            )
            if found is None:
                continue
            message, related = found
            yield Violation(
                span=piece.span,
                message=f"{LABELS[piece.field].capitalize()} {message}",
                related=(related,),
                doc=doc,
            )


def _repeats(
    piece: Piece,
    own: list[Piece],
    listed: list[tuple[Document, Entry]],
    hits: list[tuple[int, float]],
    owner: list[Piece],
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
        what = LABELS[source.field]
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


