"""The candidate web page (``/``) and the security headers every response carries."""

from .routes import router
from .security import SecurityHeadersMiddleware, add_security_headers, security_headers

__all__ = ["SecurityHeadersMiddleware", "add_security_headers", "router", "security_headers"]
