"""How much of one profile item a resume shows: its ``Credit``, with a ``Reason`` and evidence.

An item earns the best of:

- explicit mention: 1.0 when used in an experience / project entry, less when only listed in a
  skills section, times small factors for extraction confidence, recency and years of use;
- implied by another skill (PyTorch → deep learning): ``IMPLIED`` times the strongest implying
  skill's credit;
- a skill the item lists as showing part of it (``partial_from``: Airflow for data pipelines);
- role evidence: a position in a role family that proves the item (a Data Scientist role:
  machine learning), a job title the item names, a research record, a degree whose field proves
  it (MSc Statistics: statistics);
- related skill only (Keras for PyTorch): ``RELATED`` times its strength.

Every factor is a maximum over evidence, so more evidence never lowers a score. Years of use are
the skill's own years or the years in role families that prove it, whichever is more.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from ..models import Evidence, ProfileItem, SkillHit
from ..taxonomy import Taxonomy
from .facts import SECTION_STRENGTH, DegreeProof, ResumeFacts
from .nearby import closest
from .roles import role_families

IMPLIED = 0.55
RELATED = 0.25
PARTIAL = 0.6  # a skill the profile item names in ``partial_from`` (Airflow for data pipelines)
TITLE_CREDIT = 0.5  # a position in a role family the item names in ``roles``
ROLE_CREDIT, ROLE_PER_YEAR, ROLE_MAX = 0.45, 0.05, 0.65  # a role family proving the item
STUDENT_ROLE_CREDIT = 0.35  # the same from an internship or student role
HEADLINE_CREDIT = 0.4  # the same from the role the resume's headline names (no dates)
RESEARCH_CREDIT = 0.6  # papers at ML venues, an ML thesis or PhD
DEGREE_CREDIT = 0.6  # a degree whose field proves the item (its level counts in the education)
STALE_AFTER_YEARS = 3
GAP_BELOW = 0.9  # items earning at least this much credit are not gaps
USED_IN = {"projects": "used in a project", "publications": "used in a publication"}


class Reason(StrEnum):
    """Why an item earned its credit (the ``how`` text is written from it, never parsed)."""

    USED = "used"  # in an experience, project or publication entry
    LISTED = "listed"  # only in a skills list
    MENTIONED = "mentioned"  # elsewhere (summary, education …)
    IMPLIED = "implied"  # by another skill the resume shows
    PARTIAL = "partial"  # a skill that shows part of the item
    ROLE = "role"  # a position (or a title the item names) in a role family that proves it
    RESEARCH = "research"  # papers at ML venues, an ML thesis or PhD
    DEGREE = "degree"  # a degree whose field proves it
    RELATED = "related"  # a related skill only: not met
    NONE = "none"  # nothing shown


INDIRECT = frozenset({Reason.IMPLIED, Reason.PARTIAL, Reason.ROLE, Reason.RESEARCH,
                      Reason.DEGREE})


@dataclass(frozen=True)
class Credit:
    value: float
    reason: Reason = Reason.NONE
    skill: str | None = None
    how: str = ""
    evidence: tuple[Evidence, ...] = ()
    matched: bool = False
    related_to: str | None = None
    years_note: str | None = None  # "2 of 3 years asked", "years of use unknown (asks 3)"
    last_used: int | None = None  # set when the skill's last use is stale


NONE = Credit(0.0)


def name(skill_id: str, tax: Taxonomy) -> str:
    skill = tax.skills.get(skill_id)
    return skill.name if skill else skill_id


def esco_of(skill_id: str | None, tax: Taxonomy) -> str | None:
    """The ESCO URI of a skill id, or None."""
    skill = tax.skills.get(skill_id) if skill_id else None
    return skill.esco if skill else None


def role_years(skill_id: str, r: ResumeFacts) -> float | None:
    """Years in role families that prove ``skill_id`` (ML families together), if any."""
    families = role_families(r.tax)
    proving = [f for f in r.roles.years if skill_id in families.by_id[f].proves]
    if not proving:
        return None
    years = max(r.roles.years[f] for f in proving)
    if any(f in families.ml for f in proving):
        years = max(years, r.roles.ml_years)
    return years


def factors(hit: SkillHit, item: ProfileItem, r: ResumeFacts) -> tuple[float, str | None,
                                                                       int | None]:
    """Confidence, years-of-use and recency factor; the years note and a stale last-use year."""
    factor = 0.7 + 0.3 * max(0.0, min(1.0, hit.confidence))
    years_note = None
    stale = None
    if item.min_years:
        years = max((y for y in (hit.years, role_years(hit.id, r)) if y is not None),
                    default=None)
        if years is None:
            factor *= 0.8
            years_note = f"years of use unknown (asks {item.min_years:g})"
        elif years < item.min_years:
            factor *= 0.6 + 0.4 * years / item.min_years
            years_note = f"{years:g} of {item.min_years:g} years asked"
    if hit.last_used is not None and r.ref_year is not None:
        age = r.ref_year - hit.last_used
        if age > STALE_AFTER_YEARS:
            factor *= max(0.7, 1.0 - 0.05 * (age - STALE_AFTER_YEARS))
            stale = hit.last_used
    return factor, years_note, stale


def item_credit(item: ProfileItem, r: ResumeFacts) -> Credit:
    """The best credit any of the item's skills earns; else partial credit from the skills,
    roles, research or degrees that show part of it. A disclaimed skill earns nothing."""
    credit = max((skill_credit(s, item, r) for s in item.any_of),
                 key=lambda c: (c.value, c.matched), default=NONE)
    if all(s in r.disclaimed for s in item.any_of):
        return credit
    for candidate in (_partial_credit(item, r), _title_credit(item, r), _role_credit(item, r),
                      _research_credit(item, r), _degree_credit(item, r),
                      _related_to_proved(item, r)):
        if candidate is not None and candidate.value > credit.value:
            credit = candidate
    return credit


def _related_to_proved(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    """Related credit from a broader skill a role or the research record proves (a data
    scientist's machine learning for supervised learning): what a listed "machine learning"
    earns, the role's evidence shown. Not met, like any related credit."""
    families = role_families(r.tax)
    proofs: list[tuple[float, str, str, Evidence]] = []  # (strength, skill, by what, evidence)
    spells = [*r.roles.spells, *([r.roles.headline] if r.roles.headline else [])]
    for spell in spells:
        weak = spell.student or spell is r.roles.headline
        strength = SECTION_STRENGTH["skills"] if weak else 1.0
        for skill_id in families.by_id[spell.family].proves:
            proofs.append((strength, skill_id, f"your role as {spell.title}", spell.evidence))
    if r.roles.research:
        for skill_id in r.tax.research.proves:
            proofs.append((1.0, skill_id, "your research record", r.roles.research[0]))
    best: Credit | None = None
    for wanted in item.any_of:
        skill = r.tax.skills.get(wanted)
        if skill is None or wanted in r.disclaimed:
            continue
        for strength, proved, by, evidence in proofs:
            if proved in skill.implies and (best is None or RELATED * strength > best.value):
                best = Credit(RELATED * strength, Reason.RELATED, None,
                              f"related: {by} shows {name(proved, r.tax)}", (evidence,),
                              related_to=proved)
    return best


def _partial_credit(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    partial = [(PARTIAL * r.strength[s] * factors(r.hits[s], item, r)[0], s)
               for s in item.partial_from if s in r.claimed_set]
    if not partial:
        return None
    value, best = max(partial)
    names = ", ".join(name(s, r.tax) for _, s in sorted(partial, reverse=True)[:3])
    return Credit(value, Reason.PARTIAL, best, f"partly shown by {names}", r.best_evidence(best),
                  matched=True)


def _title_credit(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    """A position in one of the role families the item names (``roles``: a software-engineer
    role for software engineering)."""
    spell = next((s for s in r.roles.spells if s.family in item.roles), None)
    if spell is None:
        return None
    return Credit(TITLE_CREDIT, Reason.ROLE, None,
                  f"partly shown by the role title {spell.title.lower()!r}", (spell.evidence,),
                  matched=True)


def _years_factor(years: float, item: ProfileItem) -> float:
    return 1.0 if not item.min_years else 0.6 + 0.4 * min(1.0, years / item.min_years)


def _role_credit(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    """A position in a role family that proves one of the item's skills (years count)."""
    families = role_families(r.tax)
    best: Credit | None = None
    spells = [*r.roles.spells, *([r.roles.headline] if r.roles.headline else [])]
    for spell in spells:
        proved = [s for s in item.any_of if s in families.by_id[spell.family].proves]
        if not proved:
            continue
        years = r.roles.years.get(spell.family, 0.0)
        if spell.family in families.ml:
            years = max(years, r.roles.ml_years)
        if spell is r.roles.headline:
            value = HEADLINE_CREDIT
        elif spell.student:
            value = STUDENT_ROLE_CREDIT
        else:
            value = min(ROLE_MAX, ROLE_CREDIT + ROLE_PER_YEAR * years)
        value *= _years_factor(years, item)
        if best is None or value > best.value:
            family = families.by_id[spell.family].name
            held = f"{years:g} years" if years else "dates not read"
            how = (f"shown by your role as {spell.title} ({family}, {held})"
                   if spell is not r.roles.headline else
                   f"shown by the role your resume names: {spell.title} ({family})")
            best = Credit(value, Reason.ROLE, proved[0], how, (spell.evidence,), matched=True)
    return best


def _research_credit(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    proved = [s for s in item.any_of if s in r.tax.research.proves]
    if not r.roles.research or not proved:
        return None
    what = ", ".join(dict.fromkeys(e.text for e in r.roles.research))[:80]
    return Credit(RESEARCH_CREDIT * _years_factor(0.0, item), Reason.RESEARCH, proved[0],
                  f"shown by your research record ({what})", r.roles.research, matched=True)


def _degree_credit(item: ProfileItem, r: ResumeFacts) -> Credit | None:
    proofs = [(s, r.degrees[s]) for s in item.any_of if s in r.degrees]
    if not proofs:
        return None
    rank = {level.id: level.rank for level in r.tax.education.levels}
    skill_id, proof = max(proofs, key=lambda p: rank.get(p[1].level or "", 0))
    return Credit(DEGREE_CREDIT * _years_factor(0.0, item), Reason.DEGREE, skill_id,
                  _shown_by_degree(proof, r), (proof.evidence,), matched=True)


def _shown_by_degree(proof: DegreeProof, r: ResumeFacts) -> str:
    """"shown by your degree (Master's degree, Statistics)"."""
    level = r.tax.education.level(proof.level).name if proof.level else "degree"
    return f"shown by your degree ({level}, {r.tax.education.field(proof.field).name})"


def _named_by_degree(skill_id: str, item: ProfileItem, r: ResumeFacts) -> Credit:
    """A skill the resume names only as a degree's field ("MSc in Statistics"): degree credit,
    as a degree whose field proves it earns, not the credit of a mention."""
    proof = r.degrees.get(skill_id)
    how = (_shown_by_degree(proof, r) if proof is not None
           else f"shown by your degree ({name(skill_id, r.tax)})")
    return Credit(DEGREE_CREDIT * _years_factor(0.0, item), Reason.DEGREE, skill_id, how,
                  r.best_evidence(skill_id), matched=True)


def skill_credit(skill_id: str, item: ProfileItem, r: ResumeFacts) -> Credit:
    """The credit one skill earns for ``item``: it depends on the item only through
    ``min_years``, so it is memoised per resume on (skill, min_years)."""
    key = (skill_id, item.min_years)
    credit = r.credit_cache.get(key)
    if credit is None:
        credit = r.credit_cache[key] = _find_skill_credit(skill_id, item, r)
    return credit  # type: ignore[return-value]


def _find_skill_credit(skill_id: str, item: ProfileItem, r: ResumeFacts) -> Credit:
    if skill_id in r.disclaimed:
        return NONE
    hit = r.hits.get(skill_id)
    if hit is not None and skill_id in r.claimed_set and all(
            e.kind == "degree" for e in r.claims[skill_id]):
        return _named_by_degree(skill_id, item, r)
    if hit is not None and skill_id in r.claimed_set:
        strength = r.strength[skill_id]
        factor, years_note, stale = factors(hit, item, r)
        evidence = r.best_evidence(skill_id)
        raw = r.raw_strength[skill_id]  # before any not-a-resume reduction
        if raw >= 1.0 and evidence:
            reason = Reason.USED
            where = USED_IN.get(evidence[0].section or "", "used in experience")
        elif raw <= SECTION_STRENGTH["skills"]:
            reason, where = Reason.LISTED, "in a list only"
        else:
            reason, where = Reason.MENTIONED, "mentioned"
        notes = [n for n in (years_note, f"last used {stale}" if stale else None) if n]
        return Credit(strength * factor, reason, skill_id, "; ".join([where, *notes]), evidence,
                      matched=True, years_note=years_note, last_used=stale)
    implied = None
    sources = [s for s in hit.implied_by if s in r.claimed_set] if hit is not None else []
    if hit is not None and sources:
        # credit through the strongest implying skill the resume claims (no claim, no credit)
        scored = [(r.strength[s] * factors(r.hits[s], item, r)[0], s) for s in sources]
        value, best_id = max(scored)
        names = ", ".join(name(s, r.tax) for s in hit.implied_by)
        implied = Credit(IMPLIED * value, Reason.IMPLIED, skill_id, f"implied by {names}",
                         r.best_evidence(best_id), matched=True)
    related = closest(skill_id, r, related_only=True)
    if related is None:
        return implied or NONE
    value = RELATED * r.strength[related]
    if implied is not None:
        # the implication stands (matched, its evidence and advice), worth at least what a
        # related skill gives: a weak claim that implies the skill never earns less than no
        # claim at all, where the related skill would give its credit
        return replace(implied, value=max(implied.value, value))
    return Credit(value, Reason.RELATED, None, f"related: has {name(related, r.tax)}",
                  r.best_evidence(related)[:1], related_to=related)
