"""Hypothesis on the real extractor (full taxonomy) and the job-posting parser with arbitrary
text: nothing but typed errors, and every offset indexes the text it claims to."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.documents import normalize
from service.errors import InputError, TextTooLong
from tests.installed import extract_text, parse_job

PIECES = st.sampled_from([
    "Python", "C++", "C#", "R", "Go", "SQL", "PyTorch", "scikit-learn", "Kubernetes", "AWS",
    "Requirements:", "Nice to have:", "Skills\n", "Experience\n", "- ", "• ", "\n", "\n\n", ", ",
    "3+ years of ", "5-7 years", "must have ", "is a plus", "not required", "no experience with ",
    "Bachelor's degree in Computer Science", "PhD", "Jan 2019 - Present", "2017-2020", "(", ")",
    "\x00", "\ud800", "\udfff", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad", "ﬁ", "é", "日本",
    "\t", "\r\n", "\x0c", "@", "a@b.co", "+1 415 555 0137", "https://x.io/python", ":", ".", "/",
])
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=60).map("".join),
)
POSTING = st.builds(
    lambda title, lines: title + "\nRequirements:\n" + "\n".join("- " + line for line in lines),
    st.text(max_size=30),
    st.lists(st.lists(st.one_of(PIECES, st.text(max_size=4)), min_size=1, max_size=8)
             .map("".join), min_size=1, max_size=12),
)
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(TEXT)
def test_extract_text_is_total_and_offsets_slice_back(text: str) -> None:
    try:
        extraction = extract_text(text)
    except TextTooLong:
        return
    body = extraction.text
    assert extraction.document.text == body
    for hit in [*extraction.skills, *extraction.not_claimed]:
        assert hit.explicit or hit.implied_by
        assert 0 <= hit.confidence <= 1
        for evidence in hit.evidence:
            assert 0 <= evidence.start < evidence.end <= len(body)
            assert body[evidence.start:evidence.end] == evidence.text
            assert evidence.text in evidence.line


@SETTINGS
@given(st.one_of(TEXT, POSTING), st.one_of(st.none(), st.text(max_size=40)))
def test_parse_job_is_total_and_citations_index_the_posting(text: str, title: str | None) -> None:
    try:
        profile = parse_job(text, title)
    except (InputError, TextTooLong):
        return
    assert profile.kind == "job"
    body = normalize(text)
    for group in profile.groups:
        assert group.items and group.weight > 0
        for item in group.items:
            assert item.any_of and item.weight > 0
            why = item.why
            if why is not None and why.start is not None:
                assert 0 <= why.start <= why.end <= len(body)
                assert " ".join(body[why.start:why.end].split()) == " ".join(why.text.split())
