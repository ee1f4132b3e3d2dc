"""Entries of any layout as data: JSON (with source locations), CSV and BibTeX."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from listlint.document import Document
from listlint.model import DailyEntry, Entry, Text

FORMATS = ("json", "csv", "bibtex")
FIELDS = (
    "title",
    "short_name",
    "arxiv_id",
    "arxiv_version",
    "authors",
    "affiliations",
    "published_in",
    "date",
    "rating",
    "topic",
    "one_liner",
    "abstract",
)
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,，、;；]|\band\b)\s*")
_ET_AL = re.compile(r"^(?:et\.?\s*al\.?|others|等|等人)$", re.IGNORECASE)
_ET_AL_SUFFIX = re.compile(r"\s+(?:et\.?\s*al\.?|等人?)$|(?<=\S)等人?$", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>|\*\*?|__")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MODERN_ID = re.compile(r"^(?P<yy>\d{2})(?P<mm>\d{2})\.")
_KEY_WORD = re.compile(r"[a-z0-9]+")
# LaTeX specials, each replaced by a form whose braces always balance, so a
# lone `{` in a title cannot break the entry for a BibTeX parser.
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


def entry_values(entry: Entry) -> dict[str, Text | None]:
    """Every field of an entry, whatever its layout, as located texts."""

    def field_value(key: str) -> Text | None:
        found = entry.field(key)
        return found.value if found and found.value.value else None

    abstract = entry.abstract
    values: dict[str, Text | None] = {
        "title": entry.title,
        "short_name": entry.short_name,
        "arxiv_id": entry.arxiv_id,
        "arxiv_version": None,
        "authors": entry.authors,
        "affiliations": field_value("affiliations"),
        "published_in": field_value("published_in"),
        "date": None,
        "rating": None,
        "topic": None,
        "one_liner": entry.one_liner,
        "abstract": Text(abstract.body.span, abstract.body_text) if abstract and abstract.body_text else None,
    }
    if isinstance(entry, DailyEntry):
        values.update(
            arxiv_version=entry.arxiv_version, date=entry.date, rating=entry.rating, topic=entry.topic
        )
    return values


def _location(doc: Document, text: Text | Any) -> dict[str, int]:
    line, column = doc.position(text.span.start)
    end_line, end_column = doc.position(text.span.end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column}


def _entries(documents: Sequence[Document]) -> Iterable[tuple[Document, Entry]]:
    for doc in documents:
        for entry in doc.entries:
            yield doc, entry


def to_records(documents: Sequence[Document]) -> list[dict[str, Any]]:
    """One JSON-ready object per entry: every field with its value and source location."""
    records = []
    for doc, entry in _entries(documents):
        fields = {
            name: {"value": value.value, "location": _location(doc, value)}
            for name, value in entry_values(entry).items()
            if value is not None
        }
        links = [
            {"label": link.label.value, "url": link.url.value, "location": _location(doc, link)}
            for link in entry.links
        ]
        records.append(
            {
                "path": doc.path,
                "layout": entry.layout,
                "location": _location(doc, entry),
                "fields": fields,
                "links": links,
            }
        )
    return records


def to_json(documents: Sequence[Document]) -> str:
    return json.dumps(to_records(documents), ensure_ascii=False, indent=2) + "\n"


def to_csv(documents: Sequence[Document]) -> str:
    """One row per entry; links as `label: url` joined by ` | `."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["path", "line", "layout", *FIELDS, "links"])
    for doc, entry in _entries(documents):
        values = entry_values(entry)
        writer.writerow(
            [
                doc.path,
                doc.position(entry.span.start)[0],
                entry.layout,
                *(values[name].value if values[name] else "" for name in FIELDS),  # type: ignore[union-attr]
                " | ".join(f"{link.label.value}: {link.url.value}" for link in entry.links),
            ]
        )
    return out.getvalue()


def latex_escape(value: str) -> str:
    return _LATEX_CHARS.sub(lambda match: _LATEX[match.group()], value)


def split_authors(value: str) -> list[str]:
    """`A, B and C, et al.` -> [`A`, `B`, `C`, `others`] (BibTeX's word for et al.)."""
    names = []
    for part in _AUTHOR_SPLIT.split(_TAGS.sub("", value)):
        part = part.strip().strip(".").strip()
        suffix = _ET_AL_SUFFIX.search(part)
        if suffix and suffix.start() > 0:
            names += [part[: suffix.start()].strip(), "others"]
        elif part:
            names.append("others" if _ET_AL.match(part) else part)
    return names


def _ascii_word(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    words = _KEY_WORD.findall(folded)
    return words[0] if words else ""


def _year(values: dict[str, Text | None]) -> str:
    for name in ("published_in", "date"):
        value = values[name]
        found = _YEAR.search(value.value) if value else None
        if found:
            return found.group()
    arxiv = values["arxiv_id"]
    modern = _MODERN_ID.match(arxiv.value) if arxiv else None
    return f"20{modern.group('yy')}" if modern else ""


def citation_key(values: dict[str, Text | None], authors: list[str]) -> str:
    """`lastname` + year + first title word: `lovelace2021foo`, stable across runs.

    Falls back to the arXiv ID (`arxiv2101.00001`) when no part is ASCII.
    """
    surname = _ascii_word(authors[0].split()[-1]) if authors and authors[0] != "others" else ""
    title = values["short_name"] or values["title"]
    word = _ascii_word(title.value) if title else ""
    year = _year(values)
    if surname or word:
        return f"{surname}{year}{word}"
    arxiv = values["arxiv_id"]
    return f"arxiv{arxiv.value}" if arxiv else f"entry{year}"


def to_bibtex(documents: Sequence[Document]) -> str:
    """One `@misc` (arXiv only) or `@article` (a venue is known) per entry, keys made unique."""
    used: dict[str, int] = {}
    chunks = []
    for _doc, entry in _entries(documents):
        values = entry_values(entry)
        authors = split_authors(values["authors"].value) if values["authors"] else []
        key = citation_key(values, authors)
        used[key] = used.get(key, 0) + 1
        if used[key] > 1:
            key = f"{key}-{used[key]}"
        venue = values["published_in"].value if values["published_in"] else ""
        is_article = bool(venue) and not venue.lower().startswith("arxiv")
        fields: list[tuple[str, str]] = []
        if values["title"]:
            fields.append(("title", "{" + latex_escape(values["title"].value) + "}"))
        if authors:
            fields.append(("author", " and ".join(latex_escape(name) for name in authors)))
        year = _year(values)
        if year:
            fields.append(("year", year))
        if is_article:
            fields.append(("journal", latex_escape(venue)))
        if values["arxiv_id"]:
            arxiv_id = values["arxiv_id"].value
            fields += [("eprint", latex_escape(arxiv_id)), ("archivePrefix", "arXiv")]
            fields.append(("url", f"https://arxiv.org/abs/{arxiv_id}"))
        elif entry.links:
            fields.append(("url", latex_escape(entry.links[0].url.value)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        chunks.append(f"@{'article' if is_article else 'misc'}{{{key},\n{body}\n}}\n")
    return "\n".join(chunks)


def export(documents: Sequence[Document], fmt: str) -> str:
    return {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}[fmt](documents)
