"""Batch scoring for career coaches: many resumes, one profile or job, CSV/JSONL/HTML outputs.

Runs on local worker processes (which are also the document sandbox) or on a Dask cluster;
every finished file goes to a journal first, so an interrupted batch resumes where it stopped.
"""

from .driver import BatchPlan, BatchResult, plan_batch, run_batch
from .journal import RunHeader, journal_path_for
from .tasks import Outcome, Task, WorkConfig
from .writers import render_outputs

__all__ = [
    "BatchPlan", "BatchResult", "Outcome", "RunHeader", "Task", "WorkConfig", "journal_path_for",
    "plan_batch", "render_outputs", "run_batch",
]
