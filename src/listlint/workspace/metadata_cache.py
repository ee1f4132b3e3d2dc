"""The file `verify` keeps arXiv's answers in: JSON by versionless ID, written atomically.

```json
{
 "listlint-arxiv-cache": 1,
 "papers": {
  "2101.00001": {"fetched": "2025-01-31T12:00:00Z", "title": "...", "authors": ["..."],
                 "abstract": "...", "published": "...", "updated": "...", "primary_category": "cs.CV"},
  "2101.99999": {"fetched": "2025-01-31T12:00:00Z", "not_found": true}
 }
}
```

Keys are sorted and the file ends in a newline, so that a cache committed to a
repository changes by the lines of the papers that changed.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from listlint.analysis.arxiv_papers import Metadata, Paper
from listlint.base.errors import InputError
from listlint.base.values import value

FORMAT = 1
_MARK = "listlint-arxiv-cache"
_FIELDS = ("title", "abstract", "published", "updated", "primary_category")


def default_cache_path(environ: Mapping[str, str] = os.environ) -> Path:
    """`$XDG_CACHE_HOME/listlint/arxiv.json`, or `~/.cache/listlint/arxiv.json`
    (the XDG base directory rule: a relative `XDG_CACHE_HOME` is ignored)."""
    base = environ.get("XDG_CACHE_HOME", "")
    folder = Path(base) if os.path.isabs(base) else Path(environ.get("HOME") or Path.home()) / ".cache"
    return folder / "listlint" / "arxiv.json"


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@value
class Answer:
    """What arXiv said of one ID, and when."""

    paper: Paper | None
    """None: arXiv has no such paper."""
    fetched: str
    """ISO 8601 in UTC (`2025-01-31T12:00:00Z`)."""


def answer_from_json(key: str, record: Any) -> Answer:
    """An answer as the cache (or a rule page's metadata block) writes it; ValueError
    says what is wrong with it."""
    if not isinstance(record, dict):
        raise ValueError(f"`{key}` is not an object")
    fetched = record.get("fetched", "")
    if not isinstance(fetched, str):
        raise ValueError(f"`{key}.fetched` is not a string")
    if record.get("not_found") is True:
        return Answer(None, fetched)
    values = {}
    for name in _FIELDS:
        item = record.get(name, "")
        if not isinstance(item, str):
            raise ValueError(f"`{key}.{name}` is not a string")
        values[name] = item
    authors = record.get("authors", [])
    if not isinstance(authors, list) or not all(isinstance(name, str) for name in authors):
        raise ValueError(f"`{key}.authors` is not a list of names")
    if not values["title"]:
        raise ValueError(f"`{key}` has no title")
    return Answer(Paper(arxiv_id=key, authors=tuple(authors), **values), fetched)


def _answer_json(answer: Answer) -> dict[str, Any]:
    paper = answer.paper
    if paper is None:
        return {"fetched": answer.fetched, "not_found": True}
    record: dict[str, Any] = {"fetched": answer.fetched, "authors": list(paper.authors)}
    record.update((name, getattr(paper, name)) for name in _FIELDS)
    return record


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


class MetadataCache:
    """arXiv's answers kept between runs, read from and written to one file."""

    def __init__(self, path: Path, answers: dict[str, Answer] | None = None, now: Callable[[], str] = _now) -> None:
        self.path = path
        self.answers = dict(answers or {})
        self.changed = False
        self._now = now

    @classmethod
    def load(cls, path: Path, now: Callable[[], str] = _now) -> MetadataCache:
        """The cache at `path` (empty when there is no file yet); InputError naming the
        file when it cannot be read or is not a cache, before anything is fetched."""
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, now=now)
        except (OSError, UnicodeDecodeError) as error:
            reason = error.strerror if isinstance(error, OSError) else "not UTF-8"
            raise InputError(f"cannot read the arXiv cache: {reason}", str(path)) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise InputError(
                f"corrupt arXiv cache: invalid JSON ({error.msg}, column {error.colno}); delete it to fetch again",
                str(path),
                error.lineno,
            ) from None
        try:
            answers = cls._answers(data)
        except ValueError as error:
            raise InputError(f"corrupt arXiv cache: {error}; delete it to fetch again", str(path)) from None
        return cls(path, answers, now)

    @staticmethod
    def _answers(data: Any) -> dict[str, Answer]:
        if not isinstance(data, dict) or data.get(_MARK) != FORMAT:
            raise ValueError(f"not a listlint arXiv cache (no `\"{_MARK}\": {FORMAT}`)")
        papers = data.get("papers")
        if not isinstance(papers, dict):
            raise ValueError("`papers` is not an object")
        return {key: answer_from_json(key, record) for key, record in papers.items()}

    def get(self, key: str) -> Answer | None:
        return self.answers.get(key)

    def put(self, answers: Mapping[str, Paper | None]) -> None:
        """Keep arXiv's answers, dated now."""
        fetched = self._now()
        for key, paper in answers.items():
            self.answers[key] = Answer(paper, fetched)
        self.changed = self.changed or bool(answers)

    def metadata(self, keys: Iterable[str]) -> Metadata:
        """The answers kept for `keys`; a key without one is left out."""
        return {key: self.answers[key].paper for key in keys if key in self.answers}

    def save(self) -> None:
        """Write the cache through a temporary file in its folder, then a rename: a
        reader, or a run stopped half-way, sees the old cache or the new one."""
        data = {_MARK: FORMAT, "papers": {key: _answer_json(self.answers[key]) for key in sorted(self.answers)}}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        temp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".arxiv-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            # mkstemp's file is the owner's alone; a cache committed to a repository
            # is read by everyone, as the file it replaces was.
            os.chmod(temp, _mode(self.path))
            os.replace(temp, self.path)
        except OSError as error:
            if temp is not None:
                try:
                    os.unlink(temp)
                except OSError:
                    pass
            raise InputError(f"cannot write the arXiv cache: {error.strerror or error}", str(self.path)) from None
        self.changed = False
