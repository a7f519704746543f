"""Misspelling matches with rapidfuzz ("Pytroch", "Kubernates", "Tensor flow").

Only forms longer than 4 characters of skills that are neither ambiguous nor opted out
(``fuzzy: false``); only over token n-grams that no exact match covers and that share their first
two letters with such a form. A deletion-neighbourhood index (one edit apart, spaces and hyphens
ignored) shortlists the pairs worth scoring, then ONE ``process.cdist`` call per document scores
them with a high cutoff and a length-ratio guard. A word that merely extends or truncates a form
("scalar", "pythonic") is a different word, not a typo.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from ..taxonomy import Taxonomy
from .forms import Form, FormTable, fold

if TYPE_CHECKING:
    from .pipeline import Mention

CUTOFF = 88.0
TRANSPOSITION_CUTOFF = 85.0
MIN_FORM_CHARS = 5
MAX_LENGTH_RATIO = 1.25
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
_MEMO_SIZE = 100_000
_ELIGIBLE = re.compile(r"[a-z0-9 -]+")


def squeeze(text: str) -> str:
    """A form without spaces and hyphens: "scikit learn" and "scikit-learn" meet."""
    return text.replace(" ", "").replace("-", "")


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


class FuzzyIndex:
    """The fuzzy-eligible forms of a taxonomy and their one-deletion neighbourhood."""

    def __init__(self, taxonomy: Taxonomy, table: FormTable) -> None:
        self.forms: dict[str, Form] = {}
        for key, form in table.forms.items():
            skills = [taxonomy.skills[i] for i in form.skill_ids]
            if form.ambiguous or len(form.skill_ids) != 1 or len(key) < MIN_FORM_CHARS:
                continue
            if any(s.ambiguous or not s.fuzzy for s in skills) or not _ELIGIBLE.fullmatch(key):
                continue
            self.forms[key] = form
        self.neighbours: dict[str, set[str]] = defaultdict(set)
        self.lengths: dict[str, set[int]] = defaultdict(set)
        for key in self.forms:
            squeezed = squeeze(key)
            for variant in _deletions(squeezed):
                self.neighbours[variant].add(key)
            self.lengths[key[:2]].update({len(squeezed) - 1, len(squeezed), len(squeezed) + 1})
        self._memo: dict[str, tuple[str, ...]] = {}
        words = [key.count(" ") + key.count("-") + 1 for key in self.forms]
        self.max_words = min(max(words, default=1), 3)

    def _shortlist(self, candidate: str) -> tuple[str, ...]:
        """Forms one edit from ``candidate`` (memoised: most words recur across documents)."""
        keys = self._memo.get(candidate)
        if keys is None:
            found: set[str] = set()
            for variant in _deletions(squeeze(candidate)):
                found |= self.neighbours.get(variant, set())
            keys = tuple(sorted(k for k in found if k[:2] == candidate[:2]))
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[candidate] = keys
        return keys

    def _candidates(
        self, text: str, spans: list[tuple[int, int]], covered: bytearray
    ) -> list[tuple[int, int, str]]:
        out = []
        tokens = [text[s:e] for s, e in spans]
        words = [bool(_WORD.match(t)) for t in tokens]
        for i, (start_char, _) in enumerate(spans):
            lengths = self.lengths.get(tokens[i][:2].casefold()) if words[i] else None
            if not lengths:
                continue
            end = i
            for _ in range(self.max_words):
                if end >= len(tokens) or not (words[end] or tokens[end] == "-"):
                    break
                end_char = spans[end][1]
                if 1 in covered[start_char:end_char]:
                    break
                if words[end]:
                    candidate = fold(text[start_char:end_char])
                    if (
                        len(squeeze(candidate)) in lengths
                        and len(candidate) >= MIN_FORM_CHARS
                        and candidate not in STOP_WORDS
                        and "\n" not in candidate
                    ):
                        out.append((start_char, end_char, " ".join(candidate.split())))
                end += 1
        return out

    def find(
        self, text: str, tokens: list[tuple[int, int]], covered: list[tuple[int, int]]
    ) -> list["Mention"]:
        """Fuzzy mentions in the parts of ``text`` (token spans ``tokens``) that ``covered``
        leaves free."""
        from .pipeline import Mention

        if not self.forms:
            return []
        mask = bytearray(len(text))
        for start, end in covered:
            mask[start:end] = b"\x01" * (end - start)
        pairs: list[tuple[int, str]] = []
        candidates = self._candidates(text, tokens, mask)
        for row, (_, _, candidate) in enumerate(candidates):
            pairs.extend((row, key) for key in self._shortlist(candidate))
        if not pairs:
            return []
        rows = sorted({row for row, _ in pairs})
        choices = sorted({key for _, key in pairs})
        scores = process.cdist(
            [candidates[r][2] for r in rows], choices, scorer=fuzz.ratio,
            score_cutoff=TRANSPOSITION_CUTOFF, dtype="uint8", workers=1,
        )
        row_index = {row: i for i, row in enumerate(rows)}
        col_index = {key: j for j, key in enumerate(choices)}
        hits = []
        for row, key in pairs:
            score = float(scores[row_index[row]][col_index[key]])
            start, end, candidate = candidates[row]
            if score >= TRANSPOSITION_CUTOFF and _acceptable(candidate, key, score):
                hits.append((end - start, score, start, end, key))
        chosen: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for _, _, start, end, key in sorted(hits, key=lambda h: (-h[0], -h[1], h[2])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append(Mention(start, end, self.forms[key], "fuzzy"))
        return chosen


def _acceptable(text: str, key: str, score: float) -> bool:
    """The guards after the cutoff: length ratio, same first letter, a real typo."""
    squeezed, form = squeeze(text), squeeze(key)
    if squeezed == form:
        return True
    ratio = len(text) / len(key)
    if not (1 / MAX_LENGTH_RATIO <= ratio <= MAX_LENGTH_RATIO) or text[0] != key[0]:
        return False
    if squeezed.startswith(form) or form.startswith(squeezed):
        return False
    if score >= CUTOFF:
        return True
    return len(key) >= 7 and OSA.distance(text, key) == 1
