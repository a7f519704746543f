"""``skillmatch score``, ``skillmatch job`` and ``skillmatch profile``: thin commands over
``service.analyze``, ``service.jobs`` and the profile loader."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ..analyze import analyze_document, resolve_profile
from ..errors import InputError, SkillmatchError
from ..models import Document
from ..render_report import print_profile, print_report, report_html
from ..taxonomy import get_profile, profile_paths
from .app import app

profile_app = typer.Typer(help="List and show the scoring profiles (taxonomy/profiles/*.yaml).",
                          no_args_is_help=True)
app.add_typer(profile_app, name="profile")


class ReportFormat(str, Enum):
    table = "table"
    json = "json"
    html = "html"


class ProfileFormat(str, Enum):
    table = "table"
    json = "json"


def _fail(path: Path | None, exc: SkillmatchError | OSError) -> None:
    message = exc.message if isinstance(exc, SkillmatchError) else (exc.strerror or str(exc))
    where = f"{path}: " if path else ""
    typer.echo(f"error: {where}{message}", err=True)
    raise typer.Exit(1)


def read_document(path: Path) -> Document:
    """A file → ``Document`` via ``service.documents.parse_bytes`` (text fallback for .txt/.md)."""
    data = path.read_bytes()
    try:
        from ..documents import parse_bytes
    except ImportError:
        if path.suffix.lower() not in {".txt", ".md", ".text", ".markdown"}:
            raise InputError("only .txt and .md files can be read until the documents "
                             "layer is installed") from None
        from ..documents import document_from_text

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the file is not UTF-8 text") from None
        return document_from_text(text)
    return parse_bytes(data, path.name)


def _read_text(path: Path) -> str:
    """A job description's text, read like a resume: PDF, DOCX, TXT or Markdown."""
    return read_document(path).text


@app.command("score")
def score_command(
    resume: Annotated[Path, typer.Argument(help="Resume: PDF, DOCX, TXT or Markdown.",
                                           metavar="RESUME", show_default=False)],
    profile: Annotated[str | None, typer.Option(
        "--profile", "-p", help="Profile name (default: ml-engineer).")] = None,
    job: Annotated[Path | None, typer.Option(
        "--job", "-j", help="Score against this job description (PDF, DOCX, TXT or Markdown) instead.",
        dir_okay=False)] = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] =
        ReportFormat.table,
) -> None:
    """Score a resume against a profile or a job description and explain the gaps.

    JSON is the MatchReport model (docs/report.md); HTML is one self-contained page.
    """
    if profile and job:
        typer.echo("error: give --profile or --job, not both", err=True)
        raise typer.Exit(2)
    job_text = None
    if job is not None:
        try:
            job_text = _read_text(job)
        except (SkillmatchError, OSError) as exc:
            _fail(job, exc)
    try:
        document = read_document(resume)
    except (SkillmatchError, OSError) as exc:
        _fail(resume, exc)
    try:
        _, report = analyze_document(document, profile=profile, job_text=job_text)
    except SkillmatchError as exc:
        _fail(job if job_text is not None else None, exc)
    if fmt is ReportFormat.json:
        sys.stdout.write(report.model_dump_json(indent=2) + "\n")
    elif fmt is ReportFormat.html:
        sys.stdout.write(report_html(report) + "\n")
    else:
        print_report(report, Console())


@app.command("job")
def job_command(
    path: Annotated[Path, typer.Argument(help="Job description: PDF, DOCX, TXT or Markdown.", metavar="JD",
                                         show_default=False)],
    fmt: Annotated[ProfileFormat, typer.Option("--format", "-f", help="Output format.")] =
        ProfileFormat.table,
) -> None:
    """Parse a job description into a profile: required and preferred skills, years, degree."""
    try:
        profile = resolve_profile(job_text=_read_text(path))
    except (SkillmatchError, OSError) as exc:
        _fail(path, exc)
    if fmt is ProfileFormat.json:
        sys.stdout.write(profile.model_dump_json(indent=2) + "\n")
    else:
        print_profile(profile, Console())


@profile_app.command("list")
def profile_list() -> None:
    """The profiles available to ``score --profile``."""
    for name in profile_paths():
        try:
            profile = get_profile(name)
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
        profile = resolve_profile(profile=name)
    except SkillmatchError as exc:
        _fail(None, exc)
    if fmt is ProfileFormat.json:
        sys.stdout.write(profile.model_dump_json(indent=2) + "\n")
    else:
        print_profile(profile, Console())
