"""A list file, decoded and parsed: its text, segments, entries and line index."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from typing import Literal

from listlint.analysis.language import nearly_all_language
from listlint.base.errors import InputError
from listlint.base.spans import Line, LineIndex, LineTable
from listlint.syntax.daily import is_daily, scan_daily
from listlint.syntax.layouts import LayoutSection, layout_sections, scan_layouts
from listlint.syntax.model import Card, Entry, Segment

BOM = "\ufeff"
Language = Literal["en", "zh", "ja", "ko"]

# What marks a file of each language but English: a suffix of its name's stem
# (longest first, so that `_zh-cn` is not read as `-cn`) or the name of a folder above it.
LANGUAGE_SUFFIXES: dict[Language, tuple[str, ...]] = {
    "zh": ("_zh-cn", "_zh_cn", "_zh", "-zh", ".zh", "_cn", "-cn"),
    "ja": ("_ja", "-ja", ".ja", "_jp", "-jp"),
    "ko": ("_ko", "-ko", ".ko", "_kr", "-kr"),
}
_LANGUAGE_FOLDERS: dict[str, Language] = {
    "zh": "zh", "zh-cn": "zh", "zh_cn": "zh", "cn": "zh", "ja": "ja", "jp": "ja", "ko": "ko", "kr": "ko",
}


# What a file's own prose is not: links (their labels are titles and names), emoji
# shortcodes (`:star:`).
_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)")
_SHORTCODE = re.compile(r":[a-z0-9_+-]+:")


def path_language(path: str) -> Language | None:
    """`README_zh.md`, `list.zh.md`, `zh/README.md` want Chinese prose (`_ja`, `_ko`:
    Japanese, Korean); other names say nothing."""
    name = os.path.basename(path).lower()
    stem = name.rsplit(".", 1)[0]
    for language, suffixes in LANGUAGE_SUFFIXES.items():
        if stem.endswith(suffixes):
            return language
    parts = path.replace("\\", "/").lower().split("/")
    for part in parts[:-1]:
        if part in _LANGUAGE_FOLDERS:
            return _LANGUAGE_FOLDERS[part]
    return None


def detect_language(path: str) -> Language:
    """The language a path says, English when it says none."""
    return path_language(path) or "en"


def decode(data: bytes, path: str) -> tuple[str, bool]:
    """Decode UTF-8 bytes to text and whether a BOM was present.

    Raises InputError naming the line of the first bad byte, so the user can
    find it; a NUL byte means the file is binary, not a list.
    """
    # Its BOM says so; its NUL bytes would otherwise call it binary. UTF-32 LE's BOM
    # starts as UTF-16 LE's does, so it goes first.
    for boms, name in (((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"), "UTF-32"), ((b"\xff\xfe", b"\xfe\xff"), "UTF-16")):
        if data.startswith(boms):
            raise InputError(f"{name} text; listlint reads UTF-8 (save the file as UTF-8)", path, 1)
    if b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise InputError("binary file (contains a NUL byte), not a Markdown list", path, line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})",
            path,
            line,
        ) from None
    if "\n" not in text and "\r" in text.rstrip("\r"):
        # Classic Mac line ends: Markdown reads many lines where listlint would read
        # one, find no card in it, and call the file clean.
        raise InputError("lines end in CR alone; listlint reads LF or CRLF line endings", path, 1)
    if text.startswith(BOM):
        return text[1:], True
    return text, False


def newline_of(text: str) -> str:
    position = text.find("\n")
    if position > 0 and text[position - 1] == "\r":
        return "\r\n"
    return "\n"


class Document:
    """One list file, parsed on first use of its entries. Entries point back to it through `entry.doc`."""

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        *,
        bom: bool = False,
        language: Language | None = None,
        layout: str | None = None,
        language_from: str = "the configuration",
    ) -> None:
        self.path = path
        """The path as the user gave it (or `-`, or the --stdin-filename)."""
        self.text = text
        """The decoded text without its BOM."""
        self.bom = bom
        self.newline = newline_of(text)
        self._language: Language | None = language
        self._language_from = language_from
        self.forced_layout = layout
        """`cards` or `daily` when configuration forces it; None to detect."""
        self._entries: tuple[Entry, ...] | None = None
        self._index: LineIndex | None = None

    def _parse(self) -> None:
        """Scan the text into segments and entries, on first use: a run that shares its
        rules with a second process forks before parsing, and each process parses the
        documents it reads (see `listlint.lint.parallel`)."""
        text, layout = self.text, self.forced_layout
        entries: Sequence[Entry]
        # Both layouts and the layout test read the lines: split them once.
        self._line_table = LineTable(text)
        lines = self._line_table.lines
        if layout == "daily" or (layout is None and is_daily(text, lines)):
            self._layout = "daily"
            segments, entries = scan_daily(text, forced=layout == "daily", doc=self, lines=lines)
        else:
            self._layout = "cards"
            segments, entries = scan_layouts(text, lines, doc=self, starts=self._line_table.starts)
        self._segments: tuple[Segment, ...] = tuple(segments)
        self._entries = tuple(entries)
        self._line_table.release()

    @property
    def language(self) -> Language:
        """The language the file's prose must be in: as given, else as its name says, else
        the one nearly all its prose is in (a Chinese list named README.md is Chinese),
        else English."""
        return self._decided_language()[0]

    @property
    def language_from(self) -> str:
        """Why the file is in its language: `the configuration` (or whoever gave it),
        `its name`, `its content`, or `default`."""
        return self._decided_language()[1]

    def _decided_language(self) -> tuple[Language, str]:
        if self._language is None:
            found, self._language_from = path_language(self.path), "its name"
            if found is None:
                found = nearly_all_language(self._prose())
                self._language_from = "its content" if found is not None else "default"
            self._language = found or "en"
        return self._language, self._language_from

    def _prose(self) -> Iterator[str]:
        """What the file writes in sentences: its entries' prose fields and the lines
        between its entries, less links; not titles, authors or venues, which are names."""
        for entry in self.entries:
            if entry.one_liner is not None:
                yield entry.one_liner.value
            quote = getattr(entry, "quote", None)
            if quote is not None:
                yield quote.body_text
            for section in (entry.abstract, entry.key_points):
                if section is not None:
                    yield section.body_text
        for segment in self.segments:
            if segment.kind == "verbatim":
                for line in self.text[segment.span.start : segment.span.end].splitlines():
                    yield _SHORTCODE.sub(" ", _LINK.sub(" ", line))

    @property
    def entries(self) -> tuple[Entry, ...]:
        if self._entries is None:
            self._parse()
        return self._entries  # type: ignore[return-value]

    @property
    def segments(self) -> tuple[Segment, ...]:
        if self._entries is None:
            self._parse()
        return self._segments

    @property
    def layout(self) -> str:
        """`cards` or `daily`."""
        if self._entries is None:
            self._parse()
        return self._layout

    @property
    def layouts(self) -> dict[str, int]:
        """How many entries of each layout the file holds (`card`, `heading`, `bullet`,
        `paragraph`, `table-row`, `daily`), in the order first met."""
        counts: dict[str, int] = {}
        for entry in self.entries:
            counts[entry.layout] = counts.get(entry.layout, 0) + 1
        return counts

    def layout_sections(self) -> tuple[LayoutSection, ...]:
        """Per section (the text under a heading) that holds entries, the layouts read in it."""
        return layout_sections(self.text, self.lines, self.entries)

    @property
    def _lines(self) -> LineTable:
        if self._entries is None:
            self._parse()
        return self._line_table

    @property
    def cards(self) -> Sequence[Card]:
        return [entry for entry in self.entries if isinstance(entry, Card)]

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            # Read from the line table when the text was parsed: the same starts, split once.
            self._index = LineIndex(self.text, self._line_table if self._entries is not None else None)
        return self._index

    @property
    def lines(self) -> list[Line]:
        """Every line of the text (shared: do not change the list)."""
        return self._lines.lines

    def lines_in(self, start: int, end: int) -> list[Line]:
        """The lines of `text[start:end]` as `split_lines(..., start)` gives them, split once per document."""
        return self._lines.within(start, end)

    def release(self) -> None:
        """Let the parse go; it is made again if the entries are asked for again.

        The entries point back here (`entry.doc`): a cycle that only the cyclic
        collector would free, and a one-shot run keeps the collector off. A run
        calls this for a text it is done with (a text between two fix passes).
        """
        self._entries = None

    def reparsed(self, text: str) -> Document:
        """A new text of this file (a fixed one), parsed with this one's settings."""
        return Document(
            text,
            self.path,
            bom=self.bom,
            language=self.language,
            layout=self.forced_layout,
            language_from=self.language_from,
        )

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset."""
        return self.index.position(offset)

    def slice(self, start: int, end: int) -> str:
        return self.text[start:end]

    def segment_texts(self) -> list[str]:
        return [self.text[s.span.start : s.span.end] for s in self.segments]

    def __repr__(self) -> str:
        return f"Document({self.path!r}, {len(self.entries)} entries)"


def load(data: bytes, path: str) -> Document:
    """A file's bytes decoded and parsed, its language and layout detected (with settings:
    `listlint.rulekit.settings.document`)."""
    text, bom = decode(data, path)
    return Document(text, path, bom=bom)
