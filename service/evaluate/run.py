"""Running the evaluation: read and extract each labelled document, predict with our extractor
and the dictionary baseline, and tally both against the labels, per kind of document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DocumentError, InputError, SkillmatchError
from ..settings import Settings
from ..taxonomy import Taxonomy
from .dictionary import DictionaryMatcher
from .gold import GoldDoc, Kind, fold, load_gold, load_scope
from .predictions import extraction_prediction, unreadable_prediction
from .results import BASELINE, SYSTEM, DocumentFailure, EvaluationReport, GroupBy, KindResult
from .tally import Tally

if TYPE_CHECKING:
    from ..extract import Pipeline


@dataclass
class Evaluator:
    """Runs the extractor (and optionally the baseline) over gold documents."""

    pipeline: Pipeline
    settings: Settings
    group_by: GroupBy = "category"
    top: int = 10

    @property
    def taxonomy(self) -> Taxonomy:
        return self.pipeline.taxonomy

    @cached_property
    def baseline(self) -> DictionaryMatcher:
        return DictionaryMatcher(self.taxonomy)

    @cached_property
    def category_of(self) -> dict[str, str]:
        return {fold(s.name): s.category for s in self.taxonomy.skills.values()}

    @cached_property
    def display(self) -> dict[str, str]:
        return {fold(s.name): s.name for s in self.taxonomy.skills.values()}

    def _tally(self) -> Tally:
        return Tally(self.category_of, self.display, self.group_by)

    def evaluate_kind(self, kind: Kind, docs: Iterable[GoldDoc], scope: frozenset[str] | None,
                      *, baseline: bool) -> KindResult:
        from ..extract import extract
        from ..documents.files import read_path

        ours, plain = self._tally(), self._tally()
        count = 0
        failures: list[DocumentFailure] = []
        for doc in docs:
            count += 1
            try:
                document = read_path(doc.path, settings=self.settings,
                                     vocabulary=self.pipeline.vocabulary)
                extraction = extract(document, pipeline=self.pipeline, kind=doc.kind,
                                     max_text_chars=self.settings.max_text_chars)
            except DocumentError as exc:
                failures.append(DocumentFailure(doc=doc.doc, code=exc.code, message=exc.message))
                unread = unreadable_prediction(doc, exc)
                ours.add(doc, unread, scope)
                if baseline:
                    plain.add(doc, unread, scope)
                continue
            except SkillmatchError as exc:  # a gold row naming a file that is not there
                raise InputError(f"{doc.doc}: {exc.message}") from None
            dictionary = self.baseline.find(extraction.text)
            ours.add(doc, extraction_prediction(extraction, dictionary), scope)
            if baseline:
                plain.add(doc, dictionary, scope)
        systems = [ours.result(SYSTEM, self.top)]
        if baseline:
            systems.append(plain.result(BASELINE, self.top))
        return KindResult(kind=kind, documents=count, systems=systems, errors=failures)


def evaluate(gold_path: Path, *, pipeline: Pipeline, settings: Settings,
             kind: Kind | None = None, group_by: GroupBy = "category",
             baseline: bool = False, top: int = 10) -> EvaluationReport:
    """Score extraction with ``pipeline`` (and the limits of ``settings``) on every labelled
    document of ``gold_path`` (one kind or each kind present, in gold order), optionally next to
    the plain-dictionary baseline."""
    taxonomy = pipeline.taxonomy
    docs = load_gold(gold_path, kind)
    if not docs:
        raise InputError(f"{gold_path.name}: no labelled documents" + (f" of kind {kind}" if kind else ""))
    scope = load_scope(gold_path)
    evaluator = Evaluator(pipeline, settings, group_by, top)
    kinds = list(dict.fromkeys(d.kind for d in docs))
    results = [evaluator.evaluate_kind(k, [d for d in docs if d.kind == k], scope,
                                       baseline=baseline) for k in kinds]
    return EvaluationReport(gold=str(gold_path), taxonomy=taxonomy.version,
                            scope=len(scope) if scope is not None else None,
                            group_by=group_by, kinds=results)
