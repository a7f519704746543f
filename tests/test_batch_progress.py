"""Progress lines for logs and the end-of-run summary."""

import io
from collections import Counter
from pathlib import Path

from rich.console import Console

from service.batch.driver import BatchResult
from service.batch.progress import PlainProgress, print_summary
from service.batch.tasks import Outcome


def test_plain_progress_prints_counts_rate_and_errors() -> None:
    stream = io.StringIO()
    progress = PlainProgress(stream, interval=0)
    progress.start(5)
    progress.skipped()
    progress.finished(Outcome("a", "/a", "h", report_json="{}"))
    progress.finished(Outcome("b", "/b", "h", error=("corrupt", "Damaged.")))
    progress.close()
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("batch: 1/4 files (25%), ")
    assert lines[-1].startswith("batch: 2/4 files (50%), ") and lines[-1].endswith(", 1 error")
    assert all("files/s, ETA " in line for line in lines)
    progress.finished(Outcome("c", "/c", "h", error=("corrupt", "Damaged.")))
    progress.close()
    assert stream.getvalue().splitlines()[-1].endswith(", 2 errors")


def test_summary_counts_every_outcome_and_says_how_to_resume() -> None:
    out = io.StringIO()
    result = BatchResult(counts=Counter({"ok": 7, "corrupt": 2, "unsupported_format": 1}),
                         total=12, processed=6, skipped=4, interrupted=True, stopped_early=False,
                         outputs=[Path("r.csv"), Path("r.html")], journal=Path("r.csv.journal.jsonl"))
    print_summary(result, Console(file=out, width=60))
    assert out.getvalue().splitlines() == [
        "Files: 12; rows: 10 (ok 7, corrupt 2, unsupported_format 1)",
        "This run analysed 6; skipped 4 already in the journal",
        "Wrote r.csv, r.html (journal: r.csv.journal.jsonl)",
        "Interrupted: the output holds the files finished so far; rerun with --resume to finish.",
    ]
    assert result.exit_code == 130
    finished = BatchResult(counts=Counter({"ok": 3}), total=3, processed=3, skipped=0,
                           interrupted=False, stopped_early=False, outputs=[], journal=Path("j"))
    assert finished.exit_code == 0
