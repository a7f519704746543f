"""On the labelled shared corpus, ML resumes outscore the others against the ML-engineer profile."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from service.errors import DocumentError
from service.evaluation_metrics import auc
from service.documents.files import read_path
from tests.installed import context

# Measured 0.927 on the enlarged corpus (73 readable resumes, 2026-12-05, with role evidence;
# 0.920 before); 0.972 on the old 24. The goal is 0.93 (docs/report.md, "Ranking quality").
AUC_FLOOR = 0.92


def shared_dir() -> Path:
    env = os.environ.get("SKILLMATCH_SHARED")
    return Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.mark.shared
@pytest.mark.slow
def test_ml_resumes_outscore_others_on_the_corpus():
    corpus = shared_dir() / "corpus"
    gold = corpus / "gold.jsonl"
    if not gold.exists():
        pytest.skip("shared corpus not present")
    scores: dict[str, list[float]] = {"ml": [], "other": []}
    unread: list[str] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("kind") != "resume" or entry.get("group") not in scores:
            continue
        try:
            document = read_path(corpus / entry["doc"], settings=context().settings)
        except DocumentError:
            unread.append(entry["doc"])  # the reader's own tests cover these; not a score
            continue
        _, report = context().analyze(document)
        scores[entry["group"]].append(report.score)
    assert scores["ml"] and scores["other"]
    assert len(unread) <= 1, unread
    assert auc(scores["ml"], scores["other"]) >= AUC_FLOOR
