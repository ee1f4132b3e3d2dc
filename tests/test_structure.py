"""Structure rules (LL501-LL506) beyond the snapshots: the seed, the corpus, CRLF, the proofs."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from conftest import shared_path
from gfm import github_html
from harness import fix_files
from listlint.analysis.visible import lost_text, visible_text
from listlint.api import check_text, fix_text, parse_text
from listlint.rulekit.diagnostics import Applicability
from listlint.rules.markdown_in_html_block import markdown_in_html_block
from listlint.rules.missing_blank_line import missing_blank_line

STRUCTURE = {
    "unclosed-details",
    "orphan-summary",
    "malformed-summary",
    "missing-separator",
    "missing-blank-line",
    "markdown-in-html-block",
}

# The cards of seed 002 whose Abstract `<details>` is glued to the quote
# above it (read off the seed: the line before `<details>` starts with `>`).
GLUED_IN_SEED_002 = [
    "VideoGen",
    "VideoPoet",
    "Imagen Video",
    "Align your Latents",
    "Show-1",
    "Stable Video Diffusion",
    "MagicVideo",
    "Make Pixels Dance",
    "Latent Video Diffusion Models for High-Fidelity Long Video Generation",
    "TriDet",
    "Temporal Action Localization with Enhanced Instant Discriminability",
    "BasicTAD",
    "Action Sensitivity Learning for Temporal Action Localization",
    "TemporalMaxer",
    "Contextual Object Detection with Multimodal Large Language Models",
    "ActionFormer",
]
QUOTE_GLUED_TO_DETAILS = re.compile(r"^(>.*)\n(?=<details>)", re.MULTILINE)


def _card_name(doc, offset: int) -> str:  # type: ignore[no-untyped-def]
    card = next(c for c in doc.cards if c.span.start <= offset < c.span.end)
    return card.short_name.value if card.short_name else card.title.value


def test_seed_002_glued_details_render_as_github_shows_them_and_are_left_alone() -> None:
    """A `<details>` line ends the quote glued above it on GitHub, so that glue is no defect."""
    text = shared_path("seeds", "002_762a647fe149189f.txt").read_text(encoding="utf-8")
    doc = parse_text(text, "README_zh.md")
    glued = [_card_name(doc, m.end()) for m in QUOTE_GLUED_TO_DETAILS.finditer(text)]
    assert glued == GLUED_IN_SEED_002
    spaced = QUOTE_GLUED_TO_DETAILS.sub(lambda m: m.group(1) + "\n\n", text)
    assert github_html(spaced) == github_html(text)
    assert not [f for f in check_text(text, "README_zh.md") if f.name == "missing-blank-line"]
    assert fix_files({"README_zh.md": text}, [missing_blank_line])["README_zh.md"] == text


def _corpus_files() -> list[Path]:
    root = shared_path("corpus")
    return sorted(root.rglob("README*.md"))


def test_corpus_fix_succeeds_and_is_stable() -> None:
    """fix_text on every corpus file: it succeeds, and fixing again changes nothing."""
    for path in _corpus_files():
        text = path.read_text(encoding="utf-8")
        once = fix_text(text, str(path))
        assert fix_text(once.text, str(path)).text == once.text, path
        assert len(parse_text(once.text, str(path)).cards) == len(parse_text(text, str(path)).cards)
        left = [f for f in once.remaining if f.name in STRUCTURE and f.fixable]
        assert not left, (path, left[:3])


def test_corpus_has_no_structure_false_positives_on_closed_cards() -> None:
    """The corpus is balanced: no unclosed card, stray summary or missing separator in it."""
    for path in _corpus_files():
        names = {f.name for f in check_text(path.read_text(encoding="utf-8"), str(path))}
        assert not names & {"unclosed-details", "orphan-summary", "missing-separator"}, path


KEY_POINTS = (
    "<details>\r\n<summary><b>Foo: A Card</b></summary>\r\n"
    "* **Authors:** Ada Lovelace\r\n* **arXiv ID:** 2101.00001\r\n\r\n"
    "> **Core Innovation**  \r\n> Shows a card.\r\n"
    "<details>\r\n    <summary>Key points</summary>\r\n    * One.  \r\n    * Two.\r\n</details>\r\n"
    "</details>\r\n\r\n---\r\n"
)


def test_crlf_fixes_keep_crlf_and_converge() -> None:
    out = fix_text(KEY_POINTS, "README.md")
    assert "\n" not in out.text.replace("\r\n", "")
    assert "</summary>\r\n\r\n* **Authors:**" in out.text
    assert "<summary>Key points</summary>\r\n\r\n* One.\r\n* Two.\r\n\r\n</details>" in out.text
    assert out.applied_by_rule["missing-blank-line"] == 1
    assert out.applied_by_rule["markdown-in-html-block"] == 1
    assert fix_text(out.text, "README.md").text == out.text


def test_key_points_fix_is_what_the_formatter_keeps() -> None:
    from listlint.api import format_text

    fixed = fix_files({"README.md": KEY_POINTS.replace("\r\n", "\n")}, [markdown_in_html_block])["README.md"]
    assert format_text(fixed, "README.md") == format_text(KEY_POINTS.replace("\r\n", "\n"), "README.md").replace(
        "    <summary>Key points</summary>\n    * One.\n    * Two.\n",
        "    <summary>Key points</summary>\n\n* One.\n* Two.\n\n",
    )
    section = fixed[fixed.index("<details>\n    <summary>Key points") :]
    assert section.startswith("<details>\n    <summary>Key points</summary>\n\n* One.\n* Two.\n\n</details>")


def test_visible_text_ignores_markers_but_not_words() -> None:
    raw = "<details>\n<summary>Key points</summary>\n* one **bold** [a](https://x.org)\n</details>\n"
    markdown = "<details>\n<summary>Key points</summary>\n\n* one **bold** [a](https://x.org)\n\n</details>\n"
    assert visible_text(raw) == visible_text(markdown)
    assert lost_text(raw, markdown) is None
    assert lost_text(raw, markdown.replace("bold", "")) is not None
    assert lost_text("A 中文 text\n", "A 中文\n") is not None


def test_a_fix_that_loses_text_is_refused() -> None:
    """The verify callback of missing-blank-line compares visible text, so a bad edit is refused."""
    findings = check_text(KEY_POINTS.replace("\r\n", "\n"), "README.md")
    glued = next(f for f in findings if f.name == "missing-blank-line")
    assert glued.fix is not None and glued.fix.verify is not None
    assert glued.fix.verify() is None
    assert glued.fix.applicability is Applicability.SAFE
    module = importlib.import_module("listlint.rules.missing_blank_line")
    card = "> a\n<details>\n<summary>S</summary>\nword\n</details>\n"
    assert module._verifier(card, 4, "\n")() is None
    assert module._verifier(card, 4, "stray words\n")() == "the fix would change the visible text"


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("<summary><b>A: B</b></summary>", None),
        ("<summary><b> A: B</b></summary>", "<summary><b>A: B</b></summary>"),
        ("<summary><strong>A: B</strong></summary>", "<summary><b>A: B</b></summary>"),
        ("<summary>A: B</summary>", "<summary><b>A: B</b></summary>"),
        ("<summary><b>A</b>: B</summary>", "<summary><b>A</b>: B</summary>"),
    ],
)
def test_malformed_summary_fixes_only_certain_shapes(summary: str, expected: str | None) -> None:
    text = (
        f"<details>\n{summary}\n\n* **Authors:** Ada\n* **arXiv ID:** 2101.00001\n\n"
        "> **Core Innovation**  \n> Shows.\n\n</details>\n\n---\n"
    )
    findings = [f for f in check_text(text, "README.md") if f.name == "malformed-summary"]
    assert bool(findings) == (expected is not None)
    fixed = fix_text(text, "README.md").text
    assert fixed.splitlines()[1] == (expected or summary)
