"""``needed_literals`` / ``may_hold``: the strings every match of a regex contains, so a text
without them is known to hold no match (a shortcut that must never hide one)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
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


@pytest.mark.parametrize("pattern", [r"\w+", r"x*", r"[a-z]{3}|foo", r"(?:ab)?c?", r"é+"])
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


# --- the extractor's per-text gates change no result ---------------------------------------------

SENTENCES = st.sampled_from([
    "We are an equal opportunity employer and do not discriminate on Java or Go skills.",
    "About the company: Acme builds Rust tools.", "About us: we ship Go services.",
    "Built CV pipelines with OpenCV; attached my CV and cover letter.", "Skills: Python, R, SQL",
    "Wrote the simulations in C.", "Go to market with Spark and Presto.", "Experience with AWS.",
    "Reasonable accommodations are available.", "Used pandas daily.", "\n", " ",
    "\u212a8s on Go", "Team lead, the Kubernetes team.",
    "Lead engineer at a boutique statistics and NLP consulting firm.", "Joined a Go startup.",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(SENTENCES, min_size=1, max_size=8).map(" ".join))
def test_extraction_is_the_same_without_the_gates(text):
    from service.extract import context, extractor
    from tests.installed import extract_text

    gated = [extract_text(text, kind=kind).model_dump_json() for kind in ("resume", "job")]
    saved = extractor.may_be_boilerplate, extractor.Rejections, extractor.may_name_employer_field
    extractor.may_be_boilerplate = lambda haystack: True
    extractor.may_name_employer_field = lambda haystack: True
    extractor.Rejections = lambda text: (
        lambda mention, rule: context.rejected_by_rule(text, mention, rule))
    try:
        assert [extract_text(text, kind=kind).model_dump_json()
                for kind in ("resume", "job")] == gated
    finally:
        (extractor.may_be_boilerplate, extractor.Rejections,
         extractor.may_name_employer_field) = saved


def test_the_gates_know_what_the_rules_they_skip_search():
    """gates.py names the regexes ``in_boilerplate`` decides by and the rule fields
    ``rejected_by_rule`` reads: a rule that starts using another must be added there."""
    from service.extract import context, names
    from service.extract.context.folded import Folded
    from service.taxonomy import ContextRule

    regexes = {
        name for name in names.in_boilerplate.__code__.co_names
        if isinstance(getattr(names, name, None), (re.Pattern, Folded))
    }
    # (SENTENCE_BREAK only bounds the sentence searched; _EEO_SUBJECT only narrows a
    # _BOILERPLATE match)
    assert regexes == {"SENTENCE_BREAK", "_BOILERPLATE", "_ABOUT_LABEL", "_EEO_SUBJECT"}
    # (``rejecting``: ``reject`` and the patterns of the skills the rule yields to)
    fields = {*ContextRule.model_fields, "rejecting"}
    read = set(context.rejected_by_rule.__code__.co_names) & fields
    assert read == {"rejecting", "window"}
    from service.extract.gates import Rejections
    assert set(Rejections.__call__.__code__.co_names) & fields == {"rejecting", "window"}


REJECT_PATTERNS = (r"\bopen\s?cv\b", r"\bopen(?:ing)?s?\b", r"(?i)\bpen\b", r"\bspark(?:ling)?\b", r"x\w*")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(REJECT_PATTERNS), min_size=1, max_size=4).map(tuple),
       st.lists(st.sampled_from(["open", "OpenCV", "pen", "spar", "sparkling", " ", "x", "é"]),
                max_size=8).map("".join))
def test_a_rules_patterns_merged_into_one_set_gate_as_each_of_them(patterns, text):
    from service.extract.gates import _needed
    from service.extract.literals import Haystack, needed_by_any

    haystack = Haystack(text)
    assert haystack.may_hold((needed_by_any(_needed(pattern) for pattern in patterns),)) == \
        haystack.may_hold(_needed(pattern) for pattern in patterns)


NEGATION_PIECES = [
    "no ", "not ", "No", "NOT ", "without ", "never ", "willing to learn ", "interested in ",
    "experience with ", "Python", "SQL", ", ", " and ", ". ", "\n", ";", "knowledge ", "nodes ",
    "is not required", " (if used)", "isn't needed", " not", "n't", "(", "ſ", "\u212a", "é",
    "looking forward to ", "x", "Not yet: ", " planned for 2019", "a move to ",
    " (keen to learn)", "teaching myself ", " is still on my to-learn list", "any cloud platform",
    "currently taking a course on ", ", learning ", "hope to start using ",
]


def _negated_reference(text, mention, blanked):
    """``negation.negated`` without its shortcuts: every search made."""
    from service.extract.context import negation as n

    lo = max(0, mention.start - n._NEG_REACH)
    before = blanked[lo:mention.start]
    cut = max(before.rfind("\n"), before.rfind(". "), before.rfind(";")) + 1
    lo, before = lo + cut, before[cut:]
    for cue in reversed(list(n._NEG_CUE.finditer(before))):
        if n._NOT_NEGATION.match(text[lo + cue.start():lo + cue.start() + 20]):
            continue
        gap = before[cue.end():]
        lead = before[:cue.start()].rstrip(" \t")
        if not before[:cue.start()].strip(" \t*_•·-"):
            gap = n._LABEL_COLON.sub(" ", gap, count=1)
        if gap.count(")") > gap.count("(") and lead.rfind("(") > lead.rfind(")"):
            continue
        gap = n._ASIDE.sub(" ", gap)
        if n._only_filler(gap) or n._list_run(gap):
            return True
        break
    after = blanked[mention.end:mention.end + n._NEG_REACH]
    if n._HEDGED.match(text, mention.end):
        return True
    if n._PLANNED_AFTER.match(after) and n._MOVE_BEFORE.search(
            text, max(0, mention.start - 60), mention.start):
        return True
    after = after[:min((i for i in (after.find("\n"), after.find(". "), after.find(";")) if i >= 0),
                       default=len(after))]
    post = n._POST_NEG.search(after)
    return bool(post and n._only_filler(after[:post.start()]))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NEGATION_PIECES), max_size=25).map("".join), st.data())
def test_negation_shortcuts_change_no_answer(text, data):
    from service.extract.context.negation import Negations, blank_out, negated
    from service.extract.mention import Mention

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    mention = Mention(start, end, None, "exact")  # type: ignore[arg-type]
    blanked = blank_out(text, [(start, end)])
    expected = _negated_reference(text, mention, blanked)
    assert negated(text, mention, blanked) == expected
    assert Negations(text, blanked)(mention) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(REJECT_PATTERNS), min_size=1, max_size=3),
       st.lists(st.sampled_from(["open", "OpenCV", "pen", "spar", "sparkling", " ", "x", "é",
                                 "\u212a", "Python", "\n"]), max_size=12).map("".join),
       st.integers(0, 12), st.data())
def test_window_gate_of_reject_patterns_changes_no_answer(patterns, text, window, data):
    from service.extract.context import rejected_by_rule
    from service.extract.gates import Rejections
    from service.extract.mention import Mention
    from service.taxonomy import ContextRule

    rule = ContextRule(reject=patterns, window=window)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    mention = Mention(start, end, None, "exact")  # type: ignore[arg-type]
    assert Rejections(text)(mention, rule) == rejected_by_rule(text, mention, rule)


_STRINGS = st.frozensets(st.text(alphabet="abco ny", min_size=1, max_size=4), max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abco nyK", max_size=40) | st.none(),
       st.lists(_STRINGS | st.none(), max_size=4))
def test_occurrences_from_one_scan_are_those_of_each_set_alone(text, needs):
    from service.extract.literals import Occurrences

    alone = [Occurrences(text, needed) for needed in needs]
    shared = Occurrences.of_each(text, needs)
    assert [(o.always, o.shortest, o.starts) for o in shared] == [
        (o.always, o.shortest, o.starts) for o in alone]


# --- coordination's span index answers as a scan of every span ----------------------------------

@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25),
       st.integers(0, 70), st.integers(1, 12))
def test_span_index_answers_as_a_scan_of_every_span(raw, start, length):
    from service.extract.coordination import _Spans

    spans = [(s, s + n) for s, n in raw]
    end = start + length
    index = _Spans(spans[:len(spans) // 2])
    for s, e in spans[len(spans) // 2:]:
        index.add(s, e)
    assert index.covers(start, end) == any(
        s < start < e or s <= start and end <= e for s, e in spans)
    assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans)
