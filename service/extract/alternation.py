"""``finditer`` over the union ``p0|p1|…`` of regexes, scanning with each regex on its own.

Python's engine skips ahead quickly through text where a single pattern cannot start, but tries
every branch at every position of a union: the taxonomy's paraphrase patterns cost twice as much
joined as run one by one. ``Alternation.finditer`` gives exactly the union's matches: the
leftmost match wins and, on a tie, the earlier pattern (the union's own rule), and scanning goes
on from the end of the match. On ASCII text, patterns written case-insensitively (``(?i)``)
run case-sensitively over the lower-cased text where that is sure to give the same matches
(Python's engine is far slower at case-insensitive matching).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .literals import Haystack, needed_literals

try:
    from re import _parser as _regex_parser  # Python 3.11+
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse as _regex_parser  # type: ignore[no-redef]

_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _scoped(pattern: str) -> str:
    """``(?i)body`` → ``(?i:body)``, so the pattern can sit inside a union."""
    flags = _GLOBAL_FLAGS.match(pattern)
    return f"(?{flags.group(1)}:{pattern[flags.end():]})" if flags else pattern


def lowered(pattern: str) -> str | None:
    """A ``(?i)`` pattern rewritten to match lower-cased ASCII text case-sensitively (its
    letters lower-cased), or None unless the pattern is plain enough to be sure: escapes other
    than ``\\b \\B \\s \\S \\w \\W \\d \\D`` and punctuation, groups other than
    ``(?:`` and lookarounds, or an upper-case letter in a character class all give None."""
    if not pattern.startswith("(?i)"):
        return None
    body, out, index, in_class = pattern[4:], [], 0, False
    while index < len(body):
        char = body[index]
        if char == "\\":
            escaped = body[index + 1:index + 2]
            if not escaped or (escaped.isalnum() and escaped not in "bBsSwWdD"):
                return None
            out.append(body[index:index + 2])
            index += 2
            continue
        if char == "(" and body.startswith("(?", index) and not body.startswith(
            ("(?:", "(?=", "(?!", "(?<=", "(?<!"), index
        ):
            return None
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif in_class and char.isupper():
            return None
        out.append(char.lower())
        index += 1
    return "".join(out)


_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def leading_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """For a case-sensitive pattern every match of which starts with one of a few literal
    strings (after zero-width assertions such as ``\\b``): those strings, which ``str.find``
    scans for far faster than the engine scans for the pattern (or for a union of the strings,
    which it tries at every position holding one of their first letters). None when there are
    none."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        items = list(_regex_parser.parse(pattern.pattern, pattern.flags).data)
    except re.error:  # pragma: no cover - the pattern compiled
        return None
    while items and str(items[0][0]) in _ZERO_WIDTH:
        items.pop(0)
    if not items:
        return None
    op, value = items[0]
    branches = value[1] if str(op) == "BRANCH" else [items]
    prefixes = []
    for branch in branches:
        prefix = ""
        for item_op, item_value in branch:
            if str(item_op) != "LITERAL":
                break
            prefix += chr(item_value)
        if not prefix:
            return None
        prefixes.append(prefix)
    return tuple(sorted(set(prefixes)))


def next_start(text: str, pos: int, literals: tuple[str, ...], found: dict[str, int]) -> int:
    """Where the first of ``literals`` at or after ``pos`` starts in ``text`` (-1: none);
    ``found`` remembers each literal's last answer, valid while it is at or after ``pos``."""
    best = -1
    for literal in literals:
        at = found.get(literal, -2)
        if at != -1 and at < pos:
            at = found[literal] = text.find(literal, pos)
        if at >= 0 and (best < 0 or at < best):
            best = at
    return best


class Alternation:
    """A union of regexes (non-empty list), matched pattern by pattern."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = [re.compile(p) for p in patterns]
        self._starts = [leading_literals(p) for p in self.patterns]
        # per pattern, lower-case strings one of which each match holds: a text holding none
        # is not searched at all
        self._needs = [needed_literals(p) for p in self.patterns]
        self.union = re.compile("|".join(f"(?P<p{i}>{_scoped(p)})" for i, p in enumerate(patterns)))
        folded = [lowered(p) for p in patterns]
        # (the lowered patterns have no "(?i)", so their own Alternation has no lowered one)
        sure = [f for f in folded if f is not None]
        self.lowered = Alternation(sure) if len(sure) == len(folded) else None

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """``(index of the pattern, match)`` for each match of the union, in order (match
        offsets index ``text``; on the ASCII path their groups are lower-cased)."""
        if self.lowered is not None and text.isascii():
            return self.lowered._finditer(text.lower())
        return self._finditer(text)

    def _finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        haystack = Haystack(text)
        pending = [self._search(index, text, 0) if haystack.may_hold([self._needs[index]])
                   else None for index in range(len(self.patterns))]
        pos = 0
        while True:
            best = -1
            best_start = len(text) + 1
            for index, match in enumerate(pending):
                if match is None:
                    continue
                if match.start() < pos:
                    match = pending[index] = self._search(index, text, pos)
                    if match is None:
                        continue
                if match.start() < best_start:
                    best, best_start = index, match.start()
            if best < 0:
                return
            match = pending[best]
            if match.end() == best_start:
                # An empty match: the union's next step has a rule of its own (a match may not
                # be empty at the same place again), so let the union itself go on from here.
                for union_match in self.union.finditer(text, best_start):
                    yield int((union_match.lastgroup or "p-1")[1:]), union_match
                return
            yield best, match
            pos = match.end()

    def _search(self, index: int, text: str, pos: int) -> re.Match[str] | None:
        """``patterns[index].search(text, pos)``: tried only where its leading literals are."""
        pattern, starts = self.patterns[index], self._starts[index]
        if starts is None:
            return pattern.search(text, pos)
        found: dict[str, int] = {}
        while (at := next_start(text, pos, starts, found)) >= 0:
            match = pattern.match(text, at)
            if match is not None:
                return match
            pos = at + 1
        return None
