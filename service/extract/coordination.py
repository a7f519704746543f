"""Coordinated names that share a head word: "linear and logistic regression" names linear
regression too, "recommendation or ranking systems" names recommendation systems. Each is
found with the whole coordination as its evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .mention import Mention

if TYPE_CHECKING:
    from .forms import FormTable


def shared_heads(text: str, table: FormTable, chosen: list[Mention]) -> list[Mention]:
    """"linear and logistic regression" also names linear regression (a form after the
    conjunction lends its head to the words coordinated before it), with the whole
    coordination as evidence."""
    extra = []
    taken = None  # (the chosen mentions' characters, marked when first needed)
    for mention in chosen:
        if len(mention.form.skill_ids) != 1:
            continue
        surface = text[mention.start:mention.end].split()
        if len(surface) < 2:
            continue
        modifiers = _coordinated_modifiers(text, mention.start)
        if not modifiers:
            continue
        if taken is None:
            taken = bytearray(len(text) + 1)
            for other in chosen:
                taken[other.start:other.end] = b"\x01" * (other.end - other.start)
        head = " ".join(surface[1:])
        for start, end in modifiers:
            if 1 in taken[start:end]:
                continue
            form = table.get(f"{text[start:end]} {head}")
            if (
                form is not None and not form.ambiguous
                and form.skill_ids != mention.form.skill_ids
            ):
                extra.append(Mention(start, mention.end, form, "context"))
    return extra


def distributed_heads(text: str, table: FormTable, chosen: list[Mention]) -> list[Mention]:
    """"recommendation or ranking systems", "data and ML pipelines", "convolutional or graph
    neural networks": the word before the conjunction and the head (one or two words) after
    the next word make a form that nothing else names here. A skill named by several words
    may stand for a word on either side: "statistical and machine learning models",
    "statistical, machine learning, or optimization models" name statistical models."""
    extra: list[Mention] = []
    named = {m.start: m.end for m in chosen if " " in text[m.start:m.end]}
    named_ends = {end: start for start, end in named.items()}
    conjunctions = _conjunctions(text)
    if "/" in text:
        conjunctions = sorted([*conjunctions, *(m.span() for m in _SLASH.finditer(text)),
                               *(m.span() for m in _SPACED_SLASH.finditer(text)
                                 if not _between_titles(text, m.start(), m.end()))])
    covering: _Spans | None = None  # (built at the first form found: most texts find none)
    by_skill: dict[tuple[str, ...], _Spans] = {}
    for conjunction_start, conjunction_end in conjunctions:
        heads = _heads_after(text, conjunction_end, named)
        if not heads:
            continue
        listed = _listed_before(text, conjunction_start, named_ends)
        for start, word in listed:
            form = None
            for head, end in heads:
                form = table.get(f"{word} {head}")
                if form is not None:
                    break
            if form is None and start == listed[0][0]:
                if " " in word and heads[-1][0] in _METHOD_HEADS:
                    continue  # (a skill's own name: the words listed before it share "models")
                break  # (earlier words only beside a nearest one that names a skill)
            if form is None or form.ambiguous:
                continue
            if covering is None:
                covering = _Spans((m.start, m.end) for m in chosen)
                spans_of: dict[tuple[str, ...], list[tuple[int, int]]] = {}
                for m in chosen:
                    spans_of.setdefault(m.form.skill_ids, []).append((m.start, m.end))
                by_skill = {skill_ids: _Spans(spans) for skill_ids, spans in spans_of.items()}
            if covering.covers(start, end) or (
                form.skill_ids in by_skill and by_skill[form.skill_ids].overlaps(start, end)
            ):
                # (the word ends a longer name, a compound names the whole coordination, or
                # the skill is named over it already)
                continue
            extra.append(Mention(start, end, form, "context"))
            by_skill.setdefault(form.skill_ids, _Spans()).add(start, end)
    return extra


class _Spans:
    """Spans of a text, asked which lie over an offset: by bisection among the spans that
    start at most as far before it as the longest span is long (linear over a text of many
    coordinations, where a scan of every span for each was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._spans = sorted(spans)
        self._longest = max((end - start for start, end in self._spans), default=0)

    def add(self, start: int, end: int) -> None:
        insort(self._spans, (start, end))
        self._longest = max(self._longest, end - start)

    def _from(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """The spans starting before ``end`` that may reach past ``start``."""
        spans = self._spans
        index = bisect_left(spans, (end, -1))
        while index > 0:
            index -= 1
            span = spans[index]
            if span[0] + self._longest <= start:
                return
            yield span

    def covers(self, start: int, end: int) -> bool:
        """A span holds ``start`` inside it, or holds all of ``start``-``end``."""
        return any(s < start < e or s <= start and end <= e for s, e in self._from(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """A span shares a character with ``start``-``end``."""
        return any(start < e for _, e in self._from(start, end))


def _between_titles(text: str, slash_start: int, slash_end: int) -> bool:
    """A spaced slash between two capitalised words ("Market Data / Risk Analysis team", "the
    Data / Platform Engineering org"): names parted, not a head shared ("statistical /
    probabilistic analysis" is)."""
    before = _TITLE_WORD_BEFORE.search(text, max(0, slash_start - 40), slash_start)
    return before is not None and bool(_CAPITAL_AFTER.match(text, slash_end))


def _conjunctions(text: str) -> list[tuple[int, int]]:
    """The spans of the conjunctions of ``text``, in order: each word with the spaces and tabs
    before it, back to where the one before ended (the matches ``finditer`` of
    ``[ \t]+(?:(?:and|or)\b|&)[ \t]*(?=[A-Za-z])`` gives)."""
    spans: list[tuple[int, int]] = []
    end = 0
    words = sorted(m.span() for pattern in _CONJUNCTION_WORDS for m in pattern.finditer(text))
    for word_start, word_end in words:
        start = word_start
        while start > end and text[start - 1] in " \t":
            start -= 1
        if start < word_start:
            spans.append((start, word_end))
            end = word_end
    return spans


def _heads_after(text: str, start: int, named: dict[int, int]) -> list[tuple[str, int]]:
    """The heads a word before a conjunction may share, longest first, each with the end of
    the phrase: after the next word ("or graph | neural networks"), or after a skill named in
    several words ("and machine learning | models")."""
    heads: list[tuple[str, int]] = []
    if start in named:
        end = named[start]
        words = text[start:end].split()
        if len(words) > 2:  # the name's own last words: "and machine learning | models"
            heads += [(" ".join(words[-2:]), end), (words[-1], end)]
        after = _HEAD_AFTER_NAME.match(text, end)
        if after is not None:
            if after.group(2):
                heads.append((f"{after.group(1)} {after.group(2)}", after.end()))
            heads.append((after.group(1), after.end(1)))
    one = _WORD_THEN_HEAD.match(text, start)
    if one is None:
        return heads
    two = _WORD_THEN_TWO_HEADS.match(text, start)
    if two is not None:
        heads.append((two.group(1), two.end()))
    heads.append((one.group(1), one.end()))
    return heads


def _listed_before(text: str, end: int, named_ends: dict[int, int]) -> list[tuple[int, str]]:
    """The items listed right before a conjunction at ``end``, nearest first: "unit,
    integration, and |" → integration, unit (at most four; earlier ones joined by commas).
    Each is one word, or a skill named in several ("statistical, machine learning, or |")."""
    first = _LAST_WORD_COMMA.search(text, max(0, end - 40), end)
    if first is None:
        return []
    found = [_item(text, first.start(1), first.end(1), named_ends)]
    cursor = found[0][0]
    while len(found) < 4:
        comma = cursor - 1
        while comma >= 0 and text[comma] in " \t":
            comma -= 1
        if comma < 0 or text[comma] != ",":
            break
        item = _LISTED_WORD.search(text, max(0, comma - 40), comma + 1)
        if item is None:
            break
        found.append(_item(text, item.start(1), item.end(1), named_ends))
        cursor = found[-1][0]
    return found


def _item(text: str, start: int, end: int, named_ends: dict[int, int]) -> tuple[int, str]:
    """The listed word at ``start``..``end``, or the several-word skill name it ends."""
    start = min(start, named_ends.get(end, start))
    return start, text[start:end]


# (the look-behind changes no match, the leftmost one never follows a letter, but spares the
# search a scan from inside every word)
_COORDINATED = re.compile(
    r"(?<![A-Za-z])([A-Za-z][\w+#-]*)\s*(?:,\s*(?:and|or)?|/|&|\band\b|\bor\b)\s*$"
)


def _coordinated_modifiers(text: str, start: int) -> list[tuple[int, int]]:
    """Words coordinated before ``start``: "linear and |", "unit, integration and |"."""
    found: list[tuple[int, int]] = []
    before_start = max(0, start - 80)
    before = text[before_start:start]
    while len(found) < 4:
        tail = before.rstrip()
        if not tail.endswith((",", "/", "&", " and", " or")):
            break
        match = _COORDINATED.search(before)
        if match is None:
            break
        found.append((before_start + match.start(1), before_start + match.end(1)))
        before = before[:match.start()]
        if not before.rstrip().endswith(","):
            break
        before = before.rstrip()[:-1] + " and "
    return found


# a conjunction between two single words: "recommendation or ranking systems" (the spaces or
# tabs before the word, the word, the spaces or tabs after it; each word a regex of its own,
# opening with the word, which the engine skips to as fast as str.find: from the spaces before
# it, it stepped through every space of the text); a slash between two words too
# ("Random/Rotation Forests", "linear/logistic regression"), not between abbreviations, which
# make one modifier ("ML/AI platform", "CI/CD")
_CONJUNCTION_WORDS = (
    re.compile(r"and(?<=[ \t]and)\b[ \t]*(?=[A-Za-z])"),
    re.compile(r"or(?<=[ \t]or)\b[ \t]*(?=[A-Za-z])"),
    re.compile(r"&(?<=[ \t]&)[ \t]*(?=[A-Za-z])"),
)
# (a slash only where a head can follow the second word, a space on: not inside an address,
# "github.com/acme/forests"; a pattern of its own, opening with the slash the engine skips to)
_SLASH = re.compile(r"/(?<=[A-Za-z][a-z]/)(?=[A-Za-z][a-z]*[ \t]+[A-Za-z])")
# (and a slash set off by spaces: "statistical / probabilistic analysis")
_SPACED_SLASH = re.compile(r" / (?<=[A-Za-z][a-z] / )(?=[A-Za-z][a-z]*[ \t]+[A-Za-z])")
# a capitalised word ending where a spaced slash starts, and one opening after it
_TITLE_WORD_BEFORE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*$")
_CAPITAL_AFTER = re.compile(r"[A-Z]")
# the last word before the conjunction ("integration" in "unit, integration, and"), and each
# word listed before it with a comma
_LAST_WORD_COMMA = re.compile(r"(?<![\w+#-])([A-Za-z][\w+#-]*),?$")
_LISTED_WORD = re.compile(r"(?<![\w+#-])([A-Za-z][\w+#-]*)[ \t]*,[ \t]*$")
# heads a list of methods shares past a skill named in several words ("statistical, machine
# learning, or optimization models"; not "data, machine learning and product engineering teams")
_METHOD_HEADS = frozenset({"models", "model", "methods", "techniques", "algorithms", "approaches"})
# the head after a skill named in several words: one word, perhaps a second
_HEAD_AFTER_NAME = re.compile(
    r"[ \t]+([A-Za-z][\w-]*)(?:[ \t]+([A-Za-z][\w-]*)(?![\w-]))?(?![\w-])")
# the second word and the head they share, then the end of the phrase
_WORD_THEN_HEAD = re.compile(r"[A-Za-z][\w+#-]*[ \t]+([A-Za-z][\w-]*)(?![\w-])")
_WORD_THEN_TWO_HEADS = re.compile(
    r"[A-Za-z][\w+#-]*[ \t]+([A-Za-z][\w-]*[ \t]+[A-Za-z][\w-]*)(?![\w-])")
