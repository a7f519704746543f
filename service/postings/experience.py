"""The overall years of experience a posting requires ("5-7 years of experience")."""

from __future__ import annotations

import re

from ..models import ExperienceRequirement
from .cues import GENERAL_YEARS, YEARS, CuePatterns, I, Kind, number
from .degrees import REQUIREMENT_SHARE
from .segments import cite, sentence_at, section_at

def experience_requirement(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    skill_years: set[int], skill_weight: float, cues: CuePatterns,
) -> ExperienceRequirement:
    """The first required years phrase not tied to one skill ("5-7 years of experience")."""
    for ym in YEARS.finditer(body):
        low, high = number(ym.group(1)), number(ym.group(2))
        if low is None or low > 30 or ym.start() in skill_years:
            continue
        if not GENERAL_YEARS.match(body[ym.end():ym.end() + 60]):
            continue
        found = _general_experience(body, sections, sentences, ym, low, high, skill_weight,
                                        cues)
        if found:
            return found
    # "4 years of professional backend development experience": tied to a skill, but also the
    # posting's overall minimum when it names no other
    for ym in YEARS.finditer(body):
        low, high = number(ym.group(1)), number(ym.group(2))
        sentence = sentence_at(sentences, ym.start())
        if (low is not None and low <= 30 and ym.start() in skill_years
                and re.search(r"\bexperience\b", body[ym.end():sentence[1]], I)):
            found = _general_experience(body, sections, sentences, ym, low, high, skill_weight,
                                        cues)
            if found:
                return found
    return ExperienceRequirement()


def _general_experience(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    ym: re.Match[str], low: float, high: float | None, skill_weight: float, cues: CuePatterns,
) -> ExperienceRequirement | None:
    """An overall years requirement from one years phrase, if the posting requires it."""
    section = section_at(sections, ym.start())
    if section in {"other", "excluded"}:
        return None
    sentence = sentence_at(sentences, ym.start())
    importance, _ = cues.importance(body[sentence[0]:sentence[1]], section, None)
    if importance != "required":
        return None
    return ExperienceRequirement(
        min_years=low, max_years=high if high and high > low else None,
        weight=round(skill_weight * REQUIREMENT_SHARE, 3),
        why=cite(body, *sentence),
    )
