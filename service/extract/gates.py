"""Per-text gates: rules that search a regex around every mention are not asked in a text that
lacks every string their matches need (``literals``), which most texts do. Same answers."""

from __future__ import annotations

import re
from functools import lru_cache

from ..taxonomy import ContextRule
from . import context, names
from .literals import ASCII_CASE_MATES, Haystack, needed_by_any, needed_literals, shortest_needed
from .mention import Mention

__all__ = ["Haystack", "Rejections", "may_be_boilerplate", "may_describe_employer",
           "may_name_founders", "may_name_retired"]

# the regexes names.in_boilerplate searches around each mention (an unknown one: always asked)
_BOILERPLATE_NEEDS = tuple(
    shortest_needed(getattr(names, name, None)) for name in ("_BOILERPLATE", "_ABOUT_LABEL")
)


def may_be_boilerplate(haystack: Haystack) -> bool:
    """False when ``names.in_boilerplate`` is False for every mention of the text."""
    return haystack.may_hold(_BOILERPLATE_NEEDS)


_BLURB_NEEDS = (shortest_needed(getattr(names, "_COMPANY_BLURB", None)),)


def may_describe_employer(haystack: Haystack) -> bool:
    """False when ``names.in_company_blurb`` is False for every mention of the text."""
    return haystack.may_hold(_BLURB_NEEDS)


_FIELD_NEEDS = (shortest_needed(getattr(names, "_FIELD_HEAD", None)),)


def may_name_employer_field(haystack: Haystack) -> bool:
    """False when ``names.in_employer_field`` is False for every mention of the text."""
    return haystack.may_hold(_FIELD_NEEDS)


_FOUNDERS_NEEDS = (shortest_needed(getattr(names, "_FOUNDERS_MADE", None)),)


def may_name_founders(haystack: Haystack) -> bool:
    """False when ``names.made_by_founders`` is False for every mention of the text."""
    return haystack.may_hold(_FOUNDERS_NEEDS)


# the regexes context.Negations searches around each mention of a posting for a retired tool
_RETIRED_NEEDS = (needed_by_any([
    shortest_needed(getattr(context.negation, name, None))
    for name in ("_RETIRED_BEFORE", "_RETIRED_AFTER")
]),)


def may_name_retired(haystack: Haystack) -> bool:
    """False when no mention of the text is a tool the team retired (``context.Negations``)."""
    return haystack.may_hold(_RETIRED_NEEDS)


class Rejections:
    """``context.rejected_by_rule`` for one text: only the reject patterns whose needed strings
    (``literals.needed_literals``) are in the mention's window are searched (most windows
    hold none: a scan of a few dozen characters instead of the patterns' searches), and each
    mention's verdict is kept (the ambiguity passes and the final filter ask again)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._verdicts: dict[tuple[int, int, int], bool] = {}

    def __call__(self, mention: Mention, rule: ContextRule | None) -> bool:
        if rule is None or not rule.rejecting:
            return False
        key = (mention.start, mention.end, id(rule))
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._rejected(mention, rule.rejecting, rule.window)
        return verdict

    def _rejected(self, mention: Mention, patterns: tuple[str, ...], reach: int) -> bool:
        text = self.text
        window = text[max(0, mention.start - reach):mention.end + reach]
        # (a character matching an ASCII letter ignoring case: every pattern is searched)
        if window.isascii() or not any(c in window for c in ASCII_CASE_MATES):
            holds = window.lower().__contains__  # (mapped over the strings: a loop in C)
            kept = [pattern for pattern, needs in _needed_each(patterns)
                    if needs is None or any(map(holds, needs))]
            if not kept:
                return False
            return context.rejected_by_patterns(text, mention, kept, reach)
        return context.rejected_by_patterns(text, mention, patterns, reach)


@lru_cache(maxsize=4096)
def _needed_each(patterns: tuple[str, ...]) -> tuple[tuple[str, frozenset[str] | None], ...]:
    """Each pattern with the strings one of which its matches need (``shortest_needed``;
    None: unknown), cached by the rule's patterns."""
    return tuple((pattern, needed_by_any([_needed(pattern)])) for pattern in patterns)


@lru_cache(maxsize=4096)
def _needed(pattern: str) -> frozenset[str] | None:
    """``needed_literals`` of a taxonomy context pattern (compiled as ``context`` compiles it)."""
    try:
        return needed_literals(re.compile(pattern))
    except re.error:
        return None
