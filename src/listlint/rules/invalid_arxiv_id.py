"""invalid-arxiv-id: an arXiv ID field that is not exactly one valid ID."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.analysis.arxiv import ArxivId, find_id, id_from_url, narrow_width, parse_id
from listlint.rulekit.diagnostics import Applicability, Edit, Fix, Violation
from listlint.rulekit.identity import id_key
from listlint.rulekit.rule import Context, FixAvailability, Option, rule

_SPACE = re.compile(r"\s+")
# What may stand around an ID and be dropped without losing anything: white
# space, code backticks, an `arXiv:` prefix.
_HARMLESS = re.compile(r"^[`\s]*(?:arxiv\s*[:：]?)?[`\s]*$", re.IGNORECASE)
# Something meant as an ID, digit counts unchecked, to say what is wrong with it.
_LOOSE_ID = re.compile(r"\d+\.\d+(?:v\d+)?|[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z-]+)?/\d+(?:v\d+)?")
_DIGIT = re.compile(r"\d")


def _bare(value: str) -> tuple[ArxivId, Applicability] | None:
    """The ID inside a value that is not a bare ID, and whether replacing the value is safe."""
    found = find_id(value)
    # Without white space, and full-width forms (`arXiv：２４０６.００２７２`) made ASCII.
    compact = narrow_width(_SPACE.sub("", value))
    if found is None:
        # `2406. 00272`: an ID broken by white space, or typed full-width.
        found = find_id(compact)
        if found is None:
            return None
    if id_from_url(value.strip()) == found:
        # A bare arxiv.org URL: the ID says the same, as the Links field does.
        return found, Applicability.SAFE
    residue = compact.replace(str(found), "", 1)
    if _HARMLESS.match(residue):
        return found, Applicability.SAFE
    return found, Applicability.UNSAFE


def _from_full_width(value: str) -> ArxivId | None:
    """The ID that a value written in full-width characters (`２４０６.００２７２`) is, or None."""
    narrow = narrow_width(value).strip()
    if narrow == value.strip():
        return None
    try:
        return parse_id(narrow)
    except ValueError:
        return None


def _versioned_share(ctx: Context) -> float:
    ids = [entry.arxiv_id.value for entry in ctx.doc.entries if entry.arxiv_id]
    parsed = [found for found in (find_id(value) for value in ids) if found]
    return sum(found.version is not None for found in parsed) / len(parsed) if parsed else 0.0


@rule(
    code="LL101",
    name="invalid-arxiv-id",
    fix=FixAvailability.SOMETIMES,
    options=[
        Option(
            "allow-versions",
            bool,
            False,
            "Accept versioned IDs (`2406.00272v2`) even where most IDs of the file have none",
        )
    ],
)
def invalid_arxiv_id(ctx: Context) -> Iterator[Violation]:
    """Flag an arXiv ID field that is not a valid, bare, unversioned arXiv ID."""
    versions_used: float | None = None
    for entry in ctx.doc.entries:
        field = entry.arxiv_id
        if field is None:
            continue
        value = field.value
        try:
            arxiv_id = parse_id(value)
        except ValueError as error:
            problem = str(error)
            narrow = _from_full_width(value)
            if narrow is not None:
                # A full-width character and its ASCII form mean the same to a reader,
                # so the replacement is certain.
                yield Violation(
                    field.span,
                    f"arXiv ID `{value}` is written in full-width characters; the ID is `{narrow}`",
                    fix=Fix(f"Replace with `{narrow}`", (Edit(field.span, str(narrow)),), Applicability.SAFE),
                )
                continue
        else:
            if arxiv_id.version is None or ctx.options["allow-versions"]:
                continue
            if versions_used is None:
                versions_used = _versioned_share(ctx)
            if versions_used > 0.5:
                # Most IDs of this file carry a version: that is the list's style.
                continue
            yield Violation(
                field.span,
                f"arXiv ID `{value}` carries a version (`v{arxiv_id.version}`); "
                "the other IDs of this file have none",
                fix=Fix(
                    f"Remove the version: `{arxiv_id.base}`",
                    (Edit(field.span, arxiv_id.base),),
                    Applicability.UNSAFE,
                ),
            )
            continue
        bare = _bare(value)
        if bare is not None:
            found, applicability = bare
            yield Violation(
                field.span,
                f"arXiv ID `{value}` is not a bare ID; the ID in it is `{found}`",
                fix=Fix(f"Replace with `{found}`", (Edit(field.span, str(found)),), applicability),
                # The entry's own key when it has none (`2406. 00272` is no ID to the
                # engine, and a card may have no title): the ID the value means.
                entry_key=id_key(found),
            )
            continue
        if not _DIGIT.search(value):
            # `N/A`, `—`, `无`: a placeholder for a paper that is not on arXiv.
            continue
        loose = _LOOSE_ID.search(narrow_width(_SPACE.sub("", value)))
        if loose is not None:
            try:
                parse_id(loose.group())
            except ValueError as error:
                problem = str(error)
            shown = loose.group()
            detail = "" if shown == value else f" (`{shown}`)"
            yield Violation(field.span, f"arXiv ID `{value}` is not valid{detail}: {problem}")
            continue
        yield Violation(
            field.span, f"arXiv ID `{value}` is not an arXiv ID (`YYMM.NNNNN` or `archive/YYMMNNN`)"
        )
