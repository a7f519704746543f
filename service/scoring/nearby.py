"""The resume's skill nearest to one it lacks (Keras for PyTorch), and whether naming it helps."""

from __future__ import annotations

from ..taxonomy import TECHNOLOGY_CATEGORIES, Taxonomy
from ..models import ProfileItem
from .facts import ResumeFacts

SUBSTITUTE_CATEGORIES = TECHNOLOGY_CATEGORIES
# kinds where any skill of the kind is a meaningful "closest" (Python for Java); platforms and
# tools only count through a shared implication (Linux is no substitute for a cloud ML platform)
SAME_KIND_CLOSEST = frozenset({"language", "ml-library"})


def closest(skill_id: str, r: ResumeFacts, *, related_only: bool = False) -> str | None:
    """The resume's nearest explicit skill: same category with a shared implication (Keras for
    PyTorch) or the broader skill itself; else, among substitutable kinds (languages, platforms,
    tools, libraries), any skill of the same category."""
    key = (skill_id, related_only)
    if key not in r.closest_cache:
        r.closest_cache[key] = _find_closest(skill_id, r, related_only)
    return r.closest_cache[key]


def _find_closest(skill_id: str, r: ResumeFacts, related_only: bool) -> str | None:
    wanted = r.tax.skills.get(skill_id)
    if wanted is None:
        return None
    targets = set(wanted.implies)
    related: list[str] = []
    same_category: list[str] = []
    for hit_id in r.by_category.get(wanted.category, ()):
        skill = r.tax.skills[hit_id]
        if hit_id == skill_id or hit_id in r.disclaimed:
            continue
        if hit_id in targets or targets.intersection(skill.implies):
            related.append(hit_id)
        elif skill.category in SAME_KIND_CLOSEST:
            same_category.append(hit_id)
    ranked = related if related_only else related + same_category
    return max(ranked, key=lambda h: r.strength[h], default=None)


def meaningful(skill_id: str, item: ProfileItem, tax: Taxonomy) -> bool:
    """Whether ``skill_id`` is worth naming as the closest thing to ``item``: not a broad idea
    the item's skills imply, and for methods (not languages, libraries, platforms, tools) a
    sibling only through a specific shared idea (supervised learning links logistic regression
    and decision trees; machine learning, which dozens of skills imply, links nothing)."""
    if _is_broader(skill_id, item, tax):
        return False
    skill = tax.skills.get(skill_id)
    if skill is None or skill.category in SUBSTITUTE_CATEGORIES:
        return True
    hubs = _hubs(tax)
    for wanted_id in item.any_of:
        wanted = tax.skills.get(wanted_id)
        if wanted is not None and set(wanted.implies) & set(skill.implies) - hubs:
            return True
    return False


def _hubs(tax: Taxonomy) -> frozenset[str]:
    """Broad methods many skills imply (machine learning, deep learning): too broad to link two."""
    if tax.version not in _HUBS:
        counts: dict[str, int] = {}
        for skill in tax.skills.values():
            for target in skill.implies:
                counts[target] = counts.get(target, 0) + 1
        _HUBS[tax.version] = frozenset(
            t for t, n in counts.items() if n >= HUB_IMPLIED_BY
            and t in tax.skills and tax.skills[t].category not in SUBSTITUTE_CATEGORIES)
    return _HUBS[tax.version]


_HUBS: dict[str, frozenset[str]] = {}
HUB_IMPLIED_BY = 10


def _is_broader(skill_id: str, item: ProfileItem, tax: Taxonomy) -> bool:
    """True when ``skill_id`` is a broad idea the item's skills imply (machine learning for
    unsupervised learning): it says nothing about the narrower skill. A platform or tool the
    item's skill belongs to (AWS for SageMaker) is a meaningful near skill."""
    skill = tax.skills.get(skill_id)
    return skill is not None and skill.category not in SUBSTITUTE_CATEGORIES and any(
        skill_id in tax.skills[s].implies for s in item.any_of if s in tax.skills)
