"""Date ranges in experience entries → ``Position``s; years of experience, overlaps merged.

Month precision where the text gives a month (the end month counts in full); a bare year means
the start of that year, so "2017 - 2020" is three years and "2019 - 2019" one year. Open-ended
ranges ("Present", "Since 2020") run to ``today`` (injectable for tests).

Over 350 lines because the date grammar, the entry headers around a date (title, employer)
and the count of dates tied to no entry share one line scanner and its pre-check.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice

from ..models import Position, Section
from .headers import (
    PARENS, LinePieces, Piece, clean, is_organisation, only_places, pieces_of, split_title_employer,
)
from .sections import classify_heading
from .vocab import (
    BUILT_IN,
    Vocabulary,
    is_not_job,
    is_relevant_title,
    looks_like_education,
    looks_like_title,
)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "spring": 3, "summer": 6, "fall": 9, "autumn": 9,
    "winter": 12,
}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|spring|summer|fall|autumn"
          r"|winter)")
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (rf"(?:(?:{_DAY}\s+)?{_MONTH}\.?(?:[,']|-(?=\s?\d))?\s*(?:{_DAY},?\s+)?"
         rf"(?:'\s?\d{{2}}|{_YEAR})"
         rf"|\d{{1,2}}\s?[/.-]\s?\d{{1,2}}\s?[/.-]\s?{_YEAR}"
         rf"|\d{{1,2}}\s?[/.-]\s?{_YEAR}"
         rf"|{_YEAR}\s?[/.-]\s?\d{{1,2}}(?!\d)"
         rf"|{_YEAR}|'\d{{2}})")
_PRESENT = (r"(?:present|current(?:ly)?|now|today|ongoing|till\s+date|to\s+date|till\s+now"
            r"|date|onwards?|continuing)")
_SEP = r"\s*(?:[-\u2010-\u2015]{1,2}|to|until|till|through|thru|~|→|>|»)\s*"
RANGE_RE = re.compile(
    rf"(?<![\w/.])(?P<start>{_DATE}|{_MONTH}\.?)(?:{_SEP})(?P<end>{_DATE}|{_PRESENT})(?![\w/])"
    rf"|(?<![\w])(?:since|from)\s+(?P<since>{_DATE})(?![\w/])(?!{_SEP}(?:{_DATE}|{_PRESENT}))",
    re.IGNORECASE,
)
# RANGE_RE has no upper-case letter of its own (group names and escapes aside), so on ASCII text
# it matches the lower-cased text case-sensitively at the same offsets, three times faster.
_RANGE_CASED = None if any(
    c.isupper() for c in re.sub(r"\\.|\(\?P<\w+>", "", RANGE_RE.pattern)
) else re.compile(RANGE_RE.pattern, RANGE_RE.flags & ~re.IGNORECASE)
# Every RANGE_RE match holds a digit or a month/season word at a word start.
_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                "spring", "summer", "fall", "autumn", "winter")
_DATE_HINT = re.compile(rf"\d|\b(?i:{'|'.join(_MONTH_WORDS)})")
# ... and more narrowly: a month word, or (its start being a date) a year or a short year
# ("'19", "' 19"). Every range ``_span`` reads holds a year or a short year, its start's own or,
# for a month alone, its end's ("Jan - Mar 2019"; "Jan - Present" is no span) (the blank: as
# on one line, any whitespace but a line break)
_YEAR_HINT = re.compile(rf"{_YEAR}|'[^\S\n]?\d{{2}}")
_DIGIT = re.compile(r"\d")
_LETTER_SPACED = re.compile(r"\S(?: \S){5,}")
_SPACED_START = re.compile(r"\n\S \S \S")  # how a _LETTER_SPACED line starts
_BULLET = re.compile(r"^\s*(?:[-*+>]|\d+[.)])\s")
@dataclass(frozen=True)
class Span:
    """A parsed date range: month indexes (year*12 + month-1), end exclusive."""

    start: int
    end: int
    current: bool
    end_written: tuple[int, int] | None = None


# a date token's parts (``_parse_date``)
_WORD = re.compile(r"[a-z]{3,}")
_YEAR_END = re.compile(r"(\d{4}|(?<=')\s?\d{2}|(?<=' )\d{2})\s*$")
_NUMBER_END = re.compile(r"(\d{2,4})\s*$")
_NUMBER = re.compile(r"\d+")
_SHORT_YEAR = re.compile(r"'\d{2}")
_PRESENT_RE = re.compile(_PRESENT, re.IGNORECASE)
_DAY_OR_MONTH = re.compile(r"\d{1,2}")


def _parse_date(token: str, today: date) -> tuple[int, int | None] | None:
    """(year, month or None) from one date token."""
    token = token.strip().lower().rstrip(".")
    word = _WORD.search(token)
    if word:
        month = _MONTHS.get(word.group(0)[:3]) or _MONTHS.get(word.group(0))
        year_text = _YEAR_END.search(token) or _NUMBER_END.search(token[word.end():])
        if not month:
            return None
        if not year_text:
            return (0, month)
        digits = year_text.group(1)
        year = int(digits)
        if len(digits) == 2:
            year += 2000 if year <= (today.year % 100) + 1 else 1900
        return (year, month)
    numbers = [int(n) for n in _NUMBER.findall(token)]
    if len(numbers) == 1 and _SHORT_YEAR.fullmatch(token):  # '19: a short year
        return (numbers[0] + (2000 if numbers[0] <= (today.year % 100) + 1 else 1900), None)
    if len(numbers) == 1:
        return (numbers[0], None)
    if len(numbers) == 3:
        first, second, year = numbers
        month = first if first <= 12 else second
        return (year, month)
    first, second = numbers
    return (first, second) if first > 31 else (second, first)


def parse_range(text: str, today: date | None = None) -> Span | None:
    """The first date range in ``text`` as a ``Span``, or None."""
    today = today or date.today()
    match = RANGE_RE.search(text)
    return _span(match, today) if match else None


def _span(match: re.Match[str], today: date) -> Span | None:
    if match.group("since"):
        start = _parse_date(match.group("since"), today)
        end: tuple[int, int | None] | None = None
    else:
        start = _parse_date(match.group("start"), today)
        end_text = match.group("end")
        end = None if _PRESENT_RE.fullmatch(end_text.strip()) else _parse_date(end_text, today)
        if end is None and _DAY_OR_MONTH.fullmatch(end_text.strip()):
            return None
        if start and end and start[0] == 0:
            start = (end[0], start[1])
    if not start or not (1950 <= start[0] <= today.year + 1):
        return None
    if start[1] is not None and not 1 <= start[1] <= 12:
        return None
    start_index = start[0] * 12 + (start[1] or 1) - 1
    now_index = today.year * 12 + today.month
    if end is None:
        return Span(start_index, max(now_index, start_index + 1), True)
    year, month = end
    if not (1950 <= year <= today.year + 1) or (month is not None and not 1 <= month <= 12):
        return None
    if month is None:
        end_index = year * 12
        if end_index <= start_index:
            end_index = start_index + 12 if year == start[0] else -1
    else:
        end_index = year * 12 + month
    if end_index <= start_index or end_index - start_index > 50 * 12:
        return None
    return Span(start_index, min(end_index, now_index + 12), False, (year, month or 1))


def merged_years(spans: Sequence[tuple[int, int]]) -> float:
    """Total years covered by month intervals ``[start, end)``, overlaps counted once."""
    total = 0
    current_start = current_end = None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return round(total / 12, 2)


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, offset = [], 0
    for line in text.split("\n"):
        spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


def _date_lines(text: str, lines: list[tuple[int, int]]) -> set[int]:
    """Indexes of the lines that may hold a date range ``_span`` reads (a cheap pre-check:
    RANGE_RE is slow and most lines have no year): those with a ``_YEAR_HINT``, which every
    such range holds; a letter-spaced line with a digit is kept, its dates are read closed
    up."""
    starts = [start for start, _ in lines]
    found = {bisect_right(starts, hit) - 1 for hit in _year_hints(text)}
    for match in _SPACED_START.finditer("\n" + text):  # (match.start(): the line's offset)
        line_no = bisect_right(starts, match.start()) - 1
        line = text[lines[line_no][0]:lines[line_no][1]]
        if _date_text(line) is not line and _DIGIT.search(line):
            found.add(line_no)
    return found


def _year_hints(text: str) -> list[int]:
    """Where ``_YEAR_HINT`` matches in ``text``, also overlapping matches (digits, an
    apostrophe and a blank: a match never holds a line break, so the lines with one are the
    lines of its ``finditer``). Every match starts with "19", "20" or "'", which ``str.find``
    finds far faster than the engine scans for the pattern (most of a resume's digits are no
    year)."""
    hits = []
    for lead in ("19", "20", "'"):
        index = text.find(lead)
        while index >= 0:
            if _YEAR_HINT.match(text, index):
                hits.append(index)
            index = text.find(lead, index + 1)
    return hits


def _may_hold_range(line: str) -> bool:
    """Whether ``RANGE_RE`` may match ``line`` as it is (not closed up): a ``_YEAR_HINT`` or,
    for a range of months alone ("Jan - Present", which ``_date_lines`` leaves out), a month
    word at a word start."""
    if not line.isascii():
        return _DATE_HINT.search(line) is not None
    if _YEAR_HINT.search(line):
        return True
    low = line.lower()
    for word in _MONTH_WORDS:
        index = low.find(word)
        while index >= 0:
            if index == 0 or not (low[index - 1].isalnum() or low[index - 1] == "_"):
                return True
            index = low.find(word, index + 1)
    return False


def _date_text(line: str) -> str:
    """``line``, or its letters closed up when it is letter-spaced ("O c t ' 2 0 2 1 - P r e s
    e n t" → "Oct'2021-Present"), as some PDFs' tracked date columns come out."""
    if len(line) >= 11 and _LETTER_SPACED.fullmatch(line):
        return line.replace(" ", "")
    return line


def _header_candidate(line: str) -> bool:
    stripped = line.strip()
    return (bool(stripped) and len(stripped) <= 100 and not _BULLET.match(stripped)
            and not stripped.endswith(".") and _two_letters(stripped)
            and not (_may_hold_range(stripped) and RANGE_RE.search(stripped)))


def _two_letters(text: str) -> bool:
    """Whether ``text`` has at least two letters (told at the second)."""
    seen = False
    for ch in text:
        if ch.isalpha():
            if seen:
                return True
            seen = True
    return False


# Sections whose dates are not jobs; find_positions also skips the others here, where a date
# range is a job's that the layout put out of place (a date column read in the sidebar).
_NOT_JOBS = {"education", "certifications", "publications", "awards"}
_SKIPPED = {"languages", "interests", "references", "skills", "summary", "contact"}


_RANGES_A_LINE = 8


def find_positions(text: str, sections: Sequence[Section] = (), today: date | None = None,
                   section_at: Callable[[int], Section | None] | None = None,
                   vocabulary: Vocabulary = BUILT_IN) -> list[Position]:
    """Positions for every date range outside education-like sections, in text order; an
    entry whose header names no job (``not_jobs.yaml``: "Career Break") is none."""
    today = today or date.today()
    skip = _NOT_JOBS | _SKIPPED
    lines = _line_spans(text)
    dated = _date_lines(text, lines)
    split = LinePieces()  # (the header lines' pieces, each line split once)
    found: list[tuple[int, int, Span, list[str]]] = []
    for line_no in sorted(dated):
        ls, le = lines[line_no]
        line = _date_text(text[ls:le])
        if _RANGE_CASED is not None and line.isascii():
            matches = _RANGE_CASED.finditer(line.lower())
        else:
            matches = RANGE_RE.finditer(line)
        # (at most ``_RANGES_A_LINE`` of a line's ranges are tried: each costs the whole line,
        # and a line of thousands of them, each read as an education entry's, took seconds)
        for match in islice(matches, _RANGES_A_LINE):
            section = section_at(ls) if section_at else None
            if section is not None and section.name in skip:
                continue
            span = _span(match, today)
            if span is None:
                continue
            header, entry_start = _header(text, lines, line_no, match, section, vocabulary,
                                          split)
            if section is None and looks_like_education(" ".join([line, *header])):
                continue
            if is_not_job(" ".join(header), vocabulary):  # "Career Break": no job, no years
                break
            found.append((entry_start, ls, span, header))
            break
    positions = []
    for index, (entry_start, line_start, span, header) in enumerate(found):
        section = section_at(line_start) if section_at else None
        limit = section.end if section is not None else len(text)
        following = found[index + 1][0] if index + 1 < len(found) else len(text)
        entry_end = max(min(following, limit), line_start + 1)
        title, employer = split_title_employer(header, vocabulary, split)
        start_date = date(span.start // 12, span.start % 12 + 1, 1)
        end_date = None
        if span.end_written is not None:
            end_date = date(span.end_written[0], span.end_written[1], 1)
        positions.append(Position(
            title=title, employer=employer, start=start_date, end=end_date, current=span.current,
            years=round((span.end - span.start) / 12, 2), text_start=entry_start,
            text_end=entry_end, relevant=bool(title and is_relevant_title(title, vocabulary))))
    return positions


def _header(text: str, lines: list[tuple[int, int]], line_no: int, match: re.Match[str],
            section: Section | None, vocabulary: Vocabulary,
            split: Callable[[str], list[Piece]] = pieces_of) -> tuple[list[str], int]:
    """The title/employer lines of the entry whose dates are on ``line_no``, and its start
    (``split``: ``pieces_of`` or the document's ``LinePieces``)."""
    ls, le = lines[line_no]
    line = _date_text(text[ls:le])
    rest = _rest(line[: match.start()] + "  " + line[match.end():], split)
    floor = section.start if section is not None else 0
    place = None
    if rest and only_places(rest, split):  # "Bengaluru, India | 2019 - 2021": the title is above
        place, rest = rest, None
    if rest:
        header = [rest]
        entry_start = ls
        pieces = [p for p in split(rest) if not p.place]
        if not any(looks_like_title(p.text, vocabulary) for p in pieces):
            # "Acme Corp | 2019 - 2021" with the title on the line above or below
            above = _title_line(text, lines, line_no, -1, floor, vocabulary, split)
            below = None if above else _title_line(text, lines, line_no, 1, floor, vocabulary,
                                                   split)
            if above:
                header.insert(0, text[lines[above][0]:lines[above][1]].strip())
                entry_start = lines[above][0]
            elif below:
                header.append(text[lines[below][0]:lines[below][1]].strip())
        elif " | " in line and len(pieces) == 1 and line_no + 1 < len(lines):
            # "Mar 2019 - Present | Data Engineer" (a date column beside the title): the
            # employer is the next line
            candidate = text[lines[line_no + 1][0]:lines[line_no + 1][1]]
            if _employer_line(candidate, vocabulary):
                header.append(candidate.strip())
        return header, entry_start
    header: list[str] = []
    entry_start = ls
    index, blanks, counted = line_no - 1, 0, 0
    while index >= 0 and counted < 2 and lines[index][0] >= floor:
        candidate = text[lines[index][0]:lines[index][1]]
        if not candidate.strip():
            blanks += 1
            if blanks > 1 or counted:
                break
            index -= 1
            continue
        if not _header_candidate(candidate) or _is_heading_line(candidate):
            break
        header.insert(0, candidate.strip())
        entry_start = lines[index][0]
        if not only_places(candidate, split):  # a place line ("Berlin, Germany") is not the header
            counted += 1
        index -= 1
    if not counted:
        # dates on the line above the title (and the employer below it)
        index = line_no + 1
        while index < len(lines) and not text[lines[index][0]:lines[index][1]].strip():
            index += 1
        if index < len(lines):
            candidate = text[lines[index][0]:lines[index][1]]
            if _header_candidate(candidate) and not _is_heading_line(candidate):
                header = [candidate.strip()]
                entry_start = ls
                # the employer below a title line, also one without title words ("Peer
                # Instruction Leader"), unless that line is itself the organisation
                if index + 1 < len(lines) and (looks_like_title(candidate, vocabulary)
                                               or not is_organisation(candidate)):
                    following = text[lines[index + 1][0]:lines[index + 1][1]]
                    if _employer_line(following, vocabulary):
                        header.append(following.strip())
    if not header and place:
        header = [place]
    return header, entry_start


def _rest(text: str, split: Callable[[str], list[Piece]] = pieces_of) -> str | None:
    """A dated line's text beside its dates: kept when it is a header (a long one when it
    splits into pieces: "Data Scientist at X | Y | City, ST"), not a sentence."""
    text = PARENS.sub(" ", text)
    short = clean(text)
    if short or len(text.strip()) > 160 or text.rstrip().endswith("."):
        return short
    return text.strip(" |,;:-") if len(split(text)) >= 2 else None


def _title_line(text: str, lines: list[tuple[int, int]], line_no: int, step: int, floor: int,
                vocabulary: Vocabulary, split: Callable[[str], list[Piece]] = pieces_of,
                ) -> int | None:
    """The index of a short title line next to ``line_no`` (one blank line between allowed)
    in direction ``step``, or None."""
    index = line_no + step
    for _ in range(2):
        if not 0 <= index < len(lines) or lines[index][0] < floor:
            return None
        candidate = text[lines[index][0]:lines[index][1]]
        if candidate.strip():
            break
        index += step
    else:
        return None
    fits = (_header_candidate(candidate) and len(candidate.split()) <= 8
            and any(looks_like_title(p.text, vocabulary) and not is_organisation(p.text)
                    for p in split(candidate) if not p.place)
            and not _is_heading_line(candidate))
    return index if fits else None


def _employer_line(line: str, vocabulary: Vocabulary) -> bool:
    """A short line that can name an employer: no date, no bullet, no sentence, no heading,
    no job title."""
    stripped = line.strip()
    return (_header_candidate(stripped) and len(stripped) <= 60 and len(stripped.split()) <= 6
            and not looks_like_title(stripped, vocabulary) and not _is_heading_line(stripped)
            and not _DIGIT.search(stripped))


def _is_heading_line(line: str) -> bool:
    return classify_heading(line) is not None


def untied_ranges(text: str, positions: Sequence[Position],
                  section_at: Callable[[int], Section | None] | None = None,
                  today: date | None = None) -> int:
    """How many date ranges lie outside education-like sections and outside every position's
    entry: dates the text has but that could not be tied to a job."""
    today = today or date.today()
    lines = _line_spans(text)
    spans = sorted((p.text_start, p.text_end) for p in positions)
    starts = [start for start, _ in spans]
    count = 0
    for line_no in sorted(_date_lines(text, lines)):
        ls, le = lines[line_no]
        index = bisect_right(starts, ls) - 1
        if index >= 0 and ls < spans[index][1]:
            continue
        section = section_at(ls) if section_at else None
        if section is not None and section.name in _NOT_JOBS:
            continue
        line = _date_text(text[ls:le])
        count += sum(1 for match in RANGE_RE.finditer(line)
                     if _span(match, today) is not None
                     and not (section is None and looks_like_education(line)))
    return count


def total_years(positions: Sequence[Position], sections: Sequence[Section],
                section_at: Callable[[int], Section | None]) -> float | None:
    """Merged years over positions in experience sections (all positions if there are none)."""
    if not positions:
        return None
    if any(s.name == "experience" for s in sections):
        chosen = [p for p in positions
                  if (sec := section_at(p.text_start)) is not None and sec.name == "experience"]
    else:
        chosen = list(positions)
    if not chosen:
        return None
    spans = []
    for p in chosen:
        start = p.start.year * 12 + p.start.month - 1
        spans.append((start, start + round(p.years * 12)))
    return merged_years(spans)
