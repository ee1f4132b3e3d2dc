"""A run over files: load documents, add the rest of the list as context, lint or fix."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from listlint.config import Settings
from listlint.diagnostics import Finding
from listlint.document import Document, decode
from listlint.engine import lint, rules_for
from listlint.errors import InputError, ListlintError
from listlint.files import Snapshot, Source, list_files, read_source
from listlint.fixer import FixOutcome, fix_document
from listlint.registry import Scope


@dataclass
class Loaded:
    """A source read and decoded into a document."""

    source: Source
    doc: Document
    data: bytes | None
    """The bytes as read, which `fix` compares its result with; None where the
    caller said it would not need them (`check` holds the decoded text only)."""
    snapshot: Snapshot | None = None
    """The file as read, which `fix` checks before replacing it; None for stdin
    and where the bytes were let go."""


@dataclass
class RunResult:
    """What a check run found, and the files it could not read."""

    findings: list[Finding] = field(default_factory=list)
    errors: list[ListlintError] = field(default_factory=list)
    files: int = 0
    documents: list[Document] = field(default_factory=list)
    """The documents reported on (not the context-only ones)."""


def load_source(source: Source, stdin: bytes | None = None, *, keep_data: bool = True) -> Loaded:
    """The source read and decoded; `keep_data=False` lets its bytes go (a large list
    would hold each file twice, as bytes and as text)."""
    snapshot = None
    if source.stdin:
        data = stdin or b""
    else:
        data, status = read_source(source.path)
        snapshot = Snapshot.of(data, status) if keep_data else None
    text, bom = decode(data, source.path)
    language = source.settings.language_for(source.path)
    doc = Document(text, source.path, bom=bom, language=language, layout=source.settings.layout_for(source.path))  # type: ignore[arg-type]
    return Loaded(source, doc, data if keep_data else None, snapshot)


def _needs_context(settings: Settings) -> bool:
    return any(rule.scope is Scope.LIST for rule in rules_for(settings))


def _repository_root(loaded: Sequence[Loaded]) -> Path | None:
    """Without a configuration file, the list is the git repository the files are in."""
    for item in loaded:
        if item.source.stdin:
            continue
        folder = Path(item.source.path).resolve().parent
        for candidate in (folder, *folder.parents):
            if (candidate / ".git").exists():
                return candidate
    return None


def context_documents(settings: Settings, loaded: Sequence[Loaded]) -> list[Document]:
    """The other list files under the config root, for cross-file rules.

    pre-commit passes only the changed files; a card that repeats an ID of an
    unchanged file must still be caught, so the rest of the list is loaded
    (read-only, never reported on).
    """
    root = settings.root or _repository_root(loaded)
    if root is None or not _needs_context(settings):
        return []
    seen = {Path(item.source.path).resolve() for item in loaded}
    context = []
    for path in list_files(root, settings):
        if path.resolve() in seen:
            continue
        try:
            text, bom = decode(path.read_bytes(), str(path))
        except (ListlintError, OSError):
            continue
        language = settings.language_for(str(path))
        context.append(Document(text, str(path), bom=bom, language=language, layout=settings.layout_for(str(path))))  # type: ignore[arg-type]
    return context


def group_by_settings(loaded: Sequence[Loaded]) -> list[tuple[Settings, list[Loaded]]]:
    groups: dict[int, tuple[Settings, list[Loaded]]] = {}
    for item in loaded:
        key = id(item.source.settings)
        groups.setdefault(key, (item.source.settings, []))[1].append(item)
    return list(groups.values())


def check_sources(
    sources: Sequence[Source],
    stdin: bytes | None = None,
    advance: Callable[[str], None] | None = None,
    jobs: int | None = 1,
) -> RunResult:
    """Lint every source; `advance(label)` is called per file read and per rule run.

    `jobs`: see `engine.lint` (None lets large runs use a second process).
    """
    result = RunResult()
    loaded: list[Loaded] = []
    for source in sources:
        try:
            loaded.append(load_source(source, stdin, keep_data=False))
        except ListlintError as error:
            result.errors.append(error)
        if advance is not None:
            advance(f"Reading {source.path}")
    result.files = len(loaded)
    result.documents = [item.doc for item in loaded]
    progress = (lambda: advance("Checking")) if advance is not None else None
    for settings, items in group_by_settings(loaded):
        docs = [item.doc for item in items]
        context = context_documents(settings, items)
        result.findings.extend(lint(docs, settings, context=context, progress=progress, jobs=jobs))
    return result


def fix_loaded(
    item: Loaded, context: Sequence[Document], unsafe: bool, final_lint: bool = True
) -> FixOutcome:
    return fix_document(
        item.doc, item.source.settings, context=context, unsafe=unsafe, final_lint=final_lint
    )


@dataclass
class Fixed:
    """One file's fix as the command reports it; it may have been made in another process."""

    text: str | None
    """The fixed text; None when the fix was refused (see `error`)."""
    hidden_unsafe: int = 0
    refused: list[tuple[int, str, str]] = field(default_factory=list)
    """Fixes left out: (line, rule name, reason)."""
    error: ListlintError | None = None
    document: Document | None = None
    """The fixed text parsed, when fixed in this process."""


def fix_items(
    items: Sequence[Loaded], context: Sequence[Document], unsafe: bool, jobs: int | None = 1
) -> list[Fixed]:
    """Fix each file (without its final lint: the caller lints them all together).

    Each file's peers are the context and the other files, unfixed. With `jobs`
    None or above 1 the files are shared with a forked process, largest first,
    as `engine.lint` shares rules.
    """
    others = [item.doc for item in items]

    def one(number: int) -> Fixed:
        item = items[number]
        peers = [*context, *(doc for doc in others if doc is not item.doc)]
        try:
            outcome = fix_loaded(item, peers, unsafe, final_lint=False)
        except ListlintError as error:
            return Fixed(None, error=error)
        refused = [(finding.line, finding.name, reason) for finding, reason in outcome.refused]
        return Fixed(outcome.text, outcome.hidden_unsafe, refused, document=outcome.document)

    from listlint.parallel import share, worth_sharing

    if not worth_sharing(jobs, len(items), sum(len(doc.text) for doc in others)):
        return [one(number) for number in range(len(items))]
    order = sorted(range(len(items)), key=lambda number: -len(others[number].text))
    results = share(
        len(order),
        lambda task: one(order[task]),
        lambda fixed: dataclasses.replace(fixed, document=None),
        lambda task, fixed: fixed,
    )
    by_number = dict(zip(order, results))
    return [by_number[number] for number in range(len(items))]


def read_stdin() -> bytes:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise InputError("standard input is closed", "-")
    try:
        return sys.stdin.buffer.read()
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}", "-") from None
