"""Builders for hand-made extractions, so scoring tests do not depend on the extractor."""

from __future__ import annotations

from datetime import date

from service.models import (
    Document,
    EducationEntry,
    Evidence,
    Extraction,
    Position,
    Section,
    SkillHit,
    Versions,
)
from service.taxonomy import Taxonomy, get_taxonomy


def hit(
    skill_id: str, section: str | None = "experience", *, explicit: bool = True,
    implied_by: tuple[str, ...] = (), years: float | None = None, last_used: int | None = None,
    confidence: float = 1.0, taxonomy: Taxonomy | None = None, mentions: int = 1,
) -> SkillHit:
    """A skill hit with ``mentions`` evidence spans in ``section`` (none when implied)."""
    tax = taxonomy or get_taxonomy()
    skill = tax.skills[skill_id]
    evidence = [
        Evidence(text=skill.name, start=0, end=len(skill.name), line=f"Used {skill.name}",
                 section=section)
        for _ in range(mentions)
    ] if explicit else []
    return SkillHit(
        id=skill_id, name=skill.name, category=skill.category, explicit=explicit,
        implied_by=list(implied_by), evidence=evidence, confidence=confidence, years=years,
        last_used=last_used,
    )


def implied_hits(hits: list[SkillHit], taxonomy: Taxonomy | None = None) -> list[SkillHit]:
    """The skills the explicit ``hits`` imply, transitively, that are not hits themselves."""
    tax = taxonomy or get_taxonomy()
    present = {h.id for h in hits}
    roots_of: dict[str, set[str]] = {}
    for root in (h.id for h in hits if h.explicit):
        stack, seen = list(tax.skills[root].implies), set()
        while stack:
            target = stack.pop()
            if target not in seen:
                seen.add(target)
                roots_of.setdefault(target, set()).add(root)
                stack.extend(tax.skills[target].implies)
    return [hit(sid, explicit=False, implied_by=tuple(sorted(roots)), confidence=0.8, taxonomy=tax)
            for sid, roots in sorted(roots_of.items()) if sid not in present]


def explicit_hits(ids: list[str], section: str | None = "experience") -> list[SkillHit]:
    return [hit(i, section) for i in ids]


def extraction(
    hits: list[SkillHit], *, text: str | None = None, total_years: float | None = None,
    titles: tuple[str, ...] = (), degrees: tuple[tuple[str, str | None], ...] = (),
    sections: tuple[str, ...] = ("summary", "skills", "experience", "education"),
    imply: bool = True,
) -> Extraction:
    """An extraction with the given hits (plus, like the extractor, the skills they imply
    transitively), positions titled ``titles`` and degrees ``(level, field)``."""
    if imply:
        hits = hits + implied_hits(hits)
    body = text or (
        "Summary\nI have worked on the team for years and used the tools with care.\n"
        "Skills\n" + ", ".join(h.name for h in hits) + "\nExperience\nBuilt things.\nEducation\n"
    )
    step = max(1, len(body) // max(1, len(sections)))
    doc_sections = [
        Section(name=name, heading=name.title(), start=i * step, end=(i + 1) * step)
        for i, name in enumerate(sections)
    ]
    positions = [
        Position(title=title, start=date(2015 + i, 1, 1), end=date(2017 + i, 1, 1), years=2.0,
                 text_start=0, text_end=1)
        for i, title in enumerate(titles)
    ]
    education = [EducationEntry(level=level, field=field, start=0, end=1)
                 for level, field in degrees]
    document = Document(text=body, sections=doc_sections, positions=positions,
                        education=education, total_years=total_years)
    return Extraction(text=body, skills=hits, document=document,
                      versions=Versions(skillmatch="test", taxonomy="test"))
