"""Where lines and sentences end, as the context rules see them."""

from __future__ import annotations

import re

SENTENCE_BREAK = re.compile(r"[.;!?](?:\s|$)|\n")
# how many lines up a rule looks for the heading a line sits under
HEADING_LOOKBACK = 15


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the whole line holding ``text[start:end]``."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) % (len(text) + 1))
