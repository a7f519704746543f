"""``skillmatch serve``, ``skillmatch keys …`` and ``skillmatch db upgrade``."""

from __future__ import annotations

import copy
from typing import Annotated, Any

import typer

from ..settings import Settings, get_settings
from .app import USAGE_EXIT, SkillmatchApp, app, fail

keys_app = SkillmatchApp(help="Manage API keys (one tenant may hold several).",
                         no_args_is_help=True)
db_app = SkillmatchApp(help="Manage the database schema.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(db_app, name="db")


def _shown_url(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.effective_database_url).render_as_string(hide_password=True)


def _migrate(settings: Settings) -> str | None:
    from ..store.migrate import upgrade

    return upgrade(settings)


def _log_config(level: str) -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["service"] = {"handlers": ["default"], "level": level, "propagate": False}
    return config


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Run the API and the candidate page (migrates the database first, once)."""
    import uvicorn

    _check_port(host, port)
    settings = get_settings()
    revision = _migrate(settings)
    typer.echo(f"Data directory: {settings.data_dir}")
    typer.echo(f"Database: {_shown_url(settings)} (schema {revision})")
    typer.echo(f"Serving on http://{host}:{port}/ (API docs at http://{host}:{port}/docs)")
    uvicorn.run(
        "service.api.app:create_server_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=_log_config(settings.log_level),
        log_level=settings.log_level.lower(),
        access_log=False,
        proxy_headers=False,  # the app reads them, from SKILLMATCH_TRUSTED_PROXIES only
    )


def _check_port(host: str, port: int) -> None:
    """Exit 2 with one line when ``host:port`` cannot be listened on (taken, or not ours)."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(address)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno == errno.EADDRINUSE:
            reason += " (another program listens there: stop it or choose another --port)"
        fail(f"cannot listen on {host}:{port}: {reason}", USAGE_EXIT)


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option("--name", help="Tenant name (created if new).")],
) -> None:
    """Create an API key for tenant NAME and print only the key."""
    from ..store import keys
    from ..store.db import make_engine, make_sessionmaker, session_scope

    settings = get_settings()
    tenant = name.strip()
    if not tenant or len(tenant) > 100:
        raise typer.BadParameter("give a tenant name of 1 to 100 characters", param_hint="--name")
    _migrate(settings)
    engine = make_engine(settings)
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            key, _info = keys.create_key(session, tenant)
    finally:
        engine.dispose()
    typer.echo(key)


@keys_app.command("list")
def keys_list() -> None:
    """List keys: id, tenant, prefix, created, revoked (never the keys themselves)."""
    from ..store import keys
    from ..store.db import make_engine, make_sessionmaker, session_scope

    settings = get_settings()
    _migrate(settings)
    engine = make_engine(settings)
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            rows = keys.list_keys(session)
    finally:
        engine.dispose()
    typer.echo(f"{'ID':<18} {'TENANT':<20} {'PREFIX':<9} {'CREATED':<20} REVOKED")
    for row in rows:
        revoked = row.revoked_at.strftime("%Y-%m-%d %H:%M:%S") if row.revoked_at else "-"
        created = row.created_at.strftime("%Y-%m-%d %H:%M:%S")
        typer.echo(f"{row.id:<18} {row.tenant:<20} {row.prefix + '…':<9} {created:<20} {revoked}")


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[str, typer.Argument(help="The key's id from `keys list`.")],
) -> None:
    """Revoke a key at once; the tenant's data stays."""
    from ..store import keys
    from ..store.db import make_engine, make_sessionmaker, session_scope

    settings = get_settings()
    _migrate(settings)
    engine = make_engine(settings)
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            info = keys.revoke_key(session, key_id)
    finally:
        engine.dispose()
    if info is None:
        fail(f"no key with id {key_id!r} (see `skillmatch keys list`)", USAGE_EXIT)
    typer.echo(f"Revoked {info.id} (tenant {info.tenant}).")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply pending migrations to the configured database."""
    settings = get_settings()
    revision = _migrate(settings)
    typer.echo(f"Database {_shown_url(settings)} is at schema revision {revision}.")
