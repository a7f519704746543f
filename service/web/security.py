"""Security headers on every response: a strict Content-Security-Policy and friends.

The page needs nothing but its own origin: no inline script, no external font, script or style.
The interactive API docs (``/docs``) are Swagger UI, served from our own origin, with FastAPI's
inline bootstrap script; they get a policy that allows exactly that inline script and keeps every
other restriction (see ``docs/page.md``).
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
API_DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
API_DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect"})

BASE_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def security_headers(path: str) -> dict[str, str]:
    """The headers every response to ``path`` carries."""
    csp = API_DOCS_CSP if path in API_DOCS_PATHS else STRICT_CSP
    return {"Content-Security-Policy": csp, **BASE_HEADERS}


class SecurityHeadersMiddleware:
    """Pure ASGI middleware adding :func:`security_headers` to every HTTP response.

    Headers the application already set are replaced, so no route can weaken the policy.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in security_headers(scope.get("path", "")).items()
        ]
        names = {name for name, _ in extra}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: Iterable[tuple[bytes, bytes]] = message.get("headers", [])
                kept = [(n, v) for n, v in headers if n.lower() not in names]
                message = {**message, "headers": kept + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def add_security_headers(app: Starlette) -> None:
    """Install :class:`SecurityHeadersMiddleware` on a FastAPI/Starlette ``app``."""
    app.add_middleware(SecurityHeadersMiddleware)
