"""Engine and sessions: SQLite (WAL, secure_delete, foreign keys) by default, or PostgreSQL."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from ..settings import Settings

log = logging.getLogger(__name__)


def database_url(settings: Settings) -> str:
    """The SQLAlchemy URL; a bare ``postgresql://`` URL is routed to the psycopg 3 driver."""
    url = settings.effective_database_url
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def prepare_data_dir(settings: Settings) -> None:
    """Create the data directory (owner only: it holds resumes) and, for a SQLite file not yet
    there, the empty database file with mode 0600; SQLite gives its -wal and -shm files the
    database file's mode."""
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    url = database_url(settings)
    database = make_url(url).database if url.startswith("sqlite") else None
    if database and database != ":memory:" and not os.path.exists(database):
        os.makedirs(os.path.dirname(os.path.abspath(database)), mode=0o700, exist_ok=True)
        os.close(os.open(database, os.O_CREAT | os.O_WRONLY, 0o600))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(settings: Settings) -> Engine:
    """Create the engine for ``settings``, creating the data directory for SQLite."""
    url = database_url(settings)
    if url.startswith("sqlite"):
        prepare_data_dir(settings)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    try:
        # A pool as large as the requests served at once: an overflow connection is closed when
        # returned, so a pool smaller than the load opens a PostgreSQL backend every few
        # requests (about a hundred per 1,500 matches with 8 clients and the default of 5).
        return create_engine(url, pool_pre_ping=True, pool_use_lifo=True,
                             pool_size=settings.database_pool_size,
                             max_overflow=settings.database_max_overflow)
    except ModuleNotFoundError as exc:
        raise RuntimeError(
            f"the database driver {exc.name!r} is not installed "
            "(for PostgreSQL: pip install 'skillmatch[postgres]')"
        ) from exc


def make_loop_engine(engine: Engine) -> Engine | None:
    """For a SQLite file: a second engine with one connection per thread, never shared or
    waited for, so a short read on the event loop cannot block it on a pool checkout (the main
    pool's connections may all be held by requests awaiting a document parse). None otherwise
    (in-memory SQLite is private to one connection; a networked database needs the threadpool)."""
    if not is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        return None
    loop_engine = create_engine(
        engine.url, poolclass=SingletonThreadPool,
        connect_args={"check_same_thread": False, "timeout": 10},
    )
    event.listen(loop_engine, "connect", _sqlite_pragmas)
    return loop_engine


def make_read_engine(engine: Engine) -> Engine:
    """For reads that need no transaction: on PostgreSQL the same pool in autocommit mode, which
    saves the ``BEGIN`` and ``ROLLBACK`` round trips around each checkout (each statement is
    its own snapshot); the engine itself otherwise."""
    if is_sqlite(engine):
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session that commits on success and rolls back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def after_delete(session: Session) -> None:
    """Commit a deletion and, on SQLite, checkpoint the WAL so deleted text does not linger."""
    session.commit()
    bind = session.get_bind()
    if bind.dialect.name == "sqlite":
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        session.commit()


def ping(engine: Engine) -> None:
    """Run ``SELECT 1``; raises SQLAlchemy's ``OperationalError`` when unreachable."""
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))
