"""The arXiv API client: batches, paging, pacing with a fake clock, retries, untrusted Atom."""

from __future__ import annotations

import io
import math
import urllib.error
import urllib.parse

import pytest

from arxiv_server import FakeArxiv, FakeTime, entry, fake_arxiv, feed  # noqa: F401 - a fixture
from listlint.analysis.arxiv_papers import Paper
from listlint.workspace.arxiv_api import ArxivApiError, ArxivClient, parse_feed, query_url


def _client(arxiv: FakeArxiv, time: FakeTime, **options) -> ArxivClient:  # type: ignore[no-untyped-def]
    """A client whose requests go to `arxiv` in-process, each taking `time.latency`."""

    def opener(request, timeout):  # type: ignore[no-untyped-def]
        time.requests_at.append(time.now)
        time.now += time.latency
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(request.full_url).query))
        status, body = arxiv.answer(query)
        if status != 200:
            raise urllib.error.HTTPError(request.full_url, status, "Internal Server Error", {}, io.BytesIO(body))  # type: ignore[arg-type]
        return io.BytesIO(body)

    return ArxivClient("http://127.0.0.1:9/api/query", opener=opener, clock=time.clock, sleep=time.sleep, **options)


def _ids(count: int) -> list[str]:
    return [f"2301.{number:05d}" for number in range(200, 200 + count)]


def test_an_answer_is_read_into_papers() -> None:
    paper = Paper("2301.00104", "Sparse Otters for Video Editing", ("Ines Okafor", "Bao Tran"), "Otters edit videos.",
                  "2023-01-04T00:00:01Z", "2023-01-05T00:00:01Z", "cs.CV")
    wrapped = Paper(paper.arxiv_id, "Sparse Otters for\n   Video Editing", paper.authors, "Otters edit\n videos.",
                    paper.published, paper.updated, paper.primary_category)
    read = parse_feed(feed([entry(wrapped, version=3)], 1))
    assert read.papers == (paper,)  # versionless key, white space squeezed
    assert read.total == 1 and read.errors == ()


@pytest.mark.parametrize(
    "body",
    [
        b"<html><body>Service unavailable</body></html>",
        b"not xml at all",
        # An entity expansion bomb and an external entity: refused, never expanded.
        b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&b;</title></feed>',
        b'<?xml version="1.0"?><!DOCTYPE f [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>&x;</title></feed>',
    ],
    ids=["html", "text", "entity-bomb", "external-entity"],
)
def test_an_answer_that_is_no_feed_is_an_error(body: bytes) -> None:
    with pytest.raises(ArxivApiError, match="not an Atom feed"):
        parse_feed(body)


def test_ids_go_in_batches_of_100_paced_3_seconds_apart() -> None:
    arxiv, time = FakeArxiv(), FakeTime()
    client = _client(arxiv, time)
    answers = [batch for batch in client.fetch(_ids(250))]
    assert [len(query["id_list"].split(",")) for query in arxiv.queries] == [100, 100, 50]
    assert [query["max_results"] for query in arxiv.queries] == ["100", "100", "50"]
    assert {query["start"] for query in arxiv.queries} == {"0"}
    assert [len(batch) for batch in answers] == [100, 100, 50]
    gaps = [later - earlier for earlier, later in zip(time.requests_at, time.requests_at[1:])]
    assert gaps == [3.0, 3.0]


def test_six_hundred_ids_take_six_requests_paced_from_the_start_of_each() -> None:
    """(n - 1) x max(3 s, response time) + the last response time, n = ceil(IDs / 100)."""
    for latency in (0.5, 1.0, 4.0):
        arxiv, time = FakeArxiv(), FakeTime(latency=latency)
        start = time.now
        for _ in _client(arxiv, time).fetch(_ids(600)):
            pass
        requests = math.ceil(600 / 100)
        assert len(arxiv.queries) == requests
        assert time.now - start == pytest.approx((requests - 1) * max(3.0, latency) + latency)


def test_a_long_answer_is_asked_for_again_from_start() -> None:
    arxiv, time = FakeArxiv(page=2), FakeTime()
    ids = ["2301.00101", "2301.00102", "2301.00104", "2301.00199"]
    (answers,) = list(_client(arxiv, time).fetch(ids))
    assert [query["start"] for query in arxiv.queries] == ["0", "2"]
    assert answers["2301.00104"] is not None and answers["2301.00104"].title == "Sparse Otters for Video Editing"
    assert answers["2301.00199"] is None  # no entry: no such paper


def test_an_id_arxiv_cannot_read_is_no_such_paper() -> None:
    arxiv, time = FakeArxiv(malformed={"2301.00150"}), FakeTime()
    (answers,) = list(_client(arxiv, time).fetch(["2301.00101", "2301.00150"]))
    assert answers["2301.00150"] is None and answers["2301.00101"] is not None


def test_server_errors_are_retried_with_backoff() -> None:
    arxiv, time = FakeArxiv(fail=2), FakeTime()
    (answers,) = list(_client(arxiv, time).fetch(["2301.00101"]))
    assert answers["2301.00101"] is not None
    assert len(arxiv.queries) == 3
    assert time.slept == [3.0, 6.0]  # the backoff, which also keeps the pace


def test_a_server_that_keeps_failing_is_one_error() -> None:
    arxiv, time = FakeArxiv(fail=-1), FakeTime()
    with pytest.raises(ArxivApiError) as raised:
        list(_client(arxiv, time).fetch(["2301.00101"]))
    assert str(raised.value) == "http://127.0.0.1:9/api/query: HTTP 500 Internal Server Error (4 tries)"
    assert len(arxiv.queries) == 4


def test_the_client_speaks_http_to_a_local_server(fake_arxiv: FakeArxiv) -> None:  # noqa: F811
    time = FakeTime()
    client = ArxivClient(fake_arxiv.url, clock=time.clock, sleep=time.sleep, timeout=5)
    (answers,) = list(client.fetch(["2301.00101", "2301.00199"]))
    assert answers["2301.00101"] is not None and answers["2301.00101"].authors == ("Mira Ghost", "Tao Lin")
    assert answers["2301.00199"] is None


def test_a_connection_refused_is_retried_then_one_error() -> None:
    time = FakeTime()

    def refused(request, timeout):  # type: ignore[no-untyped-def]
        raise urllib.error.URLError(ConnectionRefusedError(111, "Connection refused"))

    client = ArxivClient("http://127.0.0.1:9/api", opener=refused, clock=time.clock, sleep=time.sleep)
    with pytest.raises(ArxivApiError, match=r"^http://127.0.0.1:9/api: ConnectionRefusedError: .*Connection refused.* \(4 tries\)$"):
        list(client.fetch(["2301.00101"]))
    assert time.slept == [3.0, 6.0, 12.0]


def test_query_url() -> None:
    assert query_url("https://x.org/api/query", ["2301.00101", "hep-th/9901001"], 0, 2) == (
        "https://x.org/api/query?id_list=2301.00101,hep-th/9901001&start=0&max_results=2"
    )
