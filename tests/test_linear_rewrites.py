"""Scans rewritten to stay linear on hostile text find what the regexes they replace found.

Each regex here is the one a scan replaced (kept only in this file, as the meaning the scan
must keep); hypothesis draws texts from the characters that matter to it.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from service.documents.sections import marked_heading
from service.documents.wordlines import _one_tab_a_gap
from service.extract import others
from service.normalize import (
    _HTML_COMMENT,
    _HTML_COMMENT_END,
    _TROFF_IGNORE,
    _TROFF_IGNORE_END,
    _TYPST_COMMENT,
    _TYPST_COMMENT_END,
    _blocks,
)


def _texts(*atoms: str, size: int = 14):
    return st.lists(st.sampled_from(atoms), max_size=size).map("".join)


@settings(max_examples=500, deadline=None)
@given(_texts("<!--", "-->", "<!-->", "-", "\n", "a", " ", "<!", "--", ">"))
def test_html_comments_are_those_of_the_lazy_regex(text):
    regex = re.compile(r"<!--(?:.*?-->|[^\n]*)", re.DOTALL)
    found = _blocks(text, _HTML_COMMENT, _HTML_COMMENT_END, unclosed="line")
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_texts("//", "/*", "*/", "/", " ", "\n", "a", "*", "\t"))
def test_typst_comments_are_those_of_the_lazy_regex(text):
    regex = re.compile(r"(?m)(?:^|(?<=[ \t]))(?://[^\n]*|/\*.*?\*/)", re.DOTALL)
    found = _blocks(text, _TYPST_COMMENT, _TYPST_COMMENT_END, unclosed="none",
                    line_opener="//")
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_texts(".ig", "\n", "..", ".", ".. ", "a", " ", "igx", "\t"))
def test_troff_ignore_blocks_are_those_of_the_lazy_regex(text):
    regex = re.compile(r"(?m)^\.ig\b.*?^\.\.[ \t]*$", re.DOTALL)
    found = _blocks(text, _TROFF_IGNORE, _TROFF_IGNORE_END, unclosed="none")
    assert [m.span() for m in found] == [m.span() for m in regex.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(_texts("engineers", " who", "who", ",", " ", "  ", "\n", "that", "Which", "teams",
              ", which", "x", "users ,", "people\t"))
def test_others_clauses_are_those_of_the_regex(text):
    regex = re.compile(r"(?i:[\s,]\s*(?:who|that|which)\b)")
    ends = [m.end() for m in regex.finditer(text)
            if any(n <= m.start() and others._PEOPLE_WHO.fullmatch(text, m.start() - n, m.end())
                   for n in others._PEOPLE_LENGTHS)]
    assert others.others_clauses(text) == ends


@settings(max_examples=500, deadline=None)
@given(_texts(" ", "\t", "a", "\n", "  ", "b c"))
def test_one_tab_a_gap_is_the_regex_substitution(text):
    assert _one_tab_a_gap(text) == re.sub(r"[ \t]*\t[ \t]*", "\t", text)


@settings(max_examples=500, deadline=None)
@given(_texts("#", " ", "\t", "a", "##", "b c", "# ", "x#", size=10))
def test_markdown_headings_are_those_of_the_lazy_regex(line):
    regex = re.compile(r" {0,3}(#{1,6})[ \t]+(\S.*?)[ \t#]*")
    match = regex.fullmatch(line) if line[:1] in " #" else None
    heading = marked_heading(line)
    if match is not None:
        assert heading == (len(match.group(1)), match.group(2))
    elif heading is not None:  # (another markup's heading: not an ATX one)
        assert not line.lstrip(" ").startswith("#")
