"""translation-parity: the two language versions of a list hold the same papers with the same facts."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

import regex

from listlint.analysis.mojibake import repair_text
from listlint.analysis.spelling import list_changes, spelling_difference
from listlint.base.spans import Span
from listlint.base.values import value
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import arxiv_key
from listlint.rulekit.pairs import EntryPair, FilePair, counterpart_position, file_pairs, match_entries
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.rulekit.spellings_used import SpellingsUsed
from listlint.syntax.document import Document
from listlint.syntax.model import Entry, Text

_SPACE = regex.compile(r"\s+")
_AUTHOR_SEPARATOR = regex.compile(r"\s*[,，、;；]\s*|\s+and\s+")
_SNIPPET = 60
# The scripts a name or remark is translated into.
_TRANSLATED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# `2024（开放形式）`: a translated remark in brackets beside a neutral value.
_BRACKETED = regex.compile(r"\s*[(（][^()（）]*[)）]")


def _file_name(doc: Document) -> str:
    return os.path.basename(doc.path)


def _where(entry: Entry) -> Span:
    """The summary line of a card, else its first part."""
    summary = getattr(entry, "summary", None)
    if summary is not None:
        return summary.span  # type: ignore[no-any-return]
    return entry.title.span if entry.title else Span(entry.span.start, entry.span.start)


def _clean(value: str, doc: Document) -> str:
    """A value as compared: mojibake repaired (mojibake reports it), NFC, white space squeezed."""
    value = unicodedata.normalize("NFC", repair_text(value, doc.language))
    return _SPACE.sub(" ", value).strip().rstrip(".。")


def _authors(value: str, doc: Document) -> list[str]:
    return [name for name in _AUTHOR_SEPARATOR.split(_clean(value, doc)) if name]


def _translated(original: str, translation: str) -> bool:
    """Whether one side holds Han (kana, Hangul): a remark translated, not a neutral difference."""
    return bool(_TRANSLATED.search(original) or _TRANSLATED.search(translation))


def _url(url: str) -> str:
    """`HTTPS://arXiv.org/pdf/1.pdf/` and `https://arxiv.org/pdf/1.pdf` are one URL."""
    parts = urlsplit(url.strip().strip("<>"))
    scheme = "https" if parts.scheme in ("http", "https") else parts.scheme
    return urlunsplit((scheme, parts.netloc.lower(), parts.path.rstrip("/"), parts.query, parts.fragment))


def _missing(entry: Entry, source: Document, target: Document, matched: dict[int, Entry]) -> Violation:
    """An entry of `source` that `target` lacks, reported in `target` where it belongs."""
    anchor, after = counterpart_position(entry, source.entries, matched)
    if anchor is None:
        offset = 0
        place = ""
    else:
        offset = anchor.span.end if after else anchor.span.start
        where = "after" if after else "before"
        place = f"; it belongs {where} `{entry_name(anchor, short=True, width=_SNIPPET)}`"
    key = entry.arxiv_id.value if entry.arxiv_id else None
    ident = f" (arXiv `{key}`)" if key else ""
    name = entry_name(entry, short=True, width=_SNIPPET)
    return Violation(
        Span(offset, offset),
        f"`{name}`{ident} of `{_file_name(source)}` is missing from this file{place}",
        related=(Related(_where(entry), f"the entry in {_file_name(source)}", doc=source),),
        doc=target,
    )


@value
class _Side:
    """One file's version of a value, as a finding in that file names it."""

    doc: Document
    entry: Entry
    text: Text
    """The value as written (the finding's place)."""


@value
class _Spellings:
    """How often the list writes each author name and venue, for telling a slip from the spelling in use."""

    names: SpellingsUsed
    venues: SpellingsUsed


def _spellings(documents: Sequence[Document]) -> _Spellings:
    def names(entry: Entry, doc: Document) -> list[str]:
        return _authors(entry.authors.value, doc) if entry.authors else []

    def venues(entry: Entry, doc: Document) -> list[str]:
        venue = entry.field("published_in")
        return [_clean(venue.value.value, doc)] if venue and venue.value.value else []

    return _Spellings(SpellingsUsed(documents, names), SpellingsUsed(documents, venues))


def _report(mine: _Side, theirs: _Side, message: str) -> Violation:
    there = _file_name(theirs.doc)
    return Violation(
        mine.text.span, message, related=(Related(theirs.text.span, f"the value in {there}", doc=theirs.doc),), doc=mine.doc
    )


def _slip_side(
    here: str, there: str, translation: _Side, original: _Side, used: SpellingsUsed
) -> tuple[_Side, _Side, str]:
    """Which file to report a differing value in, and why: the one whose spelling the rest
    of the list does not use (`here` is the translation's, `there` the original's).

    Returns (the side reported, the other, the note on the spelling in use or "");
    with no evidence either way, the translation, which follows the original.
    """
    pair = (translation.entry, original.entry)
    here_count, there_count = used.others(here, *pair), used.others(there, *pair)
    if here_count > there_count:
        return original, translation, _in_use(here, here_count)
    if there_count > here_count:
        return translation, original, _in_use(there, there_count)
    return translation, original, ""


def _in_use(spelling: str, count: int) -> str:
    papers = "another paper of the list writes" if count == 1 else f"{count} other papers of the list write"
    return f"; {papers} `{spelling}`"


def _kind(mine: str, theirs: str, *, names: bool = False) -> str:
    found = spelling_difference(mine, theirs, names=names)
    return f" ({found})" if found else ""


def _author_changes(mine: list[str], theirs: list[str]) -> list[tuple[int, str | None, str | None]]:
    """The names that differ, but for translated ones and a translation's convention.

    `Pika Labs (团队)` for `Pika Labs Team` is a translated team name. Given and
    family name swapped in every name of more than one word (`Zhang Wei, Li Jun`
    for `Wei Zhang, Jun Li`) is the translation writing family names first, on
    purpose; one name swapped among names kept in order is a slip.
    """
    changes = [
        (position, a, b) for position, a, b in list_changes(mine, theirs)
        if not (a and b and _translated(a, b))
    ]
    swapped = [change for change in changes if change[1] and change[2] and _swapped(change[1], change[2])]
    in_order = sum(len(name.split()) > 1 for name in set(mine) & set(theirs))
    if swapped and not in_order:
        changes = [change for change in changes if change not in swapped]
    return changes


def _swapped(a: str, b: str) -> bool:
    return spelling_difference(a, b, names=True) == "given and family name swapped"


def _authors_differ(original: _Side, translation: _Side, used: SpellingsUsed) -> Violation | None:
    """Author lists that differ: a name left out or added, spelt otherwise, or swapped.

    One finding for the list, on its first differing name; in the original when the
    rest of the list spells that name as the translation does.
    """
    a_names = _authors(original.text.value, original.doc)
    b_names = _authors(translation.text.value, translation.doc)
    if a_names == b_names:
        return None
    changes = _author_changes(b_names, a_names)
    if not changes:
        return None
    position, here, there = changes[0]
    mine, theirs, note = translation, original, ""
    mine_names, theirs_names = b_names, a_names
    if here and there:
        mine, theirs, note = _slip_side(here, there, translation, original, used)
        if mine is original:
            position, here, there = a_names.index(there) + 1, there, here
            mine_names, theirs_names = a_names, b_names
    elsewhere = f"`{_file_name(theirs.doc)}`"
    if here and there and len(mine_names) == len(theirs_names):
        detail = f"author {position} is `{here}` here, `{there}` in {elsewhere}{_kind(here, there, names=True)}"
    else:
        detail = f"{len(mine_names)} authors here, {len(theirs_names)} in {elsewhere}"
        if here and there:
            detail += f"; `{here}` here is `{there}` there{_kind(here, there, names=True)}"
        elif here:
            detail += f"; `{here}` is not in {elsewhere}"
        else:
            detail += f"; `{there}` is missing here"
    more = len(changes) - 1
    if more:
        detail += f" (and {more} more {'name differs' if more == 1 else 'names differ'})"
    return _report(mine, theirs, f"Authors differ from {elsewhere}: {detail}{note}")


def _venues_differ(original: _Side, translation: _Side, used: SpellingsUsed) -> Violation | None:
    a, b = _clean(original.text.value, original.doc), _clean(translation.text.value, translation.doc)
    if _translated(a, b):
        a, b = _BRACKETED.sub("", a), _BRACKETED.sub("", b)
    if a.casefold() == b.casefold():
        return None
    mine, theirs, note = _slip_side(b, a, translation, original, used)
    here, there = (b, a) if mine is translation else (a, b)
    elsewhere = f"`{_file_name(theirs.doc)}`"
    return _report(mine, theirs, f"Published in `{here}` differs from `{there}` in {elsewhere}{_kind(here, there)}{note}")


def _differences(pair: FilePair, entries: EntryPair, spellings: _Spellings) -> Iterator[Violation]:
    """Language-neutral fields that differ; reported on the translation, which follows the original,
    unless the rest of the list spells the value as the translation does."""
    original, translation = entries.original, entries.translation
    source, target = pair.original, pair.translation
    there = _file_name(source)

    def report(mine: Text, theirs: Text, message: str) -> Violation:
        return _report(_Side(target, translation, mine), _Side(source, original, theirs), message)

    if original.arxiv_id and translation.arxiv_id and arxiv_key(original) != arxiv_key(translation):
        # Only entries paired by title get here: `2101.00006v2` and `2101.00006` pair by ID.
        a, b = _clean(original.arxiv_id.value, source), _clean(translation.arxiv_id.value, target)
        if a != b:
            yield report(translation.arxiv_id, original.arxiv_id, f"arXiv ID `{b}` differs from `{a}` in `{there}`")
    if original.title and translation.title:
        a, b = _clean(original.title.value, source), _clean(translation.title.value, target)
        # A Chinese title is a translation of the English one, not a difference.
        if a != b and not _translated(a, b):
            yield report(translation.title, original.title, f"Title `{b}` differs from `{a}` in `{there}`{_kind(b, a)}")
    # Equal ASCII values are equal once cleaned: mojibake repair, the one step
    # that depends on the file's language, finds nothing in ASCII.
    if (
        original.authors
        and translation.authors
        and not (original.authors.value == translation.authors.value and original.authors.value.isascii())
    ):
        found = _authors_differ(
            _Side(source, original, original.authors), _Side(target, translation, translation.authors), spellings.names
        )
        if found:
            yield found
    a_venue, b_venue = original.field("published_in"), translation.field("published_in")
    if (
        a_venue
        and b_venue
        and a_venue.value.value
        and b_venue.value.value
        and not (a_venue.value.value == b_venue.value.value and a_venue.value.value.isascii())
    ):
        found = _venues_differ(
            _Side(source, original, a_venue.value), _Side(target, translation, b_venue.value), spellings.venues
        )
        if found:
            yield found
    a_links, b_links = original.field("links"), translation.field("links")
    if a_links and b_links and [link.url.value for link in a_links.links] != [
        link.url.value for link in b_links.links
    ]:
        a_urls = {_url(link.url.value): link.url.value for link in a_links.links}
        b_urls = {_url(link.url.value): link.url.value for link in b_links.links}
        only_there = [url for key, url in a_urls.items() if key not in b_urls]
        only_here = [url for key, url in b_urls.items() if key not in a_urls]
        if only_there or only_here:
            parts = []
            if only_here:
                parts.append(f"`{only_here[0]}` is not in `{there}`")
            if only_there:
                parts.append(f"`{only_there[0]}` of `{there}` is missing here")
            extra = len(only_here) + len(only_there) - len(parts)
            more = f" (and {extra} more)" if extra else ""
            yield report(b_links.value, a_links.value, f"Links differ: {', '.join(parts)}{more}")


@rule(code="LL302", name="translation-parity", scope=Scope.LIST, fix=FixAvailability.NONE)
def translation_parity(ctx: Context) -> Iterator[Violation]:
    """Flag entries and language-neutral fields that differ between `X.md` and `X_zh.md`."""
    pairs = file_pairs(ctx.documents)
    spellings = _spellings(ctx.documents) if pairs else None
    for pair in pairs:
        assert spellings is not None
        match = match_entries(pair)
        to_translation = {id(p.original): p.translation for p in match.pairs}
        to_original = {id(p.translation): p.original for p in match.pairs}
        for entry in match.only_original:
            yield _missing(entry, pair.original, pair.translation, to_translation)
        for entry in match.only_translation:
            yield _missing(entry, pair.translation, pair.original, to_original)
        for entries in match.pairs:
            yield from _differences(pair, entries, spellings)
