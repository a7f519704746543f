"""Cue words in a posting: headings that make a section required or preferred, the sentence cues
(taxonomy data, ``cues.yaml``), "not needed" phrases, and years phrases ("3+ years of Python",
"at least two years")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..taxonomy import Taxonomy, per_taxonomy

Kind = str  # "required" | "preferred" | "duties" | "other" | "excluded"
I = re.IGNORECASE

HEADING_KINDS: list[tuple[Kind, re.Pattern[str]]] = [
    ("excluded", re.compile(
        r"not required|do(?:n't| not) need|not (?:looking|expected)|what (?:this|the) role is not|"
        r"not needed", I)),
    ("preferred", re.compile(
        r"nice[ -]to[ -]haves?|bonus|preferred|pluses|\bplus\b|extra credit|desir(?:ed|able)|"
        r"good to have|ideally|would be great|great if|stand out", I)),
    ("other", re.compile(
        r"about (?:us|the company|the team|company)|^about\b|who we are|benefits|perks|"
        r"what we offer|compensation|salary|equal opportunity|how to apply|apply|"
        r"our (?:company|mission|culture|process|stack|interview)|why join|location|stack|"
        r"tools we use|how we work|interview", I)),
    ("duties", re.compile(
        r"responsibilit|what you(?:'ll| will) do|the role|your role|duties|day[ -]to[ -]day|"
        r"in this role|the job|what you(?:'ll| will) be doing|your (?:mission|impact)", I)),
    ("required", re.compile(
        r"requirement|required|qualifications|what you(?:'ll| will)? need|what we(?:'re| are) "
        r"looking for|who you are|must[ -]haves?|you have|you bring|what you(?:'ll| will)? bring|skills|"
        r"your profile|about you|essential|experience|you should have|we expect|education", I)),
]
NOT_NEEDED = re.compile(
    r"\b(?:is|are)? ?not (?:required|necessary|needed|a requirement|expected)\b|"
    r"\bno need (?:for|to)\b|\bdon'?t need\b|\bdo not need\b|\bwithout\b", I)
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15,
}
NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(NUMBER_WORDS) + r")"
YEARS = re.compile(
    rf"(?:(?:at least|minimum(?: of)?|min\.?|over|more than)\s+)?{NUM}"
    rf"(?:\s*(?:\+|plus)|\s*(?:-|to)\s*{NUM})?(?:\s*\(\d+\))?\s*(?:\+\s*)?(?:or more\s+)?years?",
    I,
)
SKILL_LEAD = re.compile(
    r"^\s*(?:'s)?\s*(?:of\s+)?(?:(?:hands-on|professional|industry|relevant|commercial|practical|"
    r"production|working)\s+)*(?:experience\s+)?(?:(?:with|in|using|of|writing|programming in)\s+)?$",
    I,
)
GENERAL_YEARS = re.compile(
    r"^\s*(?:'s?)?\s*(?:of|in|as|with|working|building|developing|doing|shipping|experience|"
    r"professional|industry|relevant|hands-on|post|full-time|commercial|software|related)\b",
    I)
ALTERNATIVE_GAP = re.compile(r"^\s*(?:,|/|\||or|,\s*or|and/or|\(|\)|,\s*and/or)\s*$", I)


@dataclass(frozen=True)
class CuePatterns:
    """The taxonomy's required / preferred / emphasis phrases (``cues.yaml``), compiled."""

    preferred: re.Pattern[str]
    required: re.Pattern[str]
    emphasis: re.Pattern[str]

    def importance(self, sentence: str, section: Kind | None,
                   hint: str | None) -> tuple[str, float]:
        """Required or preferred, and how strongly (emphasis, or a mere duty / aside)."""
        emphasis = 1.5 if self.emphasis.search(sentence) else 1.0
        if self.preferred.search(sentence) or section == "preferred":
            return "preferred", 1.0
        if self.required.search(sentence) or section == "required":
            return "required", emphasis
        if section == "duties":
            return "required", 0.75
        if section == "other":
            return "preferred", 0.75
        if hint == "preferred":
            return "preferred", 1.0
        return "required", 1.0


_NEVER = re.compile(r"(?!)")


@per_taxonomy
def cue_patterns(tax: Taxonomy) -> CuePatterns:
    """The taxonomy's cues compiled once per taxonomy object."""
    def join(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns), I) if patterns else _NEVER

    cues = tax.cues
    return CuePatterns(join(cues.preferred), join(cues.required), join(cues.emphasis))


def number(token: str | None) -> float | None:
    if token is None:
        return None
    token = token.lower()
    return float(NUMBER_WORDS[token]) if token in NUMBER_WORDS else float(token)
