"""The ``skillmatch`` command line: thin commands over the core functions.

Each command group lives in its own module and registers itself on ``app``.
"""

from .app import app
from . import batch_cmd  # noqa: F401,E402
from . import evaluate_cmd  # noqa: F401,E402
from . import extract_cmd  # noqa: F401,E402
from . import score_cmd  # noqa: F401,E402
from . import serve_cmd  # noqa: F401,E402
from . import taxonomy_cmd  # noqa: F401,E402


__all__ = ["app"]
