"""Run rules on rule pages and fixture folders the same way for every rule."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from listlint.analysis.arxiv_papers import Metadata
from listlint.api import parse_text
from listlint.lint.engine import lint
from listlint.lint.fixer import fix_document
from listlint.rulekit.rule import Rule
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.workspace.metadata_cache import MetadataCache, answer_from_json

FENCE = re.compile(
    r"^```(?:markdown|md)(?:[ \t]+path=(?P<path>\S+))?[ \t]*\n(?P<body>.*?)^```[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
# arXiv's metadata that a `verify` rule's page is checked with: ```json arxiv, the
# cache's records by ID (`{"2101.00001": {"title": ..., "authors": [...]}}`).
ARXIV_FENCE = re.compile(r"^```json[ \t]+arxiv[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
CASE_METADATA = "arxiv.json"
"""A `verify` rule's fixture folder keeps the metadata its cases are checked with
here, as a cache file."""


@dataclass
class PageExample:
    failing: dict[str, str]
    """Path -> text of each failing example file."""
    fixed: dict[str, str]
    metadata: Metadata | None = None
    """arXiv's answers the examples are checked with (a `verify` rule's page)."""


def page_examples(text: str) -> PageExample:
    """The failing and fixed examples of a rule page.

    A paragraph `Failing:` (or `Failing (anything):`) starts the failing
    examples and `Fixed:` the fixed ones; each is one or more fenced
    ```markdown blocks, with `path=README_zh.md` when the file name matters.
    """
    failing_at = re.search(r"^Failing\b[^\n]*:\s*$", text, re.MULTILINE)
    fixed_at = re.search(r"^Fixed\b[^\n]*:\s*$", text, re.MULTILINE)
    assert failing_at and fixed_at, "page needs a `Failing:` and a `Fixed:` paragraph"
    assert failing_at.start() < fixed_at.start(), "`Failing:` comes before `Fixed:`"
    # The next page heading ends the fixed examples; `#` lines inside the
    # examples' fences are example headings, not page headings.
    fenced = [match.span() for match in FENCE.finditer(text)]
    fixed_end = len(text)
    for heading in re.finditer(r"^#{1,6} ", text[fixed_at.end() :], re.MULTILINE):
        at = fixed_at.end() + heading.start()
        if not any(start <= at < end for start, end in fenced):
            fixed_end = at
            break

    def blocks(chunk: str) -> dict[str, str]:
        found = {}
        for match in FENCE.finditer(chunk):
            found[match.group("path") or "README.md"] = match.group("body")
        return found

    failing = blocks(text[failing_at.end() : fixed_at.start()])
    fixed = blocks(text[fixed_at.end() : fixed_end])
    assert failing, "no ```markdown block after `Failing:`"
    assert fixed, "no ```markdown block after `Fixed:`"
    metadata = None
    block = ARXIV_FENCE.search(text)
    if block is not None:
        records = json.loads(block.group("body"))
        metadata = {key: answer_from_json(key, record).paper for key, record in records.items()}
    return PageExample(failing, fixed, metadata)


def case_metadata(case: Path) -> Metadata | None:
    """The metadata a fixture case is checked with: its folder's cache file, if any."""
    path = case.parent / CASE_METADATA
    if not path.is_file():
        return None
    cache = MetadataCache.load(path)
    return cache.metadata(cache.answers)


def documents(files: dict[str, str], settings: Settings | None = None) -> list[Document]:
    return [parse_text(text, path, settings) for path, text in files.items()]


def lint_files(  # type: ignore[no-untyped-def]
    files: dict[str, str], rules: Sequence[Rule], settings: Settings | None = None, metadata: Metadata | None = None
):
    settings = settings or Settings()
    docs = documents(files, settings)
    return lint(docs, settings, rules=rules, metadata=metadata)


def fix_files(
    files: dict[str, str],
    rules: Sequence[Rule],
    settings: Settings | None = None,
    unsafe: bool = True,
    metadata: Metadata | None = None,
) -> dict[str, str]:
    """Each file fixed by `rules` alone, the other files as context."""
    settings = settings or Settings()
    docs = documents(files, settings)
    out = {}
    for doc in docs:
        others = [d for d in docs if d is not doc]
        out[doc.path] = fix_document(
            doc, settings, context=others, rules=rules, unsafe=unsafe, metadata=metadata
        ).text
    return out


def case_files(case: Path) -> dict[str, str]:
    """A fixture case: one file, or a folder of files linted together."""
    if case.is_dir():
        return {
            path.relative_to(case).as_posix(): path.read_bytes().decode("utf-8")
            for path in sorted(case.rglob("*"))
            if path.is_file()
        }
    return {case.name: case.read_bytes().decode("utf-8")}


def snapshot(case: Path, rule: Rule) -> str:
    """Findings of `rule` on a case, then each file after the rule's fixes."""
    files = case_files(case)
    metadata = case_metadata(case)
    findings = lint_files(files, [rule], metadata=metadata)
    lines = [
        f"{f.path}:{f.line}:{f.column}-{f.location.end_line}:{f.location.end_column}: "
        f"{f.code} [{f.name}] {f.message}"
        + (f" (fix: {f.fix.title}, {f.fix.applicability.value})" if f.fix else "")
        + "".join(f"\n    related {r.location.path}:{r.location.line}:{r.location.column}: {r.message}" for r in f.related)
        for f in findings
    ]
    out = ["# findings", *lines]
    if any(f.fix for f in findings):
        for path, text in fix_files(files, [rule], metadata=metadata).items():
            if text != files[path]:
                out += [f"# fixed {path}", text.rstrip("\n")]
    return "\n".join(out) + "\n"
