"""Skill mentions in a posting → items: required or preferred, how strongly, minimum years, and
alternatives ("Python or R") merged into one any-of item."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Extraction
from .cues import ALTERNATIVE_GAP, NOT_NEEDED, SKILL_LEAD, YEARS, CuePatterns, Kind, number
from .degrees import FieldPatterns, LevelPatterns, is_degree_field
from .segments import clause, section_at, sentence_at

# skill category -> the posting group it is listed under (and alternatives must share)
FAMILIES = {
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


@dataclass
class Mention:
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
class Item:
    any_of: list[str]
    names: list[str]
    category: str
    importance: str
    strength: float
    why: tuple[int, int]
    min_years: float | None = None
    mentions: list[Mention] = field(default_factory=list)



def find_mentions(
    extraction: Extraction, body: str, sections: list[tuple[int, int, Kind | None]],
    sentences: list[tuple[int, int]], cues: CuePatterns, fields: FieldPatterns,
    levels: LevelPatterns,
) -> list[Mention]:
    """Each explicit, non-negated skill mention the posting does not decline or name as a degree
    field, with its sentence, importance and strength."""
    mentions = []
    for hit in extraction.skills:
        if not hit.explicit:
            continue
        for ev in hit.evidence:
            if ev.negated:
                continue
            sentence = sentence_at(sentences, ev.start)
            if NOT_NEEDED.search(clause(body, sentence, ev.start, ev.end)):
                continue
            if is_degree_field(body[sentence[0]:sentence[1]], ev.text, fields, levels):
                continue
            section = section_at(sections, ev.start)
            if section == "excluded":
                continue
            importance, strength = cues.importance(body[sentence[0]:sentence[1]], section,
                                               ev.requirement)
            mentions.append(Mention(hit.id, hit.name, hit.category, ev.start, ev.end, sentence,
                                     importance, strength))
    mentions.sort(key=lambda m: (m.start, m.skill))
    return mentions



def attach_years(mentions: list[Mention], body: str) -> set[int]:
    """"3+ years of Python[, SQL]" gives those skills min_years (and makes them required).

    Returns the offsets of the years phrases used this way, so they are not read as overall
    experience.
    """
    used: set[int] = set()
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for (s_start, s_end), group in by_sentence.items():
        for ym in YEARS.finditer(body, s_start, s_end):
            years = number(ym.group(1))
            after = [m for m in group if m.start >= ym.end()]
            if not after or years is None or years > 30:
                continue
            first = after[0]
            if not SKILL_LEAD.match(body[ym.end():first.start]):
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


def merge_items(mentions: list[Mention], body: str) -> list[Item]:
    """One item per skill, or per run of alternatives ("Python or R"); strongest mention wins."""
    runs: list[list[Mention]] = []
    for m in mentions:
        prev = runs[-1][-1] if runs else None
        same_span = prev is not None and (prev.start, prev.end) == (m.start, m.end)
        if (prev is not None and prev.sentence == m.sentence and prev.skill != m.skill
                and (same_span or (FAMILIES.get(prev.category) == FAMILIES.get(m.category)
                                   and ALTERNATIVE_GAP.match(body[prev.end:m.start])))):
            runs[-1].append(m)
        else:
            runs.append([m])
    items: dict[tuple[str, ...], Item] = {}
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
                items[key] = Item(
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
