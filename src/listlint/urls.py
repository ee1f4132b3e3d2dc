"""URLs in list entries: hosts, arXiv URL forms, code hosts and truncated URLs."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `scheme://host/rest`; the host stops at the first `/`, `?` or `#`.
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<host>[^/?#]*)(?P<rest>.*)$")

# New-style IDs (`2405.01234`, four or five digits after the dot since 2015) and
# old-style ones (`hep-th/9901001`, `math.GT/0309136`).
ARXIV_ID = r"(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})"
_ARXIV_ID_ONLY = re.compile(rf"^{ARXIV_ID}$")
_ARXIV_HOST = re.compile(r"^(?:www\.|export\.)?arxiv\.org$", re.IGNORECASE)
# The path of an abs or pdf page: `/abs/2405.01234v2`, `/pdf/2405.01234.pdf`.
_ARXIV_PATH = re.compile(
    rf"^/(?P<kind>abs|pdf)/(?P<id>{ARXIV_ID})(?P<version>v\d+)?(?P<ext>\.pdf)?/?$"
)

# Hosts that serve source code, models or data sets: a `[[Code]]` link may point there.
_CODE_HOSTS = frozenset(
    {
        "github.com",
        "gist.github.com",
        "gitlab.com",
        "bitbucket.org",
        "huggingface.co",
        "hf.co",
        "codeberg.org",
        "gitee.com",
        "sourceforge.net",
        "git.sr.ht",
        "pypi.org",
        "colab.research.google.com",
        "kaggle.com",
        "modelscope.cn",
        "openi.pcl.ac.cn",
    }
)
# Self-hosted forges: `gitlab.inria.fr`, `git.tu-berlin.de`, `gitea.example.org`.
_CODE_HOST_PREFIXES = ("gitlab.", "git.", "gitea.", "forgejo.")
# Hosts whose root or single path segment is never the page a list means.
_NEEDS_PATH = frozenset({"github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "gitee.com"})


@dataclass(frozen=True)
class ArxivUrl:
    """An arXiv abs or pdf URL, taken apart."""

    kind: str
    """`abs` or `pdf`."""
    arxiv_id: str
    """The ID without version: `2405.01234`."""

    @property
    def canonical(self) -> str:
        return canonical_arxiv_url(self.kind, self.arxiv_id)


def canonical_arxiv_url(kind: str, arxiv_id: str) -> str:
    """`https://arxiv.org/abs/ID` or `https://arxiv.org/pdf/ID`: no version, no `.pdf`.

    The forms arXiv itself links to; `/pdf/ID.pdf` and `/pdf/ID` serve the
    same file, and most cards already write the shorter one.
    """
    return f"https://arxiv.org/{kind}/{arxiv_id}"


def host_of(url: str) -> str | None:
    """The lower-cased host of an absolute URL (port and user removed), else None."""
    match = _URL.match(url.strip())
    if not match:
        return None
    host = match.group("host").rsplit("@", 1)[-1].split(":", 1)[0]
    return host.lower()


def parse_arxiv_url(url: str) -> ArxivUrl | None:
    """The kind and ID of an arXiv abs/pdf URL in any spelling, else None."""
    match = _URL.match(url.strip())
    if not match or match.group("scheme").lower() not in ("http", "https"):
        return None
    if not _ARXIV_HOST.match(match.group("host")):
        return None
    rest = match.group("rest").split("?", 1)[0].split("#", 1)[0]
    path = _ARXIV_PATH.match(rest)
    if not path:
        return None
    return ArxivUrl(path.group("kind"), path.group("id"))


def is_arxiv_id(value: str) -> bool:
    return _ARXIV_ID_ONLY.match(value) is not None


def arxiv_id_year(arxiv_id: str) -> int | None:
    """The year an arXiv ID encodes: `2405.01234` -> 2024, `hep-th/9901001` -> 1999."""
    value = arxiv_id.strip()
    match = re.match(r"^(\d{2})(\d{2})\.\d{4,5}(?:v\d+)?$", value) or re.match(
        r"^[a-z-]+(?:\.[A-Z]{2})?/(\d{2})(\d{2})\d{3}(?:v\d+)?$", value
    )
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    # Old-style IDs start in 1991; new-style ones in 2007.
    return 1900 + year if year >= 91 else 2000 + year


def is_code_host(host: str) -> bool:
    """Whether a host serves code (a forge, a model hub), not a project page."""
    host = host.lower()
    if host.startswith("www."):
        host = host[4:]
    if host in _CODE_HOSTS:
        return True
    return host.startswith(_CODE_HOST_PREFIXES) and not host.endswith(".github.io")


def truncated_url_reason(url: str) -> str | None:
    """Why an absolute URL cannot be right (cut off while copying), or None.

    Reusable for any layout: `truncated_url_reason("https://github")` says the
    host has no dot. Relative links, `mailto:` and empty URLs are not judged.
    """
    text = url.strip()
    match = _URL.match(text)
    if not match or match.group("scheme").lower() not in ("http", "https"):
        return None
    host = host_of(text) or ""
    if not host:
        return "it has no host"
    if "." not in host:
        return f"the host `{host}` has no dot"
    if host.endswith(".") or host.startswith(".") or ".." in host:
        return f"the host `{host}` is malformed"
    path = match.group("rest").split("?", 1)[0].split("#", 1)[0]
    segments = [part for part in path.split("/") if part]
    bare = host[4:] if host.startswith("www.") else host
    if bare in _NEEDS_PATH and not segments:
        return f"it points at the front page of `{bare}`, not a repository"
    if _ARXIV_HOST.match(host):
        if segments and segments[0] in ("abs", "pdf") and len(segments) == 1:
            return "it has no arXiv ID"
        if segments and segments[0] in ("abs", "pdf") and parse_arxiv_url(text) is None:
            return f"`{'/'.join(segments[1:])}` is not a complete arXiv ID"
    return None
