"""Context rules: when an ambiguous form counts, when a mention is negated or hypothetical, and
whether a posting requires or prefers it.

Skill-specific patterns are data (``context.confirm`` / ``context.reject`` in the taxonomy);
this module holds only general rules about lists, headings, clauses and cue words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..models import Document
from ..taxonomy import ContextRule

if TYPE_CHECKING:
    from .mention import Mention

class _Folded:
    """A case-insensitive regex without upper-case letters of its own. On ASCII text it runs
    case-sensitively over the lower-cased text: the same matches at the same offsets (lower-casing
    ASCII moves nothing), at a third of the cost in Python's engine. Other text: as compiled."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or any(
            c.isupper() for c in re.sub(r"\\.", "", pattern.pattern)
        ):
            raise ValueError(f"not a lower-case, case-insensitive pattern: {pattern.pattern!r}")
        self.pattern = pattern
        self._cased = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        return self._cased.search(text.lower()) if text.isascii() else self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self._cased.match(text.lower()) if text.isascii() else self.pattern.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._cased.finditer(text.lower()) if text.isascii() else self.pattern.finditer(text)


# --- ambiguity -------------------------------------------------------------------------------

_LIST_SEPARATOR = re.compile(r"\s*(?:[,;|()\[\]{}]|(?<=\s)[-/](?=\s)|/|\s(?:and|or|&)\s)\s*")
_SKILL_LABEL = re.compile(
    r"^[\s\-*]*[A-Za-z/&+ ]{0,40}?\b(?:skills?|skill ?set|languages?|tools?|technolog(?:y|ies)|"
    r"frameworks?|librar(?:y|ies)|platforms?|environments?|software|databases?|stack|"
    r"proficienc(?:y|ies)|expertise|competenc(?:y|ies)|programming|cloud|packages?|"
    r"keywords)\b[A-Za-z/&+ ]{0,30}?\s*(?::|-\s|\|)",
    re.IGNORECASE,
)
_SKILL_HEADING = re.compile(
    r"^[\s\-*]*(?:technical |key |core |it |computer |relevant )?(?:skills?(?: details| summary| "
    r"set)?|skillset|technical proficienc(?:y|ies)|technolog(?:y|ies)(?: used)?|tools(?: and "
    r"technologies)?|tech stack|programming languages|competenc(?:y|ies)|areas of expertise)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9+#.]+")
_INITIAL = re.compile(r"\b[A-Z][a-z]+ $")
_LIST_REACH = 2
_LIST_SPAN = 200
_MAX_ITEM_WORDS = 3
_HEADING_LOOKBACK = 15


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the whole line holding ``text[start:end]``."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) % (len(text) + 1))


_HYPHEN_LETTER = re.compile(r"-[A-Za-z]")
_LETTER_HYPHEN = re.compile(r"[A-Za-z]-")


def rejected(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """A reject pattern overlapping the mention, or a general non-skill shape (R&D, C-suite,
    a lower-case acronym, an initial)."""
    return rejected_by_shape(text, mention) or rejected_by_rule(text, mention, rule)


def rejected_by_shape(text: str, mention: Mention) -> bool:
    """General non-skill shapes: "R&D", "C-suite", "LSTM-based" (a hyphen then a letter), a
    lower-case acronym, another case than a case-sensitive form's, an initial."""
    start, end = mention.start, mention.end
    surface, form = text[start:end], mention.form.text
    if text[end:end + 1] == "&" or text[start - 1:start] == "&":
        return True
    if _HYPHEN_LETTER.match(text, end, end + 2):
        return True
    if start >= 2 and _LETTER_HYPHEN.fullmatch(text, start - 2, start):
        return True
    if form.isupper() and surface.islower():
        return True
    if mention.form.case_sensitive and " ".join(surface.split()) != form:
        return True
    return len(form) == 1 and (not surface.isupper() or _initial(text, start, end))


def rejected_by_rule(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """One of the skill's own reject patterns overlaps the mention."""
    if rule is None or not rule.reject:
        return False
    start, end = mention.start, mention.end
    lo, hi = max(0, start - rule.window), min(len(text), end + rule.window)
    window = text[lo:hi]
    for pattern in rule.reject:
        for match in _compiled(pattern).finditer(window):
            if lo + match.start() < end and start < lo + match.end():
                return True
    return False


def _initial(text: str, start: int, end: int) -> bool:
    """``John R. Smith``: a capital letter between a name and a capitalised word."""
    return bool(
        re.match(r"\. ?[A-Z][a-z]", text[end:end + 4])
        and _INITIAL.search(text[max(0, start - 30):start])
    )


def confirmed_by_rule(text: str, mention: Mention, rule: ContextRule | None) -> bool:
    """The skill's own confirm patterns match within its window."""
    if rule is None or not rule.confirm:
        return False
    lo, hi = max(0, mention.start - rule.window), min(len(text), mention.end + rule.window)
    window = text[lo:hi]
    return any(_compiled(p).search(window) for p in rule.confirm)


_TECH_LEAD = _Folded(re.compile(
    r"\b(?:learn(?:ing|t|ed)?|experience (?:with|in|using)|proficien(?:t|cy) (?:in|with)|"
    r"knowledge of|programming in|written in|coded in|developed in|expertise in|skilled in|"
    r"fluent in|familiar(?:ity)? with|hands-on (?:with|in))\s+$",
    re.IGNORECASE,
))


def confirmed_by_phrase(text: str, mention: Mention) -> bool:
    """A phrase that only takes a technology: "experience with X", "written in X", "learn X";
    or a one-letter name after "in"/"using"/"with" that ends the sentence or comes before a
    bracket ("wrote the simulations in C.", "in R (tidyverse)")."""
    if _TECH_LEAD.search(text[max(0, mention.start - 40):mention.start]):
        return True
    if mention.end - mention.start != 1 or not text[mention.start].isupper():
        return False
    lead = _ONE_LETTER_LEAD.search(text, max(0, mention.start - 12), mention.start)
    if lead is None:
        return False
    # after "with", "and", "or" a full stop then a capital is more likely an initial
    end = _SENTENCE_END_STRICT if lead.group(1) in ("with", "and", "or") else _ONE_LETTER_END
    return bool(end.match(text, mention.end))


_ONE_LETTER_LEAD = re.compile(r"\b(in|using|with|and|or)\s+$")
_ONE_LETTER_END = re.compile(r"[.;!?]?[ \t]*(?:$|\n)|[.;!?]\s+[A-Z]|\s*[(\[]")
_SENTENCE_END_STRICT = re.compile(r"[.;!?]?[ \t]*(?:$|\n)|\s*[(\[]")


def sole_item_among_skills(text: str, mention: Mention, anchors: Anchors) -> bool:
    """The mention is a whole list item ("GO" in "Python, GO, SQL"; "-R" as a bullet) and an
    item next to it is a technical skill: a list of skills, whatever the case or bullet."""
    items = list_items(text, mention.start, mention.end)
    for index, (start, end) in enumerate(items):
        if not (start <= mention.start and mention.end <= end):
            continue
        if text[start:end].strip(" \t-*•·") != text[mention.start:mention.end]:
            return False
        lo, hi = max(0, index - _LIST_REACH), min(len(items), index + _LIST_REACH + 1)
        return any(
            i != index and anchors.within(s, e)
            and len(_WORD.findall(text[s:e])) <= _MAX_ITEM_WORDS + 1
            for i, (s, e) in enumerate(items[lo:hi], lo)
        )
    return False


def in_skills_area(text: str, document: Document, mention: Mention) -> bool:
    """In a skills section, after a "Skills:"-type label, or under a skills heading."""
    section = document.section_at(mention.start)
    if section is not None and section.name == "skills":
        return True
    line_start, _ = line_bounds(text, mention.start, mention.end)
    label = _SKILL_LABEL.match(text[line_start:mention.start])
    if label and label.end() <= mention.start - line_start:
        return True
    cursor = line_start - 1
    for _ in range(_HEADING_LOOKBACK):
        if cursor <= 0:
            return False
        previous = text.rfind("\n", 0, cursor) + 1
        line = text[previous:cursor]
        if not line.strip():
            return False
        if _SKILL_HEADING.match(line):
            return True
        cursor = previous - 1
    return False


def list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of the separator-delimited list on the line holding ``start`` (within
    ``_LIST_SPAN`` characters of it: flattened documents have very long lines)."""
    line_start, line_end = line_bounds(text, start, end)
    line_start, line_end = max(line_start, start - _LIST_SPAN), min(line_end, end + _LIST_SPAN)
    line = text[line_start:line_end]
    items, cursor = [], 0
    for sep in _LIST_SEPARATOR.finditer(line):
        if sep.start() > cursor:
            items.append((line_start + cursor, line_start + sep.start()))
        cursor = max(cursor, sep.end())
    if cursor < len(line):
        items.append((line_start + cursor, line_end))
    return items


def confirmed_by_neighbours(text: str, mention: Mention, anchors: Anchors) -> bool:
    """A short list item whose nearby items are technical skills, or a technical skill right
    next to the mention ("Spark SQL", "Python/R")."""
    items = list_items(text, mention.start, mention.end)
    index = next(
        (i for i, (s, e) in enumerate(items) if s <= mention.start and mention.end <= e), None
    )
    lead = text[items[index][0]:mention.start] if index is not None else ""
    if index is not None and len(_WORD.findall(lead)) < _MAX_ITEM_WORDS:
        lo, hi = max(0, index - _LIST_REACH), min(len(items), index + _LIST_REACH + 1)
        for i in range(lo, hi):
            s, e = items[i]
            if i != index and anchors.within(s, e) and len(_WORD.findall(text[s:e])) <= (
                _MAX_ITEM_WORDS + 1
            ):
                return True
    return anchors.adjacent(text, mention)


_SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
_COMPANY_REACH = 120
# words that lead to a person rather than a tool: "met Julia", "thanks to Julia", "Dr. Watson"
_PERSON_LEAD = re.compile(
    r"(?i)\b(?:met|meet|meeting|thanks?(?: to)?|dear|mr|ms|mrs|dr|prof|by|from|friend|colleague)"
    r"\.?\s+$"
)


def confirmed_by_company(text: str, mention: Mention, anchors: Anchors) -> bool:
    """Written in the taxonomy's own case ("Spark", not "spark") in a sentence that names at
    least two other technical skills close by: a tool among tools in prose ("jobs on Spark,
    tuned with Databricks and dbt")."""
    surface = text[mention.start:mention.end]
    form = mention.form.text
    if surface != form and not (surface[:-1] == form and surface.endswith("s")):
        return False
    if not any(c.isupper() for c in form) or _PERSON_LEAD.search(
        text, max(0, mention.start - 12), mention.start
    ):
        return False
    lo = max(0, mention.start - _COMPANY_REACH)
    hi = min(len(text), mention.end + _COMPANY_REACH)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, mention.start)]
    lo = breaks[-1] if breaks else lo
    after = _SENTENCE_BREAK.search(text, mention.end, hi)
    hi = after.start() if after else hi
    return anchors.count_within(lo, hi, exclude=(mention.start, mention.end)) >= 2


_ADJACENT_GAP = re.compile(r"[ ,/&+|()\-]{1,3}")


class Anchors:
    """Spans of technical-skill mentions, indexed for "is one next to this?" and "is one inside
    this item?" questions."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans: list[tuple[int, int]] = []
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        for span in spans:
            self.add(span)

    def add(self, span: tuple[int, int]) -> None:
        insort(self.spans, span)
        self.starts.add(span[0])
        self.ends.add(span[1])

    def within(self, start: int, end: int) -> bool:
        index = bisect_left(self.spans, (start, -1))
        return index < len(self.spans) and self.spans[index][1] <= end

    def count_within(self, start: int, end: int, exclude: tuple[int, int]) -> int:
        """How many anchors lie wholly inside ``start``–``end``, other than ``exclude``."""
        index = bisect_left(self.spans, (start, -1))
        count = 0
        while index < len(self.spans) and self.spans[index][0] < end:
            span = self.spans[index]
            if span[1] <= end and span != exclude:
                count += 1
            index += 1
        return count

    def adjacent(self, text: str, mention: Mention) -> bool:
        """An anchor at most three spaces or punctuation marks away, on the same line."""
        for gap in (1, 2, 3):
            left, right = mention.start - gap, mention.end + gap
            if left in self.ends and _ADJACENT_GAP.fullmatch(text[left:mention.start]):
                return True
            if right in self.starts and _ADJACENT_GAP.fullmatch(text[mention.end:right]):
                return True
        return False


# --- negation and hypotheticals --------------------------------------------------------------

_NEG_CUE = _Folded(re.compile(
    r"\b(?:no|not|never|without|nor|lack(?:s|ing)?(?: of)?|unfamiliar with|none)\b"
    r"|\b(?:willing|eager|keen|want(?:s|ing)?|hope|hoping|plan(?:s|ning)?|look(?:ing)? forward|"
    r"would like|'d like|love|aim(?:ing)?|excited|wish(?:es)?|intend(?:s|ing)?|open)\s+to\s+"
    r"(?:learn(?:ing)?|explore|exploring|try|pick(?:ing)? up|study|get(?:ting)? into)\b"
    r"|\binterested in (?:learning |exploring |picking up |moving into |getting into )?"
    r"|\b(?:aspir(?:e|es|ing)|hop(?:e|es|ing)|plan(?:s|ning)?|look(?:ing)?|want(?:s|ing)?|aim(?:s|ing)?|"
    r"seek(?:s|ing)?)\s+to\s+(?:move|transition|grow|pivot|branch out|get|break|specialise|"
    r"specialize)\s+(?:into|towards?|in)\b"
    r"|\baspir(?:e|es|ing) to(?: become| be| work| learn| master)?\b|\baspirations? (?:in|towards?)\b"
    r"|\b(?:mov(?:e|es|ing)|transitioning|pivoting|shifting) towards?\b"
    r"|\b(?:currently|now|still|am|started|starting|beginning to|begun)\s+learn(?:ing)?\b",
    re.IGNORECASE,
))
_NOT_NEGATION = _Folded(re.compile(
    r"\bnot (?:only|just|limited|merely|to mention)\b|\bor not\b|\bno\.|\bno later\b|"
    r"\bnot a plus\b|\bno less\b|\bnone the less\b",
    re.IGNORECASE,
))
_POST_NEG = _Folded(re.compile(
    r"\b(?:(?:is|are|was|were)\s+)?not\s+(?:required|necessary|needed|mandatory|expected|a "
    r"requirement|essential)\b|\b(?:isn't|aren't)\s+(?:required|necessary|needed)\b",
    re.IGNORECASE,
))
_FILLER = frozenset(
    """
    and or nor any prior previous professional commercial production hands-on hands on real
    world direct formal significant much experience experienced knowledge exposure familiarity
    familiar background expertise skills skill with in of using use used the a an to working
    work worked is are be been required needed necessary languages language tools tool
    frameworks framework libraries like such as e.g eg more about new technologies technology
    etc also yet at all do does did have has had programming coding written into up learn
    learning some basic advanced strong deep solid proficiency proficient fluency fluent need
    needs require requires comfortable confident good great very really enough currently still
    """.split()  # noqa: SIM905
)
_NEG_REACH = 120
# "MLflow (if used)": a hedge on the item right before it
_HEDGED = re.compile(r"\s*\(\s*if (?:used|any|applicable)\s*\)")


def _only_filler(gap: str) -> bool:
    if "\n" in gap or re.search(r"[.;:!?](?:\s|$)", gap):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'.-]*", gap)
    return all(w.lower().strip(".") in _FILLER for w in words)


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every span replaced by spaces (same length), so cue searches see other
    skills as gaps."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def negated(text: str, mention: Mention, blanked: str) -> bool:
    """"no experience with X", "not X", "without X", "willing to learn X", "X is not required":
    the cue and the mention must be joined only by list separators, other skills and filler.
    ``blanked`` is ``text`` with the accepted mentions blanked out (``blank_out``)."""
    lo = max(0, mention.start - _NEG_REACH)
    before = blanked[lo:mention.start]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";")) + 1
    lo, before = lo + cut, before[cut:]
    for cue in reversed(list(_NEG_CUE.finditer(before))):
        around = text[lo + cue.start():lo + cue.start() + 20]
        if _NOT_NEGATION.match(around):
            continue
        if _only_filler(before[cue.end():]):
            return True
        break
    after = blanked[mention.end:mention.end + _NEG_REACH]
    after = after[:min((i for i in (after.find("\n"), after.find(". "), after.find(";")) if i >= 0),
                       default=len(after))]
    if _HEDGED.match(text, mention.end):
        return True
    post = _POST_NEG.search(after) if "not" in after or "n't" in after else None
    return bool(post and _only_filler(after[:post.start()]))


_PREREQ_BEFORE = re.compile(r"(?i)\bpre-?req(?:uisite)?s?\b\s*(?::|-|\(|include[sd]?|are|were|of)")
_PREREQ_AFTER = re.compile(r"(?i)^\s*(?:(?:as|were|are|is|was)\s+)?(?:the\s+)?pre-?req(?:uisite)?s?\b")
_PREREQ_WORD = re.compile(r"(?i)\bpre-?req")
_COURSE = re.compile(
    r"(?i)\b(?:course|courses|class|classes|module|modules|MOOC|bootcamp|certificate|"
    r"specialization|specialisation|syllabus|curriculum|lecture|lectures|program(?:me)?|track)\b"
)


def mentions_prerequisites(text: str) -> bool:
    """Whether ``course_prerequisite`` can apply anywhere in ``text`` (a cheap pre-check)."""
    if text.isascii() and "pre" not in text.lower():  # what every match starts with
        return False
    return _PREREQ_WORD.search(text) is not None


def course_prerequisite(text: str, mention: Mention, blanked: str) -> bool:
    """"Prerequisites: calculus, linear algebra", "(calculus, linear algebra prerequisites)" in
    a line about a course: what the course assumed, not a claim. Postings' "prerequisites"
    (no course word on the line) stay claims; "Coursework: calculus" is a claim."""
    line_start, line_end = line_bounds(text, mention.start, mention.end)
    line_start = max(line_start, mention.start - 200)
    line_end = min(line_end, mention.end + 200)
    if not _COURSE.search(text, line_start, line_end):
        return False
    before = blanked[line_start:mention.start]
    cues = list(_PREREQ_BEFORE.finditer(before))
    if cues and _only_filler(before[cues[-1].end():].replace(",", " ")):
        return True
    after = blanked[mention.end:line_end]
    gap = re.match(r"[\s,/&]*(?:(?:and|or)\s+)?", after)
    rest = after[gap.end():] if gap else after
    return bool(_PREREQ_AFTER.match(rest))


# --- requirement hints -----------------------------------------------------------------------

_PREFERRED = _Folded(re.compile(
    r"\b(?:a plus|is a plus|big plus|nice[- ]to[- ]have|preferred|preferably|preference|bonus|"
    r"desirable|desired|advantageous|an advantage|ideally|good to have|would be great|helpful)\b",
    re.IGNORECASE,
))
_REQUIRED = _Folded(re.compile(
    r"\b(?:must|required|requires?|requirements?|essential|mandatory|minimum|strong|"
    r"proficien(?:t|cy)|expert|expertise|solid|extensive|need(?:ed)?|demonstrated|qualifications|"
    r"looking for|you(?:'ll| will)? (?:need|have|bring)|who you are|about you|\d\+? years)\b",
    re.IGNORECASE,
))
_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
_SENTENCE_MARKS = ("\n", ". ", "; ", "! ", "? ")
_SENTENCE_MARK = re.compile(r"\n|[.;!?] ")


class RequirementHints:
    """Per-document "required"/"preferred" hints, memoised by sentence and by heading."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentences: dict[tuple[int, int], str | None] = {}
        self._headings: dict[int, str | None] = {}
        # line end offset → _heading_verdict of that line
        self._verdicts: dict[int, tuple[bool, str | None]] = {}
        self._marks: list[int] | None = None

    def __call__(self, start: int, end: int) -> str | None:
        """The sentence's cue words decide; without any, the nearest heading above does."""
        text = self.text
        left = self._sentence_start(start)
        right_match = _SENTENCE_END.search(text, end, end + 400)
        right = right_match.start() if right_match else min(len(text), end + 400)
        if (left, right) not in self._sentences:
            self._sentences[(left, right)] = _cue(text[left:right])
        hint = self._sentences[(left, right)]
        if hint is not None:
            return hint
        line_start = text.rfind("\n", 0, start)
        if line_start not in self._headings:
            self._headings[line_start] = self._heading(line_start)
        return self._headings[line_start]

    def _sentence_start(self, start: int) -> int:
        """Where the sentence holding ``start`` begins: just after the last sentence mark
        (``_SENTENCE_MARKS``) lying wholly in the 300 characters before it, else 300 back."""
        if self._marks is None:
            # (no two marks end at the same offset, and none overlap)
            self._marks = [m.end() for m in _SENTENCE_MARK.finditer(self.text)]
        marks, text = self._marks, self.text
        floor = max(0, start - 300)
        index = bisect_right(marks, start) - 1
        while index >= 0 and marks[index] > floor:
            end = marks[index]
            if end - (1 if text[end - 1] == "\n" else 2) >= floor:
                return end
            index -= 1
        return floor

    def _heading(self, cursor: int) -> str | None:
        text, verdicts = self.text, self._verdicts
        for _ in range(_HEADING_LOOKBACK):
            if cursor <= 0:
                return None
            previous = text.rfind("\n", 0, cursor) + 1
            verdict = verdicts.get(cursor)
            if verdict is None:
                verdict = verdicts[cursor] = _heading_verdict(text[previous:cursor].strip())
            is_heading, hint = verdict
            if is_heading:
                return hint
            cursor = previous - 1
        return None


def _heading_verdict(line: str) -> tuple[bool, str | None]:
    """Whether the search for a heading stops at ``line``, and the hint it gives then."""
    if line and (line.endswith(":") or len(line.split()) <= 5) and not line.endswith("."):
        hint = _cue(line)
        if hint is not None or line.endswith(":") or line.isupper():
            return True, hint
    return False, None


def _cue(sentence: str) -> str | None:
    if _PREFERRED.search(sentence):
        return "preferred"
    if _REQUIRED.search(sentence):
        return "required"
    return None
