"""translation-parity: the two language versions of a list hold the same papers with the same facts."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import regex

from listlint.analysis.mojibake import repair_text
from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import arxiv_key
from listlint.rulekit.pairs import EntryPair, FilePair, counterpart_position, file_pairs, match_entries
from listlint.rulekit.rule import Context, FixAvailability, Scope, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Entry, Text

_SPACE = regex.compile(r"\s+")
_AUTHOR_SEPARATOR = regex.compile(r"\s*[,，、;；]\s*|\s+and\s+")
_SNIPPET = 60
_HAN = regex.compile(r"\p{Han}")
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
    """Whether one side holds Han: a remark translated, which is not a neutral difference."""
    return bool(_HAN.search(original) or _HAN.search(translation))


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


def _differences(pair: FilePair, entries: EntryPair) -> Iterator[Violation]:
    """Language-neutral fields that differ; reported on the translation, which follows the original."""
    original, translation = entries.original, entries.translation
    source, target = pair.original, pair.translation
    there = _file_name(source)

    def report(mine: Text, theirs: Text, message: str) -> Violation:
        return Violation(
            mine.span, message, related=(Related(theirs.span, f"the value in {there}", doc=source),), doc=target
        )

    if original.arxiv_id and translation.arxiv_id and arxiv_key(original) != arxiv_key(translation):
        # Only entries paired by title get here: `2101.00006v2` and `2101.00006` pair by ID.
        a, b = _clean(original.arxiv_id.value, source), _clean(translation.arxiv_id.value, target)
        if a != b:
            yield report(translation.arxiv_id, original.arxiv_id, f"arXiv ID `{b}` differs from `{a}` in `{there}`")
    # Equal ASCII values are equal once cleaned: mojibake repair, the one step
    # that depends on the file's language, finds nothing in ASCII.
    if (
        original.authors
        and translation.authors
        and not (original.authors.value == translation.authors.value and original.authors.value.isascii())
    ):
        a_names, b_names = _authors(original.authors.value, source), _authors(translation.authors.value, target)
        if a_names != b_names:
            if len(a_names) != len(b_names):
                detail = f"{len(b_names)} authors here, {len(a_names)} in `{there}`"
            else:
                index = next(i for i, (x, y) in enumerate(zip(a_names, b_names)) if x != y)
                detail = f"author {index + 1} is `{b_names[index]}` here, `{a_names[index]}` in `{there}`"
                if _translated(a_names[index], b_names[index]):
                    # `Pika Labs (团队)` for `Pika Labs Team`: a translated team name.
                    detail = ""
            if detail:
                    yield report(translation.authors, original.authors, f"Authors differ from `{there}`: {detail}")
    a_venue, b_venue = original.field("published_in"), translation.field("published_in")
    if (
        a_venue
        and b_venue
        and a_venue.value.value
        and b_venue.value.value
        and not (a_venue.value.value == b_venue.value.value and a_venue.value.value.isascii())
    ):
        a, b = _clean(a_venue.value.value, source), _clean(b_venue.value.value, target)
        if _translated(a, b):
            a, b = _BRACKETED.sub("", a), _BRACKETED.sub("", b)
        if a.casefold() != b.casefold():
            yield report(b_venue.value, a_venue.value, f"Published in `{b}` differs from `{a}` in `{there}`")
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
    for pair in file_pairs(ctx.documents):
        match = match_entries(pair)
        to_translation = {id(p.original): p.translation for p in match.pairs}
        to_original = {id(p.translation): p.original for p in match.pairs}
        for entry in match.only_original:
            yield _missing(entry, pair.original, pair.translation, to_translation)
        for entry in match.only_translation:
            yield _missing(entry, pair.translation, pair.original, to_original)
        for entries in match.pairs:
            yield from _differences(pair, entries)
