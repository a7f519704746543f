"""The client's address behind a reverse proxy, believed only from trusted proxies.

``skillmatch serve`` turns uvicorn's own proxy handling off (it trusts ``X-Forwarded-For`` from
127.0.0.1 by default, so any local client could claim another address). With
``SKILLMATCH_TRUSTED_PROXIES`` set, uvicorn's ``ProxyHeadersMiddleware`` does the work: when the
peer is a trusted proxy, the client is the rightmost forwarded address that is not itself a
trusted proxy. ``SKILLMATCH_PROXY_HEADER=forwarded`` reads the RFC 7239 ``Forwarded`` header
instead (its ``for=`` and ``proto=`` turned into the ``X-Forwarded-*`` form first). Only one
header is read: a proxy that sets one usually passes the other through from the client unchanged.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from ..settings import Settings

_FORWARDED_NAMES = (b"forwarded", b"x-forwarded-for", b"x-forwarded-proto")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1].replace('\\"', '"')
    return value


def parse_forwarded(header: str) -> tuple[list[str], str | None]:
    """The ``for=`` nodes of a ``Forwarded`` header, first hop first, and the last ``proto=``.

    A node keeps its port (``192.0.2.4:8080``, ``[2001:db8::1]:443``); an element without
    ``for=`` counts as ``unknown`` so the hops stay in line with the proxies that added them.
    """
    nodes: list[str] = []
    proto: str | None = None
    for element in header.split(","):
        node = "unknown"
        for pair in element.split(";"):
            name, sep, value = pair.partition("=")
            if not sep:
                continue
            name = name.strip().lower()
            if name == "for":
                node = _unquote(value)
            elif name == "proto":
                proto = _unquote(value).lower()
        nodes.append(node)
    return nodes, proto


class ForwardedToXForwarded:
    """Replace ``X-Forwarded-For``/``-Proto`` with what the ``Forwarded`` header says."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            forwarded = [v.decode("latin-1") for n, v in scope["headers"] if n == b"forwarded"]
            headers = [(n, v) for n, v in scope["headers"] if n not in _FORWARDED_NAMES]
            if forwarded:
                nodes, proto = parse_forwarded(", ".join(forwarded))
                headers.append((b"x-forwarded-for", ", ".join(nodes).encode("latin-1")))
                if proto:
                    headers.append((b"x-forwarded-proto", proto.encode("latin-1")))
            scope = {**scope, "headers": headers}
        await self.app(scope, receive, send)


class ClientAddressMiddleware:
    """``scope["client"]`` becomes the forwarded client when the peer is a trusted proxy; a
    pass-through when no proxy is trusted."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        if settings.trusted_proxies:
            trusted = [str(network) for network in settings.trusted_proxies]
            self.app = ProxyHeadersMiddleware(app, trusted_hosts=trusted)  # type: ignore[arg-type]
            if settings.proxy_header == "forwarded":
                self.app = ForwardedToXForwarded(self.app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
