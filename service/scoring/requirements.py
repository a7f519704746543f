"""Requirements that are not skills: the degree, years of experience and the role family."""

from __future__ import annotations

from collections.abc import Iterable

from ..documents.timeline import merged_years
from ..models import Evidence, Position, Profile, RequirementCheck, SalaryBand
from ..taxonomy import Taxonomy
from .facts import ResumeFacts
from .roles import is_student_role, role_families

# A year as an intern or student assistant: a quarter toward the experience minimum. Lower on
# purpose than ``roles.STUDENT_SHARE`` (a half toward years in a role family): "N years of
# experience" asks for time as a professional, which student jobs mostly are not, while an
# internship as a data scientist is good evidence of the data-science role itself.
STUDENT_CREDIT = 0.25
YEARS_SHARE = 0.5  # the experience credit professional years earn; years in the role earn the rest
ROLE_FULL_YEARS = 3.0  # years in the posting's role family that earn the role check in full
ROLE_START = 0.6  # the share a position in the family earns before its years count
HEADLINE_ROLE = 0.5  # the share the role a resume's headline names earns (no dates)
STUDENT_ROLE = 0.5  # the most an internship or student role in the family earns
RESEARCH_ROLE = 0.75  # a research record, as an ML researcher's match to the role
ML_WORK_ROLE = 0.4  # ML work described in experience or projects under no ML title


def level_rank(tax: Taxonomy) -> dict[str, int]:
    """Degree level id -> rank, from ``taxonomy/education.yaml``."""
    return {level.id: level.rank for level in tax.education.levels}


def degree_name(tax: Taxonomy, level: str) -> str:
    """The level's name mid-sentence, from ``taxonomy/education.yaml``: "master's degree", "PhD"."""
    name = tax.education.level(level).name
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def education_check(r: ResumeFacts, profile: Profile, total_weight: float) -> RequirementCheck:
    """The best degree against the level and fields asked for."""
    req = profile.education
    extraction = r.extraction
    rank = level_rank(r.tax)
    share = 100.0 * req.weight / total_weight
    entries = extraction.document.education
    need = req.required_level or req.preferred_level or "bachelor"
    label = f"Degree: {need}'s or higher" if need != "phd" else "Degree: PhD"
    if not entries:
        return RequirementCheck(id="education", label=label, met=None, weight=round(share, 3),
                                detail="The resume states no degree the parser could read.")
    best, best_entry = 0.0, entries[0]
    for entry in entries:
        credit = _level_credit(rank, entry.level, req) * _field_credit(entry.field, req)
        if credit > best:
            best, best_entry = credit, entry
    ranks = [rank.get(e.level or "", 0) for e in entries]
    met = max(ranks) >= rank[need]
    field = best_entry.field_text or best_entry.field or "field not stated"
    detail = f"Highest match: {best_entry.level or 'degree'} ({field})."
    return RequirementCheck(id="education", label=label, met=met, detail=detail,
                            points=share * best, weight=round(share, 3))


def _level_credit(ranks: dict[str, int], level: str | None, req) -> float:
    rank = ranks.get(level or "", 0)
    required = ranks.get(req.required_level or "", 0)
    preferred = ranks.get(req.preferred_level or "", 0)
    bonus = ranks.get(req.bonus_level or "", 0)
    if required and rank < required:
        return 0.25 * rank / required
    if bonus and rank >= bonus:
        return 1.0
    if preferred and rank >= preferred:
        return 0.85 if bonus else 1.0
    if not required and not preferred:
        return 1.0 if rank else 0.5
    return 0.6 if (preferred or bonus) else 1.0


def _field_credit(field: str | None, req) -> float:
    if not req.fields or field is None:
        return 1.0 if not req.fields else 0.85
    if field in req.fields:
        return 1.0
    return 0.8 if field in req.related_fields else 0.6


def in_role(positions: Iterable[Position], profile: Profile, tax: Taxonomy) -> list[Position]:
    """The professional positions in the profile's role: in a family that matches its role
    family (the same, another ML family for an ML role, a near one: ``RoleFamilies.match``);
    for a profile naming no family, positions the documents layer marks relevant."""
    families = role_families(tax)
    wanted = profile.role.family if profile.role.family in families.by_id else None
    chosen = []
    for p in positions:
        if is_student_role(p.title):
            continue
        family = families.family_of(p.title)
        if wanted is not None:
            if family is not None and families.match(wanted, family) > 0:
                chosen.append(p)
        elif p.relevant:
            chosen.append(p)
    return chosen


def _merged_years(positions: list[Position]) -> float:
    months = [(p.start.year * 12 + p.start.month - 1,
               p.start.year * 12 + p.start.month - 1 + round(p.years * 12)) for p in positions]
    return merged_years(months)


def experience_check(r: ResumeFacts, profile: Profile, total_weight: float) -> RequirementCheck:
    """Professional years against the minimum (half the credit) and years in the role itself
    (``in_role``: the other half)."""
    req = profile.experience
    extraction, total_years, student = r.extraction, r.total_years, r.student_years
    share = 100.0 * req.weight / total_weight
    minimum = req.min_years or 0.0
    label = f"Experience: {minimum:g}+ years" if minimum else "Experience"
    relevant = in_role(extraction.document.positions, profile, r.tax)
    if total_years is None:
        untied = extraction.document.untied_dates
        detail = (f"The resume has {untied} date range{'s' if untied > 1 else ''} that could "
                  "not be tied to positions." if untied
                  else "The resume's dates could not be read into years.")
        return RequirementCheck(id="experience", label=label, met=None, weight=round(share, 3),
                                detail=detail)
    effective = total_years + STUDENT_CREDIT * student
    role_years = min(total_years, _merged_years(relevant))
    if minimum:
        credit = YEARS_SHARE * min(1.0, effective / minimum) + \
            (1 - YEARS_SHARE) * min(1.0, role_years / minimum)
    else:
        credit = YEARS_SHARE + (1 - YEARS_SHARE) * (1.0 if relevant else 0.0)
    detail = f"{total_years:g} years of professional experience"
    if minimum:
        detail += f" (asks {minimum:g}"
        detail += f"-{req.max_years:g})" if req.max_years else ")"
    if student:
        detail += (f"; {round(student, 1):g} more in internships or student roles, counted at "
                   f"{STUDENT_CREDIT:.0%}")
    detail += (f"; {role_years:g} in the role ({relevant[0].title})" if relevant else
               "; none in the role or a near one")
    return RequirementCheck(id="experience", label=label, met=effective >= minimum,
                            detail=detail + ".", points=share * credit, weight=round(share, 3))


def salary_band(bands: Iterable[SalaryBand], years: float | None) -> SalaryBand | None:
    """The first band whose range holds ``years`` (None when years are unknown)."""
    if years is None:
        return None
    for band in bands:
        if band.min_years <= years and (band.max_years is None or years < band.max_years):
            return band
    return None




def role_check(r: ResumeFacts, profile: Profile, total_weight: float) -> RequirementCheck:
    """Positions in the role family the profile or posting is for: the same family in full,
    another ML family or a near one in part; years in it (up to ``ROLE_FULL_YEARS``) count."""
    req = profile.role
    share = 100.0 * req.weight / total_weight
    families = role_families(r.tax)
    wanted = families.by_id[req.family] if req.family in families.by_id else None
    label = f"Role: {wanted.name}" if wanted else "Role"
    best, why = 0.0, "no position in this role family or a near one was found"
    if wanted is not None:
        spells = [*r.roles.spells, *([r.roles.headline] if r.roles.headline else [])]
        for spell in spells:
            match = families.match(wanted.id, spell.family)
            if not match:
                continue
            years = r.roles.years.get(spell.family, 0.0)
            if spell.family in families.ml and wanted.id in families.ml:
                years = max(years, r.roles.ml_years)
            if spell is r.roles.headline:
                value = HEADLINE_ROLE
            elif spell.student:
                value = min(STUDENT_ROLE, ROLE_START * 0.5 + 0.1 * years)
            else:
                value = ROLE_START + (1 - ROLE_START) * min(1.0, years / ROLE_FULL_YEARS)
            value *= match
            if value > best:
                family = families.by_id[spell.family].name
                held = (f"{years:g} years in the family" if spell is not r.roles.headline
                        else "named in your headline")
                best, why = value, f"{spell.title} ({family}; {held})"
        research_match = max((families.match(wanted.id, f) for f in families.ml), default=0.0) \
            if wanted.id in families.ml else 0.0
        if r.roles.research and RESEARCH_ROLE * research_match > best:
            best = RESEARCH_ROLE * research_match
            why = "research record: " + ", ".join(dict.fromkeys(e.text for e in r.roles.research))
        if r.roles.ml_work and ML_WORK_ROLE * research_match > best:
            best = ML_WORK_ROLE * research_match
            why = "machine-learning work described in your " + _sections(r.roles.ml_work) + \
                ": " + ", ".join(dict.fromkeys(e.text for e in r.roles.ml_work[:4]))
    return RequirementCheck(id="role", label=label, met=best >= ROLE_START * ML_MATCH_MET,
                            detail=f"Best match: {why}.", points=share * best,
                            weight=round(share, 3))


ML_MATCH_MET = 0.8  # a position in another ML family (0.8 match) meets the role


def _sections(evidence: tuple[Evidence, ...]) -> str:
    """The sections the evidence is in, as a phrase: "experience and projects"."""
    names = list(dict.fromkeys(e.section for e in evidence if e.section))
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]
