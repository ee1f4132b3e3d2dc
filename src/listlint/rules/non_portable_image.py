"""non-portable-image: an image that only its author's machine or home network can serve."""

from __future__ import annotations

import re
from collections.abc import Iterator

from listlint.base.spans import Span
from listlint.rulekit.diagnostics import Violation
from listlint.rulekit.rule import Context, FixAvailability, Option, rule
from listlint.syntax.daily import IMAGE, outside_fences

# `<img src="...">` as well as `![alt](url)`.
HTML_IMAGE = re.compile(r"<(?ai:img)\b[^>]*?\b(?ai:src)\s*=\s*[\"'](?P<url>[^\"'\s>]+)[\"']")
# `C:/`, `C:\`, or percent-encoded `C%3A/` at the start of the URL or of a path part.
WINDOWS_PATH = re.compile(r"(?:^|/)(?P<path>[A-Za-z](?::|%3[Aa])[/\\].*)$")
HOME_PATH = re.compile(r"^(?:file:/*)?(?P<path>/(?:Users|home)/[^/]+/.*)$")
PRIVATE_IP = re.compile(
    r"^(?:127\.|10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.|169\.254\.|0\.0\.0\.0$)"
)
LOCAL_SUFFIXES = (".local", ".lan", ".internal", ".localdomain", ".home.arpa")
DEFAULT_PRIVATE_HOSTS = [
    "localhost",
    "tpddns.cn",
    "ddns.net",
    "duckdns.org",
    "no-ip.org",
    "dyndns.org",
    "3322.org",
    "f3322.net",
    "oray.net",
    "myds.me",
    "synology.me",
]


def _check_hosts(value: object) -> str | None:
    if not all(isinstance(item, str) and item.strip() for item in value):  # type: ignore[attr-defined]
        return "must be a list of host names"
    return None


def _host(url: str) -> tuple[str, str]:
    """The lower-cased `host:port` of an absolute http(s) URL and the rest of it after
    the host, or ("", url)."""
    match = re.match(r"^(?ai:https?)://([^/?#]+)", url)
    if match is None:
        return "", url
    return match.group(1).rsplit("@", 1)[-1].lower(), url[match.end() :]


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _reasons(url: str, private_hosts: list[str]) -> list[str]:
    reasons = []
    # The rest is cut where the host ends as written: a host in capitals
    # (`http://Example.org/`) is not found again in the URL once lower-cased.
    host_port, path = _host(url)
    host = host_port.split(":", 1)[0].strip("[]")
    windows = WINDOWS_PATH.search(path.replace("\\", "/"))
    home = HOME_PATH.match(path) if not host_port else None
    if url.lower().startswith("file:"):
        reasons.append(f"a `file:` URL `{_shorten(url)}`")
    elif windows:
        reasons.append(f"a local Windows path `{_shorten(windows.group('path'))}`")
    elif home:
        reasons.append(f"a local home folder `{_shorten(home.group('path'))}`")
    if host and (
        PRIVATE_IP.match(host)
        or host.endswith(LOCAL_SUFFIXES)
        or any(host == name or host.endswith("." + name) for name in private_hosts)
    ):
        reasons.append(f"a private host `{host_port}`")
    return reasons

_IMG_TAG = re.compile("<(?ai:img)")


@rule(
    code="LL601",
    name="non-portable-image",
    fix=FixAvailability.NONE,
    options=[
        Option(
            "private-hosts",
            list,
            DEFAULT_PRIVATE_HOSTS,
            "Hosts (and their subdomains) that only the author can reach: home servers, dynamic DNS.",
            check=_check_hosts,
        )
    ],
)
def non_portable_image(ctx: Context) -> Iterator[Violation]:
    """Flag an image on a private host or a local file path, which no reader can load."""
    doc = ctx.doc
    # A case-blind search finds every `<img` that lowering would (and `<İmg` too,
    # which the line test below then turns away); lowering a whole file costs more.
    if "![" not in doc.text and not _IMG_TAG.search(doc.text):
        return
    private_hosts = [name.lower().strip(".") for name in ctx.options["private-hosts"]]
    lines = doc.lines
    for line, outside in zip(lines, outside_fences(lines, doc.text)):
        # `<img` survives lowering only where the line holds `<`: most lines are not lowered.
        if not outside or (
            "![" not in line.text and ("<" not in line.text or "<img" not in line.text.lower())
        ):
            continue
        found = [(m.start("url"), m.group("url")) for m in IMAGE.finditer(line.text)]
        found += [(m.start("url"), m.group("url")) for m in HTML_IMAGE.finditer(line.text)]
        for column, url in sorted(found):
            reasons = _reasons(url, private_hosts)
            if reasons:
                start = line.start + column
                yield Violation(
                    span=Span(start, start + len(url)),
                    message=f"Image is not portable: {' on '.join(reasons)}",
                )
