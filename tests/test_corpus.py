"""The real lists in ../shared: exact tiling, expected card counts, stable and safe fixes."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import shared_path
from listlint.analysis.render import render, same_rendering, without_layout
from listlint.analysis.visible import visible_text
from listlint.api import fix_text
from listlint.base.spans import Span
from listlint.lint.engine import lint
from listlint.lint.fixer import apply_edits
from listlint.rulekit.diagnostics import Applicability, Edit
from listlint.rulekit.rule import FixAvailability
from listlint.rulekit.settings import Settings
from listlint.rules import RULES
from listlint.syntax.document import Document, load
from listlint.syntax.fields import LABEL_KEYS, QUOTE_LABELS, SECTION_LABELS, normalise_label


def _files() -> list[Path]:
    corpus = shared_path("corpus")
    seeds = shared_path("seeds")
    return sorted(corpus.rglob("*.md")) + sorted(seeds.glob("*.txt"))


@pytest.fixture(scope="module")
def files() -> list[Path]:
    return _files()


def test_segments_join_back_to_the_exact_bytes(files: list[Path]) -> None:
    for path in files:
        data = path.read_bytes()
        doc = load(data, str(path))
        assert "".join(doc.segment_texts()) == doc.text, path
        assert (("\ufeff" if doc.bom else "") + doc.text).encode("utf-8") == data, path


def test_card_counts() -> None:
    corpus = shared_path("corpus")
    counts = {"en": 0, "zh": 0}
    for path in corpus.rglob("*.md"):
        doc = load(path.read_bytes(), str(path))
        counts[doc.language] += len(doc.cards)
    assert counts == {"en": 582, "zh": 582}


@pytest.mark.slow
def test_fix_is_stable_and_safe(files: list[Path]) -> None:
    for path in files:
        doc = load(path.read_bytes(), str(path))
        name = path.name if path.suffix == ".md" else "README_zh.md"
        once = fix_text(doc.text, name)
        assert not once.refused, (path, [(f.line, f.name, reason) for f, reason in once.refused])
        twice = fix_text(once.text, name)
        assert twice.text == once.text, path
        assert twice.applied == 0, path
        assert len(load(once.text.encode(), name).cards) == len(doc.cards), path


_MARK = "\ue000"  # a private-use character: no Markdown meaning, shown as itself
_WORD = re.compile(r"\w+")
_NOT_LETTER = re.compile(r"[\W_]+")


def _letters(text: str) -> Counter[str]:
    """The letters and digits of `text`, case folded."""
    return Counter(_NOT_LETTER.sub("", text.casefold()))

# Fixes whose purpose is to write other words where their edit is, as their
# titles say: a canonical arXiv URL, an anchor replaced by its URL; and venue-format,
# whose safe fixes change case, spacing and punctuation only (`SIGGRAPH-ASIA` is
# `SIGGRAPH Asia`): they keep every letter and digit, checked on its own below;
# label-language-mismatch writes a label in the file's language, and only the label.
_REWRITES = {"non-canonical-arxiv-url", "html-in-field", "venue-format", "label-language-mismatch"}


def _is_label(text: str) -> bool:
    """Whether `text` is a label listlint knows, colon and all: all a label fix may write."""
    sections = {label for labels in SECTION_LABELS.values() for label in labels.values()}
    return normalise_label(text) in LABEL_KEYS or text in QUOTE_LABELS.values() or text in sections


def _safe_fixes_by_rule(doc: Document) -> dict[str, list[Edit]]:
    """Each rule's safe edits of a first fix pass, as `fix` applies them (checked, none overlapping)."""
    fixing = [rule for rule in RULES if rule.fix is not FixAvailability.NONE]
    by_rule: dict[str, list[Edit]] = {}
    for finding in lint([doc], Settings(), rules=fixing):
        fix = finding.fix
        if fix is None or fix.applicability is not Applicability.SAFE:
            continue
        if fix.verify is not None and fix.verify() is not None:
            continue
        taken = by_rule.setdefault(finding.name, [])
        if not any(edit.span.overlaps(other.span) for edit in fix.edits for other in taken):
            taken.extend(fix.edits)
    return by_rule


def _edits_in(edits: list[Edit], span: Span, last: bool) -> list[Edit]:
    """The edits inside one segment, shifted to its start (an insertion at its end belongs to the next)."""
    return sorted(
        (Edit(edit.span.shift(-span.start), edit.new_text) for edit in edits
         if span.start <= edit.span.start and edit.span.end <= span.end and (last or edit.span.start < span.end)),
        key=lambda edit: edit.span,
    )


def _marked(text: str, edits: list[Edit], new: bool) -> str:
    """`text` (before the edits, or after them with `new`) with each edit's text replaced by _MARK."""
    pieces, cursor, delta = [], 0, 0
    for edit in edits:
        start = edit.span.start + (delta if new else 0)
        pieces += [text[cursor:start], _MARK]
        cursor = start + (len(edit.new_text) if new else len(edit.span))
        delta += len(edit.new_text) - len(edit.span)
    return "".join(pieces) + text[cursor:]


def _words(markdown: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(visible_text(markdown)))


def test_every_safe_fix_keeps_the_rendering_around_it_and_the_visible_text() -> None:
    """On the corpus, rule by rule, the safe fixes of a first pass (applied together):

    - every segment they leave alone (a card, the text between cards) renders as
      before, by cmark-gfm as on GitHub: the file still renders as its segments
      one after another, as it did (a fence or a comment left open would take in
      what follows);
    - a formatted card renders the same;
    - a changed card shows the same text in the same order, but for what the
      edits themselves write; where they change no character a reader sees
      (blank lines, lists, white space), its whole visible text is kept; and
      no word shown is lost, but by the fixes that rewrite (_REWRITES).
    """
    def html(text: str) -> str:
        return without_layout(render(text))

    changed = 0
    for path in sorted(shared_path("corpus").rglob("*.md")):
        doc = load(path.read_bytes(), path.name)
        spans = [segment.span for segment in doc.segments]
        rendered = [html(doc.text[span.start : span.end]) for span in spans]
        assert html(doc.text) == "".join(rendered), path
        for name, edits in _safe_fixes_by_rule(doc).items():
            pieces, texts = list(rendered), []
            for number, span in enumerate(spans):
                inside = _edits_in(edits, span, last=number + 1 == len(spans))
                before = doc.text[span.start : span.end]
                after = apply_edits(before, inside)
                texts.append(after)
                if after == before:
                    continue
                changed += 1
                pieces[number] = html(after)
                where = (str(path), name, doc.position(span.start)[0])
                if name == "non-canonical-card":
                    assert same_rendering(before, after), where
                assert visible_text(_marked(before, inside, False)) == visible_text(_marked(after, inside, True)), where
                if all(visible_text(before[edit.span.start : edit.span.end]) == visible_text(edit.new_text) for edit in inside):
                    assert visible_text(before) == visible_text(after), where
                if name not in _REWRITES:
                    assert not _words(before) - _words(after), where
                if name == "label-language-mismatch":
                    assert all(_is_label(edit.new_text) for edit in inside), where
                if name == "venue-format":
                    for edit in inside:
                        assert not _letters(before[edit.span.start : edit.span.end]) - _letters(edit.new_text), where
            assert "".join(texts) == apply_edits(doc.text, edits), (path, name)  # no edit was left out
            assert html("".join(texts)) == "".join(pieces), (path, name)
    assert changed > 1000
