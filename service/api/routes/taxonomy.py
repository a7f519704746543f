"""Public, read-only: the skills taxonomy and the profiles (shared data, no key)."""

from __future__ import annotations

from fastapi import APIRouter

from ...errors import NotFound
from ...models import Profile
from ...taxonomy import Skill
from ..deps import ContextDep
from ..errors import error_responses
from ..schemas import ProfileSummary, SkillSummary, TaxonomyPublic

router = APIRouter(prefix="/v1", tags=["taxonomy"])


@router.get("/taxonomy", response_model=TaxonomyPublic)
def taxonomy(context: ContextDep) -> TaxonomyPublic:
    """Every skill the extractor knows: id, name, ESCO URI (or null) and category."""
    data = context.taxonomy
    skills = [SkillSummary(id=s.id, name=s.name, esco=s.esco, category=s.category)
              for s in data.skills.values()]
    return TaxonomyPublic(version=data.version, count=len(skills), skills=skills)


@router.get("/taxonomy/skills/{skill_id}", response_model=Skill, responses=error_responses(404))
def skill(skill_id: str, context: ContextDep) -> Skill:
    """One skill with its aliases, what it implies and its context rules."""
    found = context.taxonomy.skills.get(skill_id)
    if found is None:
        raise NotFound(f"No skill with id {skill_id!r}.")
    return found


@router.get("/profiles", response_model=list[ProfileSummary])
def profiles(context: ContextDep) -> list[ProfileSummary]:
    """The built-in role profiles."""
    result = []
    for name, profile in context.profiles.items():
        result.append(
            ProfileSummary(
                name=name, title=profile.title, kind=profile.kind, description=profile.description
            )
        )
    return result


@router.get("/profiles/{name}", response_model=Profile, responses=error_responses(404))
def profile(name: str, context: ContextDep) -> Profile:
    """One profile: its groups, items, weights, requirements and salary bands."""
    return context.profile(name)
