"""``skillmatch extract``: print the skills found in resumes or job postings."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, get_args

import typer

from ..errors import SkillmatchError
from ..models import DocumentKind
from .app import FAILED_EXIT, USAGE_EXIT, analysis_context, app, fail, warn


# the choices of --kind: the document kinds the core knows
Kind = StrEnum("Kind", {kind: kind for kind in get_args(DocumentKind)})


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    jsonresume = "jsonresume"


EXTRACT_HELP = (
    "Find the skills in each file (PDF, DOCX, RTF, text, Markdown, JSON Resume, or a PNG/JPEG "
    "photo where OCR is installed, told apart by "
    "content) with "
    "the evidence for each. --format jsonl prints one object a line per input "
    '({"path", "skills", "not_claimed", "versions"} or {"path", "error": {"code", "message"}}); '
    "json prints one array; table (default) prints a table per file; jsonresume prints a JSON "
    'Resume {"skills": [...]} section (one entry per category, its skills as keywords; with '
    'several files, an array of {"path", "skills"}). A folder is searched recursively for '
    ".pdf, .docx, .rtf, .txt, .md and .json files, as batch does.\n\n"
    "Exit code: 0 when every file was read; 1 when any file could not be read (the others are "
    "still processed); 2 for bad usage: an option error, a PATH that does not exist or a folder "
    "with no such files (nothing is read)."
)


@app.command("extract", help=EXTRACT_HELP)
def extract_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="Files or folders to read.",
                                                show_default=False)],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
    kind: Annotated[Kind | None, typer.Option(
        "--kind", help="What the files are: resume (other people's skills, markets and the "
        "employer's blurb are not the writer's claims) or job (the team's tools count). "
        "Default: a file with dated positions is read as a resume.")] = None,
) -> None:
    from ..documents.files import read_path
    from .records import error_record, extraction_record
    from ..jsonresume_skills import skills_document

    missing = [path for path in paths if not os.path.lexists(path)]
    if missing:
        fail("; ".join(f"{path}: No such file or folder." for path in missing), USAGE_EXIT)
    files = _expand(paths)
    context = analysis_context()
    records: list[dict[str, Any]] = []
    failed = False
    for path in files:
        try:
            document = read_path(path, settings=context.settings, vocabulary=context.vocabulary)
            extraction = context.extract(document, kind.value if kind else None)
            record = extraction_record(str(path), extraction)
            if output is OutputFormat.jsonresume:
                record = {"path": str(path), **skills_document(extraction)}
        except SkillmatchError as exc:
            failed = True
            record = error_record(str(path), exc)
            warn(f"{path}: {exc.message}")
        if output is OutputFormat.jsonl:
            print(json.dumps(record, ensure_ascii=False), flush=True)
        elif output is OutputFormat.table:
            _print_table(record)
        records.append(record)
    if output is OutputFormat.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif output is OutputFormat.jsonresume:
        single = len(records) == 1 and "error" not in records[0]
        print(json.dumps({"skills": records[0]["skills"]} if single else records,
                         ensure_ascii=False, indent=2))
    if failed:
        raise typer.Exit(FAILED_EXIT)


def _expand(paths: list[Path]) -> list[Path]:
    """Each PATH, a folder replaced by its supported files (recursively, sorted, as ``batch``
    reads it); a folder holding none is bad usage."""
    if not any(path.is_dir() for path in paths):
        return paths
    from ..batch.inputs import FOLDER_SUFFIXES, expand_inputs

    files: list[Path] = []
    for path in paths:
        found = [Path(f.path) for f in expand_inputs([str(path)])] if path.is_dir() else [path]
        if not found:
            fail(f"{path}: the folder holds no {', '.join(sorted(FOLDER_SUFFIXES))} files.",
                 USAGE_EXIT)
        files += found
    return files


def _print_table(record: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if "error" in record:
        console.print(f"[bold]{record['path']}[/]: error {record['error']['code']}")
        return
    table = Table(title=record["path"], title_justify="left")
    for column in ("skill", "category", "how", "conf.", "evidence"):
        table.add_column(column)
    for hit in record["skills"]:
        how = "explicit" if hit["explicit"] else "implied by " + ", ".join(hit["implied_by"])
        quotes = "; ".join(dict.fromkeys(e["text"] for e in hit["evidence"][:3]))
        table.add_row(hit["name"], hit["category"], how, f"{hit['confidence']:.2f}", quotes)
    for hit in record["not_claimed"]:
        table.add_row(hit["name"], hit["category"], "not claimed", "", hit["evidence"][0]["line"])
    console.print(table)
