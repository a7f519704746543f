"""Invariants: extraction never crashes on arbitrary text and evidence slices back exactly."""

from __future__ import annotations

from extract_toy import toy_extract, toy_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.installed import extract
from service.models import Document

FRAGMENTS = st.sampled_from([
    "C++", "C#", ".NET", "C/C++", "Python/R", "R&D", "k-means", "A/B", "CI/CD", "Go", "go", "R",
    "no experience with", "willing to learn", "is a plus", ", ", " / ", "\n", "Skills: ", "\u200f",
    "\x00", "\ud800", "ﬁ", "Pytroch", "Amazon", "Kubernates", "scikit learn", "Julia", "CV", "-",
    "https://x.io/python", "a@b.com", "(", ")", "\u00ad", "\u202e", "Ω", "日本語", " ",
])
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join),
)


def _check(extraction):
    for hit in [*extraction.skills, *extraction.not_claimed]:
        assert hit.explicit or hit.implied_by
        for evidence in hit.evidence:
            assert evidence.text == extraction.text[evidence.start:evidence.end]
            assert evidence.text and evidence.line.find(evidence.text) >= 0


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_text_never_crashes_and_offsets_slice_back(text):
    _check(toy_extract(text))


@settings(max_examples=60, deadline=None)
@given(TEXT)
def test_extract_on_raw_document_text(text):
    """A Document built elsewhere may hold unnormalised text (lone surrogates, NUL, RTL)."""
    _check(extract(Document(text=text), pipeline=toy_pipeline()))


MOJIBAKE_ALPHABET = st.sampled_from(["Ã", "©", "¯", "â", "€", "¢", "\x80", "Â", "ð", "Ÿ", "a", " ",
                                     "\u0303", "A", "\n", "é", "ï"])


@settings(max_examples=200, deadline=None)
@given(st.lists(MOJIBAKE_ALPHABET, max_size=30).map("".join))
def test_normalize_with_mojibake_repair_stays_idempotent(text):
    from service.normalize import normalize

    once = normalize(text)
    assert normalize(once) == once


def test_mojibake_is_repaired_before_matching():
    extraction = toy_extract("Machine learning: NaÃ¯ve Bayes, Python â€¢ Docker")
    assert extraction.skill("naive-bayes").evidence[0].text == "Naïve Bayes"
    assert extraction.skill("docker") is not None


REAL_FRAGMENTS = st.sampled_from([
    "C/C++", "R&D", "Go", "go", "Spark", "Amazon", "CV", "no experience with", "is not required",
    "Skills: ", ", ", "\n", "degree in statistics", "linear and ", "regression", "Julia", "SAS",
    "https://a.io/x", "Watson", "transformers", "-", "(", "Ã¯", "â€¢", " and ", "/",
])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(REAL_FRAGMENTS, st.text(max_size=6)), max_size=40).map("".join))
def test_real_taxonomy_never_crashes_and_offsets_slice_back(text):
    from tests.installed import extract_text

    _check(extract_text(text))
