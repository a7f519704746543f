"""Practices named by what the person did: a verb of one family and an object of another a few
words apart inside one sentence ("pushed the ranking model to production" → model deployment).

The families and rules are taxonomy data (``taxonomy/practices.yaml``), loaded, inflected and
compiled to one regex per rule by ``practice_rules``; this module matches them. A rule's gaps
are at most ``gap`` words of the same sentence (no ``. ; : ! ?`` or line break in between).
Coordinated verbs ("trained, evaluated and deployed models") sit in the gap, so they need no rule
of their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import compress

from spacy.attrs import FLAG19, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..taxonomy import Taxonomy
from .alternation import lowered
from .context.lines import SENTENCE_BREAK
from .forms import Form
from .practice_rules import (  # noqa: F401 - the file's models and loader, re-exported
    BREAK_MARK,
    FIGURE,
    Family,
    Practice,
    PracticeRule,
    PracticeRules,
    load_practices,
    noun_forms,
    rule_patterns,
    verb_forms,
)

_DIGIT = re.compile(r"\d")
# words joined by a slash that the tokenizer keeps as one token ("AI/ML", "ML/AI"): their parts
# may start or complete a rule ("deployment of AI/ML methods")
_SLASHED = re.compile(r"[A-Za-z0-9+#]+(?:/[A-Za-z0-9+#]+)+")
_PART = re.compile(r"[A-Za-z0-9+#]+")


@dataclass
class _Compiled:
    """One rule: the form its matches name, the regex's source (and its form for lower-cased
    ASCII text), the words a match may start with, and per later slot the word hashes one of
    which the text must hold. The regexes compile at first use (``regex``): they took 0.9 s of
    every start, and a process that reads one file reaches only some of them."""

    form: Form
    source: str
    folded: str | None
    starts: frozenset[str]
    number_first: bool
    needs: tuple[frozenset[int], ...]
    requires: re.Pattern[str] | None = None
    requires_before: int = 0
    crosses_breaks: bool = False
    _compiled: re.Pattern[str] | None = field(default=None, repr=False)
    _lowered: re.Pattern[str] | None = field(default=None, repr=False)
    # the later slots as bits of the matcher's ``_NeedBits``: all of them, and those a match's
    # own sentence stretch must meet (none where a match may cross one)
    need_bits: int = field(default=0, repr=False)
    stretch_bits: int = field(default=0, repr=False)

    def regex(self, ascii_text: bool) -> re.Pattern[str]:
        """The regex for a text, the lower-cased form when the text is ASCII and it has one."""
        if ascii_text and self.folded:
            if self._lowered is None:
                self._lowered = re.compile(self.folded)
            return self._lowered
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


class PracticeMatcher:
    """The practice rules of one taxonomy, tried only where a token may start one (a first
    word of the rule's first slot, or a figure) and only when every later slot has one of its
    words in the text; rule by rule, so one practice never hides another's ("deployed and
    monitored models")."""

    def __init__(self, taxonomy: Taxonomy, practices: PracticeRules, vocab: Vocab,
                 by_stretch: bool = True):
        self.by_stretch = by_stretch  # (False: try rules whatever the sentence holds; tests)
        strings = vocab.strings
        # the tokens holding a sentence mark, and those holding a mark beside a letter, as
        # flags of the vocabulary's words: read with the words' hashes, in one pass (C)
        self.break_flag = _flag(vocab, _holds_break)
        self.glued_flag = _flag(vocab, _holds_glued)
        # per token text, the slots met by the words inside it (``_Stretches``)
        self._inside: dict[str, int] = {}
        self._before_break: dict[str, int] = {}
        forms: dict[str, Form] = {}
        self.rules: list[_Compiled] = []
        for rule in practices.rules:
            form = forms.setdefault(
                rule.skill, Form(f"{taxonomy.get(rule.skill).name} (practice)", (rule.skill,))
            )
            folded = lowered(rule.pattern)
            self.rules.append(_Compiled(
                form, rule.pattern, folded or None,
                rule.starts, rule.number,
                tuple(frozenset(strings.add(word) for word in words) for words in rule.needs),
                re.compile(rule.requires) if rule.requires else None, rule.requires_before,
                rule.crosses_breaks,
            ))
        self.bits = _NeedBits([compiled.needs for compiled in self.rules])
        for compiled in self.rules:
            compiled.need_bits = self.bits.of(compiled.needs)
            compiled.stretch_bits = 0 if compiled.crosses_breaks else compiled.need_bits
        by_word: dict[int, list[_Compiled]] = {}
        for compiled in self.rules:
            for word in compiled.starts:
                by_word.setdefault(strings.add(word), []).append(compiled)
        # (words with the same rules share one tuple: ``find`` sorts each tuple's rules once)
        shared: dict[tuple[int, ...], tuple[_Compiled, ...]] = {}
        self.by_word: dict[int, tuple[_Compiled, ...]] = {
            word: shared.setdefault(tuple(map(id, rules)), tuple(rules))
            for word, rules in by_word.items()
        }
        self.start_words = frozenset(self.by_word)
        self.numbered = [compiled for compiled in self.rules if compiled.number_first]
        self.skills = {compiled.form.skill_ids for compiled in self.rules}

    def __bool__(self) -> bool:
        return bool(self.rules)

    def compile_all(self) -> None:
        """Compile every rule's regexes now (a server before it says it is ready), not at
        their first use."""
        for rule in self.rules:
            rule.regex(True)
            rule.regex(False)

    def forget(self) -> None:
        """Empty the per-token facts remembered across texts (``Pipeline.forget``)."""
        self._inside.clear()
        self._before_break.clear()

    def find(
        self, text: str, doc: Doc, starts: list[int], ends: list[int],
        chosen: list[tuple[int, int, tuple[str, ...]]],
    ) -> list[tuple[int, int, Form]]:
        """``(start, end, form)`` of each match in ``text`` (tokenized as ``doc``, whose tokens
        start at ``starts``, the doc's ``IDX``, and end at ``ends``) that overlaps no ``chosen``
        span of its own skill."""
        if not self.rules or not len(doc):
            return []
        by_word = self.by_word
        columns = doc.to_array([LOWER, self.break_flag, self.glued_flag])
        lower = columns[:, 0].tolist()
        present = set(lower)
        inner = _slashed_parts(text) if "/" in text else []
        present.update(key for _, key in inner)
        held = self.bits.held(present)  # the later slots with a word in the text
        # per word a match may start with, its rules whose every later slot has one
        live: dict[int, list[_Compiled]] = {}
        kept: dict[int, list[_Compiled]] = {}  # (by the shared tuple's id)
        for key in present.intersection(self.start_words):
            rules = by_word[key]
            usable = kept.get(id(rules))
            if usable is None:
                usable = kept[id(rules)] = [
                    rule for rule in rules if rule.need_bits & held == rule.need_bits]
            if usable:
                live[key] = usable
        # where a match may open: (offset, token, rules), the token's index or -1 where no
        # stretch applies (the tokens a live word is: filtered in C, most tokens are none)
        openings = [(starts[i], i, live[lower[i]])
                    for i in compress(range(len(lower)), map(live.__contains__, lower))]
        openings += [(start, -1, live[key]) for start, key in inner if key in live]
        ascii_text = text.isascii()
        haystack = text.lower() if ascii_text else text
        if self.numbered and _DIGIT.search(text):
            figures: list[int] | None = None  # one scan for the figures all such rules open with
            for rule in self.numbered:
                if rule.need_bits & held == rule.need_bits:
                    if figures is None:
                        figures = [m.start() for m in FIGURE.finditer(haystack)]
                    openings.extend((start, -1, [rule]) for start in figures)
        if not openings:
            return []
        own: dict[tuple[str, ...], list[tuple[int, int]]] = {ids: [] for ids in self.skills}
        for start, end, ids in chosen:
            if ids in own:
                own[ids].append((start, end))
        stretches = _Stretches(
            text, starts, ends, lower, columns[:, 1].nonzero()[0].tolist(),
            columns[:, 2].nonzero()[0].tolist(), inner, self,
        )
        found: list[tuple[int, int, Form]] = []
        for start, token, rules in sorted(openings, key=lambda item: item[0]):
            # (-1: every later slot counts as met)
            met = stretches.around(token) if token >= 0 and self.by_stretch else -1
            for rule in rules:
                if rule.stretch_bits & met != rule.stretch_bits:
                    continue  # (a later slot's words are only in other sentences)
                match = rule.regex(ascii_text).match(haystack, start)
                if match is None or match.end() == start:
                    continue
                taken = own[rule.form.skill_ids]
                if any(s < match.end() and start < e for s, e in taken):
                    continue
                if rule.requires is not None and not _in_sentence(
                        rule.requires, text, start, match.end(), rule.requires_before):
                    continue
                found.append((start, match.end(), rule.form))
                taken.append((start, match.end()))
        return found

    def inside(self, token: str) -> int:
        """The slots met by the parts of a token between its marks ("classifiers->APIs" →
        "classifiers", "apis"), remembered per token."""
        met = self._inside.get(token)
        if met is None:
            if len(self._inside) > _MAX_REMEMBERED:
                self._inside.clear()
            met = self._inside[token] = self.bits.held(_part_hashes(token))
        return met

    def before_break(self, token: str) -> int:
        """The slots met by the words of a token before its first sentence mark ("Chart.js" →
        "chart"), which a match may end with, remembered per token."""
        met = self._before_break.get(token)
        if met is None:
            if len(self._before_break) > _MAX_REMEMBERED:
                self._before_break.clear()
            head = BREAK_MARK.split(token, 1)[0]
            met = self.bits.held(_part_hashes(head) | {hash_string(head.lower())}) if head else 0
            self._before_break[token] = met
        return met


# the most token texts whose slots the matcher remembers
_MAX_REMEMBERED = 20_000


class _NeedBits:
    """The matcher's later slots (``needs``, sets of word hashes) as bits of an int: a rule's
    slots are a mask, the slots a set of words meets another, and a rule can match only where
    the words meet all of its slots."""

    def __init__(self, needs: list[tuple[frozenset[int], ...]]) -> None:
        self._bit: dict[frozenset[int], int] = {}
        self.by_word: dict[int, int] = {}  # word hash → the slots it is a word of
        for need in (need for rule_needs in needs for need in rule_needs):
            if need not in self._bit:
                bit = self._bit[need] = 1 << len(self._bit)
                for word in need:
                    self.by_word[word] = self.by_word.get(word, 0) | bit
        self._words = frozenset(self.by_word)

    def of(self, needs: tuple[frozenset[int], ...]) -> int:
        """The mask of ``needs``."""
        mask = 0
        for need in needs:
            mask |= self._bit[need]
        return mask

    def held(self, words: Iterable[int]) -> int:
        """The slots one of ``words`` (hashes) is a word of."""
        by_word = self.by_word
        mask = 0
        for word in self._words.intersection(words):  # (a set's loop, in C)
            mask |= by_word[word]
        return mask


class _Stretches:
    """The slots met (``_NeedBits``) by each stretch of a text's tokens between tokens holding a
    sentence mark or line break (``BREAK_MARK``, ASCII marks only: a stretch may run past "。",
    never ending too early; the stretch keeps the closing token's part before its mark, and the
    parts of tokens glued by marks), each worked out when first asked for: a rule whose match
    holds no such mark can match at a token only if every later slot has a word in the token's
    stretch."""

    def __init__(self, text: str, starts: list[int], ends: list[int], lower: list[int],
                 breaks: list[int], glued: list[int], inner: list[tuple[int, int]],
                 matcher: PracticeMatcher) -> None:
        self.text, self.starts, self.ends = text, starts, ends
        self.lower, self.inner = lower, inner
        self.breaks = breaks  # the tokens holding a mark, in order
        self.glued = glued  # the tokens holding a mark beside a letter, in order
        self.matcher = matcher
        self._met: dict[int, int] = {}
        # token index → the slots met by words inside it (glued tokens' parts, slash-joined
        # parts), worked out when first needed
        self._inside: dict[int, int] | None = None
        self._inside_keys: list[int] = []  # (its keys, in order)

    def around(self, token: int) -> int:
        """The slots met by the stretch holding ``token`` (-1, all: the token holds a mark)."""
        breaks = self.breaks
        at = bisect_left(breaks, token)
        if at < len(breaks) and breaks[at] == token:
            return -1
        met = self._met.get(at)
        if met is None:
            if self._inside is None:
                self._inside = self._words_inside()
                self._inside_keys = sorted(self._inside)
            lo = breaks[at - 1] + 1 if at else 0
            hi = breaks[at] if at < len(breaks) else len(self.lower)
            met = self.matcher.bits.held(self.lower[lo:hi])
            keys = self._inside_keys
            for index in keys[bisect_left(keys, lo):bisect_left(keys, hi)]:
                met |= self._inside[index]
            if hi < len(self.lower):  # a match may end inside the closing token ("Chart.js")
                met |= self.matcher.before_break(self.text[self.starts[hi]:self.ends[hi]])
            self._met[at] = met
        return met

    def _words_inside(self) -> dict[int, int]:
        """Per token holding words of its own, the slots they meet: a token holding a mark
        beside a letter ("classifiers->APIs", "ML/DL/NLP/CV", "model~"), where a slot's word
        may end, and the tokens holding slash-joined words (``_slashed_parts``)."""
        text, starts, ends, matcher = self.text, self.starts, self.ends, self.matcher
        inside = {index: matcher.inside(text[starts[index]:ends[index]]) for index in self.glued}
        held = matcher.bits.held
        for offset, key in self.inner:
            index = bisect_right(starts, offset) - 1
            inside[index] = inside.get(index, 0) | held((key,))
        return inside


def _flag(vocab: Vocab, holds: Callable[[str], bool]) -> int:
    """The id of the vocabulary's word flag ``holds``, added when the vocabulary has none at the
    first free custom flag (``FLAG19`` on: the ids below are spaCy's, even a retired one)."""
    for flag_id, getter in vocab.lex_attr_getters.items():
        if getter is holds and flag_id < 64:
            return flag_id
    free = next(bit for bit in range(FLAG19, 64) if bit not in vocab.lex_attr_getters)
    return vocab.add_flag(holds, free)


def _holds_break(token: str) -> bool:
    """Whether a token holds a sentence mark or a line break (``BREAK_MARK``)."""
    return BREAK_MARK.search(token) is not None


def _holds_glued(token: str) -> bool:
    """Whether a token holds a mark beside a word character (``_GLUED``)."""
    return _GLUED.search(token) is not None


# a mark beside a word character ("->", "-", "/", "~", "→"), which may be one token with it
_GLUED = re.compile(r"\w[^\s\w]|[^\s\w]\w")
_MARKS = re.compile(r"[\W_]+")


def _part_hashes(token: str) -> set[int]:
    """The hashes of a token's lower-cased parts between marks ("classifiers->APIs" →
    "classifiers", "apis"), the way a slot's first words are cut (``start_words``)."""
    return {hash_string(part) for part in _MARKS.split(token.lower()) if part}


def _slashed_parts(text: str) -> list[tuple[int, int]]:
    """``(offset, word hash)`` of each part of a short slash-joined word ("AI/ML" → "ai", "ml"; not
    a path or an address: "github.com/acme/deploy/models"). A part the tokenizer already split
    off repeats a token's start, which the caller's overlap check makes harmless."""
    parts = []
    slash = text.find("/")
    while slash != -1:
        start = slash
        while start and (text[start - 1].isascii() and text[start - 1].isalnum()
                         or text[start - 1] in "+#"):
            start -= 1
        joined = _SLASHED.match(text, start) if start < slash else None
        if joined is None:
            slash = text.find("/", slash + 1)
            continue
        end = joined.end()
        # a short pair or triple of words ("AI/ML", "ML/AI/NLP"), not a path or an address
        words = joined.group().split("/")
        if (
            len(words) <= 3 and all(len(word) <= 8 for word in words)
            and not (start and text[start - 1] in "./:")
            and not (end < len(text) and text[end] in "/." and text[end + 1:end + 2].isalnum())
        ):
            for part in _PART.finditer(joined.group()):
                parts.append((start + part.start(), hash_string(part.group().lower())))
        slash = text.find("/", end)
    return parts


_WORD = re.compile(r"\w")


def _in_sentence(pattern: re.Pattern[str], text: str, start: int, end: int,
                 before: int = 0) -> bool:
    """``pattern`` matches somewhere in the sentence holding ``text[start:end]``, or in one of
    the ``before`` sentences before it."""
    floor = max(0, start - 400 * (before + 1))
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, floor, start)]
    if before and len(breaks) > 1:
        # a line of marks alone ("-" between scraped bullets) is no sentence before (a blank
        # line, a paragraph's end, still is one)
        breaks = [b for b, after in zip(breaks, breaks[1:])
                  if _WORD.search(text, b, after) or text[b:after].isspace()
                  ] + breaks[-1:]
    lo = breaks[-1 - before] if len(breaks) > before else floor
    stop = SENTENCE_BREAK.search(text, end)
    hi = stop.start() if stop else len(text)
    return pattern.search(text, lo, min(hi, end + 400)) is not None
