"""The role family a posting is for, from its title (or, when the title names none, a title form
in its opening lines): positions in that family are weighed in the ranking."""

from __future__ import annotations

import re

from ..models import Citation, RoleRequirement
from ..scoring.roles import role_families
from ..taxonomy import Taxonomy

ROLE_SHARE = 0.25  # the role's weight, as a share of the skills' weight
OPENING_CHARS = 600  # where a posting names its role when the title line does not


def _named(title: str, body: str, tax: Taxonomy) -> tuple[str, Citation] | None:
    """The family the title names, else the first title form in the opening lines, with the
    words that name it."""
    families = role_families(tax)
    family = families.family_of(title)
    if family is not None:
        start = body.find(title)
        return family, Citation(text=title, start=start if start >= 0 else None,
                                end=start + len(title) if start >= 0 else None)
    for line in re.finditer(r"[^\n]+", body[:OPENING_CHARS]):
        found = families.forms_in(line.group(0))
        if found is not None:
            text = line.group(0).strip()
            start = line.start() + line.group(0).find(text)
            return found, Citation(text=text[:200], start=start, end=start + len(text))
    return None


def posting_family(title: str, body: str, tax: Taxonomy) -> str | None:
    """The role family the posting is for, or None."""
    named = _named(title, body, tax)
    return named[0] if named else None


def role_requirement(family: str | None, title: str, body: str, tax: Taxonomy,
                     skill_weight: float) -> RoleRequirement:
    """The posting's role family and its weight; no weight when no family is named."""
    named = _named(title, body, tax) if family else None
    if named is None:
        return RoleRequirement()
    return RoleRequirement(family=named[0], weight=round(skill_weight * ROLE_SHARE, 3),
                           why=named[1])
