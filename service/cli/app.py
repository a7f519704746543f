"""The Typer application every command module registers on."""

import typer

app = typer.Typer(
    name="skillmatch",
    help="Find skills in resumes and job postings, score the fit, explain the gaps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
