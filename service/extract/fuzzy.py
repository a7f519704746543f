"""Misspelling matches with rapidfuzz ("Pytroch", "Kubernates", "Tensor flow").

Only the declared unambiguous forms (not generated variants) longer than 4 characters of
skills not opted out (``fuzzy: false``); an ambiguous skill's ``unambiguous_aliases`` only when
its entry says ``fuzzy: true`` ("Pytroch" is PyTorch although "torch" needs context); only over
token n-grams that no exact match covers. Forms are bucketed by their first two letters and
their length without spaces and hyphens; a candidate is paired only with the forms of its bucket
(same first two letters, length within one), and ONE ``process.cpdist`` call per document
scores all those pairs (verdicts are remembered per n-gram, so a word seen before costs a
dictionary look-up). Then a length-ratio guard and the typo test: spacing aside, one edit inside
one word, away from its ends. So "Kubernates", "Pytroch", "Pyhton", "scikit lern" and "Tensor flow" match while
"scalar", "docket", "status" (Stata), "Entity Extractor" (entity extraction) and "root cause
analysis" (causal analysis) do not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import accumulate, compress

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from ..taxonomy import Skill, Taxonomy
from .forms import Form, FormTable, fold
from .mention import Mention

# rapidfuzz ratio floor ("pyhton", one swap in six letters, is 83.3); _acceptable decides.
CUTOFF = 83.0
MIN_FORM_CHARS = 5
MAX_LENGTH_RATIO = 1.25
MAX_REMEMBERED = 50_000
_ELIGIBLE = re.compile(r"[a-z0-9 -]+")

# what the n-grams opening with a word need: the lengths of its first two letters' buckets,
# the longest, how many words an n-gram may take, the word's length and the word's own candidate
# ("" when it is none)
Opener = tuple[frozenset[int], int, int, int, str]


def squeeze(text: str) -> str:
    """A form without spaces and hyphens: "scikit learn" and "scikit-learn" meet."""
    return text.replace(" ", "").replace("-", "")


def _fuzzy(skill: Skill) -> bool:
    """A skill whose forms may match misspelt: not opted out; an ambiguous skill only when it
    opts in (``fuzzy: true`` written in its entry), and then only its unambiguous forms."""
    if skill.ambiguous:
        return "fuzzy" in skill.model_fields_set and skill.fuzzy
    return skill.fuzzy


class FuzzyIndex:
    """The fuzzy-eligible forms of a taxonomy, bucketed by first two letters and length."""

    def __init__(self, taxonomy: Taxonomy, table: FormTable) -> None:
        self.forms: dict[str, Form] = {}
        for key, form in table.forms.items():
            skills = [taxonomy.skills[i] for i in form.skill_ids]
            # (a name in another language matches only as written: a near miss of one is often
            # an English word, "probabilities" for the French "probabilités")
            if (form.ambiguous or form.variant or form.translated
                    or len(form.skill_ids) != 1):
                continue
            if len(key) < MIN_FORM_CHARS:
                continue
            if any(not _fuzzy(s) for s in skills) or not _ELIGIBLE.fullmatch(key):
                continue
            self.forms[key] = form
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for key in self.forms:
            length = len(squeeze(key))
            for near in (length - 1, length, length + 1):
                buckets[(key[:2], near)].append(key)
        self.buckets = {k: tuple(v) for k, v in buckets.items()}
        # n-grams seen before: raw text → candidate ("" once it is known to be no typo),
        # candidate → [(score, form key)] it is a typo of (pure functions of the string;
        # bounded, safe to share between threads)
        self._known: dict[str, str] = {}
        # words seen opening n-grams: their bucket's facts and their own candidate (_opener)
        self._openers: dict[str, Opener | tuple[()]] = {}
        self._verdicts: dict[str, list[tuple[float, str]]] = {}
        self.max_words: dict[str, int] = {}
        for key in self.forms:
            words = key.count(" ") + key.count("-") + 1
            # one more token than the form has words: "Tensor flow" for "TensorFlow"
            self.max_words[key[:2]] = min(3, max(self.max_words.get(key[:2], 0), words + 1))
        # per first two letters: the bucket lengths, the longest, and the n-gram reach
        sizes: dict[str, set[int]] = defaultdict(set)
        for prefix, length in self.buckets:
            sizes[prefix].add(length)
        self._by_prefix = {
            prefix: (frozenset(lengths), max(lengths), self.max_words[prefix])
            for prefix, lengths in sizes.items()
        }

    def forget(self) -> None:
        """Empty the remembered n-gram verdicts."""
        self._known.clear()
        self._openers.clear()
        self._verdicts.clear()

    def _candidates(
        self, text: str, starts: list[int], ends: list[int], words: list[bool],
        covered: bytearray,
    ) -> list[tuple[int, int, str]]:
        """Token n-grams (hyphens inside allowed) whose first two letters and squeezed length
        fit a bucket; ``words`` flags the tokens that may take part (ASCII letters, not stop
        words). An n-gram already judged to be no typo is left out. The facts an n-gram's first
        word brings (its bucket, its own candidate) are remembered per word (``_opener``)."""
        out: list[tuple[int, int, str]] = []
        append = out.append
        known = self._known
        openers = self._openers
        verdicts = self._verdicts
        if len(known) > MAX_REMEMBERED:
            known.clear()
        if len(openers) > MAX_REMEMBERED:
            openers.clear()
        count = len(starts)
        for i in compress(range(count), words):
            start_char, first_end = starts[i], ends[i]
            # (a start inside an exact match: every n-gram from there overlaps it)
            if covered[start_char]:
                continue
            word = text[start_char:first_end]
            opener = openers.get(word)
            if opener is None:
                opener = self._opener(word, text[start_char:start_char + 2])
            if not opener:
                continue
            sizes, longest, reach, length, candidate = opener
            # (the coverage test after the verdict: an n-gram over a mention makes every longer
            # one overlap it too, and each is tested before it is taken)
            if candidate:
                if verdicts.get(candidate) == []:  # (judged no typo since: "" from now on)
                    known[word] = ""
                    openers.pop(word, None)
                elif covered.find(1, start_char, first_end) >= 0:
                    continue
                else:
                    append((start_char, first_end, candidate))
            taken = 1
            end = i + 1
            while taken < reach and end < count:
                token_start, token_end = starts[end], ends[end]
                if words[end]:
                    length += token_end - token_start
                    if length > longest:  # (lengths only grow: no bucket further on)
                        break
                    taken += 1
                    if length in sizes:
                        raw = text[start_char:token_end]
                        candidate = known.get(raw)
                        if candidate is None:
                            candidate = known[raw] = _candidate(raw)
                        if candidate:
                            if verdicts.get(candidate) == []:
                                known[raw] = ""
                            elif covered.find(1, start_char, token_end) >= 0:
                                break
                            else:
                                append((start_char, token_end, candidate))
                elif text[token_start:token_end] != "-":
                    break
                end += 1
        return out

    def _opener(self, word: str, first_two: str) -> Opener | tuple[()]:
        """What the n-grams that open with ``word`` need (``Opener``), or ``()`` when none can:
        no bucket has its ``first_two`` characters, or it is longer than their longest form.
        Remembered per word, but for a one-letter word (whose first two characters take in the
        one after it)."""
        opener: Opener | tuple[()] = ()
        bucket = self._by_prefix.get(first_two.lower())
        if bucket is not None:
            sizes, longest, reach = bucket
            if len(word) <= longest:
                candidate = ""
                if len(word) in sizes:  # (the one-word n-gram, remembered as the others are)
                    candidate = self._known.get(word)
                    if candidate is None:
                        candidate = self._known[word] = _candidate(word)
                opener = (sizes, longest, reach, len(word), candidate)
        if len(word) > 1:
            self._openers[word] = opener
        return opener

    def find(
        self, text: str, starts: list[int], ends: list[int], words: list[bool],
        covered: list[tuple[int, int]],
    ) -> list[Mention]:
        """Fuzzy mentions in the parts of ``text`` (tokens starting at ``starts`` and ending at
        ``ends``, ``words`` flagging the word tokens) that ``covered`` leaves free."""
        if not self.forms:
            return []
        mask = bytearray(len(text))
        for start, end in covered:
            mask[start:end] = b"\x01" * (end - start)
        candidates = self._candidates(text, starts, ends, words, mask)
        if len(self._verdicts) > MAX_REMEMBERED:
            self._verdicts.clear()
        verdicts = {c: self._verdicts.get(c) for c in dict.fromkeys(c for _, _, c in candidates)}
        new = self._judge([c for c, verdict in verdicts.items() if verdict is None])
        self._verdicts.update(new)
        verdicts.update(new)
        hits = [
            (end - start, score, start, end, key)
            for start, end, candidate in candidates
            for score, key in verdicts[candidate] or ()
        ]
        chosen: list[Mention] = []
        taken = bytearray(len(text))  # (the characters of the chosen: a scan of them per hit
        # was quadratic on a text of thousands of typos)
        for _, _, start, end, key in sorted(hits, key=lambda h: (-h[0], -h[1], h[2])):
            if taken.find(1, start, end) >= 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append(Mention(start, end, self.forms[key], "fuzzy"))
        return chosen


    def _judge(self, candidates: list[str]) -> dict[str, list[tuple[float, str]]]:
        """For each candidate, the forms of its bucket it is a typo of (with the scores), in
        bucket order; ONE ``process.cpdist`` call scores all the pairs."""
        verdicts: dict[str, list[tuple[float, str]]] = {c: [] for c in candidates}
        rows: list[int] = []
        keys: list[str] = []
        for row, candidate in enumerate(candidates):
            bucket = self.buckets.get((candidate[:2], len(squeeze(candidate))), ())
            rows.extend([row] * len(bucket))
            keys.extend(bucket)
        if not rows:
            return verdicts
        # no score_cutoff: rapidfuzz's cpdist is much slower with one; filter afterwards
        scores = process.cpdist(
            [candidates[r] for r in rows], keys, scorer=fuzz.ratio, dtype="uint8", workers=1,
        )
        for index in (scores >= CUTOFF).nonzero()[0]:
            candidate = candidates[rows[index]]
            score, key = float(scores[index]), keys[index]
            if _acceptable(candidate, key, score):
                verdicts[candidate].append((score, key))
        return verdicts


def _candidate(raw: str) -> str:
    """The text an n-gram is compared as: folded, one space between words; "" when it cannot be
    a typo of any form (too short, or broken by a line)."""
    candidate = " ".join(fold(raw).split())
    if len(candidate) < MIN_FORM_CHARS or "\n" in raw:
        return ""
    return candidate


def _acceptable(text: str, key: str, score: float) -> bool:
    """After the cutoff, a real typo: spacing aside ("tensor flow") the texts are one edit
    apart, inside one word, not in its first or last letter ("Kubernates", "scikit lern",
    "Pyhton"), never a different word form ("extractor" for "extraction", "docket")."""
    squeezed, form = squeeze(text), squeeze(key)
    if squeezed == form:
        return True
    ratio = len(text) / len(key)
    if not (1 / MAX_LENGTH_RATIO <= ratio <= MAX_LENGTH_RATIO) or score < CUTOFF:
        return False
    words, form_words = text.replace("-", " ").split(), key.replace("-", " ").split()
    if len(words) != len(form_words):
        # (and not at the seam of the form's words: "previews" is no "PR reviews")
        return _one_inner_edit(squeezed, form) and not _at_a_seam(squeezed, form, form_words)
    differing = [(w, f) for w, f in zip(words, form_words, strict=True) if w != f]
    return len(differing) == 1 and _one_inner_edit(*differing[0])


def _at_a_seam(word: str, form: str, form_words: list[str]) -> bool:
    """The first difference of ``word`` from ``form`` (both squeezed) lies within one letter of
    where two of the form's words meet."""
    first = next((i for i, (a, b) in enumerate(zip(word, form, strict=False)) if a != b),
                 min(len(word), len(form)))
    seams = list(accumulate(len(w) for w in form_words[:-1]))
    return any(abs(first - seam) <= 1 for seam in seams)


def _one_inner_edit(word: str, form: str) -> bool:
    """One insertion, deletion, substitution or swap, away from both ends of the word."""
    if len(form) < MIN_FORM_CHARS or OSA.distance(word, form) != 1:
        return False
    shortest = min(len(word), len(form))
    prefix = next((i for i, (a, b) in enumerate(zip(word, form, strict=False)) if a != b), shortest)
    suffix = next(
        (i for i, (a, b) in enumerate(zip(reversed(word), reversed(form), strict=False)) if a != b),
        shortest,
    )
    return prefix >= 1 and suffix >= 1
