"""The role family a posting is for, from its title (or, when the title names none, a title form
in its opening lines): positions in that family are weighed in the ranking."""

from __future__ import annotations

import re

from ..models import Citation, RoleRequirement
from ..scoring.roles import role_families
from ..taxonomy import Taxonomy

ROLE_SHARE = 0.25  # the role's weight, as a share of the skills' weight
OPENING_CHARS = 600  # where a posting names its role when the title line does not


def role_requirement(title: str, body: str, tax: Taxonomy, skill_weight: float) -> RoleRequirement:
    """The posting's role family and its weight; no weight when no family is named."""
    families = role_families(tax)
    family = families.family_of(title)
    why = None
    if family is not None:
        start = body.find(title)
        why = Citation(text=title, start=start if start >= 0 else None,
                       end=start + len(title) if start >= 0 else None)
    else:
        for line in re.finditer(r"[^\n]+", body[:OPENING_CHARS]):
            found = families.forms_in(line.group(0))
            if found is not None:
                family = found
                text = line.group(0).strip()
                start = line.start() + line.group(0).find(text)
                why = Citation(text=text[:200], start=start, end=start + len(text))
                break
    if family is None:
        return RoleRequirement()
    return RoleRequirement(family=family, weight=round(skill_weight * ROLE_SHARE, 3), why=why)
