"""``extract``: a ``Document`` → an ``Extraction`` (skills with evidence, implied skills,
negated-only skills apart, years of use from the positions)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from operator import attrgetter

from .. import __version__
from ..documents import document_from_text
from ..documents.jsonresume import own_pointer
from ..documents.text import first_holding, unmarked
from ..errors import TextTooLong
from ..models import Document, DocumentKind, Evidence, Extraction, Section, SkillHit, Versions
from ..normalize import LEADING_PAD, SHIFTED, TRAILING_PAD
from ..settings import Settings
from ..taxonomy import CATEGORIES, METHOD_CATEGORIES, TECHNOLOGY_CATEGORIES, Skill, Taxonomy
from . import casing, context, names, others
from .forms import fold
from .gates import (
    Haystack,
    Rejections,
    may_be_boilerplate,
    may_describe_employer,
    may_name_employer_field,
    may_name_founders,
    may_name_retired,
)
from .literals import Occurrences, lowered_for_search
from .mention import Mention
from .pipeline import Pipeline, soft_unwrap
from .years import Period, positions_read, years_of_use

CONFIDENCE = {"exact": 0.95, "context": 0.8, "fuzzy": 0.7}
_START = attrgetter("start")
IMPLIED_CONFIDENCE = 0.6
# Evidence.line shows at most this many characters either side of the mention: a document on one
# huge line would otherwise copy the whole line into every evidence (quadratic output size).
LINE_CONTEXT = 240
# Bounds on per-mention work, far above real resumes (under 200 mentions, a skill at most ~25
# times) and reached only by keyword dumps (300,000 characters of skill names cost 2.3 s and a
# 12 MB answer without them). An ambiguous form (or a lower-case acronym) is judged in context at
# most MAX_JUDGED times per skill; later such mentions are dropped. Of the accepted mentions, at
# most MAX_EVIDENCE per skill are analysed (negation, requirement) and kept as evidence and, past
# MAX_ANALYSED in the document, only each skill's first; the rest still blank out for negation
# scopes and count towards the skill's years.
MAX_JUDGED = 200
MAX_EVIDENCE = 50
MAX_ANALYSED = 2_000
MAX_TEXT_CHARS = Settings.model_fields["max_text_chars"].default


def extract_text(text: str, *, pipeline: Pipeline, kind: DocumentKind | None = None,
                 max_text_chars: int = MAX_TEXT_CHARS) -> Extraction:
    """Extract skills from plain text (normalised into a ``Document`` first)."""
    if len(text) > 4 * max_text_chars:
        _check_length(text, max_text_chars)
    document = document_from_text(text, vocabulary=pipeline.vocabulary)
    return extract(document, pipeline=pipeline, kind=kind, max_text_chars=max_text_chars)


def extract(document: Document, *, pipeline: Pipeline, kind: DocumentKind | None = None,
            max_text_chars: int = MAX_TEXT_CHARS) -> Extraction:
    """Every skill the document claims, with evidence; raises ``TextTooLong`` past the limit.

    ``kind`` is what the caller knows the document to be: a resume's rules about whose work a
    sentence is (other people's skills, markets, the employer's blurb) apply to resumes only, a
    posting's team tools being the job. Unknown (``None``): a document with positions is
    taken for a resume."""
    _check_length(document.text, max_text_chars)
    taxonomy = pipeline.taxonomy
    source = document.text
    # markup blanked (same offsets): context rules read the plain text, evidence the source
    # (computed once per document: reading it computed it already)
    text, pads = unmarked(document)
    mentions = pipeline.mentions(text)
    if pads is not None:
        mentions = [_widened(m, pads) for m in mentions]
    courses = names.CourseLists(text)
    haystack = Haystack(text)
    # sentences as written: a hard-wrapped line that runs on in lower case is one with the next
    prose = soft_unwrap(text)
    rejects = Rejections(prose)
    accepted = _resolve_ambiguity(text, prose, document, mentions, pipeline, courses, rejects)
    fields = pipeline.field_forms
    boilerplate = may_be_boilerplate(haystack)
    # rules about whose work a sentence is: asked of resumes (a posting's team tools count)
    resume = kind == "resume" or (kind is None and bool(document.positions))
    blurbs = resume and may_describe_employer(haystack)
    sentence_start = names.SentenceStarts(text) if blurbs else None
    employer_fields = resume and may_name_employer_field(haystack)  # "at a … consulting firm"
    posting = not resume
    founders = posting and may_name_founders(haystack)
    clauses = others.others_clauses(text) if resume else []
    # people hired, markets sold
    strangers = None
    organisation_keys = None
    if resume:  # (one scan of the prose for the strings of both: the keys hold no space, so
        # they lie where they lie in the text)
        before, after, organisation_keys = Occurrences.of_each(
            lowered_for_search(prose), (*others.NEEDS, names.ORG_KEY_NEEDS))
        strangers = others.Strangers(prose, (before, after))
    asked = others.Questions(text) if resume else None
    spans = context.Anchors([(m.start, m.end) for m, _ in accepted])
    employer_named = names.EmployerHeaders(text, document)
    organisation_named = names.OrganisationNames(text, organisation_keys)
    accepted = [
        (m, how) for m, how in accepted
        if not organisation_named(m)
        and not (boilerplate and names.in_boilerplate(text, m))
        and not (founders and names.made_by_founders(text, m))
        and not (blurbs and names.in_company_blurb(text, m, sentence_start))
        and not (employer_fields and names.in_employer_field(text, m))
        and not (posting and _capability(taxonomy, m) and names.product_capability(text, m))
        and not employer_named(m, spans)
        and not (clauses and others.in_others_work(text, m, clauses))
        and not (strangers is not None and strangers(m))
        and not (asked is not None and asked(m))
        and not (
            how in ("exact", "context") and len(m.form.skill_ids) == 1
            and rejects(m, _rule(taxonomy, m))
        )
        and not _defined_otherwise(text, m, pipeline)
        and not context.prefixed_otherwise(text, m)
        and not (names.in_place_name(text, m) and not context.in_skills_area(text, document, m))
    ]
    blanked = context.blank_out(prose, [(m.start, m.end) for m, _ in accepted])
    accepted, overflow = _analysed(accepted)
    negated = context.Negations(text, blanked, retired=posting and may_name_retired(haystack))
    # required or preferred: what a posting says of a skill (a resume requires nothing)
    hints = None if resume else context.RequirementHints(text, taxonomy.cues)
    prerequisites = context.mentions_prerequisites(text)
    section_at = first_holding(document.sections, document.section_at)
    page_at = _none
    if any(block.page is not None for block in document.blocks):
        page_at = first_holding(document.blocks, document.page_at, lambda block: block.page)
    pointer_at = _none
    if any(block.pointer is not None for block in document.blocks):
        pointer_at = first_holding(document.blocks, document.pointer_at,
                                   lambda block: block.pointer)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    ocr_pages = frozenset(document.ocr_pages)
    for mention, method in accepted:
        neg = negated(mention) or (
            prerequisites and context.course_prerequisite(text, mention, blanked)
        )
        item = _evidence(source, section_at, page_at, mention, method, neg, None if neg else hints,
                         _kind(text, mention, fields, courses, pipeline.vocabulary.levels),
                         pointer_at(mention.start))
        several = len(mention.form.skill_ids) > 1 and item.pointer is not None
        if item.page in ocr_pages:
            item.source = "ocr"
        for skill_id in mention.form.skill_ids:
            evidence[skill_id].append(
                own_pointer(item, document, taxonomy.get(skill_id).forms) if several else item)
    skills, not_claimed = [], []
    periods = positions_read(document.positions)
    for skill_id, items in evidence.items():
        hit = _hit(taxonomy.get(skill_id), items, periods, overflow.get(skill_id, ()))
        (skills if any(not e.negated for e in items) else not_claimed).append(hit)
    skills.extend(_implied(pipeline, {h.id for h in skills}))
    return Extraction(
        text=source,
        skills=sorted(skills, key=_order),
        not_claimed=sorted(not_claimed, key=_order),
        document=document,
        versions=Versions(skillmatch=__version__, taxonomy=taxonomy.version),
    )


def _analysed(
    accepted: list[tuple[Mention, str]],
) -> tuple[list[tuple[Mention, str]], dict[str, list[int]]]:
    """The accepted mentions to analyse, in reading order (see ``MAX_EVIDENCE``), and per skill
    the offsets of the rest."""
    kept: list[tuple[Mention, str]] = []
    counts: dict[str, int] = defaultdict(int)
    overflow: dict[str, list[int]] = defaultdict(list)
    for mention, method in accepted:
        ids = mention.form.skill_ids
        if len(ids) == 1:  # (most mentions: the same test without the generators)
            count = counts[ids[0]]
            keep = count == 0 or (len(kept) < MAX_ANALYSED and count < MAX_EVIDENCE)
        else:
            keep = any(counts[i] == 0 for i in ids) or (
                len(kept) < MAX_ANALYSED and any(counts[i] < MAX_EVIDENCE for i in ids)
            )
        if keep:
            kept.append((mention, method))
            for skill_id in ids:
                counts[skill_id] += 1
        else:
            for skill_id in ids:
                overflow[skill_id].append(mention.start)
    return kept, overflow


def _none(offset: int) -> None:
    """A page or pointer look-up in a document whose blocks have none."""


def _check_length(text: str, limit: int) -> None:
    if len(text) > limit:
        raise TextTooLong(f"The text has {len(text):,} characters; the limit is {limit:,}.")


def _resolve_ambiguity(
    text: str, prose: str, document: Document, mentions: list[Mention], pipeline: Pipeline,
    courses: names.CourseLists, rejects: Rejections,
) -> list[tuple[Mention, str]]:
    """Keep unambiguous mentions; keep an ambiguous one only in a technical context (judging at
    most ``MAX_JUDGED`` per skill; later ones are dropped); a course title is one. Rules about
    lines and lists read ``text``; rules about sentences and the skill's own patterns read
    ``prose`` (the same offsets, hard wraps that run on in lower case read as spaces)."""
    taxonomy, soft = pipeline.taxonomy, pipeline.soft_skills
    accepted: dict[int, tuple[Mention, str]] = {}
    pending = []
    lowercase = set()
    judged: dict[str, int] = defaultdict(int)
    lowercase_style: list[bool] = []  # computed at the first lower-case acronym
    for index, mention in enumerate(mentions):
        is_lowercase = not mention.form.ambiguous and casing.lowercase_acronym(text, mention)
        if is_lowercase:
            if not lowercase_style:
                lowercase_style.append(casing.written_in_lower_case(text))
            is_lowercase = not lowercase_style[0]
        if not (is_lowercase or mention.form.ambiguous):
            accepted[index] = (mention, mention.method)
            continue
        ids = mention.form.skill_ids
        if all(judged[i] >= MAX_JUDGED for i in ids):
            continue
        for skill_id in ids:
            judged[skill_id] += 1
        if is_lowercase:
            lowercase.add(index)
        pending.append(index)
    ends = {m.start: m.end for m in mentions}  # (where each mention ends, by its start)
    anchors = context.Anchors([
        (m.start, m.end) for m, _ in accepted.values()
        if any(i not in soft for i in m.form.skill_ids)
    ])
    for _ in range(2):
        still = []
        for index in pending:
            mention = mentions[index]
            rule = None if index in lowercase else _rule(taxonomy, mention)
            if index not in lowercase and (
                rejects(mention, rule)
                or context.letter_of_a_word(text, mention)
                or context.rejected_by_shape(text, mention)
                and not context.confirmed_by_rule(prose, mention, rule)
                and not context.sole_item_among_skills(text, mention, anchors)
            ):
                continue
            if (
                context.confirmed_by_rule(prose, mention, rule)
                or context.in_skills_area(text, document, mention)
                or context.confirmed_by_phrase(prose, mention)
                or context.confirmed_by_work_on(prose, mention)
                or context.confirmed_by_neighbours(text, mention, anchors)
                or context.confirmed_by_company(prose, mention, anchors)
                or (_technology(taxonomy, mention) and (
                    context.named_as_technology(prose, mention)
                    or context.named_in_role(prose, mention, _name(taxonomy, mention))
                    or context.named_before_experience(prose, mention, _name(taxonomy, mention),
                                                       ends)
                    or (_language(taxonomy, mention)
                        and (context.named_with_artifact(prose, mention)
                             or context.named_with_competence(
                                 prose, mention, _name(taxonomy, mention))))))
                or (courses.ends and courses(mention))
            ):
                accepted[index] = (mention, "context")
                anchors.add((mention.start, mention.end))
            else:
                still.append(index)
        if len(still) == len(pending):
            break
        pending = still
    return [accepted[i] for i in sorted(accepted)]


def _capability(taxonomy: Taxonomy, mention: Mention) -> bool:
    """The mention names a method (an approach or an algorithm), which a product can use."""
    return any(taxonomy.get(i).category in METHOD_CATEGORIES for i in mention.form.skill_ids)


def _defined_otherwise(text: str, mention: Mention, pipeline: Pipeline) -> bool:
    """An acronym the text itself expands to something that is not this skill: "Institute of
    Chartered Accountants (ICA)" is not independent component analysis, "Good Clinical Practice
    (GCP)" is not Google Cloud. An unambiguous acronym keeps an expansion that is no form of its
    own but shares a word with one ("Structured Query Language (SQL)")."""
    expansion = names.acronym_expansion(text, mention)
    if expansion is None:
        return False
    form = pipeline.table.get(expansion)
    if form is not None:
        return not set(mention.form.skill_ids) & set(form.skill_ids)
    if mention.form.ambiguous:
        return True
    own = {_stem(word) for skill in map(pipeline.taxonomy.get, mention.form.skill_ids)
           for name in (skill.name, *skill.forms) for word in _WORDS.findall(name)}
    return not any(_stem(word) in own for word in _WORDS.findall(expansion))


_WORDS = re.compile(r"[A-Za-z]{3,}")


def _stem(word: str) -> str:
    """A word's first four letters, lower-cased: "statistical" and "statistics" meet."""
    return word[:4].lower()


def _widened(mention: Mention, pads: bytearray) -> Mention:
    """The mention taking back the padding its escape left right after it ("C\\#"), and the
    padding an entity inside its word left before it ("CI&#x2F;CD"; ``normalize.unmark``)."""
    start, end = mention.start, mention.end
    if pads[start] == SHIFTED or pads[end - 1] == SHIFTED:
        # (over its own moved part and padding only: the part before that is another word's)
        while start > 0 and pads[start - 1] == SHIFTED:
            start -= 1
        while end < len(pads) and pads[end] == SHIFTED:
            end += 1
    while end < len(pads) and pads[end] == TRAILING_PAD:
        end += 1
    while start > 0 and pads[start - 1] == LEADING_PAD:
        start -= 1
    if (start, end) == (mention.start, mention.end):
        return mention
    return Mention(start, end, mention.form, mention.method)


def _kind(
    text: str, mention: Mention, fields: frozenset[str], courses: names.CourseLists,
    levels: Sequence[tuple[str, re.Pattern[str]]],
) -> str:
    """"degree" for the field of a degree or major ("MSc in Statistics"), "course" for a course
    title ("Coursework: Stochastic Processes"), else "mention"."""
    if (
        len(mention.form.skill_ids) == 1 and fold(mention.form.text) in fields
        and names.in_degree_phrase(text, mention, levels)
    ):
        return "degree"
    if courses.ends and courses(mention):
        return "course"
    return "mention"


def _technology(taxonomy: Taxonomy, mention: Mention) -> bool:
    return all(taxonomy.get(skill_id).category in TECHNOLOGY_CATEGORIES
               for skill_id in mention.form.skill_ids)


def _language(taxonomy: Taxonomy, mention: Mention) -> bool:
    return all(taxonomy.get(i).category == "language" for i in mention.form.skill_ids)


def _name(taxonomy: Taxonomy, mention: Mention) -> str:
    """The skill's own name (the first of a form naming several)."""
    return taxonomy.get(mention.form.skill_ids[0]).name


def _rule(taxonomy: Taxonomy, mention: Mention):
    skill = taxonomy.get(mention.form.skill_ids[0])
    return skill.context


def _evidence(
    text: str, section_at: Callable[[int], Section | None], page_at: Callable[[int], int | None],
    mention: Mention, method: str, neg: bool, hints: context.RequirementHints | None,
    kind: str = "mention", pointer: str | None = None,
) -> Evidence:
    line_start, line_end = context.line_bounds(text, mention.start, mention.end)
    line_start = max(line_start, mention.start - LINE_CONTEXT)
    line_end = min(line_end, mention.end + LINE_CONTEXT)
    section = section_at(mention.start)
    return Evidence(
        text=text[mention.start:mention.end],
        start=mention.start,
        end=mention.end,
        line=text[line_start:line_end],
        section=section.name if section else None,
        page=page_at(mention.start),
        negated=neg,
        method=method,
        requirement=hints(mention.start, mention.end) if hints is not None else None,
        kind=kind,
        pointer=pointer,
    )


def _hit(skill: Skill, items: list[Evidence], periods: list[Period],
         overflow: Sequence[int] = ()) -> SkillHit:
    """``periods``: the positions' (``positions_read``); ``overflow``: offsets of mentions past
    ``MAX_EVIDENCE``, counted for years when the skill is claimed."""
    positive = [e for e in items if not e.negated]
    counted = positive or items
    best = max(CONFIDENCE[e.method] for e in counted)
    confidence = min(0.99, best + 0.01 * (len(counted) - 1))
    offsets = [e.start for e in counted] + list(overflow if positive else ())
    years, last_used = years_of_use(offsets, periods)
    return SkillHit(
        id=skill.id, name=skill.name, esco=skill.esco, category=skill.category, explicit=True,
        evidence=sorted(items, key=_START), confidence=round(confidence, 3),
        years=years, last_used=last_used,
    )


def _implied(pipeline: Pipeline, explicit: set[str]) -> list[SkillHit]:
    """Skills implied (transitively) by explicit ones and not mentioned themselves."""
    taxonomy = pipeline.taxonomy
    implied_by: dict[str, set[str]] = defaultdict(set)
    for root in explicit:
        for target in pipeline.implied(root):
            implied_by[target].add(root)
    hits = []
    for skill_id, roots in implied_by.items():
        if skill_id in explicit:
            continue
        skill = taxonomy.get(skill_id)
        hits.append(SkillHit(
            id=skill.id, name=skill.name, esco=skill.esco, category=skill.category,
            explicit=False,
            implied_by=sorted(roots), evidence=[], confidence=IMPLIED_CONFIDENCE,
        ))
    return hits


def _order(hit: SkillHit) -> tuple[int, str, str]:
    rank = CATEGORIES.index(hit.category) if hit.category in CATEGORIES else 99
    return rank, hit.name.casefold(), hit.id
