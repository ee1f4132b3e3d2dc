"""`listlint verify`: the papers a run names, and arXiv's answers for them, from the cache
or the API; the settings and fixes of a verify run. Pure: the CLI prints and writes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from listlint.analysis.arxiv_papers import Metadata
from listlint.lint.fixer import fix_document
from listlint.lint.run import NO_STEPS, Steps
from listlint.rulekit.arxiv_metadata import named_paper
from listlint.rulekit.diagnostics import Applicability, Finding
from listlint.rulekit.rule import Command
from listlint.rulekit.settings import Settings
from listlint.syntax.document import Document
from listlint.workspace.arxiv_api import DEFAULT_API, ArxivClient
from listlint.workspace.files import Source
from listlint.workspace.metadata_cache import MetadataCache, default_cache_path


def paper_keys(documents: Sequence[Document]) -> list[str]:
    """The papers the documents' entries name, each once, in the order they come."""
    keys: dict[str, None] = {}
    for doc in documents:
        for entry in doc.entries:
            named = named_paper(entry)
            if named is not None:
                keys.setdefault(named.key)
    return list(keys)


def verify_settings(settings: Settings) -> Settings:
    """The settings a verify run uses: its own rules, all of them unless the command
    line selects; `ignore` and `per-file-ignores` apply as they do to `check` (the
    configuration's `select` chooses among check's rules, not verify's)."""
    return dataclasses.replace(settings, command=Command.VERIFY, select=("ALL",), extend_select=())


def cache_path(option: Path | None, sources: Sequence[Source]) -> Path:
    """`--cache`, else the first configuration's `cache`, else the user's cache folder."""
    if option is not None:
        return option
    for source in sources:
        if source.settings.cache is not None:
            return source.settings.cache
    return default_cache_path()


@dataclass
class VerifyRun:
    """What a verify run asks and knows: called by `run.check_sources` as its lookup."""

    cache: MetadataCache
    api: str = DEFAULT_API
    offline: bool = False
    """Never ask arXiv: IDs not in the cache are left unverified (`not_cached`)."""
    refresh: bool = False
    """Ask arXiv again for every ID, cached or not."""
    client: Callable[[str], ArxivClient] | None = None
    """Makes the client for `api`; None for `ArxivClient` as it is."""
    metadata: Metadata = field(default_factory=dict)
    not_cached: int = 0
    asked: int = 0
    """IDs arXiv was asked about."""
    requests: int = 0

    def __call__(self, documents: Sequence[Document], steps: Steps) -> Metadata:
        return self.lookup(paper_keys(documents), steps)

    def lookup(self, keys: Sequence[str], steps: Steps = NO_STEPS) -> Metadata:
        """arXiv's answers for `keys` (by `paper_key`), asked for those the cache lacks."""
        wanted = keys if self.refresh else [key for key in keys if self.cache.get(key) is None]
        if self.offline:
            self.not_cached = len(wanted)
        elif wanted:
            self._fetch(wanted, steps)
        self.metadata = self.cache.metadata(keys)
        return self.metadata

    def _fetch(self, keys: Sequence[str], steps: Steps) -> None:
        client = (self.client or ArxivClient)(self.api)
        steps.expect(len(client.batches(keys)))
        try:
            for answers in client.fetch(keys):
                self.cache.put(answers)
                self.asked += len(answers)
                steps.advance("Asking arXiv")
        finally:
            # What came before a failure is kept: the next run asks only for the rest.
            self.requests = client.requests
            if self.cache.changed:
                self.cache.save()
        # Asked once: a second lint of the same run (after `--fix`) reads the cache.
        self.refresh = False

    def notes(self) -> list[str]:
        """What the run says about the metadata, after its findings."""
        notes = []
        if self.asked:
            notes.append(
                f"Asked arXiv about {self.asked} ID{'s' if self.asked != 1 else ''} "
                f"({self.requests} request{'s' if self.requests != 1 else ''}); kept in {self.cache.path}."
            )
        if self.not_cached:
            one = self.not_cached == 1
            notes.append(
                f"{self.not_cached} arXiv {'ID is' if one else 'IDs are'} not in the cache {self.cache.path}, "
                f"so {'its' if one else 'their'} entries were not verified; run `listlint verify` "
                "without --offline to fetch them."
            )
        return notes


@dataclass
class Fixed:
    """A document verify's fixes changed."""

    doc: Document
    text: str


def fix_documents(
    documents: Sequence[Document],
    settings_of: Callable[[Document], Settings],
    findings: Sequence[Finding],
    metadata: Metadata,
    unsafe: bool,
) -> list[Fixed]:
    """The documents with a fix to apply, fixed by verify's rules (arXiv's title or
    authors put in); the others are each one's context."""
    wanted = {
        id(finding.doc)
        for finding in findings
        if finding.fix is not None
        and (
            finding.fix.applicability is Applicability.SAFE
            or (unsafe and finding.fix.applicability is Applicability.UNSAFE)
        )
    }
    fixed = []
    for doc in documents:
        if id(doc) not in wanted:
            continue
        others = [other for other in documents if other is not doc]
        outcome = fix_document(doc, settings_of(doc), context=others, unsafe=unsafe, metadata=metadata)
        if outcome.text != doc.text:
            fixed.append(Fixed(doc, outcome.text))
    return fixed
