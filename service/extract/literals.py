"""A cheap test that a text cannot hold any match of a regex, from the literal strings every
match must contain ("equal ", "without regard to", … for the employer-boilerplate rule).

Rules that run a regex around every mention (hundreds of searches per document) can skip a
document that holds none of those strings, found with ``str``'s own substring search instead of
the regex engine's position-by-position scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

try:  # the standard library's regex parser (private; without it every text may match)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None

# Characters outside ASCII that a case-insensitive regex matches to an ASCII letter (dotless ı,
# long ſ, the Kelvin sign, capital İ): a text holding none of them and its lower-cased form hold
# the same ASCII strings, whatever the case.
ASCII_CASE_MATES = "\u0131\u017f\u212a\u0130"


def lowered_for_search(text: str) -> str | None:
    """``text`` lower-cased for searches of ASCII strings, or None when it holds one of the
    ``ASCII_CASE_MATES`` (then a search of the lowered text tells nothing)."""
    return None if any(c in text for c in ASCII_CASE_MATES) else text.lower()


def needed_literals(pattern: object) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` (a compiled regex, or a
    wrapper holding one as ``.pattern``) contains, in some case; None when no such set is
    known (a match may contain none)."""
    compiled = pattern if isinstance(pattern, re.Pattern) else getattr(pattern, "pattern", None)
    if _sre_parse is None or not isinstance(compiled, re.Pattern):
        return None
    if not isinstance(compiled.pattern, str):
        return None
    try:
        parsed = _sre_parse.parse(compiled.pattern, compiled.flags)
        found = _literals(list(parsed))
    except Exception:  # noqa: BLE001 - an unknown parse tree: no shortcut
        return None
    if not found or not all(text.isascii() for text in found):
        return None
    return found


def shortest_needed(pattern: object) -> frozenset[str] | None:
    """``needed_literals`` of ``pattern`` without a string that holds another of them (found
    where that other one is: the spans that may hold a match are the same)."""
    return needed_by_any([needed_literals(pattern)])


def needed_by_any(sets: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """One set for the ``needed_literals`` of several patterns: their union without a string
    that holds another of them (a text holding it holds the other too); ``None`` when any set
    is unknown. Same answers as asking each pattern, fewer scans of the text."""
    union: set[str] = set()
    for strings in sets:
        if strings is None:
            return None
        union |= strings
    return frozenset(s for s in union if not any(t != s and t in s for t in union))


# the most strings a run of fixed parts is spelled out into
_MAX_SPELLINGS = 64


def _literals(items: Sequence[tuple[object, object]]) -> frozenset[str] | None:
    """The best set of needed strings of a parsed sequence: a run of parts that each match one
    of a few fixed strings gives their concatenations; a group gives its own, an alternation
    the union of its branches' (when every branch has some), a repeat at least once its
    body's. Look-arounds and anything else give none."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and "" not in found and all(text.isascii() for text in found) and (
            best is None or min(map(len, found)) > min(map(len, best))
        ):
            best = found

    run: frozenset[str] | None = frozenset({""})
    for op, av in [*items, (None, None)]:
        exact = _spellings(op, av) if op is not None else None
        if exact is not None and run is not None:
            joined = frozenset(a + b for a in run for b in exact)
            if len(joined) <= _MAX_SPELLINGS:
                run = joined
                continue
        consider(run)
        run = frozenset({""}) if exact is None else exact
        if op is _sre.SUBPATTERN:
            consider(_literals(list(av[-1])))  # type: ignore[index]
        elif op is _sre.BRANCH:
            branches = [_literals(list(branch)) for branch in av[1]]  # type: ignore[index]
            if all(branches):
                consider(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_literals(list(av[2])))  # type: ignore[index]
        elif op is _sre.ATOMIC_GROUP:
            consider(_literals(list(av)))  # type: ignore[arg-type]
    return best


def _spellings(op: object, av: object) -> frozenset[str] | None:
    """The few strings (lower-cased) one parsed part matches exactly, "" for a zero-width
    anchor; None when they are not a few fixed strings."""
    if op is _sre.LITERAL:
        return frozenset({chr(av).lower()})  # type: ignore[arg-type]
    if op is _sre.AT:
        return frozenset({""})
    if op is _sre.SUBPATTERN:
        return _sequence_spellings(list(av[-1]))  # type: ignore[index]
    if op is _sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            spelled = _sequence_spellings(list(branch))
            if spelled is None:
                return None
            found |= spelled
        return frozenset(found) if len(found) <= _MAX_SPELLINGS else None
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[:2] == (0, 1):  # type: ignore[index]
        body = _sequence_spellings(list(av[2]))  # type: ignore[index]
        return None if body is None else body | {""}
    return None


def _sequence_spellings(items: Sequence[tuple[object, object]]) -> frozenset[str] | None:
    run = frozenset({""})
    for op, av in items:
        exact = _spellings(op, av)
        if exact is None:
            return None
        run = frozenset(a + b for a in run for b in exact)
        if len(run) > _MAX_SPELLINGS:
            return None
    return run


class Haystack:
    """A text asked many times whether it may hold a match of a regex (lower-cased once; each
    string looked for once: several regexes need the same ones)."""

    def __init__(self, text: str) -> None:
        # (a character that matches an ASCII letter ignoring case: no answer but "maybe")
        self._lowered = lowered_for_search(text)
        self._holds: dict[str, bool] = {}  # string → whether the lowered text holds it

    def may_hold(self, needed: Iterable[frozenset[str] | None]) -> bool:
        """Whether the text may hold a match of any of the regexes whose ``needed_literals``
        are ``needed`` (always, for one whose set is unknown)."""
        lowered = self._lowered
        if lowered is None:
            return True
        holds = self._holds
        for strings in needed:
            if strings is None:
                return True
            for string in strings:
                held = holds.get(string)
                if held is None:
                    held = holds[string] = string in lowered
                if held:
                    return True
        return False


def may_hold(text: str, needed: Iterable[frozenset[str] | None]) -> bool:
    """Whether ``text`` may hold a match of any of the regexes whose ``needed_literals`` are
    ``needed`` (always, for one whose set is unknown)."""
    return Haystack(text).may_hold(needed)


def tree_alternation(strings: Sequence[str], atom: Callable[[str], str] = re.escape) -> str:
    """``(?:s1|s2|…)`` of ``strings`` (each character written as ``atom`` writes it), tried in
    the order given, as a tree of their shared starts ("model(?:s|)", not "models|model"):
    Python's engine tries each branch of a flat alternation in turn, but each character of a
    tree once. The same matches: strings are gathered under their first character only where it
    is ASCII and not a capital (two such characters never match one character of a text, even
    ignoring case, nor do their atoms); a string that has ended, or starts otherwise, keeps its
    place in the order."""
    return "(?:" + _branches([[atom(ch) for ch in string] for string in strings]) + ")"


def _branches(strings: list[list[str]]) -> str:
    """``tree_alternation``'s body for strings as lists of atoms."""
    branches: list[str] = []
    groups: dict[str, list[list[str]]] = {}

    def flush() -> None:
        for lead, rests in groups.items():
            branches.append(lead + (_branches(rests) if len(rests) > 1 else "".join(rests[0])))
        groups.clear()

    for atoms in strings:
        if atoms and atoms[0].isascii() and not atoms[0].isupper():
            groups.setdefault(atoms[0], []).append(atoms[1:])
        else:  # (it may match where the strings before it could: none may move past it)
            flush()
            branches.append("".join(atoms))
    flush()
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@lru_cache(maxsize=256)
def _any_of(strings: frozenset[str]) -> re.Pattern[str]:
    """A regex matching any of ``strings`` (longest first, as a tree)."""
    return re.compile(tree_alternation(sorted(strings, key=lambda s: (-len(s), s))))


class Occurrences:
    """Where a text (lower-cased) holds any of the strings every match of a pattern needs
    (``shortest_needed``): a span without one cannot hold a match, and the pattern need not be
    searched there. Unknown strings, or a text with ``ASCII_CASE_MATES``: always searched."""

    def __init__(self, lowered: str | None, needed: frozenset[str] | None,
                 within: Sequence[int] | None = None) -> None:
        self.always = lowered is None or needed is None
        self.shortest = min(map(len, needed)) if needed else 0
        starts: list[int] = []
        if not self.always and needed:
            any_of = _any_of(needed)
            if within is not None:
                # (the offsets where a string of a larger set starts, ``of_each``'s scan: those
                # where one of these does)
                starts = [at for at in within if any_of.match(lowered, at)]
            else:
                # (one scan for all the strings, from each start found on: every offset where
                # one starts, in order)
                found = any_of.search(lowered)
                while found is not None:
                    starts.append(found.start())
                    found = any_of.search(lowered, found.start() + 1)
        self.starts = starts

    @classmethod
    def of_each(cls, lowered: str | None,
                needs: Sequence[frozenset[str] | None]) -> list[Occurrences]:
        """``Occurrences(lowered, needed)`` for each of ``needs``, from one scan of the text for
        all their strings (the engine steps through a text once, slowly, for however many
        strings): each set's offsets are those of the scan where one of its strings starts."""
        known = [needed for needed in needs if needed]
        if lowered is None or len(known) < 2:
            return [cls(lowered, needed) for needed in needs]
        every = cls(lowered, frozenset().union(*known)).starts
        return [cls(lowered, needed, every) for needed in needs]

    def may_hold(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` may hold a match."""
        if self.always:
            return True
        index = bisect_left(self.starts, start)
        return index < len(self.starts) and self.starts[index] + self.shortest <= end
