"""What a score means: strong, partial or weak fit.

Two thresholds per kind of profile (a built-in profile, a parsed posting), set from the labelled
resumes of the shared corpus by ``python bench/ranking.py --bands`` (method and figures in
``docs/report.md``): at or above ``strong`` at least 90% of the labelled resumes are from people
working in the role's field (the ``ml`` group); below ``weak`` at least 90% are not.
"""

from __future__ import annotations

from typing import Literal

Band = Literal["strong", "partial", "weak"]

# (weak below, strong at or above), by profile kind; see docs/report.md "Bands"
THRESHOLDS: dict[str, tuple[float, float]] = {
    "profile": (26.0, 33.0),
    "job": (23.0, 31.0),
}
BAND_MEANING: dict[Band, str] = {
    "strong": "Strong fit: most resumes scoring this high belong to people already working in "
              "this kind of role.",
    "partial": "Partial fit: some of what the role asks for is shown; a closer look decides.",
    "weak": "Weak fit: most resumes scoring this low belong to people working in other fields.",
}


def band_of(score: float, kind: str) -> Band:
    """The band of ``score`` for a profile of ``kind`` ("profile" or "job")."""
    weak_below, strong_from = THRESHOLDS.get(kind, THRESHOLDS["profile"])
    if score >= strong_from:
        return "strong"
    return "weak" if score < weak_below else "partial"
