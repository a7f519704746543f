"""An extraction's skills as a JSON Resume ``skills`` section (jsonresume.org, schema v1).

One entry per taxonomy category, in the taxonomy's category order, named for people
("Programming languages"), its skills' canonical names as ``keywords`` in the extraction's
order. Only skills the document names and claims are listed: not the implied ones (PyTorch
implies deep learning, but a resume.json should say only what its owner wrote; read back, an
implied skill would count as written) and not the ``not_claimed`` ones.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .models import Extraction
from .taxonomy import CATEGORIES

CATEGORY_NAMES = {
    "language": "Programming languages",
    "platform": "Platforms",
    "tool": "Tools",
    "ml-library": "Machine learning libraries",
    "algorithm": "Algorithms",
    "approach": "Machine learning approaches",
    "statistics": "Statistics",
    "mathematics": "Mathematics",
    "engineering": "Engineering practices",
    "soft": "Soft skills",
}


class SkillEntry(BaseModel):
    """One entry of a JSON Resume ``skills`` array."""

    name: str
    keywords: list[str]


def skills_section(extraction: Extraction) -> list[SkillEntry]:
    """The ``skills`` array: one entry per category that has skills."""
    by_category: dict[str, list[str]] = {}
    for hit in extraction.skills:
        if not hit.explicit:
            continue
        names = by_category.setdefault(hit.category, [])
        if hit.name not in names:
            names.append(hit.name)
    order = [c for c in CATEGORIES if c in by_category] + sorted(
        c for c in by_category if c not in CATEGORIES)
    return [SkillEntry(name=CATEGORY_NAMES.get(c, c), keywords=by_category[c]) for c in order]


def skills_document(extraction: Extraction) -> dict[str, Any]:
    """``{"skills": [...]}``: paste it into a resume.json."""
    return {"skills": [entry.model_dump() for entry in skills_section(extraction)]}
