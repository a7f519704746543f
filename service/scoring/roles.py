"""Role evidence: which role families a person's positions name, years in each, an ML
research record (papers at ML venues, an ML PhD or thesis) and ML work described under any
title (``ml_work``: several ML skills used in experience, project or publication entries).

The families, their title forms, what each proves and which are near one another are taxonomy
data (``taxonomy/titles.yaml``); the venues are ``taxonomy/research.yaml``. A title is placed in
the family of the longest form it contains, else of the longest keyword ("AI/ML Intern": machine
learning engineer), a keyword only in a name with a job-title word (a project's name is no
role). Years are merged per family (overlaps once); years in student roles
(intern, research assistant) count at ``STUDENT_SHARE``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents.timeline import merged_years
from ..documents.vocab import looks_like_title
from ..models import Evidence, Extraction, Position
from ..taxonomy import Taxonomy, Title, per_taxonomy

ML_WORK_SECTIONS = frozenset({"experience", "projects", "publications"})  # where work is described
ML_WORK_SKILLS = 3  # distinct ML skills described there that show ML work without an ML title
# A year as an intern or student researcher, toward years in the family: half, where the
# experience minimum takes a quarter (``requirements.STUDENT_CREDIT``): the title shows the role
# itself, while the minimum asks for professional time.
STUDENT_SHARE = 0.5
SAME_FAMILY, ML_FAMILIES, NEAR_FAMILY = 1.0, 0.8, 0.4  # how well a role matches a posting's
HEADLINE_CHARS = 240  # the opening of the resume, where a headline title sits
TITLE_LOOKBACK = 300  # how far above a position's dates its title is looked for
STUDENT_TITLE = re.compile(
    r"\b(?:intern(?:ship)?s?|trainee|apprentice(?:ship)?|co-?op|working student|student"
    r"|(?:graduate |undergraduate |teaching |research |lab(?:oratory)? )assistant)\b",
    re.IGNORECASE)
_THESIS = re.compile(r"\b(?:thesis|dissertation)\b", re.IGNORECASE)


def is_student_role(title: str | None) -> bool:
    """Internships, teaching/research assistantships and other student jobs."""
    return bool(title and STUDENT_TITLE.search(title))


@dataclass(frozen=True)
class RoleSpell:
    """One position placed in a role family."""

    family: str
    title: str
    years: float
    student: bool
    evidence: Evidence


@dataclass(frozen=True)
class RoleFacts:
    """A resume's role evidence, whatever the profile."""

    spells: tuple[RoleSpell, ...]
    years: dict[str, float]  # by family: merged years, student years at STUDENT_SHARE
    ml_years: float  # the same over every ML family together
    headline: RoleSpell | None  # a family named in the resume's opening lines (no years)
    research: tuple[Evidence, ...]  # papers at ML venues, an ML thesis or PhD
    ml_work: tuple[Evidence, ...] = ()  # ML skills used in experience/project/paper text

    def best_spell(self, families: set[str]) -> RoleSpell | None:
        """The longest-held position in one of ``families``."""
        chosen = [s for s in self.spells if s.family in families]
        return max(chosen, key=lambda s: (not s.student, s.years), default=None)


class RoleFamilies:
    """Title forms and keywords compiled once per taxonomy."""

    def __init__(self, titles: list[Title]) -> None:
        self.by_id = {t.id: t for t in titles}
        self.ml = frozenset(t.id for t in titles if t.ml)
        self.forms = _matcher([(f, t.id) for t in titles for f in [t.name, *t.forms]])
        self.keywords = _matcher([(k, t.id) for t in titles for k in t.keywords])
        self.ml_keywords = _matcher([(k, t.id) for t in titles if t.ml for k in t.keywords])

    def family_of(self, title: str | None) -> str | None:
        """The family a job title names, or None; a family with an ``ml_variant`` gives way to
        it when the title also names ML ("Software Engineer, Machine Learning")."""
        if not title:
            return None
        for pattern in (self.forms, self.keywords):
            found = _longest(pattern, title)
            if found is not None:
                variant = self.by_id[found].ml_variant
                if variant is not None and _longest(self.ml_keywords, title) is not None:
                    return variant
                return found
        return None

    def forms_in(self, text: str) -> str | None:
        """The family of the longest title form in ``text`` (keywords not used)."""
        return _longest(self.forms, text)

    def match(self, wanted: str, held: str) -> float:
        """How well holding ``held`` matches a role of family ``wanted`` (0 to 1): the same
        family, another ML family for an ML role, or one the wanted family lists as near."""
        if wanted == held:
            return SAME_FAMILY
        if wanted in self.ml and held in self.ml:
            return ML_FAMILIES
        near = held in self.by_id[wanted].near
        return NEAR_FAMILY if near else 0.0


def _matcher(pairs: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    owner: dict[str, str] = {}
    for form, family in pairs:
        owner.setdefault(form.casefold(), family)
    if not owner:
        return None
    forms = sorted({f for f, _ in pairs}, key=len, reverse=True)
    parts = [f"(?-i:{re.escape(f)})" if f.isupper() and len(f) <= 5 else re.escape(f)
             for f in forms]
    return re.compile(r"(?<![\w])(" + "|".join(parts) + r")(?![\w])", re.IGNORECASE), owner


def _longest(matcher: tuple[re.Pattern[str], dict[str, str]] | None, text: str) -> str | None:
    if matcher is None:
        return None
    pattern, owner = matcher
    found = [m.group(1) for m in pattern.finditer(text)]
    if not found:
        return None
    return owner[max(found, key=len).casefold()]


@per_taxonomy
def _compiled(tax: Taxonomy) -> tuple[RoleFamilies, re.Pattern[str] | None, re.Pattern[str]]:
    """Role families, venue and ML-word patterns, compiled once per taxonomy object."""
    venues = [(f, "venue") for v in tax.research.venues for f in v.forms]
    return (RoleFamilies(tax.titles), _matcher(venues)[0] if venues else None, _ml_words(tax))


def role_families(tax: Taxonomy) -> RoleFamilies:
    """The taxonomy's role families, compiled once."""
    return _compiled(tax)[0]


def _evidence(extraction: Extraction, start: int, end: int, text: str) -> Evidence:
    full = extraction.text
    line_start = full.rfind("\n", 0, start) + 1
    line_end = full.find("\n", end)
    line = full[line_start:line_end if line_end >= 0 else len(full)].strip()
    section = extraction.document.section_at(start)
    return Evidence(text=text, start=start, end=max(start, end), line=line[:200],
                    section=section.name if section else None,
                    page=extraction.document.page_at(start))


def _spell(extraction: Extraction, position: Position, family: str) -> RoleSpell:
    title = position.title or ""
    start = -1
    if title:  # the title line sits just above the dates, or among them
        start = extraction.text.rfind(title, max(0, position.text_start - TITLE_LOOKBACK),
                                      position.text_start + len(title))
        if start < 0:
            start = extraction.text.find(title, position.text_start, position.text_end)
    if start < 0:
        start = position.text_start
    evidence = _evidence(extraction, start, start + len(title), title or "position")
    return RoleSpell(family, title, round(position.years, 2), is_student_role(title), evidence)


def _merged(spells: list[RoleSpell], positions: dict[int, Position]) -> float:
    """Merged years of ``spells``: professional in full, student at ``STUDENT_SHARE``."""
    def months(group: list[RoleSpell]) -> list[tuple[int, int]]:
        out = []
        for spell in group:
            p = positions[id(spell)]
            start = p.start.year * 12 + p.start.month - 1
            out.append((start, start + round(p.years * 12)))
        return out

    work = merged_years(months([s for s in spells if not s.student]))
    student = merged_years(months(spells))  # every spell: what student roles add on top
    return round(work + STUDENT_SHARE * max(0.0, student - work), 2)


def role_facts(extraction: Extraction, tax: Taxonomy) -> RoleFacts:
    """Place each position in a family, count years per family, find a research record."""
    families = role_families(tax)
    spells: list[RoleSpell] = []
    positions: dict[int, Position] = {}
    for position in extraction.document.positions:
        family = families.family_of(position.title)
        if family is not None and not families.forms_in(position.title or "") \
                and not looks_like_title(position.title or ""):
            # a keyword in a name with no job-title word is a project's name, not a role
            # ("Deep Learning Experiments", "A Computer Vision Sandbox")
            family = None
        if family is not None:
            spell = _spell(extraction, position, family)
            spells.append(spell)
            positions[id(spell)] = position
    years = {f: _merged([s for s in spells if s.family == f], positions)
             for f in dict.fromkeys(s.family for s in spells)}
    ml_years = _merged([s for s in spells if s.family in families.ml], positions)
    return RoleFacts(tuple(spells), years, ml_years, _headline(extraction, families),
                     research_record(extraction, tax), ml_work(extraction, tax))


def ml_work(extraction: Extraction, tax: Taxonomy) -> tuple[Evidence, ...]:
    """Machine-learning work described where work is described (experience, projects,
    publications), whatever the job title: one piece of evidence for each of the distinct
    ML skills (machine learning and every skill implying it) used there, when there are at
    least ``ML_WORK_SKILLS`` of them; else none. A skills list alone is not work."""
    ml_ids = _ml_skill_ids(tax)
    found: dict[str, Evidence] = {}
    for hit in extraction.skills:
        if hit.id not in ml_ids or not hit.explicit:
            continue
        used = [e for e in hit.evidence if not e.negated and e.section in ML_WORK_SECTIONS]
        if used:
            found[hit.id] = min(used, key=lambda e: e.start)
    if len(found) < ML_WORK_SKILLS:
        return ()
    return tuple(sorted(found.values(), key=lambda e: e.start))


def _headline(extraction: Extraction, families: RoleFamilies) -> RoleSpell | None:
    """A title form in the resume's first lines ("Jane Doe — Data Scientist"): the role the
    person presents, held for an unknown time."""
    opening = extraction.text[:HEADLINE_CHARS]
    for line_match in re.finditer(r"[^\n]+", opening):
        line = line_match.group(0)
        if len(line.split()) > 12:
            continue
        family = _longest(families.forms, line)
        if family is not None and not is_student_role(line):
            start = line_match.start() + len(line) - len(line.lstrip())
            evidence = _evidence(extraction, start, line_match.end(), line.strip())
            return RoleSpell(family, line.strip(), 0.0, False, evidence)
    return None


def research_record(extraction: Extraction, tax: Taxonomy) -> tuple[Evidence, ...]:
    """Papers at ML venues and an ML PhD or thesis: up to three pieces of evidence."""
    found: list[Evidence] = []
    _, pattern, ml_words = _compiled(tax)
    if pattern is not None:
        for match in pattern.finditer(extraction.text):
            found.append(_evidence(extraction, match.start(), match.end(), match.group(0)))
            if len(found) >= 2:
                break
    fields = set(tax.research.thesis_fields)
    for entry in extraction.document.education:
        span = extraction.text[entry.start:entry.end]
        ml_thesis = _THESIS.search(span) and ml_words.search(span)
        ml_phd = entry.level == "phd" and entry.field in fields and (
            entry.field == "machine-learning" or ml_words.search(span))
        if ml_thesis or ml_phd:
            found.append(_evidence(extraction, entry.start, entry.end, span.strip()[:120]))
            break
    return tuple(found[:3])


def _ml_words(tax: Taxonomy) -> re.Pattern[str]:
    """The forms of the skills the research record proves (machine learning …) and of every
    skill implying machine learning: what makes a thesis an ML thesis."""
    ids = _ml_skill_ids(tax)
    forms = sorted({re.escape(f) for i in ids for f in tax.skills[i].forms if len(f) > 3},
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)


@per_taxonomy
def _ml_skill_ids(tax: Taxonomy) -> frozenset[str]:
    """Machine learning (the skill the research record proves) and every skill implying it."""
    proves = set(tax.research.proves) & {"machine-learning"} or set(tax.research.proves)
    return frozenset(s.id for s in tax.skills.values()
                     if s.id in proves or proves & set(tax.implied(s.id)))
