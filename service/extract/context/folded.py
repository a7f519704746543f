"""``Folded``: a case-insensitive regex that runs faster on ASCII text, and ``compiled``, the
cache of the taxonomy's own context patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


class Folded:
    """A case-insensitive regex without upper-case letters of its own. On ASCII text it runs
    case-sensitively over the lower-cased text: the same matches at the same offsets (lower-casing
    ASCII moves nothing), at a third of the cost in Python's engine. Other text: as compiled."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if not pattern.flags & re.IGNORECASE or any(
            c.isupper() for c in re.sub(r"\\.", "", pattern.pattern)
        ):
            raise ValueError(f"not a lower-case, case-insensitive pattern: {pattern.pattern!r}")
        self.pattern = pattern
        self._cased = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str) -> re.Match[str] | None:
        return self._cased.search(text.lower()) if text.isascii() else self.pattern.search(text)

    def match(self, text: str) -> re.Match[str] | None:
        return self._cased.match(text.lower()) if text.isascii() else self.pattern.match(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._cased.finditer(text.lower()) if text.isascii() else self.pattern.finditer(text)


@lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    """A taxonomy pattern, compiled once."""
    return re.compile(pattern)
