"""Items → the job profile's groups (required / preferred by skill family), weights, the partial
evidence borrowed from the built-in profiles, and the next step for each item."""

from __future__ import annotations

from collections.abc import Iterable
from ..models import Profile, ProfileGroup, ProfileItem
from ..taxonomy import TECHNOLOGY_CATEGORIES
from .mentions import FAMILIES, Item
from .segments import cite

NEXT_STEP = {
    "language": "Write a small project in {name} and describe it in an experience or project bullet.",
    "platform": "Deploy a small project on {name} (free tier) and say what you ran there.",
    "tool": "Use {name} in a project (a pipeline or a deployment) and describe what it did.",
    "ml-library": "Build and evaluate a model with {name} and publish the code.",
    "algorithm": "Apply {name} to a real dataset, compare it with a baseline, and write up the result.",
    "approach": "Complete a project applying {name} end to end and describe it on your resume.",
    "statistics": "Apply {name} to a real problem and show the analysis in a project write-up.",
    "mathematics": "Refresh {name} with a course and use it in a project you can point to.",
    "engineering": "Take on {name} in your current role or a project, and describe what you built.",
    "soft": "Give a concrete example of {name} in one of your experience bullets.",
}
REQUIRED_WEIGHT, PREFERRED_WEIGHT = 3.0, 1.0
CORE_WEIGHT = 3.0  # an item of a category core to the posting's role family (ML methods)


def build_groups(items: list[Item], body: str, profiles: tuple[Profile, ...],
                 core: frozenset[str] = frozenset()) -> list[ProfileGroup]:
    """Items grouped by importance and skill family; an item of a category ``core`` to the
    posting's role family (ML methods for an ML role) weighs ``CORE_WEIGHT`` times more. Items
    borrow related evidence from the built-in ``profiles``."""
    grouped: dict[tuple[str, str], list[ProfileItem]] = {}
    names: dict[tuple[str, str], str] = {}
    for item in items:
        family_id, family_name = FAMILIES.get(item.category, ("other", "Other skills"))
        key = (item.importance, family_id)
        names[key] = f"{'Required' if item.importance == 'required' else 'Preferred'}: {family_name}"
        base = REQUIRED_WEIGHT if item.importance == "required" else PREFERRED_WEIGHT
        if item.category in core:
            base *= CORE_WEIGHT
        label = label_of(item)
        if item.min_years:
            label += f" ({item.min_years:g}+ years)"
        start, end = item.why
        partial_from, roles = related_evidence(item.any_of, profiles)
        grouped.setdefault(key, []).append(ProfileItem(
            id="-or-".join(item.any_of), label=label, any_of=item.any_of,
            partial_from=[s for s in partial_from if s not in item.any_of], roles=roles,
            importance=item.importance, weight=round(base * item.strength, 3),
            min_years=item.min_years, category=item.category,
            why=cite(body, start, end),
            next_step=_next_step(item),
        ))
    order = [f for f, _ in dict.fromkeys(FAMILIES.values())] + ["other"]
    keys = sorted(grouped, key=lambda k: (k[0] != "required", order.index(k[1])))
    return [
        ProfileGroup(id=f"{imp}-{fam}", name=names[(imp, fam)],
                     weight=round(sum(i.weight for i in grouped[(imp, fam)]), 3),
                     items=grouped[(imp, fam)])
        for imp, fam in keys
    ]


PROPER_NAMED = TECHNOLOGY_CATEGORIES  # products, named as their makers write them


def label_of(item: Item) -> str:
    """The item's label as the built-in profiles write theirs: a method or idea capitalised
    ("Machine learning or Statistics"), a product as its maker writes it ("pandas")."""
    names = [n[:1].upper() + n[1:] if item.category not in PROPER_NAMED and n[:1].islower()
             else n for n in item.names]
    return " or ".join(names)


def related_evidence(
    any_of: list[str], profiles: Iterable[Profile],
) -> tuple[list[str], list[str]]:
    """What shows part of these skills, borrowed from the built-in profiles' items headed by one
    of them (id or first skill): the skills (``partial_from``: Airflow for data pipelines) and the
    role families whose positions show part of them (``roles``). An item's other alternatives
    (distributed systems under software engineering) borrow nothing."""
    partial: dict[str, None] = {}
    roles: dict[str, None] = {}
    for item in _profile_items(tuple(profiles)):
        if item.id in any_of or item.any_of[0] in any_of:
            partial.update(dict.fromkeys(item.partial_from))
            roles.update(dict.fromkeys(item.roles))
    return list(partial), list(roles)


def _profile_items(profiles: tuple[Profile, ...]) -> tuple[ProfileItem, ...]:
    return tuple(item for profile in profiles for group in profile.groups
                 for item in group.items if item.partial_from or item.roles)


def _next_step(item: Item) -> str:
    name = " or ".join(item.names)
    step = NEXT_STEP.get(item.category, "Gain hands-on experience with {name}.").format(name=name)
    if item.min_years:
        step += f" The posting asks for {item.min_years:g}+ years of it."
    return step
