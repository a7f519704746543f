"""``skillmatch batch``: score many resumes at once, for career coaches.

The batch driver, workers and progress display are imported inside the command, so other
commands (and ``--help``) do not pay for them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import FAILED_EXIT, USAGE_EXIT, analysis_context, app, fail

DEFAULT_OUTPUT = "skillmatch-results.csv"  # the same as service.batch.driver.DEFAULT_OUTPUT

_PARAGRAPHS = (
    "Score many resumes against one profile or job; write CSV, JSONL or HTML.",
    ("INPUT is any mix of files, folders and globs. Folders are searched recursively for .pdf, "
     ".docx, .rtf, .txt, .md and .json files; a file named explicitly is always tried (an "
     "unsupported one gets an error row). Files are read and scored in parallel worker "
     "processes, which are also the "
     "document sandbox (size, page, memory and time limits); a bad file gets an error row and the "
     "batch goes on."),
    ("Output by extension (--out may be repeated): .csv has the columns path, status (ok|error), "
     "score, error_code, error_message, top_gaps (up to 5, '; '-separated) and one column of "
     "points per profile group, escaped against spreadsheet formulas; .jsonl has one "
     '{"path", "report"} or {"path", "error": {"code", "message"}} line per file; .html is a '
     "self-contained report for a coach: ranking, score histogram, the cohort's most common gaps "
     f"and a section per candidate. Default: {DEFAULT_OUTPUT} in the current folder."),
    ("Every finished file is appended to OUT.journal.jsonl beside the (first) output, keyed by "
     "path and content hash; the outputs are rendered from it at the end, so Ctrl-C leaves "
     "complete partial outputs. --resume continues an interrupted run (Ctrl-C or kill -9), "
     "skipping files already done."),
    ("Exit code: 0 when every file was scored; 1 when any file failed to be read or scored (or "
     "the run stopped early); 2 for bad usage: an option error, an unknown profile, an INPUT "
     "that does not exist, or a --job posting that cannot be read; 130 after Ctrl-C."),
)
BATCH_HELP = "\n\n".join(_PARAGRAPHS)


@app.command("batch", help=BATCH_HELP)
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", show_default=False,
                                                help="Files, folders (recursive) or globs.")],
    profile: Annotated[str | None, typer.Option(
        "--profile", "-p", metavar="NAME", help="Profile name (default: ml-engineer).")] = None,
    job: Annotated[Path | None, typer.Option(
        "--job", "-j",
        help="Score against this job posting (PDF, DOCX, RTF, TXT or Markdown) instead.",
        metavar="FILE", dir_okay=False)] = None,
    out: Annotated[list[Path] | None, typer.Option(
        "--out", "-o", metavar="FILE", help="Output file: .csv, .jsonl or .html; repeat for several.")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1, metavar="N", help="Worker processes (default: CPU count).")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Continue the run recorded in the journal; skip files already done.")] = False,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", help="Stop at the first file that fails.")] = False,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="Run on a Dask cluster, e.g. tcp://host:8786 "
             "(needs the skillmatch[dask] extra).")] = None,
) -> None:
    from rich.console import Console

    from ..batch.driver import plan_batch, run_batch
    from ..batch.progress import PlainProgress, RichProgress, print_summary
    from ..batch.runner import WorkerStartError
    from ..batch.tasks import WorkConfig
    from ..batch.work import describe_run, make_analyzer
    from ..errors import InputError, NotFound, SkillmatchError, TaxonomyError
    from ..documents.files import read_job_posting

    err = Console(stderr=True)
    context = analysis_context()
    settings = context.settings
    try:
        job_text = read_job_posting(job, settings=settings) if job else None
        header = describe_run(context, profile, job_text)
        plan = plan_batch(inputs, header=header, outputs=out, workers=workers, resume=resume,
                          fail_fast=fail_fast, scheduler=scheduler, settings=settings,
                          config=WorkConfig(profile=profile, job_text=job_text, settings=settings))
    except TaxonomyError as exc:
        fail(exc.message, FAILED_EXIT)
    except SkillmatchError as exc:
        fail(exc.message, USAGE_EXIT)
    if plan.replaces_journal:
        err.print(f"Starting over: replacing the journal {plan.journal} of an earlier run "
                  "(use --resume to continue it instead).", highlight=False, soft_wrap=True)
    progress = RichProgress(err) if err.is_terminal else PlainProgress(sys.stderr)
    try:
        result = run_batch(plan, make_analyzer, progress=progress)
    except (InputError, NotFound) as exc:
        fail(exc.message, USAGE_EXIT)
    except (WorkerStartError, TaxonomyError) as exc:
        fail(exc.message, FAILED_EXIT)
    print_summary(result, Console(highlight=False))
    raise typer.Exit(result.exit_code)

