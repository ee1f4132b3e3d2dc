"""Field labels: which written labels mean which field, and their canonical order."""

from __future__ import annotations

from functools import lru_cache

# Canonical keys in canonical order, with the English label the formatter writes.
CANONICAL_FIELDS: tuple[tuple[str, str], ...] = (
    ("authors", "Authors"),
    ("affiliations", "Affiliations"),
    ("arxiv_id", "arXiv ID"),
    ("one_liner", "One-liner"),
    ("published_in", "Published in"),
    ("links", "Links"),
)
FIELD_ORDER: tuple[str, ...] = tuple(key for key, _ in CANONICAL_FIELDS)
ENGLISH_LABEL: dict[str, str] = dict(CANONICAL_FIELDS)
# The Chinese label of each field where a Chinese list writes one (`arXiv ID` is a name).
# The formatter and `listlint new` write the English labels in both files.
CHINESE_LABEL: dict[str, str] = {
    "authors": "作者",
    "affiliations": "机构",
    "one_liner": "一句话总结",
    "published_in": "发表于",
    "links": "链接",
}
# The label of the Core Innovation quote in each language; a Chinese card writes its own.
QUOTE_LABELS: dict[str, str] = {"en": "Core Innovation", "zh": "核心创新"}
# The summaries of the nested sections in each language; both files write the English.
SECTION_LABELS: dict[str, dict[str, str]] = {
    "abstract": {"en": "Abstract", "zh": "摘要"},
    "key_points": {"en": "Key points", "zh": "要点"},
}

# Written labels, case-folded and with inner white space removed, to keys.
# Chinese lists write some labels in Chinese (`作者：`); both mean the same field.
_ALIASES: dict[str, tuple[str, ...]] = {
    "authors": ("authors", "author", "作者"),
    "affiliations": ("affiliations", "affiliation", "institutions", "机构", "单位", "作者单位"),
    "arxiv_id": ("arxivid", "arxiv", "arxiv编号", "arxiv号"),
    "one_liner": ("one-liner", "oneliner", "tl;dr", "tldr", "一句话", "一句话总结", "核心创新"),
    "published_in": ("publishedin", "venue", "发表于", "发表", "发表在", "会议/期刊"),
    "links": ("links", "link", "链接"),
}
LABEL_KEYS: dict[str, str] = {
    alias: key for key, aliases in _ALIASES.items() for alias in aliases
}

# Labels seen on real cards that are not paper fields but are not mistakes either
# (model cards of commercial systems).
KNOWN_EXTRA_LABELS: frozenset[str] = frozenset({"model", "modelid"})


def normalise_label(label: str) -> str:
    """Fold a written label for lookup: `arXiv ID` -> `arxivid`, `作者：` -> `作者`."""
    return "".join(label.strip().rstrip(":：").split()).casefold()


@lru_cache(maxsize=256)
def field_key(label: str) -> str | None:
    """The canonical key of a written label, or None when it is not a known field."""
    return LABEL_KEYS.get(normalise_label(label))


def is_chinese_label(label: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in label)
