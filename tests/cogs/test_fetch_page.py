"""bot/fetch.py: fetching a page for `/article add url:` without reaching into the network."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bot import fetch
from bot.fetch import CheckedResolver, FetchError, address_refusal, check_url, fetch_page


@contextlib.asynccontextmanager
async def site(routes: dict[str, web.Response | str]) -> AsyncIterator[str]:
    """A loopback server: path -> response (or a path to redirect to); yields its base URL."""
    app = web.Application()
    for path, answer in routes.items():
        async def handler(request: web.Request, answer=answer) -> web.StreamResponse:
            if isinstance(answer, str):
                raise web.HTTPFound(answer)
            return answer
        app.router.add_get(path, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@pytest.mark.parametrize(("address", "kind"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("169.254.169.254", "link-local"), ("fe80::1", "link-local"), ("::ffff:127.0.0.1", "loopback"),
    ("0.0.0.0", "unspecified"), ("224.0.0.1", "multicast"), ("100.64.0.1", "not a public"),
])
def test_addresses_inside_the_network_are_refused(address: str, kind: str) -> None:
    assert kind in (address_refusal(address) or "")


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "1.1.1.1"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_refusal(address) is None


def test_only_http_links_with_a_host() -> None:
    for bad in ("ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "http:///nohost"):
        with pytest.raises(FetchError):
            check_url(bad)
    for local in ("http://localhost:8080/", "http://127.0.0.1/", "http://[::1]/", "http://printer.local/"):
        with pytest.raises(FetchError, match="refusing to fetch"):
            check_url(local)
        assert check_url(local, allow_private=True) == local
    assert check_url(" https://example.com/story ") == "https://example.com/story"


async def test_names_are_checked_after_resolving() -> None:
    resolver = CheckedResolver()
    with pytest.raises(FetchError, match="loopback"):
        await resolver.resolve("localhost", 80)
    assert await CheckedResolver(allow_private=True).resolve("localhost", 80)


async def test_fetches_a_page_when_private_addresses_are_allowed() -> None:
    async with site({"/a": web.Response(text="<p>hi</p>", content_type="text/html")}) as base:
        page = await fetch_page(base + "/a", allow_private=True)
        with pytest.raises(FetchError, match="loopback"):
            await fetch_page(base + "/a")
    assert page.data == b"<p>hi</p>" and page.url == base + "/a" and page.content_type == "text/html"


async def test_size_cap_type_status_and_redirect_limits() -> None:
    routes = {
        "/big": web.Response(body=b"x" * 3000, content_type="text/html"),
        "/pdf": web.Response(body=b"%PDF", content_type="application/pdf"),
        "/gone": web.Response(status=404, text="no"),
        "/loop": "/loop",
        "/hop": "/ok",
        "/ok": web.Response(text="<p>ok</p>", content_type="text/html"),
    }
    async with site(routes) as base:
        with pytest.raises(FetchError, match="size cap"):
            await fetch_page(base + "/big", allow_private=True, max_bytes=1000)
        with pytest.raises(FetchError, match="application/pdf, not an HTML page"):
            await fetch_page(base + "/pdf", allow_private=True)
        with pytest.raises(FetchError, match="HTTP 404"):
            await fetch_page(base + "/gone", allow_private=True)
        with pytest.raises(FetchError, match="too many redirects"):
            await fetch_page(base + "/loop", allow_private=True)
        assert (await fetch_page(base + "/hop", allow_private=True)).url == base + "/ok"


async def test_a_redirect_into_the_network_is_refused(monkeypatch) -> None:
    real = fetch.address_refusal
    # The test server is itself on loopback: let only its address through, as if it were public.
    monkeypatch.setattr(fetch, "address_refusal", lambda a: None if a == "127.0.0.1" else real(a))
    async with site({"/r": "http://169.254.169.254/latest/meta-data"}) as base:
        with pytest.raises(FetchError, match="169.254.169.254 is a link-local address"):
            await fetch_page(base + "/r")
