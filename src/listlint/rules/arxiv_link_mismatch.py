"""arxiv-link-mismatch: an arxiv.org link that points at another paper than the arXiv ID."""

from __future__ import annotations

from collections.abc import Iterator

from listlint.analysis.arxiv import id_from_url
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.identity import entry_id
from listlint.rulekit.rule import Context, FixAvailability, rule
from listlint.syntax.model import Link


@rule(code="LL104", name="arxiv-link-mismatch", fix=FixAvailability.ALWAYS)
def arxiv_link_mismatch(ctx: Context) -> Iterator[Violation]:
    """Flag an arxiv.org link whose ID differs from the entry's arXiv ID field."""
    for entry in ctx.doc.entries:
        arxiv_id = entry_id(entry)
        if arxiv_id is None:
            continue
        wrong: dict[str, list[tuple[Link, str]]] = {}
        for link in entry.links:
            linked = id_from_url(link.url.value)
            if linked is not None and linked.base != arxiv_id.base:
                wrong.setdefault(linked.base, []).append((link, str(linked)))
        # One finding per wrong ID: `[[Paper]]` and `[[PDF]]` usually share the slip.
        for base, links in wrong.items():
            first = links[0][0]
            labels = ", ".join(f"`[{link.label.value}]`" for link, _ in links)
            edits = tuple(
                Edit(link.url.span, link.url.value.replace(written, arxiv_id.base, 1))
                for link, written in links
            )
            yield Violation(
                first.url.span,
                f"{labels} {'points' if len(links) == 1 else 'point'} at arXiv `{base}`, "
                f"but the arXiv ID is `{arxiv_id.base}`",
                # Which of the two is right needs a look at the paper: only suggested.
                fix=Fix(
                    f"Point the {'link' if len(links) == 1 else 'links'} at `{arxiv_id.base}`",
                    edits,
                    Applicability.DISPLAY_ONLY,
                ),
            )
