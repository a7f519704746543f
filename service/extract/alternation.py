"""``finditer`` over the union ``p0|p1|…`` of regexes, scanning with each regex on its own.

Python's engine skips ahead quickly through text where a single pattern cannot start, but tries
every branch at every position of a union: the taxonomy's paraphrase patterns cost twice as much
joined as run one by one. ``Alternation.finditer`` gives exactly the union's matches: the
leftmost match wins and, on a tie, the earlier pattern (the union's own rule), and scanning goes
on from the end of the match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")


def _scoped(pattern: str) -> str:
    """``(?i)body`` → ``(?i:body)``, so the pattern can sit inside a union."""
    flags = _GLOBAL_FLAGS.match(pattern)
    return f"(?{flags.group(1)}:{pattern[flags.end():]})" if flags else pattern


class Alternation:
    """A union of regexes (non-empty list), matched pattern by pattern."""

    def __init__(self, patterns: Sequence[str]) -> None:
        self.patterns = [re.compile(p) for p in patterns]
        self.union = re.compile("|".join(f"(?P<p{i}>{_scoped(p)})" for i, p in enumerate(patterns)))

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match[str]]]:
        """``(index of the pattern, match)`` for each match of the union, in order."""
        patterns = self.patterns
        pending = [p.search(text) for p in patterns]
        pos = 0
        while True:
            best = -1
            best_start = len(text) + 1
            for index, match in enumerate(pending):
                if match is None:
                    continue
                if match.start() < pos:
                    match = pending[index] = patterns[index].search(text, pos)
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
