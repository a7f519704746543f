"""The chunk-cached tokenizer gives exactly spaCy's tokens (texts, offsets, spaces, flags); a
chunk longer than ``PIECE_CHARS``, or with a run of more than ``PUNCTUATION_PIECE`` mixed marks,
gives the tokens of its pieces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from spacy.attrs import IDX, IS_ALPHA, IS_ASCII, IS_STOP, LENGTH

from service.extract import get_pipeline
from service.extract.tokens import (
    MAX_CHUNK_CHARS,
    PIECE_CHARS,
    PUNCTUATION_PIECE,
    ChunkTokenizer,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _rows(doc):
    return [(t.idx, t.text, t.whitespace_) for t in doc], (
        doc.to_array([IDX, LENGTH, IS_ALPHA, IS_ASCII, IS_STOP]).tolist() if len(doc) else []
    )


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline().nlp


def test_samples_tokenize_as_make_doc_cold_and_warm(nlp):
    tokenizer = ChunkTokenizer(nlp)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.rglob("*.txt"))]
    assert len(texts) >= 10
    for _ in range(2):  # first pass fills the cache, second reads it
        for text in texts:
            assert _rows(tokenizer(text)) == _rows(nlp.make_doc(text))


def test_long_chunks_are_tokenized_but_not_cached(nlp):
    tokenizer = ChunkTokenizer(nlp)
    long_word = "x" * (MAX_CHUNK_CHARS + 1) + "(C++)"
    text = f"Skills: {long_word}, C++\n\n  Python  \n"
    assert _rows(tokenizer(text)) == _rows(nlp.make_doc(text))
    assert long_word not in tokenizer._cache
    assert "C++" in tokenizer._cache


PIECES = st.sampled_from([
    "Python", "C++", "C#", ".NET", "C/C++", "CI/CD", "R&D", "k-means", "scikit-learn", "Dr.",
    "Ph.D.", "U.S.", "e.g.", "don't", "it's", "TensorFlow,", "(PyTorch)", "SQL;", "A/B", "2019-2021",
    "https://x.io/a", "a@b.com", "Node.js", "—", "-", "(", ")", ",", ".", ":", "/", "|", "'s",
    "naïve", "Ω", "日本語", "x" * (MAX_CHUNK_CHARS + 3),
])
GAPS = st.sampled_from(["", " ", "  ", "\n", "\n\n", " \n", "\n ", "\t", "\u00a0"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(PIECES, GAPS), max_size=25))
def test_random_resume_fragments_tokenize_as_make_doc(nlp, parts):
    text = "".join(piece + gap for piece, gap in parts)
    assume(all(len(chunk) <= PIECE_CHARS for chunk in text.split()))
    # (a long chunk of many marks is cut: its tokens may differ where a cut falls)
    assume(all(len(chunk) <= MAX_CHUNK_CHARS or len(re.findall(r"[^\w\s]", chunk))
               <= PUNCTUATION_PIECE for chunk in text.split()))
    tokenizer = ChunkTokenizer(nlp)
    expected = nlp.make_doc(text)
    assert _rows(tokenizer(text)) == _rows(expected)
    doc, starts, ends, plain = tokenizer.split(text)
    assert _rows(doc) == _rows(expected)
    assert list(zip(starts, ends)) == [(t.idx, t.idx + len(t)) for t in expected]
    assert plain == [t.is_alpha and t.is_ascii and not t.is_stop for t in expected]


def test_forgetting_the_shared_caches_changes_no_answer() -> None:
    from service.extract import get_pipeline
    from tests.installed import extract_text

    text = "Skills: Pytroch, Kubernates, Python\nBuilt ML pipelines with Airflow and Spark."
    before = extract_text(text).model_dump()
    get_pipeline().forget()
    assert get_pipeline().tokenizer._cache == {}
    assert get_pipeline().practices._inside == get_pipeline().practices._before_break == {}
    assert extract_text(text).model_dump() == before


@pytest.mark.parametrize(("chunk", "tokens"), [
    ('"' * 20_000, {'"'}),                                      # a hostile run of quotes
    ("Python," * 600, {"Python", ","}),                         # cut after a comma, not inside
    ("Node.js," * 600, {"Node.js", ","}),                       # never after a name's dot
    ("，".join(["熟悉机器学习" + "的" * 20] * 300), None),      # Chinese, which no space divides
])
def test_a_very_long_chunk_is_tokenized_in_pieces(nlp, chunk, tokens):
    # spaCy's affix rules take time growing with the square of a chunk's length: 20,000 quotes
    # took 50 s as one chunk; in pieces of at most PIECE_CHARS, milliseconds
    doc, starts, ends, _ = ChunkTokenizer(nlp).split(chunk)
    assert "".join(t.text_with_ws for t in doc) == chunk
    assert all(b - a <= PIECE_CHARS for a, b in zip(starts, ends))
    if tokens is not None:
        assert {t.text for t in doc} == tokens


@pytest.mark.timeout(20)  # (a hang guard, not a timing: about 40 s at the start)
def test_a_long_run_of_punctuation_is_tokenized_in_pieces(nlp):
    # a chunk of 999 quotes after a letter is shorter than PIECE_CHARS, but spaCy strips its
    # marks one at a time, searching the rest each time: 300 such chunks took about 40 s (its
    # tokens are marks either way, though not always paired as spaCy pairs two quotes)
    chunk = "a" + "'" * 999
    text = " ".join([chunk] * 300) + "\nSkills: Python"
    doc = ChunkTokenizer(nlp)(text)
    assert "".join(t.text_with_ws for t in doc) == text
    assert [t.text for t in doc][-3:] == ["Skills", ":", "Python"]
    assert all(t.text == "a" or set(t.text) == {"'"} for t in doc[:-4]) and len(doc) > 300 * 500
    # marks spread through a chunk are cut too (no run of them is long)
    spread = " ".join([("x" + "'" * 40) * 24] * 100) + " Skills: Python"
    assert [t.text for t in ChunkTokenizer(nlp)(spread)][-3:] == ["Skills", ":", "Python"]
    # a run of at most PUNCTUATION_PIECE marks, or one spaCy keeps whole at both ends (a rule,
    # a table's border), is spaCy's own; a run of "=" is a token a mark, cut or not
    for same in ["Skills:" + "x" * 80 + "C++" + "!" * PUNCTUATION_PIECE, "x" * 90 + "-" * 500,
                 "Skills: " + "+" + "-------+" * 30, "=" * 500 + "\n" + "." * 300]:
        assert _rows(ChunkTokenizer(nlp)(same)) == _rows(nlp.make_doc(same))
