"""Extraction, text → skills, on ~600-word resumes against spaCy's blank tokenizer alone."""

from __future__ import annotations

import time

from .common import Context, Figure, interleaved, median, resumes_of_words

AREA = "extraction"


def run(ctx: Context) -> list[Figure]:
    import spacy

    analysis = ctx.analysis
    extract_text = analysis.extract_text
    texts = resumes_of_words(600)
    for text in texts:
        extract_text(text)
    nlp = spacy.blank("en")

    def ours() -> None:
        for text in texts:
            extract_text(text)

    def tokenizer() -> None:
        for text in texts:
            nlp.make_doc(text)

    pipeline = analysis.pipeline

    def ours_unseen() -> None:
        for text in texts:
            pipeline.forget()
            extract_text(text)

    rounds = ctx.scale(2, 20)
    unseen_s, unseen_base_s = interleaved(ours_unseen, tokenizer, rounds, time.process_time)
    unseen, unseen_base = median(unseen_s) / len(texts), median(unseen_base_s) / len(texts)
    # warm again: the unseen rounds emptied the caches, and a quick run's first of its two
    # steady-state rounds was timed nearly cold
    ours()
    ours_s, base_s = interleaved(ours, tokenizer, rounds, time.process_time)
    wall_s, wall_base_s = interleaved(ours, tokenizer, ctx.scale(1, 5))
    per_doc, base_per_doc = median(ours_s) / len(texts), median(base_s) / len(texts)
    figure = Figure(
        AREA, "text → skills per ~600-word resume (CPU time, steady state)", per_doc * 1000, "ms",
        "spaCy blank tokenizer alone", base_per_doc * 1000, goal="≤ 2× the tokenizer",
        notes=f"{len(texts)} resumes (samples, each topped up to 600 words), median of {rounds} "
              "rounds",
        raw={"docs_per_s": 1 / per_doc, "tokenizer_docs_per_s": 1 / base_per_doc,
             "wall_ms": median(wall_s) / len(texts) * 1000,
             "tokenizer_wall_ms": median(wall_base_s) / len(texts) * 1000},
    )
    figure.met = figure.ratio <= 2.0
    cold = Figure(
        AREA, "same, every resume unseen (shared caches emptied before each)", unseen * 1000,
        "ms", "spaCy blank tokenizer alone", unseen_base * 1000,
        notes="the worst case: no chunk tokens or fuzzy verdicts remembered from other texts; "
              "a running service sees mostly known words",
        raw={"docs_per_s": 1 / unseen},
    )
    return [figure, cold]
