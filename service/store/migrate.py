"""Apply the Alembic migrations once, under a lock, before any worker serves requests."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from ..settings import Settings
from .db import make_engine, prepare_data_dir

log = logging.getLogger(__name__)

SCRIPT_LOCATION = Path(__file__).parent / "alembic"
_PG_LOCK_ID = 0x5C11_3A7C


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_current(engine: Engine) -> bool:
    """True when the database schema is at the newest migration."""
    with engine.connect() as connection:
        return current_revision(connection) == head_revision()


@contextmanager
def _migration_lock(engine: Engine, settings: Settings) -> Iterator[None]:
    """One migrator at a time: a PostgreSQL advisory lock, or a lock file beside the SQLite db."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _PG_LOCK_ID})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": _PG_LOCK_ID})
                connection.commit()
        return
    prepare_data_dir(settings)
    with open(settings.data_dir / ".migrate.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade_engine(engine: Engine, settings: Settings) -> str | None:
    """Bring the schema behind ``engine`` to the newest revision; returns that revision."""
    with _migration_lock(engine, settings), engine.begin() as connection:
        if current_revision(connection) == head_revision():
            return head_revision()
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database migrated to %s", head_revision())
    return head_revision()


def upgrade(settings: Settings) -> str | None:
    """Apply every pending migration to the configured database (``skillmatch db upgrade``)."""
    engine = make_engine(settings)
    try:
        return upgrade_engine(engine, settings)
    finally:
        engine.dispose()
