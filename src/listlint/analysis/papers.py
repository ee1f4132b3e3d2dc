"""Whether a text is about papers: links to where papers are published, labelled author lines.

A file that holds such things and no entry listlint could read is a list in a layout it
does not know; saying so beats a silent "All checks passed".
"""

from __future__ import annotations

import re

from listlint.base.values import value

# Where papers live: arXiv and its mirrors, DOIs, OpenReview, the proceedings sites.
PAPER_LINK = re.compile(
    r"(?ai:https?://(?:www\.|export\.)?(?:"
    r"arxiv\.org/(?:abs|pdf|html)/|ar5iv\.(?:labs\.)?arxiv\.org/|alphaxiv\.org/|"
    r"(?:huggingface|hf)\.co/papers/|(?:dx\.)?doi\.org/10\.|openreview\.net/(?:forum|pdf)|"
    r"openaccess\.thecvf\.com/|proceedings\.(?:neurips\.cc|mlr\.press)/|papers\.nips\.cc/|"
    r"aclanthology\.org/|dl\.acm\.org/doi/|ieeexplore\.ieee\.org/(?:abstract/)?document/|"
    r"link\.springer\.com/|(?:www\.)?ecva\.net/papers/|ojs\.aaai\.org/|(?:www\.)?ijcai\.org/proceedings/))"
)
# `**Authors:** ...`, `- **Authors**: ...`, `**作者：**`.
AUTHOR_LINE = re.compile(r"^[ \t]*(?:[*+-][ \t]+)?\*\*(?ai:authors?|作者)[ \t]*[:：]?[ \t]*\*\*", re.MULTILINE)

PAPER_LIKE_MIN = 3
"""A file citing one or two papers (a tool's README citing its own) is not a paper list."""


@value
class PaperEvidence:
    """What in a text says it lists papers."""

    links: int
    """Links to a paper's page (arXiv, DOI, OpenReview, proceedings)."""
    author_lines: int
    """Lines that open with a bold `Authors` label."""

    @property
    def paper_like(self) -> bool:
        return self.links >= PAPER_LIKE_MIN or self.author_lines >= PAPER_LIKE_MIN

    def describe(self) -> str:
        """`57 paper links, 3 author lines`: why a file was taken for a paper list."""
        parts = [f"{self.links} paper link{'s' if self.links != 1 else ''}"]
        if self.author_lines:
            parts.append(f"{self.author_lines} author line{'s' if self.author_lines != 1 else ''}")
        return ", ".join(parts)


def paper_evidence(text: str) -> PaperEvidence:
    """Count the paper links and author lines of a text."""
    return PaperEvidence(len(PAPER_LINK.findall(text)), len(AUTHOR_LINE.findall(text)))
