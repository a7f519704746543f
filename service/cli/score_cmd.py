"""``skillmatch score``, ``skillmatch job`` and ``skillmatch profile``: thin commands over
the analysis context (``service.context``) and the profile loader."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from ..errors import InputError, NotFound, SkillmatchError
from ..render_report import print_profile, print_report, report_html
from ..settings import get_settings
from ..taxonomy import get_taxonomy, load_profile, profile_paths
from .app import FAILED_EXIT, USAGE_EXIT, SkillmatchApp, analysis_context, app, fail

profile_app = SkillmatchApp(help="List and show the scoring profiles (taxonomy/profiles/*.yaml).",
                          no_args_is_help=True)
app.add_typer(profile_app, name="profile")


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


class ProfileFormat(str, Enum):
    table = "table"
    json = "json"


def _fail(exc: SkillmatchError, path: Path | None = None, *, code: int = FAILED_EXIT) -> NoReturn:
    """One ``skillmatch <command>: [PATH: ]message`` line on stderr, then exit with ``code``."""
    fail(f"{path}: {exc.message}" if path else exc.message, code)


def _usage_code(exc: SkillmatchError) -> int:
    """2 for bad usage (a missing file, an unknown profile), 1 when a document failed."""
    return USAGE_EXIT if isinstance(exc, (NotFound, InputError)) else FAILED_EXIT


_EXIT_CODES = ("Exit code: 0 on success; 1 when the {doc} could not be {done}; 2 for "
               "bad usage: an option error, {usage}.")


@app.command("score", help=(
    "Score a resume against a profile or a job posting and explain the gaps.\n\n"
    "JSON is the MatchReport model (docs/report.md); HTML is one self-contained page.\n\n"
    + _EXIT_CODES.format(doc="resume", done="read or scored",
                         usage="an unknown profile, a RESUME that does not exist or is a folder, "
                         "or a --job posting that cannot be read")))
def score_command(
    resume: Annotated[Path, typer.Argument(
        help="Resume: PDF, DOCX, RTF, TXT, Markdown, JSON Resume.", metavar="RESUME",
        show_default=False)],
    profile: Annotated[str | None, typer.Option(
        "--profile", "-p", metavar="NAME", help="Profile name (default: ml-engineer).")] = None,
    job: Annotated[Path | None, typer.Option(
        "--job", "-j",
        help="Score against this job posting (PDF, DOCX, RTF, TXT or Markdown) instead.",
        metavar="FILE", dir_okay=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] =
        ReportFormat.table,
) -> None:
    from ..documents.files import read_job_posting, read_path

    if profile and job:
        fail("give --profile or --job, not both.", USAGE_EXIT)
    if resume.is_dir():
        fail(f"{resume} is a folder: give one resume file (`skillmatch batch {resume}` scores "
             "every resume in a folder).", USAGE_EXIT)
    context = analysis_context()
    job_text = None
    if job is not None:
        try:
            job_text = read_job_posting(job, settings=context.settings)
        except SkillmatchError as exc:
            _fail(exc, code=USAGE_EXIT)
    try:
        document = read_path(resume, settings=context.settings, vocabulary=context.vocabulary)
    except SkillmatchError as exc:
        _fail(exc, resume, code=USAGE_EXIT if isinstance(exc, NotFound) else FAILED_EXIT)
    try:
        _, report = context.analyze(document, profile=profile, job_text=job_text)
    except SkillmatchError as exc:
        _fail(exc, None if isinstance(exc, NotFound) else resume, code=_usage_code(exc))
    if fmt is ReportFormat.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt is ReportFormat.html:
        sys.stdout.write(report_html(report) + "\n")
    else:
        print_report(report, Console())


@app.command("job", help=(
    "Parse a job posting into a profile: required and preferred skills, years, degree.\n\n"
    + _EXIT_CODES.format(doc="posting", done="read", usage="a JD that does not exist or is a folder")))
def job_command(
    path: Annotated[Path, typer.Argument(help="Job posting: PDF, DOCX, RTF, TXT or Markdown.",
                                         metavar="JD", show_default=False)],
    fmt: Annotated[ProfileFormat, typer.Option("--format", "-f", help="Output format.")] =
        ProfileFormat.table,
) -> None:
    from ..documents.files import read_job_posting

    if path.is_dir():
        fail(f"{path} is a folder: give one job posting file.", USAGE_EXIT)
    context = analysis_context()
    try:
        profile = context.resolve_profile(
            job_text=read_job_posting(path, settings=context.settings))
    except SkillmatchError as exc:
        _fail(exc, code=USAGE_EXIT if isinstance(exc, NotFound) else FAILED_EXIT)
    if fmt is ProfileFormat.json:
        sys.stdout.write(profile.model_dump_json(indent=2) + "\n")
    else:
        print_profile(profile, Console())


@profile_app.command("list")
def profile_list() -> None:
    """The profiles available to score --profile."""
    directory = get_settings().taxonomy_dir
    try:
        taxonomy = get_taxonomy(directory)
    except SkillmatchError as exc:
        _fail(exc)
    for name in profile_paths(directory):
        try:
            profile = load_profile(name, directory, taxonomy)
        except SkillmatchError as exc:
            typer.echo(f"{name}\tINVALID: {exc.message}")
            continue
        items = sum(len(g.items) for g in profile.groups)
        typer.echo(f"{name}\t{profile.title}\t{len(profile.groups)} groups, {items} items")


@profile_app.command("show")
def profile_show(
    name: Annotated[str, typer.Argument(help="Profile name, e.g. ml-engineer.", metavar="NAME")],
    fmt: Annotated[ProfileFormat, typer.Option("--format", "-f", help="Output format.")] =
        ProfileFormat.table,
) -> None:
    """A profile's groups, items, weights, education, experience and salary bands."""
    try:
        profile = analysis_context().profile(name)
    except SkillmatchError as exc:
        _fail(exc, code=_usage_code(exc))
    if fmt is ProfileFormat.json:
        sys.stdout.write(profile.model_dump_json(indent=2) + "\n")
    else:
        print_profile(profile, Console())
