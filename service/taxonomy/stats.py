"""Counts of what a taxonomy holds (``skillmatch taxonomy validate``)."""

from __future__ import annotations

from pydantic import BaseModel

from .models import CATEGORIES, Taxonomy


class TaxonomyStats(BaseModel):
    """Counts printed by ``skillmatch taxonomy validate``."""

    version: str
    skills: int
    per_category: dict[str, int]
    forms: int
    aliases: int
    ambiguous: int
    with_context: int
    implications: int
    compounds: int
    compound_forms: int
    degree_levels: int
    fields: int
    titles: int


def taxonomy_stats(taxonomy: Taxonomy) -> TaxonomyStats:
    """Counts of what the taxonomy holds."""
    skills = taxonomy.skills.values()
    return TaxonomyStats(
        version=taxonomy.version,
        skills=len(taxonomy.skills),
        per_category={c: sum(s.category == c for s in skills) for c in CATEGORIES},
        forms=sum(len(s.forms) for s in skills),
        aliases=sum(len(s.forms) - 1 for s in skills),
        ambiguous=sum(s.ambiguous for s in skills),
        with_context=sum(s.context is not None for s in skills),
        implications=sum(len(s.implies) for s in skills),
        compounds=len(taxonomy.compounds),
        compound_forms=sum(len(c.forms) for c in taxonomy.compounds),
        degree_levels=len(taxonomy.education.levels),
        fields=len(taxonomy.education.fields),
        titles=len(taxonomy.titles),
    )
