"""Figures for judging a ranking against labels (used by the corpus tests and ``bench/ranking.py``)."""

from __future__ import annotations

from collections.abc import Iterable


def auc(positives: Iterable[float], negatives: Iterable[float]) -> float:
    """Area under the ROC curve: the chance a positive outscores a negative (ties count half)."""
    pos, neg = list(positives), list(negatives)
    if not pos or not neg:
        raise ValueError("auc needs at least one positive and one negative score")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))
