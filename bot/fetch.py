"""Fetch one web page for `/article add url:`, refusing addresses inside the network.

Every host name is resolved by :class:`CheckedResolver`, which checks every address it
returns before aiohttp may connect to any (so a name cannot resolve to a public address
when checked and a private one when used); literal IP hosts are checked directly, and
each redirect hop is checked again. Private, loopback, link-local and other non-global
addresses are refused unless ``allow_private`` (``NEWSBOT_FETCH_ALLOW_PRIVATE``).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from bot.errors import NewsbotError

MAX_PAGE_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 5
HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "newsbot/0.1 (+https://github.com/; article import)"


class FetchError(NewsbotError):
    """The page could not be fetched; the message says why."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    """The bytes of a fetched page and the URL they came from (after redirects)."""

    url: str
    data: bytes
    content_type: str


def address_refusal(address: str) -> str | None:
    """Why ``address`` may not be fetched from (private, loopback, …), or None if it is public."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "unspecified", "multicast", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return f"{ip} is a {kind.replace('_', '-')} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


class CheckedResolver(AbstractResolver):
    """Resolves like aiohttp does, then refuses the whole answer if any address is not public."""

    def __init__(self, *, allow_private: bool = False) -> None:
        self._inner = DefaultResolver()
        self._allow_private = allow_private

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        try:
            results = await self._inner.resolve(host, port, family)
        except OSError as exc:
            raise FetchError(f"cannot resolve {host}: {exc.strerror or exc}") from None
        if not self._allow_private:
            for result in results:
                reason = address_refusal(result["host"])
                if reason:
                    raise FetchError(f"refusing to fetch from {host}: {reason}")
        return results

    async def close(self) -> None:
        await self._inner.close()


def check_url(url: str, *, allow_private: bool = False) -> str:
    """The URL, if it is http(s) with a host; a literal IP host must be public unless allowed."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise FetchError(f"only http:// and https:// links can be fetched, not {parts.scheme or 'a bare'!r} ones")
    host = parts.hostname
    if not host:
        raise FetchError("the link has no host name")
    if not allow_private:
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
        except ValueError:
            if host.lower() == "localhost" or host.lower().endswith((".localhost", ".local", ".internal")):
                raise FetchError(f"refusing to fetch from {host}: it is a local name") from None
        else:
            reason = address_refusal(host)
            if reason:
                raise FetchError(f"refusing to fetch from {host}: {reason}")
    return url.strip()


async def fetch_page(
    url: str,
    *,
    allow_private: bool = False,
    max_bytes: int = MAX_PAGE_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> FetchedPage:
    """GET an HTML page (following up to 5 redirects, each checked), at most ``max_bytes`` long."""
    current = check_url(url, allow_private=allow_private)
    connector = aiohttp.TCPConnector(resolver=CheckedResolver(allow_private=allow_private), use_dns_cache=False)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout,
                                     headers={"User-Agent": USER_AGENT}) as session:
        try:
            for _ in range(MAX_REDIRECTS + 1):
                async with session.get(current, allow_redirects=False) as resp:
                    if resp.status in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                        current = check_url(urljoin(current, resp.headers["Location"]), allow_private=allow_private)
                        continue
                    if resp.status != 200:
                        raise FetchError(f"the site answered HTTP {resp.status} {resp.reason or ''}".rstrip())
                    content_type = resp.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
                    if content_type and content_type not in HTML_TYPES:
                        raise FetchError(f"the link is {content_type}, not an HTML page")
                    if (resp.content_length or 0) > max_bytes:
                        raise FetchError(f"the page is over the size cap of {max_bytes // (1024 * 1024)} MB")
                    data = bytearray()
                    async for chunk in resp.content.iter_chunked(65536):
                        data += chunk
                        if len(data) > max_bytes:
                            raise FetchError(f"the page is over the size cap of {max_bytes // (1024 * 1024)} MB")
                    return FetchedPage(str(resp.url), bytes(data), content_type or "text/html")
            raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")
        except TimeoutError:
            raise FetchError(f"the site did not answer within {timeout:g} seconds") from None
        except aiohttp.ClientError as exc:
            raise FetchError(f"could not fetch the page: {exc.__class__.__name__}") from None
