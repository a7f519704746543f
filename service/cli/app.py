"""The Typer application every command module registers on.

Calling ``app()`` (the ``skillmatch`` console script) turns a configuration problem into one
line on stderr and exit code 2, for every command at once: an invalid ``SKILLMATCH_*`` setting,
a data directory that cannot be created or written, a database URL whose driver is missing, or
a database that cannot be opened or reached.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import typer
from pydantic import ValidationError

CONFIG_EXIT = 2


class SkillmatchApp(typer.Typer):
    """``typer.Typer`` whose entry point reports bad configuration in one line, no traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except Exception as exc:
            message = configuration_message(exc)
            if message is None:
                raise
            _exit(message)


def configuration_message(exc: Exception) -> str | None:
    """The one-line message when ``exc`` is a configuration problem, else None (a bug)."""
    if isinstance(exc, ValidationError):
        return settings_message(exc) if exc.title == "Settings" else None
    if isinstance(exc, OSError):
        return data_dir_message(exc)
    if isinstance(exc, ModuleNotFoundError | RuntimeError):
        return driver_message(exc)
    return database_message(exc)


def _exit(message: str) -> NoReturn:
    print(f"skillmatch: {message}", file=sys.stderr)
    sys.exit(CONFIG_EXIT)


def settings_message(exc: ValidationError) -> str:
    """``configuration: SKILLMATCH_NAME: why (got 'value')`` for each invalid setting."""
    parts = []
    for error in exc.errors(include_url=False):
        name = "SKILLMATCH_" + "_".join(str(part) for part in error["loc"]).upper()
        got = error.get("input")
        shown = f" (got {got!r})" if isinstance(got, str | int | float) else ""
        parts.append(f"{name}: {error['msg']}{shown}")
    return "configuration: " + "; ".join(parts)


def data_dir_message(exc: OSError) -> str | None:
    """The one-line message for an ``OSError`` on the data directory (or inside it), else None."""
    if exc.filename is None:
        return None
    from ..settings import get_settings

    data_dir = Path(get_settings().data_dir).absolute()
    failed = Path(exc.filename).absolute()
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, FileExistsError | NotADirectoryError):
        reason = "a file with that name is in the way (it must be a folder)"
    if failed == data_dir or failed in data_dir.parents:
        return f"cannot create the data directory {data_dir}: {reason}"
    if data_dir in failed.parents:
        return f"cannot write in the data directory {data_dir}: {reason}"
    return None


_DRIVERS = {"psycopg": "postgres", "psycopg2": "postgres", "psycopg_binary": "postgres"}


def driver_message(exc: ModuleNotFoundError | RuntimeError) -> str | None:
    """The message for a database URL whose driver (an optional extra) is not installed."""
    missing = exc if isinstance(exc, ModuleNotFoundError) else exc.__cause__
    if not isinstance(missing, ModuleNotFoundError) or missing.name not in _DRIVERS:
        return None
    return (f"configuration: SKILLMATCH_DATABASE_URL: the database driver {missing.name!r} is "
            f"not installed: pip install 'skillmatch[{_DRIVERS[missing.name]}]'")


def database_message(exc: Exception) -> str | None:
    """The message for a database that cannot be opened or reached (password hidden), else None."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy import make_url
    from sqlalchemy.exc import InterfaceError, OperationalError

    if not isinstance(exc, OperationalError | InterfaceError):
        return None
    from ..settings import get_settings

    url = make_url(get_settings().effective_database_url).render_as_string(hide_password=True)
    reason = str(exc.orig or exc).strip().splitlines()[0]
    return f"cannot open the database {url}: {reason}"


app = SkillmatchApp(
    name="skillmatch",
    help="Find skills in resumes and job postings, score the fit, explain the gaps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
