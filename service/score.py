"""Score a resume's skills against a profile: a ``MatchReport`` that explains itself.

Pure and deterministic: the inputs are an ``Extraction``, a ``Profile`` and the (cached) taxonomy;
nothing else is read. Only skills, experience and education count. The profile's groups, education
and experience weights are normalised to 100 points; within a group the items' weights share the
group's points. An item earns a fraction of its points (its credit):

- explicit mention: 1.0 when used in an experience / project entry, less when only listed in a
  skills section, times small factors for extraction confidence, recency and years of use;
- implied by another skill (PyTorch → deep learning): ``IMPLIED`` times the strongest implying
  skill's credit;
- related skill only (Keras for PyTorch: same category, shared implication): ``RELATED`` times its
  strength, and the gap says which skill is closest.

Every factor is a maximum over evidence, so more evidence never lowers a score.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from . import __version__
from .models import (
    Citation,
    Evidence,
    ExperienceSummary,
    Extraction,
    Gap,
    GroupScore,
    ItemScore,
    MatchReport,
    Profile,
    ProfileItem,
    RequirementCheck,
    SalaryBand,
    SkillHit,
    Versions,
)
from .taxonomy import Taxonomy

IMPLIED = 0.55
RELATED = 0.25
PARTIAL = 0.6  # a skill the profile item names in ``partial_from`` (Airflow for data pipelines)
TITLE_CREDIT = 0.5  # a position title the item names in ``titles``
GAP_BELOW = 0.9  # items earning at least this much credit are not gaps
BARE_LIST_STRENGTH = 0.5  # a mention on a bare list line outside any section: no prose around it
NOT_A_RESUME_FACTOR = 0.6  # skill credit in a document that does not look like a resume
SECTION_STRENGTH = {
    "experience": 1.0, "projects": 1.0, "publications": 1.0,
    "summary": 0.85, "certifications": 0.85, "awards": 0.85, "education": 0.85,
    "skills": 0.7, "languages": 0.7,
}
UNKNOWN_SECTION_STRENGTH = 0.8
USED_IN = {"projects": "used in a project", "publications": "used in a publication"}
STUDENT_CREDIT = 0.25  # a year as an intern or student assistant counts a quarter toward the minimum
STUDENT_TITLE = re.compile(
    r"\b(?:intern(?:ship)?s?|trainee|apprentice(?:ship)?|co-?op|working student|student"
    r"|(?:graduate |undergraduate |teaching |research |lab(?:oratory)? )assistant)\b", re.IGNORECASE)
LEVEL_RANK = {"associate": 1, "bachelor": 2, "master": 3, "phd": 4}
STALE_AFTER_YEARS = 3
LANGUAGE_SAMPLE_CHARS = 20_000  # the language check reads the start of the text
SUBSTITUTE_CATEGORIES = frozenset({"language", "platform", "tool", "ml-library"})
# kinds where any skill of the kind is a meaningful "closest" (Python for Java); platforms and
# tools only count through a shared implication (Linux is no substitute for a cloud ML platform)
SAME_KIND_CLOSEST = frozenset({"language", "ml-library"})
USED = [
    "skills: the skills found, how they were found (explicit, implied) and where (section)",
    "experience: years of professional experience and job titles",
    "education: degree level and field",
    "not read: name, contact details, age, gender, photo, address, nationality",
]


@dataclass(frozen=True)
class _Credit:
    value: float
    skill: str | None = None
    how: str = ""
    evidence: tuple[Evidence, ...] = ()
    matched: bool = False
    related_to: str | None = None


_NONE = _Credit(0.0)


@dataclass
class ResumeFacts:
    """What scoring needs from one extraction, whatever the profile: computed once by
    ``resume_facts`` and reusable across ``score_facts`` calls (the API caches it per stored
    resume). Treat as read-only; the caches only memoise profile-independent answers."""

    extraction: Extraction
    hits: dict[str, SkillHit]
    tax: Taxonomy
    ref_year: int | None
    strength: dict[str, float]  # ``raw_strength`` after any not-a-resume reduction
    raw_strength: dict[str, float]  # by hit id: the strongest mention (see ``_strength``)
    claims: dict[str, list[Evidence]]  # non-negated mentions by hit id
    claimed: list[str]  # explicit hits with a non-negated mention, sorted by id
    claimed_set: frozenset[str]
    disclaimed: frozenset[str]  # skills the resume says it does not have
    titles: tuple[str, ...]  # position titles, lower case
    by_category: dict[str, list[str]]  # claimed ids by taxonomy category
    total_years: float | None  # professional years (see ``_total_years``)
    student_years: float  # years only in student roles (see ``_student_years``)
    warnings: tuple[str, ...]  # see ``warnings``
    closest_cache: dict[tuple[str, bool], str | None]
    evidence_cache: dict[str, tuple[Evidence, ...]]
    credit_cache: dict[tuple[str, float | None], _Credit]  # see ``_skill_credit``

    def best_evidence(self, skill_id: str) -> tuple[Evidence, ...]:
        """Up to three strongest mentions of a hit, computed once."""
        if skill_id not in self.evidence_cache:
            self.evidence_cache[skill_id] = _best_evidence(self.claims[skill_id])
        return self.evidence_cache[skill_id]


def resume_facts(extraction: Extraction, taxonomy: Taxonomy) -> ResumeFacts:
    """Index ``extraction`` for scoring (skills, years, warnings): the profile-free half."""
    tax = taxonomy
    hits = {hit.id: hit for hit in extraction.skills}
    claims = {i: _claims(h) for i, h in hits.items()}
    disclaimed = {h.id for h in extraction.not_claimed}
    disclaimed |= {i for i, h in hits.items() if h.explicit and h.evidence and not claims[i]}
    reasons = not_a_resume(extraction)
    factor = NOT_A_RESUME_FACTOR if reasons else 1.0
    claimed = sorted(i for i, h in hits.items() if h.explicit and claims[i])
    by_category: dict[str, list[str]] = {}
    for skill_id in claimed:
        skill = tax.skills.get(skill_id)
        if skill is not None:
            by_category.setdefault(skill.category, []).append(skill_id)
    student = _student_years(extraction)
    raw = {i: _strength(c) for i, c in claims.items()}
    return ResumeFacts(
        extraction=extraction, hits=hits, tax=tax, ref_year=_reference_year(extraction),
        strength={i: factor * r for i, r in raw.items()}, raw_strength=raw, claims=claims,
        claimed=claimed, claimed_set=frozenset(claimed),
        disclaimed=frozenset(disclaimed - set(claimed)),
        titles=tuple((p.title or "").lower() for p in extraction.document.positions),
        by_category=by_category, total_years=_total_years(extraction, student),
        student_years=student, warnings=tuple(warnings(extraction, reasons)),
        closest_cache={}, evidence_cache={}, credit_cache={},
    )


def score(
    extraction: Extraction, profile: Profile, *, taxonomy: Taxonomy,
) -> MatchReport:
    """Score ``extraction`` against ``profile``; the parts add up to ``score`` before rounding."""
    return score_facts(resume_facts(extraction, taxonomy), profile)


def score_facts(resume: ResumeFacts, profile: Profile) -> MatchReport:
    """``score`` with the resume already indexed by ``resume_facts`` (same report)."""
    extraction, tax = resume.extraction, resume.tax
    total_weight = (
        sum(g.weight for g in profile.groups) + profile.education.weight + profile.experience.weight
    )

    breakdown: list[GroupScore] = []
    gaps: list[Gap] = []
    matched: list[ItemScore] = []
    missing: list[str] = []
    total = 0.0
    for group in profile.groups:
        share = 100.0 * group.weight / total_weight
        item_total = sum(item.weight for item in group.items)
        earned = 0.0
        items: list[ItemScore] = []
        for item in group.items:
            item_share = share * item.weight / item_total
            credit = _item_credit(item, resume)
            points = item_share * credit.value
            earned += points
            scored = ItemScore(
                id=item.id, label=item.label, importance=item.importance, weight=item.weight,
                credit=round(credit.value, 3), points=round(points, 3), matched_skill=credit.skill,
                how=credit.how, evidence=list(credit.evidence), esco=_esco(credit.skill, tax),
            )
            items.append(scored)
            if credit.matched:
                matched.append(scored)
            elif item.importance == "required":
                missing.append(item.label)
            if credit.value < GAP_BELOW:
                gaps.append(_gap(item, credit, item_share, resume))
        total += earned
        breakdown.append(GroupScore(
            id=group.id, name=group.name, weight=round(share, 3), earned=round(earned, 3),
            items=items,
        ))

    requirements = []
    total_years = resume.total_years
    if profile.education.weight > 0 or profile.education.required_level:
        check = _education(extraction, profile, total_weight)
        requirements.append(check)
        total += check.points
        if check.met is not True and profile.education.required_level:
            missing.append(check.label)
    if profile.experience.weight > 0 or profile.experience.min_years:
        check = _experience(extraction, profile, total_weight, total_years, resume.student_years)
        requirements.append(check)
        total += check.points
        if check.met is False:
            missing.append(check.label)
    for check in requirements:
        if check.weight - check.points > 0.05:
            gaps.append(_requirement_gap(check, profile, extraction))
        check.points = round(check.points, 3)

    gaps.sort(key=lambda g: (-g.gain, g.importance != "required", g.id))
    matched.sort(key=lambda m: (-m.points, m.id))
    return MatchReport(
        score=round(min(100.0, max(0.0, total)), 1),
        profile=profile.name if profile.kind == "profile" else profile.title,
        profile_kind=profile.kind,
        breakdown=breakdown,
        requirements=requirements,
        missing_required=missing,
        matched=matched,
        gaps=gaps,
        experience=ExperienceSummary(
            total_years=total_years,
            years_by_skill={h.id: h.years for h in extraction.skills if h.years is not None},
        ),
        salary_band=salary_band(profile.salary_bands, total_years),
        warnings=[*resume.warnings, *profile.warnings],
        used=list(USED),
        versions=Versions(
            skillmatch=__version__, taxonomy=extraction.versions.taxonomy or tax.version,
            profile=f"{profile.name}@{profile.version}",
        ),
    )


def _claims(hit: SkillHit) -> list[Evidence]:
    return [e for e in hit.evidence if not e.negated]


def _best_evidence(claims: list[Evidence], limit: int = 3) -> tuple[Evidence, ...]:
    """The strongest mentions first (experience before skills list), then in text order."""
    by_strength: dict[float, list[Evidence]] = {}
    for evidence in claims:
        rank = _evidence_strength(evidence)
        by_strength.setdefault(rank, []).append(evidence)
    chosen: list[Evidence] = []
    for rank in sorted(by_strength, reverse=True):
        need = limit - len(chosen)
        if need <= 0:
            break
        chosen.extend(heapq.nsmallest(need, by_strength[rank], key=_start))
    return tuple(chosen)


def _start(evidence: Evidence) -> int:
    return evidence.start


def _strength(claims: list[Evidence]) -> float:
    """How strongly the evidence shows use: the strongest mention (see ``_evidence_strength``)."""
    if not claims:
        return UNKNOWN_SECTION_STRENGTH
    return max(_evidence_strength(e) for e in claims)


_LIST_SPLIT = re.compile(r"\s*[,;|•·/]\s*|\s+-\s+|\t")


def _evidence_strength(evidence: Evidence) -> float:
    """The section's strength; outside any known section, prose counts as a mention and a bare
    list line (only short comma/pipe-separated items, no sentence) counts least."""
    if evidence.section and evidence.section != "other":
        return SECTION_STRENGTH.get(evidence.section, UNKNOWN_SECTION_STRENGTH)
    return BARE_LIST_STRENGTH if is_list_line(evidence.line or evidence.text) else \
        UNKNOWN_SECTION_STRENGTH


def is_list_line(line: str) -> bool:
    """True for a line of short items only ("Python", "Spark, Kafka | Airflow"): no prose."""
    pieces = [p for p in _LIST_SPLIT.split(line.strip(" -*•\t")) if p.strip()]
    return bool(pieces) and all(len(p.split()) <= 3 for p in pieces)


def _factors(hit: SkillHit, item: ProfileItem, ref_year: int | None) -> tuple[float, list[str]]:
    notes = []
    factor = 0.7 + 0.3 * max(0.0, min(1.0, hit.confidence))
    if item.min_years:
        if hit.years is None:
            factor *= 0.8
            notes.append(f"years of use unknown (asks {item.min_years:g})")
        elif hit.years < item.min_years:
            factor *= 0.6 + 0.4 * hit.years / item.min_years
            notes.append(f"{hit.years:g} of {item.min_years:g} years asked")
    if hit.last_used is not None and ref_year is not None:
        age = ref_year - hit.last_used
        if age > STALE_AFTER_YEARS:
            factor *= max(0.7, 1.0 - 0.05 * (age - STALE_AFTER_YEARS))
            notes.append(f"last used {hit.last_used}")
    return factor, notes


def _item_credit(item: ProfileItem, r: ResumeFacts) -> _Credit:
    """The best credit any of the item's skills earns; else partial credit from the skills or
    job titles the item lists as showing part of it. A disclaimed skill earns nothing."""
    credit = max((_skill_credit(s, item, r) for s in item.any_of),
                 key=lambda c: (c.value, c.matched), default=_NONE)
    if all(s in r.disclaimed for s in item.any_of):
        return credit
    partial = [(PARTIAL * r.strength[s] * _factors(r.hits[s], item, r.ref_year)[0], s)
               for s in item.partial_from if s in r.claimed_set]
    if partial:
        value, best = max(partial)
        if value > credit.value:
            names = ", ".join(_name(s, r.tax) for _, s in sorted(partial, reverse=True)[:3])
            credit = _Credit(value, best, f"partly shown by {names}", r.best_evidence(best),
                             matched=True)
    title = next((t for t in r.titles for want in item.titles if _title_matches(t, want)), None)
    if title is not None and TITLE_CREDIT > credit.value:
        credit = _Credit(TITLE_CREDIT, None, f"partly shown by the role title {title!r}",
                         matched=True)
    return credit


def _skill_credit(skill_id: str, item: ProfileItem, r: ResumeFacts) -> _Credit:
    """The credit one skill earns for ``item``: it depends on the item only through
    ``min_years``, so it is memoised per resume on (skill, min_years)."""
    key = (skill_id, item.min_years)
    credit = r.credit_cache.get(key)
    if credit is None:
        credit = r.credit_cache[key] = _find_skill_credit(skill_id, item, r)
    return credit


def _find_skill_credit(skill_id: str, item: ProfileItem, r: ResumeFacts) -> _Credit:
    if skill_id in r.disclaimed:
        return _NONE
    hit = r.hits.get(skill_id)
    if hit is not None and skill_id in r.claimed_set:
        strength = r.strength[skill_id]
        factor, notes = _factors(hit, item, r.ref_year)
        evidence = r.best_evidence(skill_id)
        raw = r.raw_strength[skill_id]  # before any not-a-resume reduction
        where = USED_IN.get(evidence[0].section or "", "used in experience") if (
            raw >= 1.0 and evidence) else (
            "in a list only" if raw <= SECTION_STRENGTH["skills"] else "mentioned")
        how = "; ".join([where, *notes])
        return _Credit(strength * factor, skill_id, how, r.best_evidence(skill_id), matched=True)
    sources = [s for s in hit.implied_by if s in r.claimed_set] if hit is not None else []
    if hit is not None and sources:
        # credit through the strongest implying skill the resume claims (no claim, no credit)
        scored = [(r.strength[s] * _factors(r.hits[s], item, r.ref_year)[0], s) for s in sources]
        value, best_id = max(scored)
        names = ", ".join(_name(s, r.tax) for s in hit.implied_by)
        return _Credit(IMPLIED * value, skill_id, f"implied by {names}",
                       r.best_evidence(best_id), matched=True)
    related = _closest(skill_id, r, related_only=True)
    if related is not None:
        return _Credit(RELATED * r.strength[related], None,
                       f"related: has {_name(related, r.tax)}", r.best_evidence(related)[:1],
                       related_to=related)
    return _NONE


def _esco(skill_id: str | None, tax: Taxonomy) -> str | None:
    """The ESCO URI of a skill id, or None."""
    skill = tax.skills.get(skill_id) if skill_id else None
    return skill.esco if skill else None


def _name(skill_id: str, tax: Taxonomy) -> str:
    skill = tax.skills.get(skill_id)
    return skill.name if skill else skill_id


def _closest(skill_id: str, r: ResumeFacts, *, related_only: bool = False) -> str | None:
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


def _meaningful(skill_id: str, item: ProfileItem, tax: Taxonomy) -> bool:
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


def _gap(item: ProfileItem, credit: _Credit, item_share: float, r: ResumeFacts) -> Gap:
    closest_id = credit.related_to
    if closest_id is None and not credit.matched:
        closest_id = next((c for s in item.any_of if (c := _closest(s, r))), None)
    if closest_id is not None and not _meaningful(closest_id, item, r.tax):
        closest_id = None  # "you have machine learning" says nothing about unsupervised learning
    closest = None
    if closest_id:
        closest = (f"You have {_name(closest_id, r.tax)}; the {_asker(item)} asks for "
                   f"{_asked(item, r.tax)}.")
    label = _lower_first(item, r.tax) if credit.matched else item.label
    if credit.matched and credit.how.startswith(("implied", "partly")):
        step = (f"Name {label} explicitly in an experience or project bullet; today it is only "
                f"{credit.how}.")
    elif credit.matched and ("years asked" in credit.how or "years of use unknown" in credit.how):
        step = (f"Give the dates of the roles where you used {label}, so its years of use "
                f"count ({credit.how.split('; ', 1)[-1]}).")
    elif credit.matched and "last used" in credit.how:
        step = f"Show recent use of {label}: it was {credit.how.split('; ', 1)[-1]}."
    elif credit.matched:
        step = (f"Show {label} in use: an experience or project bullet saying what you built "
                "with it (today it is only listed or mentioned).")
    else:
        step = item.next_step or (f"Gain hands-on experience with {_asked(item, r.tax)} and show "
                                  "it in a project.")
    return Gap(
        id=item.id, label=item.label, importance=item.importance,
        gain=round(item_share * (1.0 - credit.value), 3), why=item.why, closest=closest,
        closest_skill=closest_id, next_step=step, partial=credit.value > 0,
        esco=_esco(item.any_of[0], r.tax),
    )


def _asked(item: ProfileItem, tax: Taxonomy) -> str:
    """What the item asks for, by name: "PyTorch / TensorFlow"."""
    return " / ".join(_name(s, tax) for s in item.any_of[:4])


def _lower_first(item: ProfileItem, tax: Taxonomy) -> str:
    """The item's label mid-sentence: "Supervised learning" → "supervised learning" (as the
    taxonomy writes the skill), "A cloud platform" → "a cloud platform"; "Python" stays."""
    label = item.label
    first = label.split(" ", 1)[0]
    lower = first.lower()
    if first in {"A", "An"} or any(n.startswith(lower + " ") or n == lower
                                   for n in (_name(s, tax) for s in item.any_of)):
        return label[:1].lower() + label[1:]
    return label


def _requirement_gap(check: RequirementCheck, profile: Profile, extraction: Extraction) -> Gap:
    """A degree or years shortfall as a gap, with what to do about it."""
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
            label = f"{_degree_name(level).capitalize()} ({wording[0]})"
            step = f"The {_asker_of(req.why)} {wording[1]} a {_degree_name(level)} ({fields})."
        else:
            rank = max(LEVEL_RANK.get(e.level or "", 0) for e in extraction.document.education)
            wanted = [lv for lv in (req.preferred_level, req.bonus_level)
                      if lv and LEVEL_RANK[lv] > rank]
            if not wanted:
                label = "Degree in a relevant field"
                step = f"A degree in {fields} would score fully."
            else:
                preferred = wanted[0] == req.preferred_level
                label = (_degree_name(wanted[0])[:1].upper() + _degree_name(wanted[0])[1:]
                         + (" (preferred)" if preferred else " (a plus)"))
                note = f" (the {_asker_of(req.why)} prefers it)" if preferred else ""
                step = f"A {_degree_name(wanted[0])} in {fields} would add points{note}."
        why = req.why
    else:
        req_x = profile.experience
        if check.met is None:
            label = "Experience (dates not found)"
            step = ("Give each position start and end dates (e.g. 'Jan 2020 - Mar 2023') so years "
                    "of experience can be counted.")
        elif check.met is False:
            label = f"{req_x.min_years:g}+ years of professional experience"
            step = (f"The {_asker_of(req_x.why)} asks for {req_x.min_years:g}+ years of "
                    "professional experience; internships and student jobs count only in part. "
                    "List freelance or full-time work with its dates.")
        else:
            label = "A prior role with a relevant title"
            titles = _or_list(_distinct_titles(req_x.relevant_titles))
            step = (f"Show a prior role such as {titles}, with its title and dates."
                    if titles else "Show the dates of each relevant role.")
        why = req_x.why
    preferred_only = check.met is False and not profile.education.required_level
    importance = "preferred" if check.id == "education" and (check.met or preferred_only) \
        else "required"
    return Gap(id=check.id, label=label, importance=importance,
               gain=round(check.weight - check.points, 3), why=why, next_step=step,
               partial=check.points > 0)


def _distinct_titles(titles: list[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` titles with different first words (not three kinds of "software …")."""
    chosen: list[str] = []
    for title in titles:
        if title.split(" ", 1)[0] not in {c.split(" ", 1)[0] for c in chosen}:
            chosen.append(title)
    return chosen[:limit]


def _or_list(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " or " + items[-1] if len(items) > 1 else "".join(items)


def _degree_name(level: str) -> str:
    return {"bachelor": "bachelor's degree", "master": "master's degree", "phd": "PhD"}[level]


def _asker_of(why: Citation | None) -> str:
    return "posting" if why is not None and why.start is not None else "profile"


def _asker(item: ProfileItem) -> str:
    return "posting" if item.why is not None and item.why.start is not None else "profile"


def _reference_year(extraction: Extraction) -> int | None:
    """The latest year the document's positions reach: recency is measured from there."""
    years = [p.end.year if p.end else p.start.year for p in extraction.document.positions]
    return max(years, default=None)


def _total_years(extraction: Extraction, student_years: float) -> float | None:
    """Years of professional experience: the document's merged total without the time spent
    only in internships and student roles (``student_years``, see ``_student_years``)."""
    doc = extraction.document
    if doc.total_years is not None:
        total = doc.total_years
    elif doc.positions:
        total = sum(p.years for p in doc.positions)
    else:
        return None
    return round(max(0.0, total - student_years), 1)


def is_student_role(title: str | None) -> bool:
    """Internships, teaching/research assistantships and other student jobs."""
    return bool(title and STUDENT_TITLE.search(title))


def _student_years(extraction: Extraction) -> float:
    """Time covered only by student roles (intern, TA, RA …), overlaps with real jobs removed."""
    from .documents.timeline import total_years as merged_total

    doc = extraction.document
    if not any(is_student_role(p.title) for p in doc.positions):
        return 0.0
    others = [p for p in doc.positions if not is_student_role(p.title)]
    every = merged_total(doc.positions, doc.sections, doc.section_at) or 0.0
    professional = merged_total(others, doc.sections, doc.section_at) or 0.0
    return round(max(0.0, every - professional), 2)


def _education(extraction: Extraction, profile: Profile, total_weight: float) -> RequirementCheck:
    req = profile.education
    share = 100.0 * req.weight / total_weight
    entries = extraction.document.education
    need = req.required_level or req.preferred_level or "bachelor"
    label = f"Degree: {need}'s or higher" if need != "phd" else "Degree: PhD"
    if not entries:
        return RequirementCheck(id="education", label=label, met=None, weight=round(share, 3),
                                detail="The resume states no degree the parser could read.")
    best, best_entry = 0.0, entries[0]
    for entry in entries:
        credit = _level_credit(entry.level, req) * _field_credit(entry.field, req)
        if credit > best:
            best, best_entry = credit, entry
    ranks = [LEVEL_RANK.get(e.level or "", 0) for e in entries]
    met = max(ranks) >= LEVEL_RANK[need]
    field = best_entry.field_text or best_entry.field or "field not stated"
    detail = f"Highest match: {best_entry.level or 'degree'} ({field})."
    return RequirementCheck(id="education", label=label, met=met, detail=detail,
                            points=share * best, weight=round(share, 3))


def _level_credit(level: str | None, req) -> float:
    rank = LEVEL_RANK.get(level or "", 0)
    required = LEVEL_RANK.get(req.required_level or "", 0)
    preferred = LEVEL_RANK.get(req.preferred_level or "", 0)
    bonus = LEVEL_RANK.get(req.bonus_level or "", 0)
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


def _experience(
    extraction: Extraction, profile: Profile, total_weight: float, total_years: float | None,
    student: float,
) -> RequirementCheck:
    req = profile.experience
    share = 100.0 * req.weight / total_weight
    minimum = req.min_years or 0.0
    label = f"Experience: {minimum:g}+ years" if minimum else "Experience"
    positions = extraction.document.positions
    titles = [t.lower() for t in req.relevant_titles]
    relevant = [p for p in positions if not is_student_role(p.title) and (p.relevant or (
        p.title and any(_title_matches(p.title, t) for t in titles)))]
    if total_years is None:
        return RequirementCheck(id="experience", label=label, met=None, weight=round(share, 3),
                                detail="The resume's dates could not be read into years.")
    effective = total_years + STUDENT_CREDIT * student
    years_part = min(1.0, effective / minimum) if minimum else 1.0
    if titles:
        credit = 0.75 * years_part + 0.25 * (1.0 if relevant else 0.0)
    else:
        credit = years_part
    detail = f"{total_years:g} years of professional experience"
    if minimum:
        detail += f" (asks {minimum:g}"
        detail += f"-{req.max_years:g})" if req.max_years else ")"
    if student:
        detail += (f"; {round(student, 1):g} more in internships or student roles, counted at "
                   f"{STUDENT_CREDIT:.0%}")
    if titles:
        detail += "; relevant prior role: " + (relevant[0].title or "yes") if relevant else \
            "; no prior role with a relevant title found"
    return RequirementCheck(id="experience", label=label, met=effective >= minimum,
                            detail=detail + ".", points=share * credit, weight=round(share, 3))


def _title_matches(title: str, wanted: str) -> bool:
    return _title_pattern(wanted).search(title.lower()) is not None


@lru_cache(maxsize=2048)
def _title_pattern(wanted: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(wanted)}\b")


def salary_band(bands: Iterable[SalaryBand], years: float | None) -> SalaryBand | None:
    """The first band whose range holds ``years`` (None when years are unknown)."""
    if years is None:
        return None
    for band in bands:
        if band.min_years <= years and (band.max_years is None or years < band.max_years):
            return band
    return None


_EN_STOP = frozenset({
    "the", "and", "of", "to", "in", "for", "with", "on", "at", "by", "from", "as", "an", "a",
    "is", "are", "was", "were", "be", "been", "this", "that", "it", "i", "my", "we", "our", "you",
    "your", "have", "has", "had", "will", "would", "can", "using", "used", "work", "worked",
    "team"
})
_FOREIGN_STOP = frozenset({
    "der", "die", "das", "und", "mit", "für", "ist", "nicht", "ein", "eine", "von", "zu", "auf",
    "le", "la", "les", "et", "des", "du", "pour", "avec", "une", "est", "dans", "sur", "el",
    "los", "las", "y", "con", "para", "una", "por", "del", "que", "em", "com", "uma", "os", "il",
    "di", "che", "per", "gli", "della"
})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def warnings(extraction: Extraction, reasons: list[str] | None = None) -> list[str]:
    """Reasons the score may not mean much: not English, not a resume (``reasons``: what
    ``not_a_resume`` answered, when already known)."""
    out: list[str] = []
    sample = extraction.text[:LANGUAGE_SAMPLE_CHARS]
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(w in _EN_STOP for w in words)
    foreign = sum(w in _FOREIGN_STOP for w in words)
    letters = [c for c in sample if c.isalpha()]
    non_latin = sum(1 for c in letters if not _is_latin(c))
    if (foreign >= 3 and foreign > 1.5 * english) or (
            len(letters) >= 40 and non_latin > 0.3 * len(letters)):
        out.append("The text does not look like English: skills may be missed and the score "
                   "understated.")
    reasons = not_a_resume(extraction) if reasons is None else reasons
    if reasons:
        out.append("This does not look like a resume (" + "; ".join(reasons) + "): the score "
                   "may not be meaningful, and skills found in it earn reduced credit.")
    return out


_POSTING_CUE = re.compile(
    r"\b(?:we(?:'re| are) (?:looking|seeking|hiring)|you will|you'll|you have|you bring"
    r"|what you(?:'ll)? (?:do|bring|need)|who you are|about the (?:role|team|job|position)"
    r"|about us|ideal candidate|successful candidate|join (?:our|us|the team)|(?:what )?we offer"
    r"|equal opportunity|requirements|qualifications|responsibilities|nice to have|must have"
    r"|how to apply|apply now|benefits|compensation|salary range)\b", re.IGNORECASE)
_ADDRESSING = re.compile(
    r"\b(?:we(?:'re| are) (?:looking|seeking|hiring)|you will|you'll|you have|you bring"
    r"|what you|who you are|ideal candidate|successful candidate|join (?:our|us|the team)"
    r"|we offer|equal opportunity|apply)\b", re.IGNORECASE)
RESUME_SECTIONS = frozenset({"experience", "education", "skills", "summary", "projects",
                             "certifications", "publications", "awards"})


def not_a_resume(extraction: Extraction) -> list[str]:
    """Why the document does not look like a resume (empty when it does): a job posting's
    cues, a bare keyword list, or no resume sections and no dated positions."""
    doc = extraction.document
    text = extraction.text[:LANGUAGE_SAMPLE_CHARS]
    reasons: list[str] = []
    cues = {m.group(0).lower() for m in _POSTING_CUE.finditer(text)}
    if len(cues) >= 3 and _ADDRESSING.search(text):
        reasons.append("it reads like a job posting: " + ", ".join(f"'{c}'" for c in sorted(cues)[:3]))
    lines = [line for line in text.splitlines() if line.strip()]
    prose = [line for line in lines if len(line.split()) >= 6 and not is_list_line(line)]
    if lines and len(prose) < 3 and not doc.positions and not doc.education:
        reasons.append("it is a bare list of keywords with no sentences, dates or degrees")
    elif not doc.positions and not any(s.name in RESUME_SECTIONS for s in doc.sections):
        reasons.append("no resume sections (experience, education, skills) and no dated "
                       "positions")
    return reasons


def _is_latin(char: str) -> bool:
    code = ord(char)
    return code < 0x250 or 0x1E00 <= code < 0x1F00


def auc(positives: Iterable[float], negatives: Iterable[float]) -> float:
    """Area under the ROC curve: the chance a positive outscores a negative (ties count half)."""
    pos, neg = list(positives), list(negatives)
    if not pos or not neg:
        raise ValueError("auc needs at least one positive and one negative score")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))
