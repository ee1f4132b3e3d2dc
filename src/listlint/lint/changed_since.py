"""`--changed-since REF`: keep findings on entries a pull request touched.

An entry is unchanged when the same entry (same identity, same text up to
line endings and trailing white space) stood in the same file at REF, so a
card moved within its file is not "changed"; one moved to another file, or
copied, is. Findings outside entries are kept when their file changed at all. The rules themselves still
see the whole list, so a new card that repeats an old one is caught, and a finding
that points at other entries (the first listing of a duplicate) is kept when any
entry it involves changed, wherever the rule reported it.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from listlint.base.errors import InputError, ListlintError
from listlint.lint.entry_index import EntryIndex
from listlint.rulekit.diagnostics import Finding
from listlint.rulekit.identity import entry_key
from listlint.syntax.document import Document, decode
from listlint.syntax.model import Entry


def _git(args: Sequence[str], cwd: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60
        )
    except FileNotFoundError:
        raise ListlintError("--changed-since needs git, which is not on PATH") from None
    except subprocess.TimeoutExpired:
        raise ListlintError(f"`git {' '.join(args)}` took longer than 60 s") from None


def _top_level(folder: str) -> str:
    done = _git(["rev-parse", "--show-toplevel"], folder)
    if done.returncode != 0:
        raise InputError("--changed-since: not inside a git repository", folder)
    return done.stdout.decode("utf-8", "replace").strip()


def _entry_text(doc: Document, entry: Entry) -> str:
    text = doc.text[entry.span.start : entry.span.end].replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def _fingerprints(doc: Document) -> list[tuple[str | None, str]]:
    return [(entry_key(entry), _entry_text(doc, entry)) for entry in doc.entries]


class ChangedSince:
    """Which entries of some documents changed since a git ref."""

    def __init__(self, ref: str, docs: Sequence[Document]) -> None:
        self.ref = ref
        self._tops: dict[str, str] = {}
        self.changed: set[tuple[int, int]] = set()
        """(id(document), entry start) of entries that are new or edited since REF."""
        self.changed_files: set[int] = set()
        """id() of documents whose text differs from REF (or that are new)."""
        self._compared: set[int] = set()
        # The reported documents are compared now, so that a bad REF is an error even
        # when nothing is found; a context document when a finding points into it.
        for doc in docs:
            self._compare(doc)

    def _compare(self, doc: Document) -> None:
        if id(doc) in self._compared:
            return
        self._compared.add(id(doc))
        old = self._old_text(doc)
        if old is not None and old.replace("\r\n", "\n") == doc.text.replace("\r\n", "\n"):
            return
        self.changed_files.add(id(doc))
        # A multiset, consumed in order: of two copies of an old card, the
        # later one is the new one (where duplicate rules report).
        left = Counter(_fingerprints(doc.reparsed(old)) if old else [])
        for entry in doc.entries:
            key = (entry_key(entry), _entry_text(doc, entry))
            if left[key] > 0:
                left[key] -= 1
            else:
                self.changed.add((id(doc), entry.span.start))

    def _top(self, folder: str) -> str:
        top = self._tops.get(folder)
        if top is None:
            top = self._tops[folder] = _top_level(folder)
            verified = _git(["rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}"], top)
            if verified.returncode != 0:
                raise InputError(
                    f"--changed-since: `{self.ref}` is not a commit in this repository", top
                )
        return top

    def _old_text(self, doc: Document) -> str | None:
        """The file's text at REF, or None when it did not exist there (or was no text)."""
        if doc.path == "-" or not os.path.exists(doc.path):
            self._top(os.getcwd())
            return None
        path = Path(doc.path).resolve()
        top = self._top(str(path.parent))
        relative = path.relative_to(Path(top).resolve()).as_posix()
        shown = _git(["show", f"{self.ref}:{relative}"], top)
        if shown.returncode != 0:
            return None
        try:
            text, _ = decode(shown.stdout, f"{self.ref}:{relative}")
        except ListlintError:
            # Not text at REF (not UTF-8, binary): nothing of it can match, as if new.
            return None
        return text

    def keep(self, findings: Sequence[Finding]) -> list[Finding]:
        """Findings that involve a change: on a changed entry (outside entries, in a
        changed file), or pointing at one. A new card above an untouched card with its
        arXiv ID makes the untouched one the later, where the duplicate is reported."""
        index = EntryIndex()

        def changed_at(doc: Document, offset: int) -> bool:
            self._compare(doc)
            entry = index.entry_at(doc, offset)
            if entry is None:
                return id(doc) in self.changed_files
            return (id(doc), entry.span.start) in self.changed

        return [
            finding
            for finding in findings
            if changed_at(finding.doc, finding.span.start)
            or any(changed_at(place.doc, place.span.start) for place in finding.related)
        ]
