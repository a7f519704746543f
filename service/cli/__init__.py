"""The ``skillmatch`` command line: thin commands over the core functions.

Each command group lives in its own module and registers itself on ``app``.
"""

from .app import app


__all__ = ["app"]
