"""Plain-text help for every command: an option shows a placeholder (``--out FILE``,
``--format [table|json]``) only when it takes a value, flags stand alone, and arguments read
``PATH...`` (Typer's own help shows ``<bool>``, ``<list[Path]>`` and ``{INPUT...}...``).

Works on Typer's parameters by duck typing, whichever copy of Click Typer uses.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def placeholder(param: Any) -> str:
    """What an option's value or an argument is called in help: its metavar, its choices, or
    its name in capitals."""
    if param.metavar:
        return param.metavar.removesuffix("...")
    choices = getattr(getattr(param, "type_descriptor", None), "choices", None) or \
        getattr(getattr(param, "type", None), "choices", None)
    if choices:
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    return (param.name or "value").upper()


def argument_usage(param: Any) -> str:
    """``NAME``, ``NAME...`` or ``[NAME]`` for the usage line and the Arguments section."""
    name = placeholder(param) + ("..." if param.nargs != 1 else "")
    return name if param.required else f"[{name}]"


def _help_records(params: Sequence[Any], ctx: Any, kind: str) -> list[tuple[str, str]]:
    rows = []
    for param in params:
        if param.param_type_name != kind or getattr(param, "hidden", False):
            continue
        if param.param_type_name == "option":
            term = ", ".join([*sorted(param.opts, key=len), *param.secondary_opts])
            if not (param.is_flag or param.count):
                term += " " + placeholder(param)
        else:
            term = argument_usage(param)
        extra = []
        if param.param_type_name == "option" and param.show_default and not param.is_flag \
                and param.default is not None:
            default = getattr(param.default, "value", param.default)
            extra.append(f"default: {default}")
        if param.required:
            extra.append("required")
        text = (getattr(param, "help", None) or "").strip()
        rows.append((term, f"{text}  [{'; '.join(extra)}]" if extra else text))
    return rows


def format_params(command: Any, ctx: Any, formatter: Any) -> None:
    """The Arguments and Options sections of a command's help."""
    params = command.get_params(ctx)
    for title, kind in (("Arguments", "argument"), ("Options", "option")):
        rows = _help_records(params, ctx, kind)
        if rows:
            with formatter.section(title):
                formatter.write_dl(rows)
