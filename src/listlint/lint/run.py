"""A run over files: load documents, add the rest of the list as context, lint or fix."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from listlint.base.errors import InputError, ListlintError
from listlint.lint.engine import lint, rules_for
from listlint.lint.reading import Notice, Reading, notices, read
from listlint.rulekit.diagnostics import Finding
from listlint.rulekit.rule import Scope
from listlint.rulekit.settings import Settings, document
from listlint.syntax.document import Document, decode
from listlint.workspace.files import Snapshot, Source, list_files, list_path, read_source
from listlint.workspace.gitignore import repository_root

if TYPE_CHECKING:
    from listlint.analysis.arxiv_papers import Metadata
    from listlint.lint.fixer import FixOutcome


class Steps:
    """Where a run counts its steps for a progress bar; this one counts nothing.

    A run says how many steps are to come as soon as it knows (`expect`), so that
    a bar ends on its total, and then passes each (`advance`).
    """

    def expect(self, count: int) -> None:
        """`count` more steps are to come."""

    def advance(self, label: str) -> None:
        """A step is done; `label` says what the run is doing."""


NO_STEPS = Steps()


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
    readings: list[Reading] = field(default_factory=list)
    """How each of them was read, in order."""

    @property
    def notices(self) -> list[Notice]:
        """What the run says of files it read no list in (`lint.reading`)."""
        return notices(self.readings)


def load_source(source: Source, stdin: bytes | None = None, *, keep_data: bool = True) -> Loaded:
    """The source read and decoded; `keep_data=False` lets its bytes go (a large list
    would hold each file twice, as bytes and as text)."""
    snapshot = None
    if source.stdin:
        data = stdin or b""
    else:
        data, status = read_source(source.path)
        snapshot = Snapshot.of(data, status) if keep_data else None
    doc = _document(data, source.path, source.settings)
    return Loaded(source, doc, data if keep_data else None, snapshot)


def _document(data: bytes, path: str, settings: Settings) -> Document:
    """The decoded document, its language read from where it is in the list (not from
    how its path was typed: `README.md` run in `zh/` is Chinese, as `zh/README.md` is)."""
    text, bom = decode(data, path)
    return document(text, path, settings, bom=bom, place=list_path(path, settings))


def _needs_context(settings: Settings) -> bool:
    return any(rule.scope is Scope.LIST for rule in rules_for(settings))


def _repository_root(loaded: Sequence[Loaded]) -> Path | None:
    """Without a configuration file, the list is the git repository the files are in."""
    for item in loaded:
        if item.source.stdin:
            continue
        root = repository_root(Path(item.source.path).resolve().parent)
        if root is not None:
            return root
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
            context.append(_document(path.read_bytes(), str(path), settings))
        except (ListlintError, OSError):
            continue
    return context


def group_by_settings(loaded: Sequence[Loaded]) -> list[tuple[Settings, list[Loaded]]]:
    groups: dict[int, tuple[Settings, list[Loaded]]] = {}
    for item in loaded:
        key = id(item.source.settings)
        groups.setdefault(key, (item.source.settings, []))[1].append(item)
    return list(groups.values())


def rule_steps(groups: Sequence[tuple[Settings, Sequence[Loaded]]]) -> int:
    """The steps of linting each group: one a rule (`engine.lint`'s `progress`)."""
    return sum(len(rules_for(settings)) for settings, _ in groups)


def check_sources(
    sources: Sequence[Source],
    stdin: bytes | None = None,
    steps: Steps = NO_STEPS,
    jobs: int | None = 1,
    lookup: Callable[[Sequence[Document], Steps], Metadata] | None = None,
    lint_rules: bool = True,
) -> RunResult:
    """Lint every source; a step is a file read or a rule run.

    `jobs`: see `engine.lint` (None lets large runs use a second process).
    `lookup`: called with the documents read, before any rule runs, for arXiv's
    metadata of their papers (`verify`; it counts its own steps). Without
    `lint_rules` the sources are only read (`check --show-layout`).
    """
    result = RunResult()
    loaded: list[Loaded] = []
    steps.expect(len(sources))
    for source in sources:
        try:
            loaded.append(load_source(source, stdin, keep_data=False))
        except ListlintError as error:
            result.errors.append(error)
        steps.advance(f"Reading {source.path}")
    result.files = len(loaded)
    result.documents = [item.doc for item in loaded]
    metadata = lookup(result.documents, steps) if lookup is not None else None
    groups = group_by_settings(loaded)
    if not lint_rules:
        result.readings = [read(item.doc, item.source.settings) for item in loaded]
        return result
    steps.expect(rule_steps(groups))
    for settings, items in groups:
        docs = [item.doc for item in items]
        context = context_documents(settings, items)
        result.findings.extend(
            lint(
                docs,
                settings,
                context=context,
                progress=lambda: steps.advance("Checking"),
                jobs=jobs,
                metadata=metadata,
            )
        )
    result.readings = [read(item.doc, item.source.settings, detail=False) for item in loaded]
    return result


def fix_loaded(
    item: Loaded, context: Sequence[Document], unsafe: bool, final_lint: bool = True
) -> FixOutcome:
    from listlint.lint.fixer import fix_document  # here: a `check` does not load the fixer

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
    items: Sequence[Loaded],
    context: Sequence[Document],
    unsafe: bool,
    jobs: int | None = 1,
    steps: Steps = NO_STEPS,
) -> list[Fixed]:
    """Fix each file (without its final lint: the caller lints them all together);
    a step is a file fixed, which the caller expects.

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

    from listlint.lint.parallel import share, worth_sharing

    def done(number: int) -> None:
        steps.advance(f"Fixing {items[number].source.path}")

    def counted(number: int) -> Fixed:
        fixed = one(number)
        done(number)
        return fixed

    if not worth_sharing(jobs, len(items), sum(len(doc.text) for doc in others)):
        return [counted(number) for number in range(len(items))]
    order = sorted(range(len(items)), key=lambda number: -len(others[number].text))
    results = share(
        len(order),
        lambda task: one(order[task]),
        lambda fixed: dataclasses.replace(fixed, document=None),
        lambda task, fixed: fixed,
    )
    # Counted here, not in `one`: the forked process runs `one` too, and must not
    # draw on the terminal.
    for number in order:
        done(number)
    by_number = dict(zip(order, results))
    return [by_number[number] for number in range(len(items))]


def read_stdin() -> bytes:
    if sys.stdin is None:  # started with standard input closed (`<&-`)
        raise InputError("standard input is closed", "-")
    try:
        return sys.stdin.buffer.read()
    except OSError as error:
        raise InputError(f"cannot read standard input: {error.strerror or error}", "-") from None
