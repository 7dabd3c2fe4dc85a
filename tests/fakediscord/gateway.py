"""The gateway websocket: HELLO, IDENTIFY/RESUME, heartbeats, dispatches."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

from aiohttp import WSMsgType, web

from .ids import new_token
from .models import Payload

OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11


class GatewayHost(Protocol):
    """What the gateway needs from the server."""

    heartbeat_interval_ms: int

    def ready_payload(self, session_id: str, shard: list[int]) -> Payload: ...

    def guild_create_payloads(self) -> list[Payload]: ...

    def guild_members(self, guild_id: int) -> list[Payload]: ...


@dataclass
class GatewaySession:
    """A gateway session (survives reconnects, so RESUME can replay missed events)."""

    session_id: str
    identify: Payload
    seq: int = 0
    history: list[Payload] = field(default_factory=list)


@dataclass
class ReceivedOp:
    """A payload the client sent over the gateway."""

    time: float
    op: int
    data: Any


class GatewayConnection:
    """One websocket connection; frames are sent as plain-text JSON (never zlib)."""

    def __init__(self, ws: web.WebSocketResponse) -> None:
        self.ws = ws
        self.session: GatewaySession | None = None
        self.heartbeats: list[float] = []
        self._lock = asyncio.Lock()

    async def send(self, payload: Payload) -> None:
        """Send one JSON text frame."""
        async with self._lock:
            if not self.ws.closed:
                await self.ws.send_str(json.dumps(payload))

    async def dispatch(self, event: str, data: Any) -> None:
        """Send an op-0 dispatch with the next sequence number."""
        assert self.session is not None, "dispatch before IDENTIFY"
        self.session.seq += 1
        payload = {"op": OP_DISPATCH, "t": event, "s": self.session.seq, "d": data}
        self.session.history.append(payload)
        await self.send(payload)


class Gateway:
    """Accepts websocket connections on ``/gateway`` and speaks gateway v10."""

    def __init__(self, host: GatewayHost) -> None:
        self._host = host
        self.connections: list[GatewayConnection] = []
        self.sessions: dict[str, GatewaySession] = {}
        self.received: list[ReceivedOp] = []
        self.heartbeat_times: list[float] = []
        self.connect_count = 0
        self._changed = asyncio.Event()

    @property
    def live(self) -> list[GatewayConnection]:
        """Connections that completed IDENTIFY or RESUME and are still open."""
        return [c for c in self.connections if c.session is not None and not c.ws.closed]

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """aiohttp handler for the websocket endpoint."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        conn = GatewayConnection(ws)
        self.connections.append(conn)
        self.connect_count += 1
        try:
            await conn.send({"op": OP_HELLO, "d": {"heartbeat_interval": self._host.heartbeat_interval_ms}})
            async for msg in ws:
                if msg.type is WSMsgType.TEXT:
                    await self._on_payload(conn, json.loads(msg.data))
        finally:
            self.connections.remove(conn)
            self._notify()
        return ws

    async def _on_payload(self, conn: GatewayConnection, payload: Payload) -> None:
        op, data = payload.get("op"), payload.get("d")
        now = time.monotonic()
        self.received.append(ReceivedOp(now, op, data))
        if op == OP_HEARTBEAT:
            conn.heartbeats.append(now)
            self.heartbeat_times.append(now)
            await conn.send({"op": OP_HEARTBEAT_ACK})
        elif op == OP_IDENTIFY:
            await self._identify(conn, data)
        elif op == OP_RESUME:
            await self._resume(conn, data)
        elif op == OP_REQUEST_MEMBERS:
            await self._send_members(conn, data)

    async def _identify(self, conn: GatewayConnection, data: Payload) -> None:
        session = GatewaySession(new_token("session"), identify=data)
        self.sessions[session.session_id] = session
        conn.session = session
        await conn.dispatch("READY", self._host.ready_payload(session.session_id, data.get("shard") or [0, 1]))
        for guild in self._host.guild_create_payloads():
            await conn.dispatch("GUILD_CREATE", guild)
        self._notify()

    async def _resume(self, conn: GatewayConnection, data: Payload) -> None:
        session = self.sessions.get(data.get("session_id", ""))
        if session is None:
            await conn.send({"op": OP_INVALID_SESSION, "d": False})
            return
        conn.session = session
        for missed in [p for p in session.history if p["s"] > (data.get("seq") or 0)]:
            await conn.send(missed)
        await conn.dispatch("RESUMED", {})
        self._notify()

    async def _send_members(self, conn: GatewayConnection, data: Payload) -> None:
        guild_ids = data["guild_id"] if isinstance(data["guild_id"], list) else [data["guild_id"]]
        wanted = {str(u) for u in data.get("user_ids") or []}
        query = (data.get("query") or "").lower()
        for guild_id in guild_ids:
            members = [
                m for m in self._host.guild_members(int(guild_id))
                if (not wanted or m["user"]["id"] in wanted) and m["user"]["username"].lower().startswith(query)
            ]
            if data.get("limit"):
                members = members[: data["limit"]]
            chunk = {"guild_id": str(guild_id), "members": members, "chunk_index": 0, "chunk_count": 1,
                     "not_found": [], "nonce": data.get("nonce")}
            await conn.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until_connected(self, timeout: float = 5.0) -> GatewayConnection:
        """Wait until a client has identified (or resumed) on an open connection."""
        async with asyncio.timeout(timeout):
            while not self.live:
                await self._changed.wait()
        return self.live[-1]

    async def dispatch(self, event: str, data: Any) -> None:
        """Send a dispatch event to every live connection; fails if no client is connected."""
        live = self.live
        if not live:
            raise RuntimeError(f"cannot dispatch {event}: no client is connected to the fake gateway")
        for conn in live:
            await conn.dispatch(event, data)

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT: the client drops the socket and RESUMEs."""
        for conn in self.live:
            await conn.send({"op": OP_RECONNECT, "d": None})

    async def close_all(self, code: int = 4000) -> None:
        """Close every websocket (the client will try to reconnect unless it is closing)."""
        for conn in list(self.connections):
            await conn.ws.close(code=code)
