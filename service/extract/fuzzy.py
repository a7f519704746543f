"""Misspelling matches with rapidfuzz ("Pytroch", "Kubernates", "scikit learn").

Only forms longer than 4 characters of skills that are neither ambiguous nor opted out; only
over token n-grams no exact match covers that share their first two letters with such a form;
one ``process.cdist`` call per document with a high cutoff and a length-ratio guard. A word that
merely extends or truncates a form ("scalar", "pythonic") is a different word, not a typo.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from ..taxonomy import Taxonomy
from .forms import Form, FormTable, fold

if TYPE_CHECKING:
    from .pipeline import Mention

CUTOFF = 88.0
TRANSPOSITION_CUTOFF = 85.0
MIN_FORM_CHARS = 5
MAX_LENGTH_RATIO = 1.25
_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


class FuzzyIndex:
    """The fuzzy-eligible forms of a taxonomy, bucketed by their first two letters."""

    def __init__(self, taxonomy: Taxonomy, table: FormTable) -> None:
        self.forms: dict[str, Form] = {}
        for key, form in table.forms.items():
            skills = [taxonomy.skills[i] for i in form.skill_ids]
            if form.ambiguous or len(form.skill_ids) != 1 or len(key) < MIN_FORM_CHARS:
                continue
            if any(s.ambiguous or not s.fuzzy for s in skills) or form.symbolic and "-" not in key:
                continue
            if not re.fullmatch(r"[a-z0-9 -]+", key):
                continue
            self.forms[key] = form
        self.prefixes = {key[:2] for key in self.forms}
        self.max_words = max((key.count(" ") + key.count("-") + 1 for key in self.forms), default=1)
        self.max_words = min(self.max_words, 3)

    def _candidates(self, doc: Doc, covered: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        out = []
        tokens = list(doc)
        words = [bool(_WORD.match(t.text)) for t in tokens]
        for i, token in enumerate(tokens):
            if not words[i]:
                continue
            end = i
            for _ in range(self.max_words):
                if end >= len(tokens):
                    break
                if not words[end] and tokens[end].text != "-":
                    break
                if words[end]:
                    start_char, end_char = token.idx, tokens[end].idx + len(tokens[end].text)
                    text = fold(doc.text[start_char:end_char])
                    if (
                        len(text) >= MIN_FORM_CHARS
                        and text[:2] in self.prefixes
                        and text not in STOP_WORDS
                        and "\n" not in text
                        and not any(start_char < e and s < end_char for s, e in covered)
                    ):
                        out.append((start_char, end_char, " ".join(text.split())))
                end += 1
        return out

    def find(self, doc: Doc, covered: list[tuple[int, int]]) -> list["Mention"]:
        """Fuzzy mentions in the parts of ``doc`` that ``covered`` leaves free."""
        from .pipeline import Mention

        if not self.forms:
            return []
        candidates = self._candidates(doc, covered)
        if not candidates:
            return []
        prefixes = {c[2][:2] for c in candidates}
        choices = [k for k in self.forms if k[:2] in prefixes]
        scores = process.cdist(
            [c[2] for c in candidates], choices, scorer=fuzz.ratio,
            score_cutoff=TRANSPOSITION_CUTOFF, dtype="uint8", workers=1,
        )
        hits = []
        for row, (start, end, text) in enumerate(candidates):
            best = int(scores[row].argmax())
            score = float(scores[row][best])
            if score < TRANSPOSITION_CUTOFF:
                continue
            key = choices[best]
            if _acceptable(text, key, score):
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
    squeezed, form = text.replace(" ", "").replace("-", ""), key.replace(" ", "").replace("-", "")
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
