"""The documents layer's shortcuts change no result: the ASCII path of ``normalize`` and the
date-line pre-check of the timeline."""

from __future__ import annotations

import importlib
import re
from bisect import bisect_right
from datetime import date
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from service.documents.timeline import (
    _RANGE_CASED, _YEAR_HINT, RANGE_RE, _date_lines, _date_text, _line_spans, _may_hold_range,
    _span, _year_hints, find_positions,
)

normalize_module = importlib.import_module("service.normalize")


def _normalize_once_reference(text: str) -> str:
    """Every step, whatever the text (the code before the ASCII shortcut)."""
    m = normalize_module
    text = m._MOJIBAKE.sub(m._unmojibake, text)
    text = m._CONTROL.sub(" ", text.replace("\r\n", "\n"))
    text = unicodedata.normalize("NFKC", text.translate(m._TRANSLATE)).translate(m._TRANSLATE)
    text = m._CID_BULLET.sub("-", text)
    text = m._HYPHENATED.sub("", text)
    lines = [m._SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return m._BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


ASCII_PIECES = st.sampled_from([
    "Python", "  ", "   ", "\t", "\r\n", "\r", "\n", "\n\n\n", "\x0b", "\x0c", "\x00", "\x1f", "\x7f",
    "data-\nscience", "(cid:127)", "- ", "a", "Z", ".", " \n ", "C++",
])
ANY_PIECES = st.one_of(ASCII_PIECES, st.sampled_from(["é", "Ã©", "ﬁ", "\u00a0", "–", "•", "\u200b"]),
                       st.text(max_size=4))


@settings(max_examples=300, deadline=None)
@given(st.lists(ANY_PIECES, max_size=30).map("".join))
def test_normalize_once_equals_the_full_path(text):
    assert normalize_module._normalize_once(text) == _normalize_once_reference(text)


def _normalize_reference(text: str) -> str:
    result = _normalize_once_reference(text)
    for _ in range(4):
        again = _normalize_once_reference(result)
        if again == result:
            break
        result = again
    return result


HYPHEN_PIECES = st.sampled_from(["data-", "-\n", "- \n", "\n", "science", " ", "(ci", "d:12)",
                                 "(cid:3)", "\t", "a", "é", "\n\n\n", "-"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(ANY_PIECES, HYPHEN_PIECES), max_size=30).map("".join))
def test_normalize_stops_where_the_full_fixed_point_search_stops(text):
    assert normalize_module.normalize(text) == _normalize_reference(text)


DATE_PIECES = st.sampled_from([
    "Jan 2019", "jan", "JAN", "Sept.", "may", "Summer", "fall", "winter", "present", "Present", "now",
    " - ", " to ", "–", "2019", "'19", "03/2020", "since", "from", " ", "\n", "summary", "x", "_may",
    "ſep", "١٢", "Data Scientist", "|", "(", ")", "1999", "1949", "2005", "12/", "/03", "3/4/",
    "'05", "1", "0", "/", ".", "'", "3rd ", "2 0 1 9", " - P r e s e n t", "' 19", "'\t05",
    "O c t ' 2 0 2 1", "'\n19", "١٩", "٢٠١٩",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=25).map("".join))
def test_every_line_with_a_date_range_passes_the_pre_check(text):
    lines = _line_spans(text)
    dated = _date_lines(text, lines)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if RANGE_RE.search(line):  # (a header line's pre-check: any match, read or not)
            assert _may_hold_range(line), line
        # a range ``_span`` reads (on some day: "'19" and 2099 are years then or later)
        for today in (date(2026, 1, 1), date(2099, 12, 31)):
            if any(_span(m, today) for m in RANGE_RE.finditer(_date_text(line))):
                assert index in dated, line


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=25).map("".join))
@example("20201999 '19'20\n2019")
def test_year_hints_fall_on_the_lines_of_the_patterns_matches(text):
    starts = [start for start, _ in _line_spans(text)]
    expected = {bisect_right(starts, m.start()) - 1 for m in _YEAR_HINT.finditer(text)}
    assert {bisect_right(starts, hit) - 1 for hit in _year_hints(text)} == expected


def test_month_only_ranges_are_no_spans_and_short_years_are_kept():
    text = ("Data Scientist\nJan - Present\nsummary of work\nwinter to now\n"
            "Jan ' 19 - Mar ' 20\nAnalyst\nJan '19 - Mar '20")
    assert _date_lines(text, _line_spans(text)) == {4, 6}
    assert [_span(m, date(2024, 1, 1)) for m in RANGE_RE.finditer(text)][:2] == [None, None]
    assert [p.title for p in find_positions(text, today=date(2024, 1, 1))] == ["Analyst"]


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=25).map("".join).filter(str.isascii))
def test_date_ranges_match_the_lower_cased_line_at_the_same_offsets(line):
    assert _RANGE_CASED is not None
    expected = [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()})
                for m in RANGE_RE.finditer(line)]
    assert [(m.span(), {k: v or "" for k, v in m.groupdict().items()})
            for m in _RANGE_CASED.finditer(line.lower())] == expected


def test_heading_decoration_sets_hold_exactly_the_regex_whitespace():
    import re
    import sys

    from service.documents.sections import WHITESPACE

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert "".join(re.findall(r"\s", every)) == WHITESPACE


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0\u2003#*_=~|<>-:.aZ1", max_size=20))
def test_stripping_decoration_equals_the_regex(line):
    import re

    from service.documents.sections import _DECORATION_LEAD, _DECORATION_TRAIL

    regex = re.compile(r"^[\s#*_=~|>\-:.]+|[\s#*_=~|<\-:.]+$")
    assert line.lstrip(_DECORATION_LEAD).rstrip(_DECORATION_TRAIL) == regex.sub("", line)


HEADER_PIECES = st.sampled_from([
    "Data Scientist", " ", "  ", "\t", "\n", "\u00a0", "|", ",", ";", ":", "(", ")", "[", "]", "@",
    "/", "-", "\u2013", "\u2014", "\u00b7", "\u2022",
    " at ", "since", "Since", "SINCE", "from", "From", "ſince",
    "Duration:", "1.2 ", "2019", "Acme", "x", "é", "Advisor: Dr Roe", "(Remote)", "Austin, TX",
])


def _clean_reference(part):
    """``headers.clean`` with the regexes the shortcuts stand for."""
    from service.documents import headers

    strip = re.compile(r"^[\s|,;:()\[\]@/\u00b7\u2022-]+|[\s|,;:()\[\]@/\u00b7\u2022-]+$")
    if not part:
        return None
    qualified = re.search(r"\)[\s|,;:(\[\]@/\u00b7\u2022-]*$", part) is not None
    part = headers._OUTLINE_NUMBER.sub("", headers._LABEL.sub("", strip.sub("", part)))
    part = re.sub(r"\b(?:since|from)\s*$", "", part, flags=re.IGNORECASE)
    part = strip.sub("", part).strip()
    if qualified and "(" in part[1:] and part.count("(") > part.count(")"):
        part += ")"
    return part if 2 <= len(part) <= 80 and any(ch.isalpha() for ch in part) else None


@settings(max_examples=400, deadline=None)
@given(st.lists(HEADER_PIECES, max_size=12).map("".join))
def test_header_piece_cleaning_equals_the_regexes(part):
    from service.documents.headers import clean

    assert clean(part) == _clean_reference(part)


@settings(max_examples=400, deadline=None)
@given(st.lists(HEADER_PIECES, max_size=12).map("".join))
def test_header_splitting_equals_the_plain_separator_regex(line):
    from service.documents.headers import _SPLIT

    plain = re.compile(r"(\s+(?:at|@)\s+|\s*\|\s*|\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*"
                       r"|,\s+|\s{2,}|\t)")
    assert _SPLIT.split(line) == plain.split(line)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(HEADER_PIECES, st.sampled_from(
    ["Engineer", "ENGINEER", "co-founder", "Kelvin \u212a", "staff", "Staffing", "_lead",
     "İntern"])),
    max_size=8).map("".join))
def test_title_words_on_ascii_equal_the_case_insensitive_regex(text):
    from service.documents.vocab import _TITLE_WORDS, looks_like_title

    never = type("V", (), {"relevant": re.compile(r"(?!)")})()
    assert looks_like_title(text, never) == bool(_TITLE_WORDS.search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PIECES, max_size=12).map("".join))
def test_header_candidates_equal_the_plain_date_range_test(line):
    from service.documents.timeline import _BULLET, _header_candidate

    stripped = line.strip()
    expected = (bool(stripped) and len(stripped) <= 100 and not _BULLET.match(stripped)
                and not stripped.endswith(".") and not RANGE_RE.search(stripped)
                and sum(ch.isalpha() for ch in stripped) >= 2)
    assert _header_candidate(line) == expected


def _classify_heading_reference(line):
    """``sections.classify_heading`` with every regex run."""
    from service.documents import sections as s

    def unspace(text):
        if s._SMALL_CAPS.fullmatch(text):
            return re.sub(r"\b([A-Z]) (?=[A-Z]{2,})", r"\1", text)
        if not (s._SPACED.fullmatch(text)
                and sum(len(t) == 1 for t in text.split()) >= 0.6 * len(text.split())):
            return text
        return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", text))

    undecorated = line.lstrip(s._DECORATION_LEAD).rstrip(s._DECORATION_TRAIL)
    stripped = s._ENUMERATOR.sub("", unspace(undecorated))
    if not stripped or len(stripped) > 50 or len(stripped.split()) > 6 or any(
            ch.isdigit() for ch in stripped):
        return None
    return s.HEADING_NAMES.get(s.heading_key(stripped))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    "Skills", "S K I L L S", "E XPERIENCE", "W ORK", "I", "V", "X", "II", "1", "12", "\u0663",
    ".", ")", " ", "  ", "#", "Education", "E", "x", "&", "Work", "Experience", "-", ":", "\t",
]), max_size=10).map("".join))
@example("\u0663 Skills")
@example("II. Education")
@example("S K I L L S")
def test_heading_shortcuts_change_no_answer(line):
    from service.documents.sections import classify_heading

    assert classify_heading(line) == _classify_heading_reference(line)


# around the mojibake lead characters and the cp1252 continuations, and what encodes near them
MOJIBAKE_PIECES = st.one_of(
    st.characters(min_codepoint=0x80, max_codepoint=0x17F), st.sampled_from(
        ["Ã©", "â€¢", "Ã", "â€", "\u20ac", "\u2122", "\ud800", "\udfff", "é", "a", " ", "\n"]),
    st.text(max_size=3))


@settings(max_examples=500, deadline=None)
@given(st.lists(MOJIBAKE_PIECES, max_size=12).map("".join))
@example("NaÃ¯ve")
@example("\udcc3\u00a9")
def test_the_mojibake_precheck_misses_no_match(text):
    m = normalize_module
    assert m._may_hold_mojibake(text) or m._MOJIBAKE.search(text) is None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20)
       | st.lists(ANY_PIECES, max_size=10).map("".join))
@example("a\x7fb")
@example("tab\there\x1f")
def test_the_control_precheck_misses_no_control(text):
    m = normalize_module
    assert m._may_hold_controls(text) or m._CONTROL.search(text) is None
# the markup patterns as first written (a look-behind or a repeat first), and texts thick with
# their marks
_EMPHASIS_REFERENCE = re.compile(
    r"(?<![\w*\\])(\*\*|__|\*|_|`)(?=[^\s*_`])([^\n*`]*?[^\s*_`\\])\1(?![\w*])")
_ENTITIES_REFERENCE = re.compile(r"(?:&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});)+")
MARKUP_PIECES = st.one_of(st.sampled_from(
    ["*", "**", "_", "__", "`", "\\", " ", "\n", "a", "Py", "9", "&", ";", "#", "x2F", "amp",
     "&amp;", "&#35;", "&#x2F;", "**SQL**", "_R_", "`Go`", "\\*", "snake_case"]),
    st.text(alphabet="*_`\\&#;ax1 \n", max_size=4))


@settings(max_examples=600, deadline=None)
@given(st.lists(MARKUP_PIECES, max_size=20).map("".join))
@example("**Python**, _R_ and `SQL`")
@example("x**y** *a* __b__ \\*c* C&amp;&#35;&lt;")
def test_the_markup_patterns_match_as_first_written(text):
    m = normalize_module
    for pattern, reference in ((m._EMPHASIS, _EMPHASIS_REFERENCE),
                               (m._ENTITIES, _ENTITIES_REFERENCE)):
        assert ([(x.span(), x.groups()) for x in pattern.finditer(text)]
                == [(x.span(), x.groups()) for x in reference.finditer(text)])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["#", " ", "\t", "\n", "- ", "name:", "a", "C#", "x: y", "-"]),
                max_size=20).map("".join))
@example("Skills: C#\n  # - name: Statistics")
def test_a_yaml_comment_opens_a_line_with_its_mark(text):
    m = normalize_module
    assert m._opens_a_line(text, "#") or m._YAML_COMMENTED.search(text) is None
    assert m._opens_a_line(text, "#") == any(
        line.lstrip(" \t").startswith("#") for line in text.split("\n"))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(
    ["Tools", " & ", "and", "AND", "Technologies", ":", "Compétences", "é", "ß", "İ", "\u212a",
     "1", "_", " ", "\t", "-", "Skills", "and/or"]), st.text(max_size=3)), max_size=8).map("".join))
@example("Tools & Technologies:")
@example("Andrew and Anders")
def test_heading_keys_equal_the_regexs(text):
    from service.documents import sections as s

    lowered = text.lower()
    if not lowered.isascii():
        lowered = s.strip_accents(lowered)
    words = re.sub(r"[^a-z]+", " ", lowered).split()
    assert s.heading_key(text) == " ".join(w for w in words if w != "and")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    "\n", "Skills", "## Skills", "   #", "===", "---", " ", "\t", "\\section{Talks}", "\\cvsect",
    "<h2>", "<H3>", "*", "** Org", "export const x = [", "const ", "let ", "var ", "```\n",
    "<section title=\"Skills\">", "<title>", "title>", "x", "-", "="]), max_size=16).map("".join))
@example("Skills\n===\n## Talks\n```\n# not\n```\n---")
def test_marked_heading_candidates_equal_the_line_anchored_regexs(text):
    from service.documents import sections as s

    line_start = re.compile("(?m)^" + s._MARK_LINE.pattern.removeprefix(r"(?m)\n"))
    fences = s.fenced(text)
    expected = set()
    for match in line_start.finditer(text):
        if fences and s.in_spans(fences, match.start()):
            continue
        if match.group("under") is None:
            expected.add(match.start())
        elif match.start() > 0:
            expected.add(text.rfind("\n", 0, match.start() - 1) + 1)
    assert s._marked_candidates(text) == expected


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([
    "SKILLS", "Skills", "S", "K", "&", "/", " ", "  ", ":", "Python", "EDUCATION", "Bachelor",
    "A", "a", "\t", "x", "WORK EXPERIENCE", "1"]), max_size=8).map("".join))
@example("SKILLS Python, SQL")
@example("S&P GLOBAL Data Lead")
def test_inline_headings_equal_the_unchecked_capitals_regex(line):
    from service.documents import sections as s

    expected = None
    match = s._INLINE.match(line) if ":" in line else None
    if match and s.HEADING_NAMES.get(s.heading_key(match.group(1))):
        expected = s.HEADING_NAMES[s.heading_key(match.group(1))], match.group(1).strip()
    match = s._CAPS_LEAD.match(line)
    if expected is None and match:
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[:size])
            name = s._ENGLISH_HEADING_NAMES.get(s.heading_key(candidate))
            if name and candidate.isupper() and len(s.heading_key(candidate)) >= 4:
                expected = name, candidate
                break
    assert s._inline_heading(line) == expected
