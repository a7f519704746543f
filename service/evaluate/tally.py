"""Counting one system's hits, false positives and misses over the documents of one kind, into a
``SystemResult`` (micro and macro figures, groups, the most frequent errors with examples)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .gold import GoldDoc
from .predictions import Prediction, clip
from .results import (
    ErrorRow,
    Example,
    GroupBy,
    GroupRow,
    Macro,
    Scores,
    SystemResult,
)

_EXAMPLES = 2


@dataclass
class Tally:
    """Accumulates one system's errors over the documents of one kind."""

    category_of: dict[str, str]
    display: dict[str, str]
    group_by: GroupBy
    total: Scores = field(default_factory=Scores)
    groups: dict[str, Scores] = field(default_factory=dict)
    per_doc: list[Scores] = field(default_factory=list)
    fps: dict[str, list[Example]] = field(default_factory=dict)
    fns: dict[str, list[Example]] = field(default_factory=dict)

    def _group(self, name: str) -> Scores:
        key = self.category_of.get(name, "unknown") if self.group_by == "category" else name
        return self.groups.setdefault(key, Scores())

    def add(self, doc: GoldDoc, prediction: Prediction, scope: frozenset[str] | None) -> None:
        got = set(prediction.found)
        if scope is not None:
            got &= scope
        want = set(doc.labels)
        scores = Scores(tp=len(got & want), fp=len(got - want), fn=len(want - got))
        self.per_doc.append(scores)
        self.total.add(scores)
        for name in got & want:
            self._group(name).tp += 1
        for name in got - want:
            self._group(name).fp += 1
            self.fps.setdefault(name, []).append(Example(doc=doc.doc, evidence=clip(
                prediction.found[name][0] if prediction.found[name] else "")))
        for name in want - got:
            self._group(name).fn += 1
            note = prediction.notes.get(name, "no form of it in the text")
            self.fns.setdefault(name, []).append(Example(doc=doc.doc, evidence=clip(note)))

    def macro(self) -> Macro:
        precisions = [s.precision for s in self.per_doc if s.tp + s.fp]
        recalls = [s.recall for s in self.per_doc if s.tp + s.fn]
        f1s = [s.f1 if s.tp + s.fp + s.fn else 1.0 for s in self.per_doc]
        return Macro(precision=_mean(precisions), recall=_mean(recalls), f1=_mean(f1s))

    def _errors(self, errors: dict[str, list[Example]], top: int) -> list[ErrorRow]:
        ranked = sorted(errors.items(), key=lambda item: (-len(item[1]), item[0]))[:top]
        return [ErrorRow(skill=self.display.get(name, name), count=len(examples),
                         examples=examples[:_EXAMPLES]) for name, examples in ranked]

    def result(self, system: str, top: int) -> SystemResult:
        groups = [GroupRow(name=self.display.get(name, name), figures=scores.figures())
                  for name, scores in sorted(self.groups.items())]
        return SystemResult(system=system, micro=self.total.figures(), macro=self.macro(),
                            groups=groups, false_positives=self._errors(self.fps, top),
                            misses=self._errors(self.fns, top))


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0
