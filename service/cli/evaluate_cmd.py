"""``skillmatch evaluate``: accuracy against labelled documents, with an honest baseline."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError, NotFound, SkillmatchError
from .app import FAILED_EXIT, USAGE_EXIT, analysis_context, app, fail

EVALUATE_HELP = (
    "Run extraction over the labelled documents of GOLD.jsonl ({\"doc\", \"kind\", \"skills\"} a "
    "line, paths relative to the file; scope.txt beside it limits which predicted names count) "
    "and print, per kind, micro and macro precision, recall and F1, figures per category (or "
    "skill), and the top false positives and misses with the evidence behind each. --baseline "
    "adds a plain case-insensitive whole-word dictionary of the same taxonomy forms on the same "
    "text. A document that cannot be read is reported as an error row, its labels count as "
    "misses, and the run goes on.\n\n"
    "Exit code: 0 on success; 1 when a document could not be read or a figure is below a "
    "--min-* floor; 2 for bad usage: an option error, a GOLD.jsonl that does not exist or is a "
    "folder, or a gold file that cannot be read."
)


class KindOption(str, Enum):
    resume = "resume"
    job = "job"


class ByOption(str, Enum):
    category = "category"
    skill = "skill"


class EvalFormat(str, Enum):
    table = "table"
    json = "json"


Floor = Annotated[float | None, typer.Option(min=0.0, max=1.0)]


@app.command("evaluate", help=EVALUATE_HELP)
def evaluate_command(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl", help="The labels.")],
    kind: Annotated[KindOption | None, typer.Option(help="Only this kind.")] = None,
    by: Annotated[ByOption, typer.Option(help="Break figures down by.")] = ByOption.category,
    baseline: Annotated[bool, typer.Option("--baseline", help="Also score the plain dictionary.")] = False,
    top: Annotated[int, typer.Option(min=0, metavar="N", help="False positives and misses to list.")] = 10,
    min_f1: Annotated[float | None, typer.Option("--min-f1", min=0.0, max=1.0, metavar="X",
                                                    help="Exit 1 below this micro F1.")] = None,
    min_precision: Annotated[float | None, typer.Option(
        "--min-precision", min=0.0, max=1.0, metavar="X", help="Exit 1 below this micro precision.")] = None,
    min_recall: Annotated[float | None, typer.Option(
        "--min-recall", min=0.0, max=1.0, metavar="X", help="Exit 1 below this micro recall.")] = None,
    output: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EvalFormat.table
    ),
) -> None:
    from ..evaluate import Floors, evaluate, floor_failures

    if gold.is_dir():
        beside = sorted(p.name for p in gold.glob("*.jsonl"))
        hint = f" (it holds {', '.join(beside)})" if beside else ""
        fail(f"{gold} is a folder: give the gold JSONL file{hint}.", USAGE_EXIT)
    if not gold.exists():
        fail(f"{gold}: No such gold file.", USAGE_EXIT)
    context = analysis_context()
    try:
        report = evaluate(gold, pipeline=context.pipeline, settings=context.settings,
                          kind=kind.value if kind else None, group_by=by.value,
                          baseline=baseline, top=top)
    except (NotFound, InputError) as exc:
        fail(exc.message, USAGE_EXIT)
    except SkillmatchError as exc:
        fail(exc.message, FAILED_EXIT)
    if output is EvalFormat.json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        _print_report(report)
    for error in report.errors:
        typer.echo(f"skillmatch evaluate: {error.doc}: {error.message} ({error.code})", err=True)
    failures = floor_failures(report, Floors(precision=min_precision, recall=min_recall, f1=min_f1))
    if failures:
        fail("below floor: " + "; ".join(failures), FAILED_EXIT)
    if report.errors:
        raise typer.Exit(FAILED_EXIT)


def _print_report(report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 100))
    scope = f", scope {report.scope} names" if report.scope is not None else ""
    console.print(f"[bold]{report.gold}[/]: taxonomy {report.taxonomy}{scope}")
    for result in report.kinds:
        summary = Table(title=f"{result.kind}: {result.documents} documents", title_justify="left")
        for column in ("system", "P", "R", "F1", "mac P", "mac R", "mac F1", "tp", "fp", "fn"):
            summary.add_column(column, justify="left" if column == "system" else "right")
        for system in result.systems:
            m, a = system.micro, system.macro
            summary.add_row(system.system, *(f"{v:.3f}" for v in (m.precision, m.recall, m.f1,
                            a.precision, a.recall, a.f1)), str(m.tp), str(m.fp), str(m.fn))
        console.print(summary)
        for error in result.errors:
            console.print(f"  not read: {error.doc} ({error.code}): {error.message}", markup=False)
        console.print(_groups_table(result, report.group_by, Table))
        ours = result.systems[0]
        for title, rows in (("false positives", ours.false_positives), ("misses", ours.misses)):
            console.print(f"[bold]{result.kind} {title}[/] ({ours.system})" + ("" if rows else ": none"))
            for row in rows:
                console.print(f"  {row.skill} ({row.count})")
                for example in row.examples:
                    console.print(f"    {example.doc}: {example.evidence}", markup=False)


def _groups_table(result, group_by: str, table_class):
    table = table_class(title=f"{result.kind} by {group_by}", title_justify="left")
    table.add_column(group_by)
    for index, system in enumerate(result.systems):
        prefix = "" if index == 0 else f"{system.system[:4]} "
        for column in ("P", "R", "F1", "tp/fp/fn"):
            table.add_column(prefix + column, justify="right")
    rows: dict[str, list[str]] = {}
    for index, system in enumerate(result.systems):
        for group in system.groups:
            cells = rows.setdefault(group.name, ["", "", "", ""] * len(result.systems))
            f = group.figures
            cells[index * 4 : index * 4 + 4] = [f"{f.precision:.2f}", f"{f.recall:.2f}",
                                                f"{f.f1:.2f}", f"{f.tp}/{f.fp}/{f.fn}"]
    deltas = _deltas(result)
    if deltas is not None:
        table.add_column("ΔR", justify="right")
        table.add_column("ΔF1", justify="right")
    for name in sorted(rows):
        extra = [] if deltas is None else [
            f"{d:+.2f}" if d is not None else "" for d in deltas.get(name, (None, None))
        ]
        table.add_row(name, *rows[name], *extra)
    return table


def _deltas(result) -> dict[str, tuple[float, float]] | None:
    """Per group, recall and F1 of the first system minus the dictionary's (None without a
    baseline)."""
    if len(result.systems) < 2:
        return None
    ours, baseline = result.systems[0], result.systems[-1]
    theirs = {group.name: group.figures for group in baseline.groups}
    return {
        group.name: (group.figures.recall - theirs[group.name].recall,
                     group.figures.f1 - theirs[group.name].f1)
        for group in ours.groups if group.name in theirs
    }
