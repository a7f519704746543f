"""What one app instance holds: settings, the database, in-process limiters and caches."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..settings import Settings
from .cache import StoredObjects
from .limits import ParseSlots, RateLimiter


@dataclass
class AppState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    rate_limiter: RateLimiter = field(default_factory=RateLimiter)
    parse_slots: ParseSlots = field(default_factory=ParseSlots)
    cache: StoredObjects = field(default_factory=StoredObjects)
    # Whether a short read may run on the event loop: true for SQLite (a local file, tens of
    # microseconds a query), false for a networked database (see ``routes/match.py``).
    inline_reads: bool = False
