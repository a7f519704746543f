"""What one app instance holds: settings, the analysis context, the database, in-process
limiters and caches."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..context import AnalysisContext
from ..settings import Settings
from .cache import StoredObjects
from .limits import ParseSlots, RateLimiter


@dataclass
class AppState:
    settings: Settings
    context: AnalysisContext
    engine: Engine
    sessions: sessionmaker[Session]
    rate_limiter: RateLimiter
    parse_slots: ParseSlots = field(default_factory=ParseSlots)
    cache: StoredObjects = field(default_factory=StoredObjects)
    # For a SQLite file: the engine of short reads run on the event loop (a local file, tens of
    # microseconds a query; see ``routes/match.py`` and ``store.db.make_loop_engine``).
    loop_engine: Engine | None = None
    # The engine of reads that need no transaction (``store.db.make_read_engine``).
    read_engine: Engine | None = None
    # Whether start-up tunes the process's interpreter (the server's app does; see interpreter.py).
    tune_interpreter: bool = False
