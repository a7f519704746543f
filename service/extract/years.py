"""Years of use of a skill: the merged years of the positions whose text mentions it, and the
last year of those positions."""

from __future__ import annotations

from bisect import bisect_left
from datetime import date

from ..models import Position

# a position as years of use read it: text start and end, start and end date as day numbers
# (``date.toordinal``; today while open), and its last year
Period = tuple[int, int, int, int, int]


def positions_read(positions: list[Position]) -> list[Period]:
    """The positions as ``years_of_use`` reads them (today taken once)."""
    if not positions:
        return []
    today = date.today()
    return [(p.text_start, p.text_end, p.start.toordinal(), (p.end or today).toordinal(),
             today.year if (p.current or p.end is None) else p.end.year) for p in positions]


def years_of_use(offsets: list[int], periods: list[Period]) -> tuple[float | None, int | None]:
    """Years of the positions whose text holds a mention (overlaps merged), and the last year."""
    if not periods:
        return None, None
    ordered = sorted(offsets)
    count = len(ordered)
    hits = [  # (the first offset at or after the start lies before the end)
        p for p in periods
        if (i := bisect_left(ordered, p[0])) < count and ordered[i] < p[1]
    ]
    if not hits:
        return None, None
    intervals = sorted((p[2], p[3]) for p in hits)
    total, (cur_start, cur_end) = 0, intervals[0]
    for start, end in intervals[1:]:
        if start <= cur_end:
            cur_end = max(cur_end, end)
        else:
            total += cur_end - cur_start
            cur_start, cur_end = start, end
    total += cur_end - cur_start
    last = max(p[4] for p in hits)
    return round(total / 365.25, 1), last
