"""A local stand-in for arXiv's query API: invented papers served as Atom on 127.0.0.1."""

from __future__ import annotations

import html
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from listlint.analysis.arxiv_papers import Paper

PAPERS = {
    "2301.00101": Paper("2301.00101", "Quantised Unicorn Experts", ("Mira Ghost", "Tao Lin"), "We quantise unicorn experts.",
                        "2023-01-01T00:00:01Z", "2023-02-01T00:00:01Z", "cs.LG"),
    "2301.00102": Paper("2301.00102", "A Tiny Example of a Card", ("Ada Lovelace", "Alan Turing", "Grace Hopper"),
                        "A card, shown small.", "2023-01-02T00:00:01Z", "2023-01-02T00:00:01Z", "cs.CL"),
    "2301.00104": Paper("2301.00104", "Sparse Otters for\n  Video Editing", ("Ines Okafor", "Bao Tran"),
                        "Otters edit\n  videos.", "2023-01-04T00:00:01Z", "2023-01-04T00:00:01Z", "cs.CV"),
    "2301.00105": Paper("2301.00105", "Loud Lynxes Listen", ("Yara Stone",), "Lynxes, listening.",
                        "2023-01-05T00:00:01Z", "2023-01-05T00:00:01Z", "cs.SD"),
}
"""Invented papers; 2301.00104's title and abstract wrap as arXiv's do."""


def entry(paper: Paper, version: int = 2) -> str:
    authors = "".join(f"<author><name>{html.escape(name)}</name></author>" for name in paper.authors)
    return (
        f"<entry><id>http://arxiv.org/abs/{paper.arxiv_id}v{version}</id>"
        f"<updated>{paper.updated}</updated><published>{paper.published}</published>"
        f"<title>{html.escape(paper.title)}</title><summary>{html.escape(paper.abstract)}</summary>{authors}"
        f'<arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="{paper.primary_category}"'
        ' scheme="http://arxiv.org/schemas/atom"/></entry>'
    )


def error_entry(arxiv_id: str) -> str:
    return (
        f"<entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_{arxiv_id}</id>"
        f"<title>Error</title><summary>incorrect id format for {arxiv_id}</summary></entry>"
    )


def feed(entries: list[str], total: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        f"<title>ArXiv Query</title><opensearch:totalResults>{total}</opensearch:totalResults>"
        + "".join(entries)
        + "</feed>"
    ).encode("utf-8")


@dataclass
class FakeArxiv:
    """What the server answers and what it was asked."""

    papers: dict[str, Paper] = field(default_factory=lambda: dict(PAPERS))
    malformed: set[str] = field(default_factory=set)
    """IDs answered with an error entry, as arXiv answers an ID it cannot read."""
    page: int | None = None
    """At most this many entries an answer (arXiv pages long answers)."""
    fail: int = 0
    """Answer this many requests with HTTP 500 first (-1: all of them)."""
    fail_from: int | None = None
    """Answer every request from this one on (0-based) with HTTP 500."""
    body: bytes | None = None
    """Answer every request with these bytes."""
    queries: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def answer(self, query: dict[str, str]) -> tuple[int, bytes]:
        self.queries.append(query)
        if self.fail_from is not None and len(self.queries) > self.fail_from:
            return 500, b"Internal Server Error"
        if self.fail:
            self.fail -= 1 if self.fail > 0 else 0
            return 500, b"Internal Server Error"
        if self.body is not None:
            return 200, self.body
        ids = [arxiv_id for arxiv_id in query.get("id_list", "").split(",") if arxiv_id]
        start, most = int(query.get("start", "0")), int(query.get("max_results", "10"))
        found = [self.papers[arxiv_id] for arxiv_id in ids if arxiv_id in self.papers]
        shown = found[start : start + min(most, self.page or most)]
        errors = [error_entry(arxiv_id) for arxiv_id in ids if arxiv_id in self.malformed]
        return 200, feed([*errors, *(entry(paper) for paper in shown)], len(found))


@pytest.fixture
def fake_arxiv() -> Iterator[FakeArxiv]:
    """arXiv's API on 127.0.0.1, on a free port, for one test."""
    served = FakeArxiv()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
            status, body = served.answer(query)
            self.send_response(status)
            self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    served.url = f"http://127.0.0.1:{server.server_address[1]}/api/query"
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass
class FakeTime:
    """A clock that only `sleep` moves (and each request, by `latency`)."""

    now: float = 1000.0
    latency: float = 0.0
    slept: list[float] = field(default_factory=list)
    requests_at: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds
