"""Where lines and sentences end, as the context rules see them."""

from __future__ import annotations

import re

SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
# how many lines up a rule looks for the heading a line sits under
HEADING_LOOKBACK = 15


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the whole line holding ``text[start:end]``."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) % (len(text) + 1))


def line_before(text: str, start: int) -> tuple[int, int] | None:
    """The line that ends just before the line starting at ``start``."""
    if start <= 1:
        return None
    end = start - 1
    return text.rfind("\n", 0, end) + 1, end


def line_after(text: str, end: int) -> tuple[int, int] | None:
    """The line that starts just after the line ending at ``end``."""
    start = end + 1
    if start >= len(text):
        return None
    stop = text.find("\n", start)
    return start, len(text) if stop < 0 else stop
