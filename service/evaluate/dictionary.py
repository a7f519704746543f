"""The baseline every figure is shown beside: a plain dictionary, every taxonomy form matched
case-insensitively as a whole word over the same normalised text, with no context, negation or
fuzzy matching."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..taxonomy import Taxonomy
from .gold import fold
from .predictions import Prediction, line_at


def forms_pattern(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms`` (as written; flags are the caller's), the longest where
    several match at one place: an alternation compiled as a trie."""
    return _trie_pattern(_trie(forms))


def _trie(forms: Iterable[str]) -> dict:
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _trie_pattern(node: dict) -> str:
    """A regex equivalent to the alternation of the trie's forms that prefers the longest one
    (greedy optional branches) without trying every form at every position."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


class DictionaryMatcher:
    """The plain-dictionary baseline: every taxonomy form (names, aliases, compounds) matched
    case-insensitively as a whole word, longest first; no context, negation or fuzziness."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.names: dict[str, list[str]] = {}
        for skill in taxonomy.skills.values():
            for form in skill.forms:
                self._add(form, [skill.name])
        for compound in taxonomy.compounds:
            names = [taxonomy.get(skill_id).name for skill_id in compound.skills]
            for form in compound.forms:
                self._add(form, names)
        body = forms_pattern(self.names)
        self.pattern = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)

    def _add(self, form: str, names: list[str]) -> None:
        self.names.setdefault(form.casefold(), [])
        self.names[form.casefold()] += [n for n in names if n not in self.names[form.casefold()]]

    def find(self, text: str) -> Prediction:
        found: dict[str, list[str]] = {}
        for match in self.pattern.finditer(text):
            for name in self.names.get(match.group().casefold(), []):
                found.setdefault(fold(name), []).append(line_at(text, *match.span()))
        return Prediction(found)
