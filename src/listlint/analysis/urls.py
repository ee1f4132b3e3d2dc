"""URLs in list entries: hosts, code hosts and truncated URLs (arXiv URL forms are in `arxiv`)."""

from __future__ import annotations

import re

from listlint.analysis.arxiv import id_in_url, is_arxiv_host, parse_url

# `scheme://host/rest`; the host stops at the first `/`, `?` or `#`.
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?P<host>[^/?#]*)(?P<rest>.*)$")

# Hosts that serve source code, models or data sets: a `[[Code]]` link may point there.
_CODE_HOSTS = frozenset(
    {
        "github.com",
        "gist.github.com",
        "raw.githubusercontent.com",
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
        # Anonymous GitHub: the code of a paper under double-blind review.
        "anonymous.4open.science",
    }
)
# Short links (`aka.ms/LeX-Transformer`): where they lead is not written in them.
_SHORTENERS = frozenset({"aka.ms", "bit.ly", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "buff.ly", "t.ly", "rb.gy"})
# Self-hosted forges: `gitlab.inria.fr`, `git.tu-berlin.de`, `gitea.example.org`.
_CODE_HOST_PREFIXES = ("gitlab.", "git.", "gitea.", "forgejo.")
# Hosts whose root or single path segment is never the page a list means.
_NEEDS_PATH = frozenset({"github.com", "gitlab.com", "huggingface.co", "bitbucket.org", "gitee.com"})


# Where papers are published: a link there is a paper's, whatever its label says.
_PAPER_HOSTS = frozenset(
    {
        "arxiv.org",
        "export.arxiv.org",
        "ar5iv.org",
        "ar5iv.labs.arxiv.org",
        "alphaxiv.org",
        "doi.org",
        "dx.doi.org",
        "openaccess.thecvf.com",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "papers.neurips.cc",
        "proceedings.mlr.press",
        "aclanthology.org",
        "ieeexplore.ieee.org",
        "dl.acm.org",
        "openreview.net",
        "semanticscholar.org",
        "link.springer.com",
        "ecva.net",
        "ojs.aaai.org",
        "ijcai.org",
        "jmlr.org",
        "sciencedirect.com",
        "nature.com",
        "science.org",
        "biorxiv.org",
        "medrxiv.org",
        "onlinelibrary.wiley.com",
        "academic.oup.com",
    }
)
# Hosts that serve papers under one path only: `hf.co/papers/ID`, not `hf.co/models`.
_PAPER_PATHS = (
    ("huggingface.co", "/papers/"),
    ("hf.co", "/papers/"),
    ("aclweb.org", "/anthology/"),
    ("paperswithcode.com", "/paper/"),
    ("researchgate.net", "/publication/"),
)


def host_of(url: str) -> str | None:
    """The lower-cased host of an absolute URL (port and user removed), else None."""
    match = _URL.match(url.strip())
    return _host(match) if match else None


def _host(match: re.Match[str]) -> str:
    """The lower-cased host of a `_URL` match, port and user removed."""
    return match.group("host").rsplit("@", 1)[-1].split(":", 1)[0].lower()


def is_paper_url(url: str) -> bool:
    """Whether a link goes to a paper: arXiv and its mirrors, a DOI, a publisher's or
    proceedings' site (`openaccess.thecvf.com`, `openreview.net`), or a PDF file."""
    match = _URL.match(url.strip())
    if match is None:
        return False
    host = _host(match)
    host = host[4:] if host.startswith("www.") else host
    if host in _PAPER_HOSTS or id_in_url(url) is not None:
        return True
    path = match.group("rest").split("?", 1)[0].split("#", 1)[0]
    if path.lower().endswith(".pdf"):
        return True
    return any(host == name and path.startswith(prefix) for name, prefix in _PAPER_PATHS)


def is_short_link_host(host: str) -> bool:
    """Whether a host only redirects (a link shortener), so the host says nothing of the page."""
    host = host.lower()
    return (host[4:] if host.startswith("www.") else host) in _SHORTENERS


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
    host = _host(match)
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
    if is_arxiv_host(host):
        if segments and segments[0] in ("abs", "pdf") and len(segments) == 1:
            return "it has no arXiv ID"
        if segments and segments[0] in ("abs", "pdf") and parse_url(text) is None:
            return f"`{'/'.join(segments[1:])}` is not a complete arXiv ID"
    return None
