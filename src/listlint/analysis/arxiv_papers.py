"""arXiv's metadata of a paper as `verify` reads it: the record, and the key answers are filed under."""

from __future__ import annotations

import re
from collections.abc import Mapping

from listlint.analysis.arxiv import ArxivId
from listlint.base.values import value

# `math.GT/0309136` is `math/0309136` to arXiv: an old-style ID's subject class is
# no part of it, and the API answers with the archive alone.
_SUBJECT_CLASS = re.compile(r"^([a-z-]+)\.[a-z-]+/")


@value
class Paper:
    """What arXiv says of one paper (its latest version)."""

    arxiv_id: str
    """The versionless ID, as `paper_key` writes it."""
    title: str
    """As arXiv gives it, white space squeezed (it may hold LaTeX: `$\\alpha$`)."""
    authors: tuple[str, ...]
    """One name a person, in arXiv's order, as arXiv writes them (`Ada Lovelace`)."""
    abstract: str = ""
    published: str = ""
    """When version 1 appeared, ISO 8601 as arXiv gives it (`2021-01-01T00:00:01Z`)."""
    updated: str = ""
    """When the latest version appeared, in the same form."""
    primary_category: str = ""
    """`cs.CV`."""


Metadata = Mapping[str, "Paper | None"]
"""arXiv's answers by `paper_key`: a Paper, or None when arXiv has no such paper.
An ID that is not a key was not looked up (an offline run without it in the cache)."""


def paper_key(arxiv_id: ArxivId | str) -> str:
    """The ID arXiv's answers and the cache are keyed by: versionless, lower-case,
    without an old-style subject class (`math.GT/0309136v2` -> `math/0309136`)."""
    base = arxiv_id.base if isinstance(arxiv_id, ArxivId) else arxiv_id
    return _SUBJECT_CLASS.sub(r"\1/", base.lower())
