"""Whether a posting requires or prefers a mention: the cue words of its sentence, else of the
nearest heading above it."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ...taxonomy import Cues
from ..literals import Occurrences, lowered_for_search, shortest_needed
from .folded import Folded
from .lines import HEADING_LOOKBACK



@dataclass(frozen=True)
class RequirementCues:
    """The taxonomy's preferred and required cue phrases (``cues.yaml``), each list compiled
    into one case-insensitive pattern; a preferred cue wins over a required one."""

    preferred: Folded | re.Pattern[str]
    required: Folded | re.Pattern[str]

    @classmethod
    def of(cls, cues: Cues) -> RequirementCues:
        return _requirement_cues(tuple(cues.preferred), tuple(cues.required))

    def hint(self, sentence: str) -> str | None:
        """"preferred", "required" or ``None``, from the cue words of ``sentence``."""
        if self.preferred.search(sentence):
            return "preferred"
        if self.required.search(sentence):
            return "required"
        return None


@lru_cache(maxsize=8)
def _requirement_cues(preferred: tuple[str, ...], required: tuple[str, ...]) -> RequirementCues:
    return RequirementCues(_joined(preferred), _joined(required))


def _joined(patterns: tuple[str, ...]) -> Folded | re.Pattern[str]:
    """One case-insensitive pattern for all of ``patterns`` (folded when it can be)."""
    if not patterns:
        return re.compile(r"(?!)")
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    try:
        return Folded(pattern)
    except ValueError:  # a cue with an upper-case letter of its own
        return pattern


_SENTENCE_END = re.compile(r"[.;!?](?=\s)|\n")
_SENTENCE_MARKS = ("\n", ". ", "; ", "! ", "? ")
_SENTENCE_MARK = re.compile(r"\n|[.;!?] ")


class RequirementHints:
    """Per-document "required"/"preferred" hints, memoised by sentence and by heading; a cue
    pattern is searched only in spans holding a string its matches need."""

    def __init__(self, text: str, cues: Cues) -> None:
        self.text = text
        self.cues = RequirementCues.of(cues)
        lowered = lowered_for_search(text)
        self._preferred = Occurrences(lowered, _needed(self.cues.preferred))
        self._required = Occurrences(lowered, _needed(self.cues.required))
        self._sentences: dict[tuple[int, int], str | None] = {}
        self._headings: dict[int, str | None] = {}
        # line end offset → (how many lines up, hint) of the nearest heading, None past reach
        self._nearest: dict[int, tuple[int, str | None] | None] = {}
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
            self._sentences[(left, right)] = self._hint(text[left:right], left, right)
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
        """The hint of the first heading among the ``HEADING_LOOKBACK`` lines up from the one
        ending at ``cursor``. Each line's nearest heading (its distance and hint) is
        remembered, so the lines of one list share one walk up."""
        text, verdicts, nearest = self.text, self._verdicts, self._nearest
        walked: list[int] = []  # the cursors of lines that are no heading, bottom up
        found: tuple[int, str | None] | None = None
        for _ in range(HEADING_LOOKBACK):
            if cursor <= 0:
                break
            if cursor in nearest:
                found = nearest[cursor]
                break
            previous = text.rfind("\n", 0, cursor) + 1
            verdict = verdicts.get(cursor)
            if verdict is None:
                verdict = verdicts[cursor] = self._heading_verdict(previous, cursor)
            is_heading, hint = verdict
            if is_heading:
                found = nearest[cursor] = (1, hint)
                break
            walked.append(cursor)
            cursor = previous - 1
        else:  # HEADING_LOOKBACK lines and no heading: known for the first only
            nearest[walked[0]] = None
            return None
        for line in reversed(walked):  # (the first above, then down)
            found = (found[0] + 1, found[1]) if found and found[0] < HEADING_LOOKBACK else None
            nearest[line] = found
        return found[1] if found else None

    def _heading_verdict(self, start: int, end: int) -> tuple[bool, str | None]:
        """Whether the search for a heading stops at the line ``text[start:end]``, and the hint
        it gives then."""
        line = self.text[start:end].strip()
        if line and (line.endswith(":") or len(line.split()) <= 5) and not line.endswith("."):
            hint = self._hint(line, start, end)
            if hint is not None or line.endswith(":") or line.isupper():
                return True, hint
        return False, None

    def _hint(self, span: str, start: int, end: int) -> str | None:
        """``RequirementCues.hint`` of ``span``, which lies within ``text[start:end]``."""
        if self._preferred.may_hold(start, end) and self.cues.preferred.search(span):
            return "preferred"
        if self._required.may_hold(start, end) and self.cues.required.search(span):
            return "required"
        return None


@lru_cache(maxsize=8)
def _needed(pattern: Folded | re.Pattern[str]) -> frozenset[str] | None:
    return shortest_needed(pattern)
