"""Entries of any layout as data: JSON (with source locations), CSV and BibTeX."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from listlint.analysis.arxiv import canonical_url, id_year
from listlint.analysis.author_names import family_name, plain, split_authors
from listlint.analysis.venues import parse_venue, venue_year
from listlint.convert.bibtex import latex_escape, title_value, url_value
from listlint.rulekit.identity import arxiv_key, entry_id, same_paper, title_key
from listlint.syntax.document import Document
from listlint.syntax.model import DailyEntry, Entry, Text

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
_YEAR = re.compile(r"^(?:19|20)\d{2}")
_KEY_WORD = re.compile(r"[a-z0-9]+")


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


def _ascii_word(value: str) -> str:
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower()
    words = _KEY_WORD.findall(folded)
    return words[0] if words else ""


def _year(values: dict[str, Text | None]) -> str:
    """The year of the venue, else of the digest's date, else the one the arXiv ID encodes."""
    venue = values["published_in"]
    found = venue_year(venue.value) if venue else None
    date = values["date"]
    if found is None and date and _YEAR.match(date.value):
        found = int(date.value[:4])
    arxiv = values["arxiv_id"]
    if found is None and arxiv:
        found = id_year(arxiv.value)
    return str(found) if found else ""


def citation_key(values: dict[str, Text | None], authors: list[str]) -> str:
    """`lastname` + year + first title word: `lovelace2021foo`, stable across runs.

    Falls back to the arXiv ID (`arxiv2101.00001`) when no part is ASCII.
    """
    surname = _ascii_word(family_name(authors[0])) if authors and authors[0] != "others" else ""
    title = values["short_name"] or values["title"]
    word = _ascii_word(title.value) if title else ""
    year = _year(values)
    if surname or word:
        return f"{surname}{year}{word}"
    arxiv = values["arxiv_id"]
    return f"arxiv{arxiv.value}" if arxiv else f"entry{year}"


def _papers(documents: Sequence[Document]) -> list[list[Entry]]:
    """The entries grouped by paper, in the order papers first appear, English copies first.

    One paper is one arXiv ID (else one normalised title): the `README.md` and
    `README_zh.md` copies of a card are one paper. Two entries with one ID whose
    titles and author lists both differ are two papers, one with a wrong ID
    (arxiv-id-conflict says which); both are kept.
    """
    papers: list[list[tuple[Document, Entry]]] = []
    by_key: dict[str, list[list[tuple[Document, Entry]]]] = {}
    for doc, entry in _entries(documents):
        # Titles as compared, not as keyed: `Foo &amp; Bar` is `Foo & Bar`.
        key = arxiv_key(entry) or title_key(entry)
        if key is None:
            papers.append([(doc, entry)])
            continue
        same = by_key.setdefault(key, [])
        paper = next((p for p in same if same_paper(p[0][1], entry)), None)
        if paper is None:
            paper = []
            same.append(paper)
            papers.append(paper)
        paper.append((doc, entry))
    # sorted() is stable: the English copies first, each language in file order.
    english_first = [sorted(paper, key=lambda pair: pair[0].language != "en") for paper in papers]
    return [[entry for _doc, entry in paper] for paper in english_first]


def _merged(paper: Sequence[Entry]) -> dict[str, Text | None]:
    """The fields of a paper: each from its first copy that gives it."""
    merged: dict[str, Text | None] = {}
    for values in map(entry_values, paper):
        for name, found in values.items():
            if merged.get(name) is None:
                merged[name] = found
    return merged


def _venue_fields(venue_text: str, has_eprint: bool) -> tuple[str, list[tuple[str, str]]]:
    """The entry type and the fields that say where the paper appeared.

    `CVPR 2024` -> `@inproceedings`, `booktitle = {CVPR}`; `TPAMI 2023` ->
    `@article`, `journal = {TPAMI}`; a preprint, or a venue that says neither, is
    `@misc` (the latter kept as `howpublished`, as written).
    """
    venue_text = plain(venue_text)
    venue = parse_venue(venue_text) if venue_text else None
    if venue is None or venue.kind == "unknown":
        return "misc", [("howpublished", latex_escape(venue_text))] if venue_text else []
    if venue.kind == "preprint":
        return "misc", [] if has_eprint else [("howpublished", "arXiv preprint")]
    name = venue.name
    if venue.kind == "journal":
        return "article", [("journal", latex_escape(name))]
    if venue.kind == "workshop" and "workshop" not in name.lower():
        name += " Workshops"
    return "inproceedings", [("booktitle", latex_escape(name))]


def _bibtex_entry(paper: Sequence[Entry], used: dict[str, int]) -> str:
    values = _merged(paper)
    authors = split_authors(values["authors"].value) if values["authors"] else []
    key = citation_key(values, authors)
    used[key] = used.get(key, 0) + 1
    if used[key] > 1:
        key = f"{key}-{used[key]}"
    arxiv_id = next((found for found in map(entry_id, paper) if found), None)
    venue = values["published_in"].value if values["published_in"] else ""
    kind, venue_fields = _venue_fields(venue, arxiv_id is not None)
    fields: list[tuple[str, str]] = []
    if values["title"]:
        fields.append(("title", title_value(values["title"].value)))
    if authors:
        fields.append(("author", " and ".join(latex_escape(name) for name in authors)))
    fields += venue_fields
    year = _year(values)
    if year:
        fields.append(("year", year))
    links = next((entry.links for entry in paper if entry.links), ())
    if arxiv_id is not None:
        fields += [("eprint", arxiv_id.base), ("archivePrefix", "arXiv")]
        if "/" in arxiv_id.base:
            # An old-style ID names its archive (`hep-th/9901001`); a new one does not.
            fields.append(("primaryClass", arxiv_id.base.split("/", 1)[0]))
        fields.append(("url", canonical_url("abs", arxiv_id.base)))
    elif links:
        fields.append(("url", url_value(links[0].url.value)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}\n"


def to_bibtex(documents: Sequence[Document]) -> str:
    """One entry per paper, keys made unique: `@inproceedings` for a conference or
    workshop, `@article` for a journal, `@misc` (with the arXiv eprint) for the rest."""
    used: dict[str, int] = {}
    return "\n".join(_bibtex_entry(paper, used) for paper in _papers(documents))


def export(documents: Sequence[Document], fmt: str) -> str:
    return {"json": to_json, "csv": to_csv, "bibtex": to_bibtex}[fmt](documents)
