"""``Alternation.finditer`` gives exactly the matches of the joined union's ``finditer``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract.alternation import Alternation, leading_literals, lowered
from service.extract.pipeline import get_pipeline

POOL = [
    r"(?i)\bab\w*", r"b+", r"(?i)\bdeploy(?:ed)?\b(?:\s+\w+){0,2}?\s+models?\b", r"a|ab", r"ab|a",
    r"(?<=a)b", r"c?", r"\bx\b", r"(?i)B\s+C", r"a(?=b)", r"models?", r"\s+", r"(?:ab)*",
]
TEXT = st.text(alphabet="abcABCx \n-.", max_size=60)


def _union(patterns, text):
    alternation = Alternation(patterns)
    return [(int(m.lastgroup[1:]), m.span()) for m in alternation.union.finditer(text)]


def _ours(patterns, text):
    return [(i, m.span()) for i, m in Alternation(patterns).finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=5), TEXT)
def test_matches_equal_the_union(patterns, text):
    assert _ours(patterns, text) == _union(patterns, text)


def test_ties_go_to_the_earlier_pattern_and_scanning_resumes_after_a_match():
    assert _ours([r"a", r"ab"], "ab ab") == [(0, (0, 1)), (0, (3, 4))]
    assert _ours([r"ab", r"a"], "ab ab") == [(0, (0, 2)), (0, (3, 5))]
    assert _ours([r"abc", r"bcd"], "abcd bcd") == [(0, (0, 3)), (1, (5, 8))]


def test_practice_patterns_match_as_the_union():
    """The taxonomy's practice rules (practices.yaml) as one alternation."""
    alternation = Alternation([rule.source for rule in get_pipeline().practices.rules])
    text = (
        "Deployed two ranking models to production on Kubernetes.\n"
        "Engineered many new features; built Tableau dashboards and reviewed pull requests.\n"
        "Tuned the model's hyperparameters. Monitored models in production for drift."
    )
    ours = [(i, m.span()) for i, m in alternation.finditer(text)]
    assert len(ours) >= 5
    assert ours == [(int(m.lastgroup[1:]), m.span()) for m in alternation.union.finditer(text)]


CASELESS_POOL = [
    r"(?i)\bDeploy(?:ed)?\b(?:\s+[\w/.+-]+){0,2}?\s+(?:to|on)\s+(?:EKS|Kubernetes)\b",
    r"(?i)\bPRs?\b", r"(?i)[a-c]+\s?X", r"(?i)(?<!\w)ab(?=C)", r"(?i)\bmodels?\b",
]
CASELESS_TEXT = st.text(alphabet="abcABCxXdeploykubernetsKUBERNETESPRs \n-./+é", max_size=80)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CASELESS_POOL), min_size=1, max_size=4), CASELESS_TEXT)
def test_lowered_patterns_match_as_the_case_insensitive_union(patterns, text):
    assert Alternation(patterns).lowered is not None
    assert _ours(patterns, text) == _union(patterns, text)


def test_lowering_gives_up_on_what_it_cannot_be_sure_of():
    assert lowered(r"(?i)\bSpark SQL\b") == r"\bspark sql\b"
    assert lowered(r"(?i)[A-Z]+") is None
    assert lowered(r"(?i)\x41") is None
    assert lowered(r"(?i)(?P<x>a)") is None
    assert lowered(r"Spark") is None
    assert Alternation([r"(?i)Spark", r"[A-Z]"]).lowered is None


def test_leading_literals_only_where_every_match_starts_with_one():
    import re

    def starts(pattern):
        found = leading_literals(re.compile(pattern))
        return None if found is None else sorted(found)

    assert starts(r"\b(?:deploy(?:ed)?|ship|serv(?:ed|es))\b\s+x") == ["deploy", "serve", "ship"]  # (?:ed|es) is e(?:d|s)
    assert starts(r"(?<!\w)models?\b") == ["model"]
    assert starts(r"(?:ab)*c") is None
    assert starts(r"\w+ing") is None
    assert starts(r"(?i)model") is None


def test_the_next_literal_start_is_the_leftmost_at_or_after_the_position():
    from service.extract.alternation import next_start

    text = "numpy, torch; numpy and torch"
    found: dict[str, int] = {}
    assert next_start(text, 0, ("numpy", "torch"), found) == 0
    assert next_start(text, 1, ("numpy", "torch"), found) == 7
    assert next_start(text, 8, ("numpy", "torch"), found) == 14
    assert next_start(text, 25, ("numpy", "torch"), found) == -1
    assert next_start(text, 0, ("keras",), {}) == -1
