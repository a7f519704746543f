"""``skillmatch extract``'s JSON objects: one per input, a skill hit each."""

from __future__ import annotations

from typing import Any

from ..errors import SkillmatchError
from ..models import Extraction, SkillHit


def hit_record(hit: SkillHit) -> dict[str, Any]:
    """A skill hit as the CLI's JSON object."""
    return hit.model_dump(
        include={"id", "name", "esco", "category", "explicit", "confidence", "implied_by",
                 "evidence", "years", "last_used"}
    )


def extraction_record(path: str, extraction: Extraction) -> dict[str, Any]:
    """``{"path", "skills", "not_claimed", "versions"}`` for one input."""
    return {
        "path": path,
        "skills": [hit_record(h) for h in extraction.skills],
        "not_claimed": [hit_record(h) for h in extraction.not_claimed],
        "versions": extraction.versions.model_dump(exclude_none=True),
    }


def error_record(path: str, error: SkillmatchError) -> dict[str, Any]:
    """``{"path", "error": {"code", "message"}}`` for a failed input."""
    return {"path": path, "error": error.to_dict()}
