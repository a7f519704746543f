"""``needed_literals`` / ``may_hold``: the strings every match of a regex contains, so a text
without them is known to hold no match (a shortcut that must never hide one)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.extract.literals import ASCII_CASE_MATES, may_hold, needed_literals


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"\bequal (?:employment )?opportunity\b|\bdiscriminat\w*",
     {"equal opportunity", "equal employment opportunity", "discriminat"}),
    (r"^[\s#*-]*(?:about (?:us|the team)|who we are)\b\s*:?",
     {"about us", "about the team", "who we are"}),
    (r"(?i)pre-?req", {"pre-req", "prereq"}),
    (r"Kafka(?=\s)", {"kafka"}),
    (r"\d+ years", {" years"}),
])
def test_needed_strings_of_a_regex(pattern, needed):
    assert needed_literals(re.compile(pattern)) == needed


@pytest.mark.parametrize("pattern", [r"\w+", r"x*", r"[a-z]{3}|foo", r"(?:ab)?c?", r"é+t"])
def test_a_regex_a_match_of_which_needs_no_known_string_has_none(pattern):
    assert needed_literals(re.compile(pattern)) is None


def test_a_wrapper_holding_a_regex_and_a_non_regex():
    class Wrapped:
        pattern = re.compile("nice to have", re.IGNORECASE)

    assert needed_literals(Wrapped()) == {"nice to have"}
    assert needed_literals(None) is None
    assert not may_hold("Python and SQL", [needed_literals(Wrapped())])
    assert may_hold("Python and SQL", [needed_literals(Wrapped()), None])


def test_the_ascii_case_mates_are_every_character_that_matches_a_letter_ignoring_case():
    others = "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
    assert set(re.findall("[a-z]", others, re.IGNORECASE)) == set(ASCII_CASE_MATES)


PATTERNS = [
    re.compile(r"\bequal (?:employment )?opportunity\b|\bwithout regard to\b", re.IGNORECASE),
    re.compile(r"^[\s#*-]*(?:about (?:us|the company)|our company)\b", re.IGNORECASE),
    re.compile(r"(?<![a-z])ml ?ops\b|\bpre-?req", re.IGNORECASE),
]
PIECES = st.sampled_from([
    "Equal", "equal", "EMPLOYMENT", " ", "opportunity", "OPPORTUNITY", "without", "regard", "to",
    "About", "US", "us", "our", "company", "Company", "the", "ML", "ops", "Ops", "pre", "-", "req",
    "\n", "#", "\u212a", "\u017f", "\u0131", "\u0130", "é", "x",
])


@given(st.lists(PIECES, max_size=12).map("".join))
def test_a_text_holding_a_match_is_never_skipped(text):
    for pattern in PATTERNS:
        for start in range(len(text) + 1):
            if pattern.search(text[start:]):
                assert may_hold(text, [needed_literals(pattern)])
