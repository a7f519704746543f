"""Extraction stays within a small multiple of spaCy's blank tokenizer on resume-sized text."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import spacy

from service.documents import document_from_text
from service.extract import get_pipeline
from tests.installed import extract

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "resumes"


def _documents(words_per_doc: int = 600):
    words = " ".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))).split(" ")
    return [
        document_from_text(" ".join(words[i:i + words_per_doc]))
        for i in range(0, len(words) - words_per_doc, words_per_doc)
    ]


def _cpu_ms(fn, docs) -> float:
    start = time.process_time()
    for doc in docs:
        fn(doc)
    return (time.process_time() - start) / len(docs) * 1000


@pytest.mark.slow
def test_extraction_costs_a_small_multiple_of_tokenizing():
    docs = _documents()
    assert len(docs) >= 3
    get_pipeline()
    blank = spacy.blank("en")
    tokenizer_ms = min(_cpu_ms(lambda d: blank.make_doc(d.text), docs) for _ in range(3))
    extract_ms = min(_cpu_ms(extract, docs) for _ in range(3))
    assert extract_ms < 4 * tokenizer_ms + 2, (extract_ms, tokenizer_ms)
