"""Fault injection: make chosen routes answer with an error status."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

MISSING_PERMISSIONS: dict[str, Any] = {"code": 50013, "message": "Missing Permissions"}
UNKNOWN_CHANNEL: dict[str, Any] = {"code": 10003, "message": "Unknown Channel"}
UNKNOWN_MESSAGE: dict[str, Any] = {"code": 10008, "message": "Unknown Message"}
UNKNOWN_INTERACTION: dict[str, Any] = {"code": 10062, "message": "Unknown interaction"}
SERVER_ERROR: dict[str, Any] = {"code": 0, "message": "500: Internal Server Error"}


@dataclass
class FaultRule:
    """Answer ``status``/``body`` to requests matching ``method`` and ``path`` (regex, full match).

    ``remaining`` is how many more requests it applies to (``None``: forever).
    """

    method: str | None
    path: re.Pattern[str]
    status: int
    body: Any
    remaining: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hits: int = 0

    def matches(self, method: str, path: str) -> bool:
        """True if this still-active rule applies to the request."""
        if self.remaining is not None and self.remaining <= 0:
            return False
        if self.method is not None and self.method != method:
            return False
        return self.path.fullmatch(path) is not None


class FaultInjector:
    """Ordered fault rules; the first matching active rule wins."""

    def __init__(self) -> None:
        self.rules: list[FaultRule] = []

    def add(
        self,
        method: str | None,
        path: str,
        status: int,
        body: Any = None,
        *,
        times: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> FaultRule:
        """Register a rule; ``times=None`` keeps it active until cleared."""
        rule = FaultRule(
            method=method.upper() if method else None,
            path=re.compile(path),
            status=status,
            body={"code": 0, "message": f"{status}"} if body is None else body,
            remaining=times,
            headers=dict(headers or {}),
        )
        self.rules.append(rule)
        return rule

    def take(self, method: str, path: str) -> FaultRule | None:
        """Consume one use of the first rule matching the request, if any."""
        for rule in self.rules:
            if rule.matches(method, path):
                rule.hits += 1
                if rule.remaining is not None:
                    rule.remaining -= 1
                return rule
        return None

    def clear(self) -> None:
        """Remove all rules."""
        self.rules.clear()
