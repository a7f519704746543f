"""The degree a posting asks for: levels (required, preferred, a plus) and the acceptable fields.

A list of majors ("Statistics, Computer Science or a related field") is part of the degree
requirement, with alternatives, never a required skill."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import get_args

from ..models import Citation, EducationRequirement
from ..models.profile import DegreeLevel
from .cues import CuePatterns, I, Kind
from .segments import cite, section_at

REQUIREMENT_SHARE = 0.12  # the degree's and the years' weight, as a share of the skills' weight

# A degree named without its level ("a degree in Statistics", "a university degree"): a bachelor's
UNNAMED_DEGREE = re.compile(r"\bdegree in\b|\b(?:four[- ]year|university|college|undergraduate) "
                            r"degree\b", I)
# A two-letter level form ("MS", "BS") is a degree only before "/", "or", "in", "degree", "," or ")"
# ("MS/PhD", "BS in Physics"), not in "MS Office" or at the end of a sentence.
SHORT_FORM_FOLLOWER = re.compile(r"\s*(?:/|or\b|in\b|degree|,|\))", I)

LevelPatterns = Sequence[tuple[str, re.Pattern[str]]]


def degree_levels(levels: LevelPatterns) -> LevelPatterns:
    """The level patterns a posting's degree requirement can name (``Vocabulary.levels`` without
    associate degrees and school-level qualifications: ``DegreeLevel``)."""
    return [(level, pattern) for level, pattern in levels if level in get_args(DegreeLevel)]


def levels_named(text: str, levels: LevelPatterns) -> list[str]:
    """The degree levels ``text`` names, in the order of ``levels`` (``degree_levels``, highest
    first); a degree with no level named is a bachelor's."""
    named = []
    for level, pattern in levels:
        for match in pattern.finditer(text):
            form = match.group(0)
            if len(form) > 2 or not form.isupper() or SHORT_FORM_FOLLOWER.match(text, match.end()):
                named.append(level)
                break
    if not named and UNNAMED_DEGREE.search(text):
        named.append("bachelor")
    return named


_LABEL = re.compile(r"^\s*[A-Za-z][A-Za-z /]{1,30}:\s*")  # "Education: BS in …"


FieldPatterns = Sequence[tuple[str, re.Pattern[str]]]


def is_degree_field(sentence: str, mention: str, fields: FieldPatterns,
                    levels: LevelPatterns) -> bool:
    """"A degree in Statistics": the field of a degree, not the skill (``fields``: the
    taxonomy's field patterns, ``Vocabulary.fields``)."""
    if not levels_named(sentence, levels):
        return False
    return any(pattern.search(mention) for _, pattern in fields)




def fields_named(text: str, fields: FieldPatterns) -> list[str]:
    """The fields of study ``text`` names, in text order; the longest form wins where two
    overlap ("Software Engineering", not "Engineering")."""
    found = [(m.start(), m.end(), field_id) for field_id, pattern in fields
             for m in pattern.finditer(text)]
    chosen: list[tuple[int, int, str]] = []
    for start, end, field_id in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, field_id))
    return list(dict.fromkeys(field_id for _, _, field_id in sorted(chosen)))


def education_requirement(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    skill_weight: float, ranks: dict[str, int], quantitative: list[str], cues: CuePatterns,
    fields_of_study: FieldPatterns, levels: LevelPatterns,
) -> EducationRequirement:
    """The degree levels the posting requires or prefers, and the fields it accepts (the
    taxonomy's field forms, as the documents layer reads a resume's degree); ``ranks``: degree
    level id -> rank, ``quantitative``: the fields "or a related field" admits, ``levels``: each
    level's forms (all from ``taxonomy/education.yaml``)."""
    required: list[str] = []
    preferred: list[str] = []
    fields: list[str] = []
    related = False
    why: Citation | None = None
    for start, end in sentences:
        sentence = body[start:end]
        if not levels_named(sentence, levels):
            continue
        importance, _ = cues.importance(sentence, section_at(sections, start), None)
        # "BS required, MS or PhD preferred": split the cues clause by clause
        for clause in re.split(r"[,;]|\bbut\b", sentence):
            clause_levels = levels_named(clause, levels)
            if not clause_levels:
                continue
            if cues.preferred.search(clause):
                preferred.extend(clause_levels)
            elif re.search(r"\brequired\b|\bmust\b", clause, I):
                required.extend(clause_levels)
            elif importance == "preferred":
                preferred.extend(clause_levels)
            else:
                required.extend(clause_levels)
        for field_id in fields_named(_LABEL.sub("", sentence), fields_of_study):
            if field_id not in fields:
                fields.append(field_id)
        related = related or bool(re.search(r"related|quantitative|similar|equivalent", sentence,
                                            I))
        if why is None:
            why = cite(body, start, end)
    if not required and not preferred:
        return EducationRequirement()
    rank = ranks.__getitem__
    required_level = min(required, key=rank) if required else None
    higher = sorted({lv for lv in preferred if not required_level or rank(lv) > rank(required_level)},
                    key=rank)
    return EducationRequirement(
        required_level=required_level,
        preferred_level=higher[0] if higher else None,
        bonus_level=higher[-1] if len(higher) > 1 else None,
        fields=fields,
        related_fields=[f for f in quantitative if f not in fields] if related else [],
        weight=round(skill_weight * REQUIREMENT_SHARE, 3),
        why=why,
    )
