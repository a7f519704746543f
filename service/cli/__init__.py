"""The ``skillmatch`` command line: thin commands over the core functions.

Each command group lives in its own module and registers itself on ``app``.
"""

from . import (
    batch_cmd,  # noqa: F401
    evaluate_cmd,  # noqa: F401
    extract_cmd,  # noqa: F401
    score_cmd,  # noqa: F401
    serve_cmd,  # noqa: F401
    taxonomy_cmd,  # noqa: F401
)
from .app import app

__all__ = ["app"]
