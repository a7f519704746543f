"""A posted job description → a ``Profile`` (kind="job") in the same shape as ``ml-engineer.yaml``.

The extractor finds the skills; this module decides, mention by mention, whether the posting
requires or prefers each one (section headings first, then the sentence's own cues), merges
alternatives ("Python or R", "AWS, GCP or Azure") into one any-of item, reads minimum years
("3+ years of Python", "5-7 years of experience", "at least two years") and the degree asked for.
Every item cites the posting's own sentence, with offsets into the normalised posting text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import InputError
from .models import (
    Citation,
    EducationRequirement,
    ExperienceRequirement,
    Extraction,
    Profile,
    ProfileGroup,
    ProfileItem,
)

if TYPE_CHECKING:
    from .extract import Pipeline

Kind = str  # "required" | "preferred" | "duties" | "other" | "excluded"
_I = re.IGNORECASE

_HEADING_KINDS: list[tuple[Kind, re.Pattern[str]]] = [
    ("excluded", re.compile(
        r"not required|do(?:n't| not) need|not (?:looking|expected)|what (?:this|the) role is not|"
        r"not needed", _I)),
    ("preferred", re.compile(
        r"nice[ -]to[ -]haves?|bonus|preferred|pluses|\bplus\b|extra credit|desir(?:ed|able)|"
        r"good to have|ideally|would be great|great if|stand out", _I)),
    ("other", re.compile(
        r"about (?:us|the company|the team|company)|^about\b|who we are|benefits|perks|"
        r"what we offer|compensation|salary|equal opportunity|how to apply|apply|"
        r"our (?:company|mission|culture|process|stack|interview)|why join|location|stack|"
        r"tools we use|how we work|interview", _I)),
    ("duties", re.compile(
        r"responsibilit|what you(?:'ll| will) do|the role|your role|duties|day[ -]to[ -]day|"
        r"in this role|the job|what you(?:'ll| will) be doing|your (?:mission|impact)", _I)),
    ("required", re.compile(
        r"requirement|required|qualifications|what you(?:'ll| will)? need|what we(?:'re| are) "
        r"looking for|who you are|must[ -]haves?|you have|you bring|what you(?:'ll| will)? bring|skills|"
        r"your profile|about you|essential|experience|you should have|we expect|education", _I)),
]
_PREFERRED_CUE = re.compile(
    r"\ba plus\b|\bplus\b\s*[.!)]?\s*$|\bnice[ -]to[ -]have\b|\bbonus\b|\bpreferred\b|\bpreferably\b|"
    r"\bdesir(?:ed|able)\b|\bideally\b|\bfamiliarity\b|\bfamiliar with\b|\bexposure to\b|"
    r"\badvantage(?:ous)?\b|\bwould be (?:great|nice|helpful)\b|\bhelpful\b|\bbeneficial\b|"
    r"\bis a plus\b|\bnot required\b|\boptional\b",
    _I,
)
_REQUIRED_CUE = re.compile(
    r"\bmust\b|\brequired\b|\brequire[sd]?\b|\bstrong\b|\bproficien|\bexpert|\bsolid\b|"
    r"\bdeep (?:knowledge|understanding|experience)\b|\bessential\b|\bneed(?:ed|s)?\b|"
    r"\bextensive\b|\bproven\b|\bmastery\b|\d\+? ?years?\b",
    _I,
)
_EMPHASIS = re.compile(r"\bmust\b|\bstrong\b|\bexpert|\bdeep\b|\bextensive\b|\bproven\b|\bessential\b",
                       _I)
_NOT_NEEDED = re.compile(
    r"\b(?:is|are)? ?not (?:required|necessary|needed|a requirement|expected)\b|"
    r"\bno need (?:for|to)\b|\bdon'?t need\b|\bdo not need\b|\bwithout\b", _I)
_HEADING_LINE = re.compile(r"^[#*\s-]*([A-Za-z][^\n]{0,60}?)[:\s*#]*$")
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?{_NUM}"
    rf"(?:\s*(?:\+|plus)|\s*(?:-|to)\s*{_NUM})?(?:\s*\(\d+\))?\s*(?:\+\s*)?(?:or more\s+)?years?",
    _I,
)
_SKILL_LEAD = re.compile(
    r"^\s*(?:'s)?\s*(?:of\s+)?(?:(?:hands-on|professional|industry|relevant|commercial|practical|"
    r"production|working)\s+)*(?:experience\s+)?(?:(?:with|in|using|of|writing|programming in)\s+)?$",
    _I,
)
_GENERAL_YEARS = re.compile(
    r"^\s*(?:'s?)?\s*(?:of|in|as|with|working|building|developing|doing|shipping|experience|"
    r"professional|industry|relevant|hands-on|post|full-time|commercial|software|related)\b",
    _I)
_ALTERNATIVE_GAP = re.compile(r"^\s*(?:,|/|\||or|,\s*or|and/or|\(|\)|,\s*and/or)\s*$", _I)
_DEGREES = [
    ("phd", re.compile(r"\bph\.?\s?d\b\.?|\bdoctora(?:te|l)\b", _I)),
    ("master", re.compile(
        r"\bmaster'?s?\b|\bm\.s\.?|\bmsc\b|\bm\.sc\b|\bms\b(?=\s*(?:/|or\b|in\b|degree|,|\)))|\bmba\b",
        _I)),
    ("bachelor", re.compile(
        r"\bbachelor'?s?\b|\bb\.s\.?|\bbsc\b|\bb\.sc\b|\bbs\b(?=\s*(?:/|or\b|in\b|degree|,|\)))|"
        r"\bb\.a\.|\bundergraduate degree\b|\bfour[- ]year degree\b|\buniversity degree\b|"
        r"\bcollege degree\b|\bdegree in\b", _I)),
]
_BACHELOR_NAMED = re.compile(r"\bbachelor|\bb\.?s\.?c?\b|\bb\.a\.|undergraduate", _I)
_LEVEL_RANK = {"bachelor": 2, "master": 3, "phd": 4}
_FIELDS = [  # field ids as in service.documents (EducationEntry.field); specific before generic
    ("computer-science", (r"computer science|software engineering|computer engineering|\bcs\b|"
                         r"computing|information (?:systems|technology)|informatics")),
    ("data-science", r"data science|machine learning|artificial intelligence|analytics"),
    ("statistics", r"statistic"),
    ("mathematics", r"mathematic|\bmath\b|operations research"),
    ("physics", r"physics"),
    ("electrical-engineering", r"electrical(?: engineering)?|electronics"),
    ("economics", r"economic|econometric|finance"),
    ("engineering", r"\bengineering\b"),
    ("business", r"business"),
]
_QUANT_FIELDS = ["computer-science", "data-science", "statistics", "mathematics", "physics",
                 "electrical-engineering", "engineering", "economics"]
_NEXT_STEP = {
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
_FAMILIES = {
    "language": ("languages", "Languages"),
    "platform": ("platforms", "Platforms and tools"),
    "tool": ("platforms", "Platforms and tools"),
    "ml-library": ("ml", "ML methods and libraries"),
    "algorithm": ("ml", "ML methods and libraries"),
    "approach": ("ml", "ML methods and libraries"),
    "statistics": ("statistics", "Statistics and mathematics"),
    "mathematics": ("statistics", "Statistics and mathematics"),
    "engineering": ("engineering", "Engineering"),
    "soft": ("communication", "Communication and teamwork"),
}
REQUIRED_WEIGHT, PREFERRED_WEIGHT = 3.0, 1.0
REQUIREMENT_SHARE = 0.12


@dataclass
class _Mention:
    skill: str
    name: str
    category: str
    start: int
    end: int
    sentence: tuple[int, int]
    importance: str
    strength: float
    min_years: float | None = None


@dataclass
class _Item:
    any_of: list[str]
    names: list[str]
    category: str
    importance: str
    strength: float
    why: tuple[int, int]
    min_years: float | None = None
    mentions: list[_Mention] = field(default_factory=list)


def parse_job(
    text: str, title: str | None = None, *, profiles: Iterable[Profile],
    pipeline: Pipeline | None = None, extraction: Extraction | None = None,
) -> Profile:
    """Parse a posting into a job profile; ``extraction`` may be given to skip re-extracting
    with ``pipeline``. Items borrow related evidence from the built-in ``profiles``."""
    if extraction is None:
        from .extract import extract_text

        if pipeline is None:
            raise TypeError("parse_job needs a pipeline or an extraction")
        extraction = extract_text(text, pipeline=pipeline)
    body = extraction.text
    if not body.strip():
        raise InputError("The job description is empty.")
    sections = _sections(body)
    sentences = _sentences(body)
    mentions = _mentions(extraction, body, sections, sentences)
    if not mentions:
        raise InputError("No skills from the taxonomy were found in the job description.")
    skill_years = _attach_years(mentions, body)
    items = _items(mentions, body)
    groups = _groups(items, body, tuple(profiles))
    skill_weight = sum(g.weight for g in groups)
    experience = _experience(body, sections, sentences, skill_years, skill_weight)
    education = _education(body, sections, sentences, skill_weight)
    job_title = title or _title(body)
    warnings = []
    if len(items) < 3:
        warnings.append("The posting names fewer than 3 skills from the taxonomy: the score rests "
                        "on very few requirements.")
    return Profile(
        name=_slug(job_title), title=job_title, kind="job", version="1",
        description="Parsed from a job posting.", source="job posting",
        groups=groups, education=education, experience=experience, warnings=warnings,
    )


def _title(body: str) -> str:
    for line in body.splitlines():
        line = re.sub(r"^(?:job title|title|position|role)\s*:\s*", "", line.strip(" #*-"), flags=_I)
        if line:
            return line[:80] if len(line) <= 80 else "Job posting"
    return "Job posting"


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "job"


def _sections(body: str) -> list[tuple[int, int, Kind | None]]:
    """Heading-delimited spans classified as required / preferred / duties / other / excluded.

    Text before the first heading (the company blurb) counts as "other" when there are headings.
    """
    marks: list[tuple[int, Kind | None]] = []
    offset = 0
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if index > 0 and _is_heading(line):
            marks.append((offset, _heading_kind(line)))
        elif index > 0 and (label := _INLINE_LABEL.match(line)) and _heading_kind(label.group(1)):
            # "Education: B.S. in ..." — the label governs this line only
            resume = marks[-1][1] if marks else None
            marks.append((offset, _heading_kind(label.group(1))))
            marks.append((offset + len(line) + 1, resume))
        offset += len(line) + 1
    if not marks:
        return []
    spans: list[tuple[int, int, Kind | None]] = [(0, marks[0][0], "other")]
    for i, (start, kind) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(body)
        if end > start:
            spans.append((start, end, kind))
    return spans


def _is_heading(line: str) -> bool:
    """A short line that introduces a list: "Requirements", "NICE TO HAVE:", "## Bonus"."""
    stripped = line.strip()
    if not stripped or len(stripped) > 50 or not _HEADING_LINE.match(stripped):
        return False
    if stripped[0] in "-*•+" and not stripped.startswith(("**", "#")):
        return False
    core = stripped.strip("#* ").rstrip(":").strip()
    if not core or not core[0].isupper() or core.endswith((".", ",", ";")) or "," in core:
        return False
    return len(re.findall(r"[A-Za-z'()/-]+", core)) <= 6


def _heading_kind(line: str) -> Kind | None:
    stripped = line.strip()
    for kind, pattern in _HEADING_KINDS:
        if pattern.search(stripped):
            return kind
    return None


def _section_at(sections: list[tuple[int, int, Kind | None]], offset: int) -> Kind | None:
    for start, end, kind in sections:
        if start <= offset < end:
            return kind
    return None


_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|vs|incl|approx|sr|jr|no|ph\.d|[a-z]\.[a-z])|\b[A-Za-z])\.$", _I)
_INLINE_LABEL = re.compile(r"^\s*([A-Z][A-Za-z' /-]{2,30}):\s+\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s")


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None when paragraphs are single lines."""
    lengths = [len(line) for line in lines if line.strip()]
    if not lengths or max(lengths) > 110:
        return None
    width = max(lengths)
    return width if sum(n >= 0.8 * width for n in lengths) >= 3 else None


def _units(body: str) -> list[tuple[int, int]]:
    """Paragraph units: a blank line, a list item or a heading starts a new one; in hard-wrapped
    text a line continues the previous one when that one ran to the wrap width."""
    lines = body.split("\n")
    width = _wrap_width(lines)
    units: list[list[int]] = []
    offset = 0
    previous_heading = True
    previous_length = 0
    for line in lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            previous_heading = True
            continue
        heading = _is_heading(line) or not units  # the first line is the title
        wrapped = width is not None and previous_length >= 0.6 * width
        if units and wrapped and not (previous_heading or heading or _LIST_ITEM.match(line)):
            units[-1][1] = end
        else:
            units.append([start, end])
        previous_heading = heading
        previous_length = len(line)
    return [(u[0], u[1]) for u in units]


def _sentences(body: str) -> list[tuple[int, int]]:
    """Sentences (and ;-clauses) inside paragraph units: the span a cue applies to and the
    span an item cites. List markers are left out."""
    spans = []
    for u_start, u_end in _units(body):
        cuts = [u_start]
        for m in re.finditer(r"[.!?;]+(?=\s)", body[u_start:u_end]):
            stop = u_start + m.end()
            if m.group() == "." and _ABBREVIATION.search(body[max(u_start, stop - 6):stop]):
                continue
            cuts.append(stop)
        cuts.append(u_end)
        for start, end in itertools.pairwise(cuts):
            text = body[start:end]
            lead = len(text) - len(_LIST_ITEM.sub("", text, count=1).lstrip())
            if body[start + lead:end].strip():
                spans.append((start + lead, end))
    return spans


def _sentence_at(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= offset < end:
            return start, end
    return offset, offset + 1


def _cite(body: str, start: int, end: int) -> Citation:
    """The posting's own words for ``body[start:end]``, whitespace collapsed."""
    return Citation(text=" ".join(body[start:end].split()), start=start, end=end)


def _clause(body: str, sentence: tuple[int, int], start: int, end: int) -> str:
    """The comma/"but"-delimited clause of ``sentence`` around a mention."""
    text = body[sentence[0]:sentence[1]]
    rel_s, rel_e = start - sentence[0], end - sentence[0]
    left = max((m.end() for m in re.finditer(r",|\bbut\b|\bwhile\b|\bwhereas\b", text[:rel_s])),
               default=0)
    right_m = re.search(r",|\bbut\b|\bwhile\b|\bwhereas\b", text[rel_e:])
    right = rel_e + right_m.start() if right_m else len(text)
    return text[left:right]


def _mentions(
    extraction: Extraction, body: str, sections: list[tuple[int, int, Kind | None]],
    sentences: list[tuple[int, int]],
) -> list[_Mention]:
    mentions = []
    for hit in extraction.skills:
        if not hit.explicit:
            continue
        for ev in hit.evidence:
            if ev.negated:
                continue
            sentence = _sentence_at(sentences, ev.start)
            if _NOT_NEEDED.search(_clause(body, sentence, ev.start, ev.end)):
                continue
            if _is_degree_field(body[sentence[0]:sentence[1]], ev.text):
                continue
            section = _section_at(sections, ev.start)
            if section == "excluded":
                continue
            importance, strength = _importance(body[sentence[0]:sentence[1]], section,
                                               ev.requirement)
            mentions.append(_Mention(hit.id, hit.name, hit.category, ev.start, ev.end, sentence,
                                     importance, strength))
    mentions.sort(key=lambda m: (m.start, m.skill))
    return mentions


def _is_degree_field(sentence: str, mention: str) -> bool:
    """"A degree in Statistics": the field of a degree, not the skill."""
    if not any(pattern.search(sentence) for _, pattern in _DEGREES):
        return False
    return any(re.search(pattern, mention, _I) for _, pattern in _FIELDS)


def _importance(sentence: str, section: Kind | None, hint: str | None) -> tuple[str, float]:
    """Required or preferred, and how strongly (emphasis, or a mere duty / aside)."""
    emphasis = 1.5 if _EMPHASIS.search(sentence) else 1.0
    if _PREFERRED_CUE.search(sentence) or section == "preferred":
        return "preferred", 1.0
    if _REQUIRED_CUE.search(sentence) or section == "required":
        return "required", emphasis
    if section == "duties":
        return "required", 0.75
    if section == "other":
        return "preferred", 0.75
    if hint == "preferred":
        return "preferred", 1.0
    return "required", 1.0


def _number(token: str | None) -> float | None:
    if token is None:
        return None
    token = token.lower()
    return float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)


def _attach_years(mentions: list[_Mention], body: str) -> set[int]:
    """"3+ years of Python[, SQL]" gives those skills min_years (and makes them required).

    Returns the offsets of the years phrases used this way, so they are not read as overall
    experience.
    """
    used: set[int] = set()
    by_sentence: dict[tuple[int, int], list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for (s_start, s_end), group in by_sentence.items():
        for ym in _YEARS.finditer(body, s_start, s_end):
            years = _number(ym.group(1))
            after = [m for m in group if m.start >= ym.end()]
            if not after or years is None or years > 30:
                continue
            first = after[0]
            if not _SKILL_LEAD.match(body[ym.end():first.start]):
                continue
            run = [first]
            for nxt in after[1:]:
                if re.fullmatch(r"\s*(?:,|/|and|or|&|,\s*and|,\s*or)\s*", body[run[-1].end:nxt.start]):
                    run.append(nxt)
                else:
                    break
            used.add(ym.start())
            for m in run:
                m.min_years = max(m.min_years or 0.0, years)
                if m.importance == "required":
                    m.strength = max(m.strength, 1.5)
    return used


def _items(mentions: list[_Mention], body: str) -> list[_Item]:
    """One item per skill, or per run of alternatives ("Python or R"); strongest mention wins."""
    runs: list[list[_Mention]] = []
    for m in mentions:
        prev = runs[-1][-1] if runs else None
        same_span = prev is not None and (prev.start, prev.end) == (m.start, m.end)
        if (prev is not None and prev.sentence == m.sentence and prev.skill != m.skill
                and (same_span or (_FAMILIES.get(prev.category) == _FAMILIES.get(m.category)
                                   and _ALTERNATIVE_GAP.match(body[prev.end:m.start])))):
            runs[-1].append(m)
        else:
            runs.append([m])
    items: dict[tuple[str, ...], _Item] = {}
    for run in runs:
        is_alt = len(run) > 1 and re.search(
            r"\bor\b|/", body[run[0].start:run[-1].end]) and not re.search(
            r"\band\b(?!/)", body[run[0].start:run[-1].end])
        groups = [run] if is_alt else [[m] for m in run]
        for group in groups:
            key = tuple(sorted({m.skill for m in group}))
            head = group[0]
            importance = "required" if any(m.importance == "required" for m in group) else "preferred"
            strength = max(m.strength for m in group if m.importance == importance)
            years = max((m.min_years for m in group if m.min_years), default=None)
            item = items.get(key)
            if item is None:
                items[key] = _Item(
                    any_of=list(dict.fromkeys(m.skill for m in group)),
                    names=list(dict.fromkeys(m.name for m in group)), category=head.category,
                    importance=importance, strength=strength, why=head.sentence,
                    min_years=years, mentions=list(group))
                continue
            item.mentions.extend(group)
            if importance == "required" and item.importance == "preferred":
                item.importance, item.strength, item.why = "required", strength, head.sentence
            elif importance == item.importance and strength > item.strength:
                item.strength, item.why = strength, head.sentence
            if years and (item.min_years or 0) < years:
                item.min_years = years
    singles = {k[0]: v for k, v in items.items() if len(k) == 1}
    result = []
    for key, item in items.items():
        if len(key) > 1 and any(
            s in singles and (singles[s].importance == "required" or item.importance == "preferred")
            for s in key
        ):
            continue
        result.append(item)
    return result


def _groups(
    items: list[_Item], body: str, profiles: tuple[Profile, ...],
) -> list[ProfileGroup]:
    grouped: dict[tuple[str, str], list[ProfileItem]] = {}
    names: dict[tuple[str, str], str] = {}
    for item in items:
        family_id, family_name = _FAMILIES.get(item.category, ("other", "Other skills"))
        key = (item.importance, family_id)
        names[key] = f"{'Required' if item.importance == 'required' else 'Preferred'}: {family_name}"
        base = REQUIRED_WEIGHT if item.importance == "required" else PREFERRED_WEIGHT
        label = " or ".join(item.names)
        if item.min_years:
            label += f" ({item.min_years:g}+ years)"
        start, end = item.why
        partial_from, titles = related_evidence(item.any_of, profiles)
        grouped.setdefault(key, []).append(ProfileItem(
            id="-or-".join(item.any_of), label=label, any_of=item.any_of,
            partial_from=[s for s in partial_from if s not in item.any_of], titles=titles,
            importance=item.importance, weight=round(base * item.strength, 3),
            min_years=item.min_years, category=item.category,
            why=_cite(body, start, end),
            next_step=_next_step(item),
        ))
    order = [f for f, _ in dict.fromkeys(_FAMILIES.values())] + ["other"]
    keys = sorted(grouped, key=lambda k: (k[0] != "required", order.index(k[1])))
    return [
        ProfileGroup(id=f"{imp}-{fam}", name=names[(imp, fam)],
                     weight=round(sum(i.weight for i in grouped[(imp, fam)]), 3),
                     items=grouped[(imp, fam)])
        for imp, fam in keys
    ]


def related_evidence(
    any_of: list[str], profiles: Iterable[Profile],
) -> tuple[list[str], list[str]]:
    """What shows part of these skills, borrowed from the built-in profiles' items headed by one
    of them (id or first skill): the skills (``partial_from``: Airflow for data pipelines) and
    job titles. An item's other alternatives (distributed systems under software engineering)
    borrow nothing."""
    partial: dict[str, None] = {}
    titles: dict[str, None] = {}
    for item in _profile_items(tuple(profiles)):
        if item.id in any_of or item.any_of[0] in any_of:
            partial.update(dict.fromkeys(item.partial_from))
            titles.update(dict.fromkeys(item.titles))
    return list(partial), list(titles)


def _profile_items(profiles: tuple[Profile, ...]) -> tuple[ProfileItem, ...]:
    return tuple(item for profile in profiles for group in profile.groups
                 for item in group.items if item.partial_from or item.titles)


def _next_step(item: _Item) -> str:
    name = " or ".join(item.names)
    step = _NEXT_STEP.get(item.category, "Gain hands-on experience with {name}.").format(name=name)
    if item.min_years:
        step += f" The posting asks for {item.min_years:g}+ years of it."
    return step


def _experience(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    skill_years: set[int], skill_weight: float,
) -> ExperienceRequirement:
    """The first required years phrase not tied to one skill ("5-7 years of experience")."""
    for ym in _YEARS.finditer(body):
        low, high = _number(ym.group(1)), _number(ym.group(2))
        if low is None or low > 30 or ym.start() in skill_years:
            continue
        if not _GENERAL_YEARS.match(body[ym.end():ym.end() + 60]):
            continue
        found = _general_experience(body, sections, sentences, ym, low, high, skill_weight)
        if found:
            return found
    # "4 years of professional backend development experience": tied to a skill, but also the
    # posting's overall minimum when it names no other
    for ym in _YEARS.finditer(body):
        low, high = _number(ym.group(1)), _number(ym.group(2))
        sentence = _sentence_at(sentences, ym.start())
        if (low is not None and low <= 30 and ym.start() in skill_years
                and re.search(r"\bexperience\b", body[ym.end():sentence[1]], _I)):
            found = _general_experience(body, sections, sentences, ym, low, high, skill_weight)
            if found:
                return found
    return ExperienceRequirement()


def _general_experience(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    ym: re.Match[str], low: float, high: float | None, skill_weight: float,
) -> ExperienceRequirement | None:
    """An overall years requirement from one years phrase, if the posting requires it."""
    section = _section_at(sections, ym.start())
    if section in {"other", "excluded"}:
        return None
    sentence = _sentence_at(sentences, ym.start())
    importance, _ = _importance(body[sentence[0]:sentence[1]], section, None)
    if importance != "required":
        return None
    return ExperienceRequirement(
        min_years=low, max_years=high if high and high > low else None,
        weight=round(skill_weight * REQUIREMENT_SHARE, 3),
        why=_cite(body, *sentence),
    )


def _education(
    body: str, sections: list[tuple[int, int, Kind | None]], sentences: list[tuple[int, int]],
    skill_weight: float,
) -> EducationRequirement:
    required: list[str] = []
    preferred: list[str] = []
    fields: list[str] = []
    related = False
    why: Citation | None = None
    for start, end in sentences:
        sentence = body[start:end]
        levels = [level for level, pattern in _DEGREES if pattern.search(sentence)]
        if not levels:
            continue
        if levels == ["bachelor"] and not re.search(r"degree|bachelor|\bb\.?s\.?c?\b|\bb\.a\.",
                                                    sentence, _I):
            continue
        importance, _ = _importance(sentence, _section_at(sections, start), None)
        # "BS required, MS or PhD preferred": split the cues clause by clause
        for clause in re.split(r"[,;]|\bbut\b", sentence):
            clause_levels = [lv for lv, p in _DEGREES if p.search(clause)]
            if (len(clause_levels) > 1 and "bachelor" in clause_levels
                    and not _BACHELOR_NAMED.search(clause)):
                clause_levels.remove("bachelor")  # "Master's degree in X": not a bachelor's
            if not clause_levels:
                continue
            if _PREFERRED_CUE.search(clause):
                preferred.extend(clause_levels)
            elif re.search(r"\brequired\b|\bmust\b", clause, _I):
                required.extend(clause_levels)
            elif importance == "preferred":
                preferred.extend(clause_levels)
            else:
                required.extend(clause_levels)
        fields_text = sentence
        for field_id, pattern in _FIELDS:
            if re.search(pattern, fields_text, _I) and field_id not in fields:
                fields.append(field_id)
            fields_text = re.sub(pattern, " ", fields_text, flags=_I)
        related = related or bool(re.search(r"related|quantitative|similar|equivalent", sentence,
                                            _I))
        if why is None:
            why = _cite(body, start, end)
    if not required and not preferred:
        return EducationRequirement()
    rank = _LEVEL_RANK.__getitem__
    required_level = min(required, key=rank) if required else None
    higher = sorted({lv for lv in preferred if not required_level or rank(lv) > rank(required_level)},
                    key=rank)
    return EducationRequirement(
        required_level=required_level,
        preferred_level=higher[0] if higher else None,
        bonus_level=higher[-1] if len(higher) > 1 else None,
        fields=fields,
        related_fields=[f for f in _QUANT_FIELDS if f not in fields] if related else [],
        weight=round(skill_weight * REQUIREMENT_SHARE, 3),
        why=why,
    )
