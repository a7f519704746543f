"""Advice: each shortfall as a ``Gap`` (what it would add, the nearest skill, the next step).

Gap labels keep the profile's or the posting's capitalisation ("Statistics", "Python"); the next
step is written from the credit's ``Reason``, never parsed back from its prose.
"""

from __future__ import annotations

from ..models import Citation, Gap, Profile, ProfileItem, RequirementCheck
from ..taxonomy import Taxonomy
from .credit import INDIRECT, Credit, esco_of, name
from .roles import role_families
from .facts import ResumeFacts
from .nearby import closest, meaningful
from .requirements import degree_name, level_rank


def gap(item: ProfileItem, credit: Credit, item_share: float, r: ResumeFacts) -> Gap:
    """An item earning less than full credit: ``partial`` when the resume shows it in part
    (so it is not also "required, but not shown"); a related skill alone shows nothing."""
    closest_id = credit.related_to
    if closest_id is None and not credit.matched:
        closest_id = next((c for s in item.any_of if (c := closest(s, r))), None)
    if closest_id is not None and not meaningful(closest_id, item, r.tax):
        closest_id = None  # "you have machine learning" says nothing about unsupervised learning
    nearest = None
    if closest_id:
        nearest = (f"You have {name(closest_id, r.tax)}; the {_asker(item)} asks for "
                   f"{_asked(item, r.tax)}.")
    label = _lower_first(item, r.tax) if credit.matched else item.label
    if credit.matched and credit.reason in INDIRECT:
        step = (f"Name {label} explicitly in an experience or project bullet; today it is only "
                f"{credit.how}.")
    elif credit.matched and credit.years_note:
        step = (f"Give the dates of the roles where you used {label}, so its years of use "
                f"count ({credit.years_note}).")
    elif credit.matched and credit.last_used is not None:
        step = f"Show recent use of {label}: it was last used {credit.last_used}."
    elif credit.matched:
        step = (f"Show {label} in use: an experience or project bullet saying what you built "
                "with it (today it is only listed or mentioned).")
    else:
        step = item.next_step or (f"Gain hands-on experience with {_asked(item, r.tax)} and show "
                                  "it in a project.")
    return Gap(
        id=item.id, label=item.label, importance=item.importance,
        gain=round(item_share * (1.0 - credit.value), 3), why=item.why, closest=nearest,
        closest_skill=closest_id, next_step=step, partial=credit.matched,
        esco=esco_of(item.any_of[0], r.tax),
    )


def _asked(item: ProfileItem, tax: Taxonomy) -> str:
    """What the item asks for, by name: "PyTorch / TensorFlow"."""
    return " / ".join(name(s, tax) for s in item.any_of[:4])


def _lower_first(item: ProfileItem, tax: Taxonomy) -> str:
    """The item's label mid-sentence: "Supervised learning" → "supervised learning" (as the
    taxonomy writes the skill), "A cloud platform" → "a cloud platform"; "Python" stays."""
    label = item.label
    first = label.split(" ", 1)[0]
    lower = first.lower()
    if first in {"A", "An"} or any(n.startswith(lower + " ") or n == lower
                                   for n in (name(s, tax) for s in item.any_of)):
        return label[:1].lower() + label[1:]
    return label


def requirement_gap(check: RequirementCheck, profile: Profile, r: ResumeFacts) -> Gap:
    """A degree, years or role shortfall as a gap, with what to do about it."""
    extraction = r.extraction
    if check.id == "role":
        return _role_gap(check, profile, r)
    if check.id == "education":
        req = profile.education
        names = [f.replace("-", " ") for f in req.fields[:4]]
        fields = (", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else
                  names[0] if names else "a relevant field")
        if check.met is None:
            label = "Degree (none found on the resume)"
            step = ("State your degrees in an Education section: level, field, institution and "
                    "year, so they can be read.")
        elif check.met is False:
            level = req.required_level or req.preferred_level or "bachelor"
            wording = ("required", "asks for") if req.required_level else ("preferred", "prefers")
            name = degree_name(r.tax, level)
            label = f"{name[:1].upper() + name[1:]} ({wording[0]})"
            step = f"The {_asker_of(req.why)} {wording[1]} a {degree_name(r.tax, level)} ({fields})."
        else:
            rank = level_rank(r.tax)
            best = max(rank.get(e.level or "", 0) for e in extraction.document.education)
            wanted = [lv for lv in (req.preferred_level, req.bonus_level)
                      if lv and rank[lv] > best]
            if not wanted:
                label = "Degree in a relevant field"
                step = f"A degree in {fields} would score fully."
            else:
                preferred = wanted[0] == req.preferred_level
                name = degree_name(r.tax, wanted[0])
                label = (name[:1].upper() + name[1:]
                         + (" (preferred)" if preferred else " (a plus)"))
                note = f" (the {_asker_of(req.why)} prefers it)" if preferred else ""
                step = f"A {degree_name(r.tax, wanted[0])} in {fields} would add points{note}."
        why = req.why
    else:
        req_x = profile.experience
        if check.met is None and r.extraction.document.untied_dates:
            label = "Experience (dates not tied to positions)"
            step = ("The resume has dates, but they could not be tied to its positions: put each "
                    "job's dates on the line with its title (e.g. 'Data Analyst, Acme, Jan 2020 "
                    "- Mar 2023').")
        elif check.met is None:
            label = "Experience (dates not found)"
            step = ("Give each position start and end dates (e.g. 'Jan 2020 - Mar 2023') so years "
                    "of experience can be counted.")
        elif check.met is False:
            label = f"{req_x.min_years:g}+ years of professional experience"
            step = (f"The {_asker_of(req_x.why)} asks for {req_x.min_years:g}+ years of "
                    "professional experience; internships and student jobs count only in part. "
                    "List freelance or full-time work with its dates.")
        else:
            label = "Years in the role itself"
            titles = _or_list(_distinct_titles(_role_names(profile, r.tax)))
            step = (f"Years as a {titles} count in full; show such roles with their titles "
                    "and dates." if titles else "Show the dates of each relevant role.")
        why = req_x.why
    preferred_only = check.met is False and not profile.education.required_level
    importance = "preferred" if check.id == "education" and (check.met or preferred_only) \
        else "required"
    missing = check.met is False if check.id == "experience" else (
        check.met is not True and bool(profile.education.required_level))
    return Gap(id=check.id, label=label, importance=importance,
               gain=round(check.weight - check.points, 3), why=why, next_step=step,
               partial=check.points > 0 and not missing)


def _role_names(profile: Profile, tax: Taxonomy) -> list[str]:
    """The profile's role family first, then the families that match it, mid-sentence case
    ("machine learning engineer", "MLOps engineer")."""
    families = role_families(tax)
    wanted = profile.role.family
    if wanted not in families.by_id:
        return []
    matching = sorted((f for f in families.by_id if f != wanted and families.match(wanted, f)),
                      key=lambda f: -families.match(wanted, f))
    return [" ".join(w if sum(c.isupper() for c in w) > 1 else w.lower()
                     for w in families.by_id[f].name.split()) for f in [wanted, *matching]]


def _distinct_titles(titles: list[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` titles with different first words (not three kinds of "software …")."""
    chosen: list[str] = []
    for title in titles:
        if title.split(" ", 1)[0] not in {c.split(" ", 1)[0] for c in chosen}:
            chosen.append(title)
    return chosen[:limit]


def _or_list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


def _asker_of(why: Citation | None) -> str:
    return "posting" if why is not None and why.start is not None else "profile"


def _asker(item: ProfileItem) -> str:
    return "posting" if item.why is not None and item.why.start is not None else "profile"


def _role_gap(check: RequirementCheck, profile: Profile, r: ResumeFacts) -> Gap:
    """No position (or only a neighbouring one) in the role family the posting is for."""
    req = profile.role
    families = role_families(r.tax)
    wanted = families.by_id[req.family].name if req.family in families.by_id else profile.title
    if check.met:
        label = f"Years as {wanted}"
        step = (f"Give the dates of your {wanted} roles so the years count, and describe what "
                "you built in each.")
    else:
        label = f"A role as {wanted}"
        step = (f"The {_asker_of(req.why)} is for a {wanted} role: show a position, project or "
                f"internship in that role, with its title and dates, and what you delivered.")
    return Gap(id="role", label=label, importance="required",
               gain=round(check.weight - check.points, 3), why=req.why, next_step=step,
               partial=check.points > 0)
