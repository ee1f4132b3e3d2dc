"""A client of arXiv's query API: paced `id_list` batches, retries, Atom read as untrusted.

arXiv asks API users for at most one request every three seconds
(https://info.arxiv.org/help/api/tou.html); the client waits that long between any two
of its requests, retries included. An `id_list` query answers with one Atom entry per
paper it has; an ID it has no paper for gets no entry, and an ID it cannot read gets an
entry whose `<id>` is `http://arxiv.org/api/errors#...`. Both are "no such paper".
"""

from __future__ import annotations

import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from listlint.analysis.arxiv_papers import Paper, paper_key
from listlint.base.errors import ListlintError
from listlint.base.values import value

DEFAULT_API = "https://export.arxiv.org/api/query"
INTERVAL = 3.0
"""Seconds between two requests, as arXiv asks."""
BATCH = 100
"""IDs a request: a URL of 100 new-style IDs is about 1.2 kB."""
TRIES = 4
BACKOFF = 3.0
"""Seconds before the first retry, doubled before each next one (3, 6, 12)."""
TIMEOUT = 30.0
MAX_ANSWER = 32 << 20
"""Bytes of one answer at most: 100 entries with their abstracts take some 300 kB."""

_ATOM = "{http://www.w3.org/2005/Atom}"
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
_ARXIV = "{http://arxiv.org/schemas/atom}"
_ERROR_ID = "http://arxiv.org/api/errors"
# The ID of `http://arxiv.org/abs/2101.00001v2` or `.../abs/hep-th/9901001v1`.
_ABS_ID = re.compile(r"/abs/(?P<id>.+?)(?:v\d+)?$")

Opener = Callable[..., IO[bytes]]
"""`urllib.request.urlopen`'s shape: (request, timeout=...) -> a response to read."""


class ArxivApiError(ListlintError):
    """The API could not be asked, or answered with something that is no feed."""


@value
class Feed:
    """One answer of the API, read."""

    papers: tuple[Paper, ...]
    errors: tuple[str, ...]
    """The text of each error entry (`incorrect id format for 1234.5678`)."""
    error_ids: tuple[str, ...]
    """The `<id>` of each error entry (`http://arxiv.org/api/errors#incorrect_id_format_for_...`)."""
    total: int | None
    """`opensearch:totalResults`: how many papers the whole query has."""


def _text(element: object, tag: str) -> str:
    found = element.find(tag)  # type: ignore[attr-defined]
    return " ".join((found.text or "").split()) if found is not None else ""


def parse_feed(data: bytes) -> Feed:
    """An Atom answer read with defusedxml, which refuses entity expansion, external
    entities and DTDs: the answer is untrusted (a mirror, a proxy, a captive portal)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise ArxivApiError(f"the answer is not an Atom feed ({error})") from None
    if root.tag != f"{_ATOM}feed":
        raise ArxivApiError(f"the answer is not an Atom feed (its root is `{root.tag}`)")
    papers, errors, error_ids = [], [], []
    for entry in root.iter(f"{_ATOM}entry"):
        entry_id = _text(entry, f"{_ATOM}id")
        if entry_id.startswith(_ERROR_ID):
            errors.append(_text(entry, f"{_ATOM}summary"))
            error_ids.append(entry_id)
            continue
        found = _ABS_ID.search(entry_id)
        if found is None:
            continue  # not a paper: nothing to key it by
        category = entry.find(f"{_ARXIV}primary_category")
        papers.append(
            Paper(
                arxiv_id=paper_key(found["id"]),
                title=_text(entry, f"{_ATOM}title"),
                authors=tuple(
                    name
                    for author in entry.iter(f"{_ATOM}author")
                    if (name := _text(author, f"{_ATOM}name"))
                ),
                abstract=_text(entry, f"{_ATOM}summary"),
                published=_text(entry, f"{_ATOM}published"),
                updated=_text(entry, f"{_ATOM}updated"),
                primary_category=category.get("term", "") if category is not None else "",
            )
        )
    total_text = _text(root, f"{_OPENSEARCH}totalResults")
    total = int(total_text) if total_text.isdigit() else None
    return Feed(tuple(papers), tuple(errors), tuple(error_ids), total)


def query_url(api: str, ids: Sequence[str], start: int, max_results: int) -> str:
    query = urllib.parse.urlencode(
        {"id_list": ",".join(ids), "start": start, "max_results": max_results}, safe=",/"
    )
    return f"{api}{'&' if '?' in api else '?'}{query}"


class ArxivClient:
    """Asks the API for papers by ID; `opener`, `clock` and `sleep` are injectable for
    tests (by default `urlopen`, `time.monotonic` and `time.sleep`)."""

    def __init__(
        self,
        api: str = DEFAULT_API,
        *,
        opener: Opener | None = None,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], None] | None = None,
        interval: float = INTERVAL,
        batch: int = BATCH,
        tries: int = TRIES,
        backoff: float = BACKOFF,
        timeout: float = TIMEOUT,
        user_agent: str = "listlint",
    ) -> None:
        self.api = api
        self._open = opener or urllib.request.urlopen
        self._clock = clock or time.monotonic
        self._sleep = sleep or time.sleep
        self.interval = interval
        self.batch = batch
        self.tries = tries
        self.backoff = backoff
        self.timeout = timeout
        self.user_agent = user_agent
        self._last: float | None = None
        self.requests = 0
        """Requests sent so far, retries included."""

    def batches(self, ids: Sequence[str]) -> list[list[str]]:
        return [list(ids[start : start + self.batch]) for start in range(0, len(ids), self.batch)]

    def fetch(self, ids: Sequence[str]) -> Iterator[dict[str, Paper | None]]:
        """arXiv's answer for each ID (by `paper_key`; None: no such paper), a batch at
        a time, so that a caller keeps what came before a failure."""
        for batch in self.batches(ids):
            yield self._batch(batch)

    def _batch(self, ids: list[str]) -> dict[str, Paper | None]:
        wanted = {paper_key(arxiv_id): arxiv_id for arxiv_id in ids}
        found: dict[str, Paper | None] = {}
        start = 0
        # A query may answer with fewer entries than asked for (arXiv pages long
        # answers): ask again from `start` until every paper it has is in.
        while True:
            feed = self._ask(query_url(self.api, ids, start, len(ids)))
            for error, error_id in zip(feed.errors, feed.error_ids):
                said = f"{error} {error_id}"
                named = [key for key, arxiv_id in wanted.items() if _names(said, arxiv_id)]
                if not named:
                    raise ArxivApiError(f"{self.api}: arXiv answered with an error: {error or error_id}")
                found.update((key, None) for key in named)
            for paper in feed.papers:
                if paper.arxiv_id in wanted:
                    found[paper.arxiv_id] = paper
            start += len(feed.papers)
            papers = sum(1 for key in found if found[key] is not None)
            if not feed.papers or feed.total is None or papers >= feed.total or start >= len(ids):
                break
        return {key: found.get(key) for key in wanted}

    def _wait(self, at_least: float = 0.0) -> None:
        """Sleep until `interval` after the last request, and `at_least` from now."""
        now = self._clock()
        due = now + at_least
        if self._last is not None:
            due = max(due, self._last + self.interval)
        if due > now:
            self._sleep(due - now)

    def _ask(self, url: str) -> Feed:
        """One answer, read; retried on server errors, time-outs and broken connections."""
        problem = ""
        for attempt in range(self.tries):
            self._wait(self.backoff * 2 ** (attempt - 1) if attempt else 0.0)
            self._last = self._clock()
            self.requests += 1
            request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
            try:
                with self._open(request, timeout=self.timeout) as response:
                    data = response.read(MAX_ANSWER + 1)
            except urllib.error.HTTPError as error:
                if error.code < 500 and error.code != 429:
                    # arXiv answers an ID it cannot read with 400 and an error feed.
                    body = _body(error)
                    if body:
                        try:
                            return parse_feed(body)
                        except ArxivApiError:
                            pass
                    raise ArxivApiError(f"{self.api}: HTTP {error.code} {error.reason}") from None
                problem = f"HTTP {error.code} {error.reason}"
                continue
            except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
                reason = getattr(error, "reason", None) or error
                problem = f"{type(reason).__name__ if isinstance(reason, BaseException) else 'error'}: {reason}"
                continue
            if len(data) > MAX_ANSWER:
                raise ArxivApiError(f"{self.api}: the answer is larger than {MAX_ANSWER >> 20} MiB")
            try:
                return parse_feed(data)
            except ArxivApiError as error:
                raise ArxivApiError(f"{self.api}: {error.message}") from None
        raise ArxivApiError(f"{self.api}: {problem} ({self.tries} tries)")


def _names(text: str, arxiv_id: str) -> bool:
    """Whether an error's text names the ID (`...format_for_2101.0001`), not a longer one."""
    return re.search(rf"(?<![\d.]){re.escape(arxiv_id)}(?!\d)", text, re.IGNORECASE) is not None


def _body(error: urllib.error.HTTPError) -> bytes:
    try:
        return error.read(MAX_ANSWER)
    except (OSError, http.client.HTTPException):
        return b""
