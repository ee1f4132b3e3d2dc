"""copied-authors: an author list copied from another paper's entry, whole, but for one name, or cut short."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from listlint.analysis.author_names import split_authors
from listlint.base.values import value
from listlint.rulekit.copies import sequels
from listlint.rulekit.diagnostics import Related, Violation
from listlint.rulekit.entries import entry_name
from listlint.rulekit.identity import entry_authors, entry_id, id_key, list_entries, normalise_authors, title_key
from listlint.rulekit.rule import Context, Option, Scope, rule
from listlint.syntax.document import Document
from listlint.syntax.model import Entry

# Not a person: `OpenAI Research Team`, `Google DeepMind`, `Anonymous`, `XX 实验室`.
_PLACEHOLDER = re.compile(
    r"\b(?:team|group|lab|labs|laboratory|research|authors?|contributors|anonymous|"
    r"inc|corp|corporation|ltd|university|institute|deepmind|openai|et al)\b|团队|实验室|研究院|匿名",
    re.IGNORECASE,
)
# Stands for the one name two lists may differ by; no normalised name is empty.
_ANY = ""


def _check_minimum(value: object) -> str | None:
    return None if isinstance(value, int) and value >= 2 else "must be an integer of at least 2"


@value
class _Listed:
    """An author list that is compared: its entry and what it is compared by."""

    doc: Document
    entry: Entry
    names: tuple[str, ...]
    people: int
    arxiv: str
    title: str | None


@rule(
    code="LL106",
    name="copied-authors",
    scope=Scope.LIST,
    options=[
        Option(
            "min-authors",
            int,
            3,
            "Compare only author lists naming at least this many people (short lists recur by chance)",
            check=_check_minimum,
        ),
        Option(
            "group-min-authors",
            int,
            10,
            "Report a list that equals the list of an entry that is not its neighbour, differs from another paper's by "
            "one name, or is cut short of it, only when it names at least this many people (a group's papers share "
            "their authors)",
            check=_check_minimum,
        ),
    ],
)
def copied_authors(ctx: Context) -> Iterator[Violation]:
    """Flag an entry whose author list is that of an entry with another arXiv ID, whole, but for one name, or cut short."""
    minimum, group = ctx.options["min-authors"], ctx.options["group-min-authors"]
    entries = list(list_entries(ctx))
    # A card copied to make the next one sits beside it; two papers of one group
    # with one list of authors sit anywhere.
    place = {id(entry): (id(doc), index) for index, (doc, entry) in enumerate(entries)}

    def neighbours(one: Entry, other: Entry) -> bool:
        (doc, index), (other_doc, other_index) = place[id(one)], place[id(other)]
        return doc == other_doc and abs(index - other_index) == 1

    # The distinct author lists each ID is written with: an ID written with two
    # lists has a wrong one, so of two papers sharing a list, that one is the copy.
    lists_by_id: dict[str, set[tuple[str, ...]]] = {}
    for _, entry in entries:
        authors, arxiv_id = entry_authors(entry), entry_id(entry)
        if authors is not None and arxiv_id is not None:
            lists_by_id.setdefault(id_key(arxiv_id), set()).add(authors.names)

    def written_twice(entry: Entry) -> bool:
        found = entry_id(entry)
        return found is not None and len(lists_by_id.get(id_key(found), ())) > 1

    # (language, author names) -> ID -> first entry with those authors and that ID.
    seen: dict[tuple[str, tuple[str, ...]], dict[str, Entry]] = {}
    compared: list[_Listed] = []
    reported: set[int] = set()
    for doc, entry in entries:
        authors, arxiv_id = entry_authors(entry), entry_id(entry)
        if authors is None or arxiv_id is None or entry.authors is None:
            continue
        # `A, B, C et al.` names only the first authors, who write many papers together.
        if authors.truncated:
            continue
        people = sum(1 for name in authors.names if not _PLACEHOLDER.search(name))
        if people < minimum:
            continue
        title = title_key(entry)
        compared.append(_Listed(doc, entry, authors.names, people, id_key(arxiv_id), title))
        by_id = seen.setdefault((doc.language, authors.names), {})
        if id_key(arxiv_id) in by_id:
            continue
        # Same title too: one paper under two IDs, for duplicate-title.
        candidates = [other for other in by_id.values() if title is None or title_key(other) != title]
        by_id[id_key(arxiv_id)] = entry
        if not candidates:
            continue
        if people < group and not any(neighbours(entry, other) for other in candidates):
            continue
        earlier = candidates[0]
        assert earlier.authors is not None
        copy, source = entry, earlier
        if written_twice(earlier) and not written_twice(entry):
            copy, source = earlier, entry
        copy_id, source_id = entry_id(copy), entry_id(source)
        assert copy.authors is not None and source.authors is not None
        reported.add(id(copy))
        yield Violation(
            copy.authors.span,
            f"The author list is that of `{entry_name(source, 'untitled entry')}` (arXiv `{source_id.base if source_id else '?'}`), "
            f"not of arXiv `{copy_id.base if copy_id else '?'}`",
            related=(Related(source.authors.span, "the same author list here", source.doc),),
            doc=copy.doc,
        )
    yield from _near_copies(compared, group, reported, written_twice)


NEAR_COPY_MAX_NAMES = 100
"""Longer lists (a consortium's report, over a thousand names) are compared whole only:
filing a list under its one-name variants and prefixes costs the square of its length."""


def _near_copies(
    compared: list[_Listed], minimum: int, reported: set[int], written_twice: Callable[[Entry], bool]
) -> Iterator[Violation]:
    """Lists equal to an earlier paper's but for one name (changed, dropped, added), or a prefix of it.

    Each list is filed under its variants (one name for `_ANY`, one name dropped, its
    prefixes), so a later list finds its near copies by a few dict lookups, not by
    comparing it with every earlier list.
    """
    changed: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    dropped: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    whole: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    prefixes: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for number, item in enumerate(compared):
        if item.people < minimum or len(item.names) > NEAR_COPY_MAX_NAMES:
            continue
        names, language = item.names, item.doc.language
        found = _matches(number, compared, minimum, changed, dropped, whole, prefixes)
        for at in range(len(names)):
            changed.setdefault((language, names[:at] + (_ANY,) + names[at + 1 :]), []).append(number)
            dropped.setdefault((language, names[:at] + names[at + 1 :]), []).append(number)
        whole.setdefault((language, names), []).append(number)
        # A list one name shorter is `dropped`, not cut short.
        for end in range(minimum, len(names) - 1):
            prefixes.setdefault((language, names[:end]), []).append(number)
        for other, how in found:
            copy, source = compared[number], compared[other]
            if how == "prefix":
                # The shorter list is the one cut short, whichever comes first.
                if len(copy.names) > len(source.names):
                    copy, source = source, copy
            elif written_twice(source.entry) and not written_twice(copy.entry):
                copy, source = source, copy
                how = {"dropped": "added", "added": "dropped"}.get(how, how)
            if id(copy.entry) not in reported:
                break
        else:
            continue
        reported.add(id(copy.entry))
        assert copy.entry.authors is not None and source.entry.authors is not None
        name = f"`{entry_name(source.entry, 'untitled entry')}` (arXiv `{_written_id(source.entry)}`)"
        yield Violation(
            copy.entry.authors.span,
            _message(how, copy, source, name),
            related=(Related(source.entry.authors.span, "the author list it resembles", source.doc),),
            doc=copy.doc,
        )


def _matches(
    number: int,
    compared: list[_Listed],
    minimum: int,
    changed: dict[tuple[str, tuple[str, ...]], list[int]],
    dropped: dict[tuple[str, tuple[str, ...]], list[int]],
    whole: dict[tuple[str, tuple[str, ...]], list[int]],
    prefixes: dict[tuple[str, tuple[str, ...]], list[int]],
) -> list[tuple[int, str]]:
    """The earlier lists of other papers this one nearly copies, earliest first, and how each differs."""
    item = compared[number]
    names, language = item.names, item.doc.language
    found: list[tuple[int, str]] = []
    for at in range(len(names)):
        found += [(other, "changed") for other in changed.get((language, names[:at] + (_ANY,) + names[at + 1 :]), ())]
        found += [(other, "added") for other in whole.get((language, names[:at] + names[at + 1 :]), ())]
    found += [(other, "dropped") for other in dropped.get((language, names), ())]
    found += [(other, "prefix") for other in prefixes.get((language, names), ())]
    for end in range(minimum, len(names) - 1):
        found += [(other, "prefix") for other in whole.get((language, names[:end]), ())]
    return [
        (other, how)
        for other, how in sorted(set(found))
        if _different_paper(item, compared[other], minimum) and not sequels(item.entry, compared[other].entry)
    ]


def _different_paper(item: _Listed, source: _Listed, minimum: int) -> bool:
    if source.names == item.names or source.arxiv == item.arxiv or source.people < minimum:
        return False
    # One paper under two IDs is for duplicate-title.
    return item.title is None or item.title != source.title


def _written_id(entry: Entry) -> str:
    found = entry_id(entry)
    return found.base if found else "?"


def _message(how: str, copy: _Listed, source: _Listed, name: str) -> str:
    if how == "prefix":
        return (
            f"The author list is cut short of that of {name}: its {len(copy.names)} names are the first "
            f"{len(copy.names)} of that list's {len(source.names)}"
        )
    mine, theirs = _written(copy), _written(source)
    if how == "changed":
        at = next(at for at, (one, other) in enumerate(zip(copy.names, source.names)) if one != other)
        difference = f"`{mine[at]}` in place of `{theirs[at]}`"
    elif how == "dropped":
        at = next((at for at, (one, other) in enumerate(zip(copy.names, source.names)) if one != other), len(copy.names))
        difference = f"`{theirs[at]}` dropped"
    else:
        at = next((at for at, (one, other) in enumerate(zip(copy.names, source.names)) if one != other), len(source.names))
        difference = f"`{mine[at]}` added"
    return f"The author list is that of {name} but for one name: {difference}"


def _written(item: _Listed) -> list[str]:
    """The list's names as written (`Ada Lovelace`), where each can be told; else as compared (`ada lovelace`)."""
    assert item.entry.authors is not None
    as_written: dict[str, str] = {}
    for written in split_authors(item.entry.authors.value):
        key = normalise_authors(written).names
        if len(key) == 1:
            as_written.setdefault(key[0], written.rstrip("*†‡§¶#0123456789¹²³ "))
    return [as_written.get(name, name) for name in item.names]
