"""On the labelled shared corpus, ML resumes outscore the others against the ML-engineer profile."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from service.analyze import analyze_document
from service.errors import SkillmatchError
from service.evaluation_metrics import auc
from service.extract.files import read_path

AUC_FLOOR = 0.92  # measured 0.927 on all 73 readable resumes (goal 0.93; see docs/report.md)


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
    for line in gold.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if entry.get("kind") != "resume" or entry.get("group") not in scores:
            continue
        try:
            document = read_path(corpus / entry["doc"])  # PDFs too; a scan without text is skipped
        except SkillmatchError:
            continue
        _, report = analyze_document(document)
        scores[entry["group"]].append(report.score)
    assert scores["ml"] and scores["other"]
    assert auc(scores["ml"], scores["other"]) >= AUC_FLOOR
