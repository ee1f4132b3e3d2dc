"""Defects planted in copies of invented lists of every layout are each reported at their entry.

An arXiv ID moved onto another paper, an abstract copied into another entry, an
emptied link and an unresolved merge conflict: the layout-neutral rules find each
whatever the layout the entry is written in.
"""

from __future__ import annotations

import pytest
from layout_checks import LAYOUTS

from listlint.api import check_text
from listlint.base.spans import Span
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

FIXTURES = ["heading-cards.md", "bullets.md", "paragraphs.md", "tables.md", "details-cards.md"]
WITH_ABSTRACTS = ["heading-cards.md", "tables.md", "details-cards.md"]


def _original(name: str) -> tuple[str, list[Entry]]:
    text = (LAYOUTS / name).read_text(encoding="utf-8")
    return text, list(Document(text, name).entries)


def _replaced(text: str, span: Span, new: str) -> str:
    return text[: span.start] + new + text[span.end :]


def _entry_at(text: str, name: str, offset: int) -> Entry:
    return next(e for e in Document(text, name).entries if e.span.start <= offset < e.span.end)


def _found(text: str, name: str, rule: str) -> list:  # type: ignore[type-arg]
    return [f for f in check_text(text, name) if f.name == rule]


@pytest.mark.parametrize("name", FIXTURES)
def test_the_lists_are_clean_of_what_is_planted(name: str) -> None:
    text, _ = _original(name)
    names = {f.name for f in check_text(text, name)}
    assert not names & {"duplicate-arxiv-id", "arxiv-id-conflict", "copied-abstract", "merge-conflict"}


@pytest.mark.parametrize("name", FIXTURES)
def test_an_arxiv_id_moved_onto_another_paper(name: str) -> None:
    text, entries = _original(name)
    first, second = [e for e in entries if e.arxiv_id is not None][:2]
    planted = _replaced(text, second.arxiv_id.span, first.arxiv_id.value)
    victim = _entry_at(planted, name, second.span.start)
    found = _found(planted, name, "arxiv-id-conflict")
    assert len(found) == 1 and victim.span.contains(found[0].span), found
    assert first.title.value in found[0].message


@pytest.mark.parametrize("name", WITH_ABSTRACTS)
def test_an_abstract_copied_into_another_entry(name: str) -> None:
    text, entries = _original(name)
    first, second = [e for e in entries if e.abstract is not None][:2]
    planted = _replaced(text, second.abstract.body.span, first.abstract.body.value)
    victim = _entry_at(planted, name, second.span.start)
    found = _found(planted, name, "copied-abstract")
    assert len(found) == 1 and victim.span.contains(found[0].span), found


@pytest.mark.parametrize("name", FIXTURES)
def test_an_emptied_link(name: str) -> None:
    text, entries = _original(name)
    entry, link = next((e, l) for e in entries for l in e.links if "github.com" in l.url.value)
    planted = _replaced(text, link.url.span, "")
    victim = _entry_at(planted, name, entry.span.start)
    found = [f for f in _found(planted, name, "empty-link") if victim.span.contains(f.span)]
    assert len(found) == 1
    # The fix takes the link away with the brackets a bullet or a paragraph puts around it.
    fixed = planted[: found[0].fix.edits[0].span.start] + planted[found[0].fix.edits[0].span.end :]
    assert "[]" not in fixed[victim.span.start : victim.span.end - len(planted) + len(fixed)]


@pytest.mark.parametrize("name", FIXTURES)
def test_a_merge_conflict_inside_an_entry(name: str) -> None:
    text, entries = _original(name)
    entry = entries[1]
    line_end = text.index("\n", entry.span.start) + 1
    conflict = "<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> other\n"
    planted = text[:line_end] + conflict + text[line_end:]
    found = _found(planted, name, "merge-conflict")
    assert len(found) == 1 and found[0].line == text[:line_end].count("\n") + 1
