"""Reading order and paragraphs of one PDF's text lines (pdfminer coordinates: y grows upwards).

A page whose lines leave a vertical gutter between two left-aligned columns is read column by
column (full-width lines such as the name header stay in place, and a column that does not open
with a heading, a main column going on from the page before, comes before a sidebar that does);
otherwise lines sharing a baseline become one row (table cells, right-aligned dates) joined by
" | ". Running headers/footers and page numbers are dropped; soft-wrapped lines are rejoined.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .sections import classify_heading, heading_like

_PAGE_NUMBER = re.compile(r"^(?:page\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
_MARGIN = 0.09
_LABEL_START = re.compile(r"^[A-Z][\w &/-]{0,25}:\s")
_CONTACT = re.compile(r"@|https?:|www\.|^\+?\d[\d ()-]{6,}")
_LIST_START = re.compile(
    r"^\s*(?:[-*+\u2022\u25cf\u25aa\u25a0\u2013\u2014>\uf0b7]|\(cid:\d+\)|\d+[.)])")
_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b(?:present|current)\b", re.I)


@dataclass
class Line:
    """One text line with its box (pdfminer coordinates: y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    box: int
    page: int
    group: str = field(default="")

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 1.0)


def _gutter(lines: list[Line]) -> float | None:
    """An x between 25% and 75% of the text width that (almost) no line crosses."""
    if len(lines) < 6:
        return None
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    width = right - left
    if width < 100:
        return None
    best: tuple[int, float] | None = None
    steps = 60
    for step in range(steps + 1):
        x = left + width * (0.25 + 0.5 * step / steps)
        crossing = sum(1 for line in lines if line.x0 < x - 2 and line.x1 > x + 2)
        lefts = [line for line in lines if line.x1 <= x + 2]
        rights = [line for line in lines if line.x0 >= x - 2]
        if len(lefts) < 3 or len(rights) < 3 or crossing > max(2, len(lines) // 12):
            continue
        if best is None or crossing < best[0]:
            if _left_aligned(lefts) and _left_aligned(rights):
                best = (crossing, x)
    return best[1] if best else None


def _left_aligned(lines: list[Line]) -> bool:
    """A column shares a left edge; centred headings or right-aligned dates do not."""
    edges = Counter(round(line.x0 / 4) for line in lines)
    top = edges.most_common(2)
    shared = top[0][1] + (top[1][1] if len(top) > 1 and abs(top[0][0] - top[1][0]) <= 4 else 0)
    return shared >= 0.5 * len(lines)


def _aligned(a: list[Line], b: list[Line]) -> float:
    """Share of lines in ``a`` with a line of ``b`` on the same baseline."""
    if not a:
        return 0.0
    hits = sum(1 for line in a if any(abs(line.y0 - other.y0) < 2.0 for other in b))
    return hits / len(a)


def _is_table(left: list[Line], right: list[Line]) -> bool:
    """Aligned rows of short cells on both sides: a table, not two columns."""
    cells = left + right
    short = sum(1 for line in cells if len(line.text) <= 40) / max(len(cells), 1)
    return short > 0.8 and _aligned(left, right) > 0.7 and _aligned(right, left) > 0.7


def _field_column(side: list[Line], other: list[Line]) -> bool:
    """Dates aligned beside entries (right-aligned or in a margin column): one layout, not two."""
    if len(side) < 2:
        return False
    dated = sum(1 for line in side if _YEARISH.search(line.text)) / len(side)
    return dated >= 0.6 and _aligned(side, other) >= 0.7


def _rows(lines: list[Line], group: str) -> list[Line]:
    """Top-to-bottom lines; lines sharing a baseline become one row, cells joined by ' | '."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (-ln.y0, ln.x0)):
        if rows and abs(rows[-1][0].y0 - line.y0) < 0.4 * line.height:
            rows[-1].append(line)
        else:
            rows.append([line])
    merged = []
    for row in rows:
        row.sort(key=lambda ln: ln.x0)
        first = row[0]
        merged.append(Line(" | ".join(ln.text for ln in row), first.x0, min(ln.y0 for ln in row),
                           row[-1].x1, max(ln.y1 for ln in row), first.box, first.page, group))
    return merged


def order_lines(lines: list[Line]) -> list[Line]:
    """Reading order for one page: bands between full-width lines, columns within a band."""
    if not lines:
        return []
    gutter = _gutter(lines)
    if gutter is None:
        return _rows(lines, "page")
    spanning = [ln for ln in lines if ln.x0 < gutter - 2 and ln.x1 > gutter + 2]
    left = [ln for ln in lines if ln.x1 <= gutter + 2 and ln not in spanning]
    right = [ln for ln in lines if ln.x0 >= gutter - 2 and ln not in spanning]
    if _is_table(left, right) or _field_column(right, left) or _field_column(left, right):
        return _rows(lines, "page")
    cuts = sorted(spanning, key=lambda ln: -ln.y1)

    def band(line: Line) -> int:
        return sum(1 for cut in cuts if cut.y0 >= line.y1 - 1.0)

    ordered: list[Line] = []
    for index in range(len(cuts) + 1):
        columns = [_rows([ln for ln in column if band(ln) == index], f"{name}{index}")
                   for name, column in (("left", left), ("right", right))]
        if _opens_with_heading(columns[0]) and not _opens_with_heading(columns[1]):
            columns.reverse()  # a main column continuing the page before, beside a sidebar
        for column_rows in columns:
            ordered.extend(column_rows)
        if index < len(cuts):
            ordered.extend(_rows([cuts[index]], f"cut{index}"))
    return ordered


def _opens_with_heading(rows: list[Line]) -> bool:
    """Whether a column's first row is a section heading: text above a column's first heading
    belongs to what was read before it (the previous page's section), not to the other column's
    last section."""
    return bool(rows) and heading_like(rows[0].text)


def drop_running(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Remove page numbers and lines repeated in the top/bottom margin of several pages (a
    section heading repeated atop each page stays: it reopens its section there)."""
    def in_margin(line: Line, height: float) -> bool:
        return line.y0 > height * (1 - _MARGIN) or line.y1 < height * _MARGIN

    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.lower()).strip()

    counts: Counter[str] = Counter()
    for lines, height in zip(pages, heights):
        counts.update({key(ln.text) for ln in lines if in_margin(ln, height)})
    threshold = max(2, (len(pages) + 1) // 2)
    kept = []
    for lines, height in zip(pages, heights):
        kept.append([
            ln for ln in lines
            if not (in_margin(ln, height)
                    and (_PAGE_NUMBER.match(ln.text) or (
                        len(pages) > 1 and counts[key(ln.text)] >= threshold
                        and classify_heading(ln.text) is None)))
        ])
    return kept


def paragraphs(lines: list[Line]) -> list[tuple[str, int]]:
    """Paragraph pieces: a new one at a new column/band or a gap clearly wider than both one
    line and the usual spacing between lines in that column (Word's space-after-paragraph).

    Within a piece, a line that runs to the column's right edge and is followed by a line at
    the same left edge (not a bullet) was wrapped by the layout: the two are joined by a space.
    """
    right_edge: dict[tuple[int, str], float] = {}
    gaps: dict[tuple[int, str], Counter[int]] = {}
    for index, line in enumerate(lines):
        key = (line.page, line.group)
        right_edge[key] = max(right_edge.get(key, 0.0), line.x1)
        before = lines[index - 1] if index else None
        if before is not None and (before.page, before.group) == key and line.y1 <= before.y0:
            gaps.setdefault(key, Counter())[round(before.y0 - line.y1)] += 1
    usual = {key: counter.most_common(1)[0][0] for key, counter in gaps.items()}
    pieces: list[tuple[str, int]] = []
    current: list[str] = []
    last: Line | None = None
    for line in lines:
        gap = (last.y0 - line.y1) if last is not None else 0.0
        spacing = usual.get((line.page, line.group), 0)
        new = last is None or line.group != last.group or line.page != last.page or (
            gap > max(0.8 * max(line.height, last.height), 1.5 * spacing + 1)) or (
            line.y0 > last.y0)
        if new and current and last is not None:
            pieces.append(("\n".join(current), last.page))
            current = []
        if current and last is not None and _wrapped(last, line, right_edge[(line.page,
                                                                             line.group)]):
            current[-1] += " " + line.text
        else:
            current.append(line.text)
        last = line
    if current and last is not None:
        pieces.append(("\n".join(current), last.page))
    return pieces


def _wrapped(previous: Line, line: Line, right_edge: float) -> bool:
    """Whether ``line`` continues ``previous`` after a soft line wrap: its first word would not
    have fitted at the end of ``previous`` (greedy wrapping), it starts at the same left edge
    (or a hanging indent), and it is not a bullet, a heading or a new row."""
    words = line.text.split()
    if not words or " | " in previous.text or " | " in line.text:
        return False
    char_width = (previous.x1 - previous.x0) / max(len(previous.text), 1)
    needed = (len(words[0]) + 1) * char_width
    return (previous.x1 + needed >= right_edge - char_width
            and previous.x0 - 2 <= line.x0 <= previous.x0 + 3 * previous.height
            and len(previous.text.split()) >= 3
            and not previous.text.endswith((":", "-", "\u00ad", ".", "!", "?"))
            and not _LIST_START.match(line.text) and not line.text.isupper()
            and not _LABEL_START.match(line.text) and not _CONTACT.search(words[0])
            and classify_heading(line.text) is None
            and not _YEARISH.search(previous.text[-20:]))
