"""Shared test helpers: where fixtures and the (optional) shared corpus are."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
RULE_FIXTURES = FIXTURES / "rules"
RULE_PAGES = ROOT / "rules"
SHARED = Path(os.environ.get("LISTLINT_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or skip the test: a user's clone has no shared/."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (it exists only beside the development checkout)")
    return path


_LOCAL = ("127.0.0.1", "::1", "localhost")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reaches the network: looking up or connecting to any host but this
    machine fails at once, and `verify`'s default cache is a fresh folder."""
    connect, getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def local_connect(self: socket.socket, address):  # type: ignore[no-untyped-def]
        if self.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOCAL:
            raise OSError(f"tests do not reach the network ({address[0]})")
        return connect(self, address)

    def local_getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host not in _LOCAL and host is not None:
            raise socket.gaierror(f"tests do not reach the network ({host})")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", local_connect)
    monkeypatch.setattr(socket, "getaddrinfo", local_getaddrinfo)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
