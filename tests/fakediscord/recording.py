"""Recording of every REST request the client makes, with await-able look-ups."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

Predicate = Callable[["RecordedRequest"], bool]


@dataclass
class RecordedFile:
    """One uploaded file of a multipart request."""

    field_name: str
    filename: str
    content_type: str
    data: bytes


@dataclass
class RecordedRequest:
    """A request as the fake server saw it.

    ``path`` is relative to ``/api/v10`` (``/channels/1/messages``); non-API paths
    (attachments) keep their full path. ``json`` is the JSON body, ``payload_json``
    the parsed ``payload_json`` field of a multipart body; ``body`` is whichever is set.
    ``unrouted`` marks requests no fake route handles (answered 404).
    """

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    json: Any = None
    payload_json: Any = None
    files: list[RecordedFile] = field(default_factory=list)
    status: int = 0
    response: Any = None
    time: float = field(default_factory=time.monotonic)
    index: int = -1
    unrouted: bool = False

    @property
    def body(self) -> Any:
        """The logical JSON body: ``json`` or, for multipart, ``payload_json``."""
        return self.json if self.json is not None else self.payload_json

    def file(self, filename: str) -> RecordedFile:
        """The uploaded file called ``filename``."""
        for f in self.files:
            if f.filename == filename:
                return f
        raise KeyError(f"no file {filename!r} in {[f.filename for f in self.files]}")

    def matches(self, method: str | None, path: str | re.Pattern[str] | None) -> bool:
        """True if method (case-insensitive) and path (regex, full match) match; None matches anything."""
        if method is not None and self.method != method.upper():
            return False
        return path is None or re.fullmatch(path, self.path) is not None

    def __str__(self) -> str:
        return f"#{self.index} {self.method} {self.path} -> {self.status}"


@dataclass
class _Waiter:
    method: str | None
    path: str | re.Pattern[str] | None
    after: int
    predicate: Predicate | None
    future: asyncio.Future[RecordedRequest]

    def accepts(self, req: RecordedRequest) -> bool:
        return req.index >= self.after and req.matches(self.method, self.path) and (
            self.predicate is None or self.predicate(req)
        )


class RequestLog:
    """Ordered list of :class:`RecordedRequest` (``server.requests``)."""

    def __init__(self) -> None:
        self._items: list[RecordedRequest] = []
        self._waiters: list[_Waiter] = []

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> RecordedRequest:
        return self._items[index]

    def add(self, req: RecordedRequest) -> None:
        """Append a completed request and wake up matching waiters."""
        req.index = len(self._items)
        self._items.append(req)
        for waiter in list(self._waiters):
            if not waiter.future.done() and waiter.accepts(req):
                waiter.future.set_result(req)

    def mark(self) -> int:
        """Index to pass as ``after=`` to only see requests made from now on."""
        return len(self._items)

    def clear(self) -> None:
        """Forget recorded requests (waiters stay)."""
        self._items.clear()

    def find(
        self,
        method: str | None = None,
        path: str | re.Pattern[str] | None = None,
        *,
        after: int = 0,
        predicate: Predicate | None = None,
    ) -> list[RecordedRequest]:
        """All recorded requests matching method, full-match path regex and predicate."""
        return [
            r for r in self._items[after:] if r.matches(method, path) and (predicate is None or predicate(r))
        ]

    async def wait_for(
        self,
        method: str | None,
        path: str | re.Pattern[str] | None,
        *,
        timeout: float = 5.0,
        after: int = 0,
        predicate: Predicate | None = None,
    ) -> RecordedRequest:
        """Return the first matching request at index >= ``after``, waiting up to ``timeout`` s for it."""
        found = self.find(method, path, after=after, predicate=predicate)
        if found:
            return found[0]
        future: asyncio.Future[RecordedRequest] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(method, path, after, predicate, future)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(future, timeout)
        except TimeoutError:
            seen = "\n  ".join(str(r) for r in self._items) or "(none)"
            raise AssertionError(
                f"no {method or '*'} {path or '*'} request within {timeout}s; recorded:\n  {seen}"
            ) from None
        finally:
            self._waiters.remove(waiter)
