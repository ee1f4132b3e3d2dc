"""The settings of one run, as rules and the runner read them (reading them is `workspace.config`),
and the Document they make of a file."""

from __future__ import annotations

import enum
from dataclasses import field
from pathlib import Path
from typing import Any

from listlint.base.globs import glob_match
from listlint.base.values import value
from listlint.syntax.document import Document, path_language

DEFAULT_EXCLUDE = (
    ".git/",
    ".hg/",
    ".svn/",
    "node_modules/",
    ".venv/",
    "venv/",
    "__pycache__/",
    ".tox/",
    "site-packages/",
)
DEFAULT_INCLUDE = ("*.md", "*.markdown")


class Command(enum.Enum):
    """The commands a rule runs under."""

    CHECK = "check"
    """`check` and `fix`: the list alone, never the network."""
    VERIFY = "verify"
    """`verify`: the list against arXiv's metadata of its papers."""


@value
class Settings:
    """Resolved settings for one run (or one part of a tree)."""

    root: Path | None = None
    """The folder of the configuration file; cross-file rules load the list from here."""
    config_path: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(glob, selectors): globs match paths relative to `root`, gitignore-style."""
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    """File name patterns picked up when walking a folder (`*.txt` for text lists)."""
    languages: tuple[tuple[str, str], ...] = ()
    """(glob, language) overrides of the language a file is written in."""
    layout: tuple[tuple[str, str], ...] = ()
    """(glob, layout) forcing `cards` or `daily` where detection is not wanted."""
    style: tuple[tuple[str, str], ...] = ()
    """(glob, style): whose conventions a file's cards are judged by, `house` (the home
    list's) or `own` (the file's own majority); `auto`, the default, reads it from the cards."""
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per rule name, the options the user set (validated against the rule)."""
    cache: Path | None = None
    """`cache = "..."`: the file `verify` keeps arXiv's answers in, resolved against
    the configuration file's folder; None for the user's cache folder."""
    command: Command = Command.CHECK
    """The command whose rules run (`verify` sets its own; no configuration key)."""

    def relative(self, path: str) -> str:
        if self.root is None:
            return path.replace("\\", "/")
        try:
            return Path(path).resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.replace("\\", "/")

    def language_for(self, path: str) -> str | None:
        return self._first(self.languages, path)

    def layout_for(self, path: str) -> str | None:
        return self._first(self.layout, path)

    def style_for(self, path: str) -> str:
        """`house`, `own` or `auto`: the `style` setting of the first glob that matches."""
        return self._first(self.style, path) or "auto"

    def _first(self, table: tuple[tuple[str, str], ...], path: str) -> str | None:
        if not table:
            return None
        rel = self.relative(path)
        for pattern, setting in table:
            if glob_match(rel, pattern):
                return setting
        return None


def document(text: str, path: str, settings: Settings, *, bom: bool = False, place: str | None = None) -> Document:
    """The text of the file at `path` as a Document, read as `settings` say; the one place
    a Document is made from settings.

    The language and layout are those configured for `path`, else detected: the language
    from `place`, where the file stands in its list (`zh/README.md` for a `README.md`
    typed inside `zh/`), when the caller knows it, else from `path` as given; when the
    name says nothing either, the document reads it from its content.
    """
    language, reason = settings.language_for(path), "the configuration"
    if language is None:
        language, reason = path_language(place or path), "its name"
    return Document(text, path, bom=bom, language=language, layout=settings.layout_for(path), language_from=reason)  # type: ignore[arg-type]
