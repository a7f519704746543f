"""``skillmatch extract``: print the skills found in resumes or job postings."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import SkillmatchError
from .app import app


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    jsonresume = "jsonresume"


EXTRACT_HELP = (
    "Find the skills in each file (PDF, DOCX, text or Markdown, told apart by content) with "
    "the evidence for each. --format jsonl prints one object a line per input "
    '({"path", "skills", "not_claimed", "versions"} or {"path", "error": {"code", "message"}}); '
    "json prints one array; table (default) prints a table per file; jsonresume prints a JSON "
    'Resume {"skills": [...]} section (one entry per category, its skills as keywords; with '
    'several files, an array of {"path", "skills"}).\n\n'
    "Exit code: 0 when every file was read; 1 when any file could not be read (the others are "
    "still processed); 2 for bad usage: an option error or a PATH that does not exist (nothing "
    "is read)."
)


@app.command("extract", help=EXTRACT_HELP)
def extract_command(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="Files to read.")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
) -> None:
    from ..extract import extract
    from ..extract.files import error_record, extraction_record, read_path
    from ..jsonresume_skills import skills_document

    missing = [path for path in paths if not os.path.lexists(path)]
    for path in missing:
        print(f"skillmatch extract: {path}: No such file.", file=sys.stderr)
    if missing:
        raise typer.Exit(2)
    records: list[dict[str, Any]] = []
    failed = False
    for path in paths:
        try:
            extraction = extract(read_path(path))
            record = extraction_record(str(path), extraction)
            if output is OutputFormat.jsonresume:
                record = {"path": str(path), **skills_document(extraction)}
        except SkillmatchError as exc:
            failed = True
            record = error_record(str(path), exc)
            print(f"skillmatch extract: {path}: {exc.message}", file=sys.stderr)
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
        raise typer.Exit(1)


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
