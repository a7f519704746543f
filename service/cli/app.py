"""The Typer application every command module registers on, and how every command fails.

Every error is one line on stderr, ``skillmatch <command>: …`` (``fail``), and the exit code
says whose fault it was: ``USAGE_EXIT`` (2) for bad usage (an option error, a missing input, a
folder where a file is expected, bad configuration), ``FAILED_EXIT`` (1) when a document could
not be read or scored. The root command (``SkillmatchGroup.main``) turns Click's usage errors
and configuration problems (an invalid ``SKILLMATCH_*`` setting, a data directory that cannot be
created or written, a database URL whose driver is missing, a database that cannot be opened or
reached) into that line too, for every command at once. Help is plain text in which an option
shows a placeholder only when it takes a value.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from pydantic import ValidationError
from typer.core import TyperCommand, TyperGroup

from .help_text import argument_usage, format_params

if TYPE_CHECKING:
    from ..context import AnalysisContext

try:  # newer Typer carries its own copy of Click
    from typer._click import exceptions as click_errors
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - Typer on the click package
    from click import exceptions as click_errors  # type: ignore[no-redef]
    from click import get_current_context  # type: ignore[no-redef]

_NO_ARGS_IS_HELP = getattr(click_errors, "NoArgsIsHelpError", ())  # Click >= 8.2
USAGE_EXIT = 2
FAILED_EXIT = 1
CONFIG_EXIT = USAGE_EXIT
PROGRAM = "skillmatch"


def command_name(ctx: Any = None) -> str:
    """``skillmatch`` and the running (sub)command's words, e.g. ``skillmatch keys list``."""
    ctx = ctx or get_current_context(silent=True)
    words: list[str] = []
    while ctx is not None and ctx.parent is not None:
        words.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join([PROGRAM, *reversed(words)])


def warn(message: str) -> None:
    """Print ``skillmatch <command>: message`` on stderr (the command goes on)."""
    print(f"{command_name()}: {message}", file=sys.stderr, flush=True)


def fail(message: str, code: int = FAILED_EXIT) -> NoReturn:
    """Print ``skillmatch <command>: message`` on stderr and exit with ``code``."""
    warn(message)
    raise typer.Exit(code)


def analysis_context() -> AnalysisContext:
    """The command's analysis context, built once from the environment's settings; an invalid
    taxonomy or profile stops the command with one line."""
    from ..context import AnalysisContext
    from ..errors import SkillmatchError
    from ..settings import get_settings

    try:
        return AnalysisContext.from_settings(get_settings())
    except SkillmatchError as exc:
        fail(exc.message)


class SkillmatchCommand(TyperCommand):
    """A command whose help shows ``--flag`` bare and ``--option NAME`` with its placeholder."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        return pieces + [argument_usage(p) for p in self.get_params(ctx)
                         if p.param_type_name == "argument"]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_params(self, ctx, formatter)


class SkillmatchGroup(TyperGroup):
    """A command group with the same help; as the root it reports every error in one line."""

    def format_options(self, ctx: Any, formatter: Any) -> None:
        format_params(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(argv, PROGRAM, complete_var, False, **extra)
        except _NO_ARGS_IS_HELP as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click_errors.UsageError as exc:
            where = command_name(exc.ctx) if exc.ctx is not None else self._path(argv)
            message = exc.format_message().replace("Value error, ", "").rstrip(".")
            print(f"{where}: {message}. See '{where} --help'.", file=sys.stderr)
            sys.exit(USAGE_EXIT)
        except click_errors.ClickException as exc:
            print(f"{self._path(argv)}: {exc.format_message()}", file=sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            print(f"{self._path(argv)}: stopped.", file=sys.stderr)
            sys.exit(130)
        except Exception as exc:
            message = configuration_message(exc)
            if message is None:
                raise
            print(f"{self._path(argv)}: {message}", file=sys.stderr)
            sys.exit(CONFIG_EXIT)
        sys.exit(code if isinstance(code, int) else 0)

    def _path(self, argv: list[str]) -> str:
        """``skillmatch`` and the command words at the start of ``argv``."""
        words: list[str] = [PROGRAM]
        group: Any = self
        for word in argv:
            commands = getattr(group, "commands", None)
            if not commands or word not in commands:
                break
            words.append(word)
            group = commands[word]
        return " ".join(words)


class SkillmatchApp(typer.Typer):
    """``typer.Typer`` with plain-text help and one-line errors for every command."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("cls", SkillmatchGroup)
        kwargs.setdefault("rich_markup_mode", None)
        kwargs.setdefault("add_completion", False)
        kwargs.setdefault("pretty_exceptions_enable", False)
        super().__init__(**kwargs)

    def command(self, *args: Any, cls: type[TyperCommand] | None = None,
                **kwargs: Any) -> Any:
        return super().command(*args, cls=cls or SkillmatchCommand, **kwargs)


def configuration_message(exc: Exception) -> str | None:
    """The one-line message when ``exc`` is a configuration problem, else None (a bug)."""
    if isinstance(exc, ValidationError):
        return settings_message(exc) if exc.title == "Settings" else None
    if isinstance(exc, OSError):
        return data_dir_message(exc)
    if isinstance(exc, ModuleNotFoundError | RuntimeError):
        return driver_message(exc)
    return database_message(exc)


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
    name=PROGRAM,
    help="Find skills in resumes and job postings, score the fit, explain the gaps.",
    no_args_is_help=True,
)
