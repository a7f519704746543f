"""What ``skillmatch evaluate`` reports: counts and the figures they give, per system, per kind
of document, per category or skill, with the most frequent errors."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from .gold import Kind

GroupBy = Literal["category", "skill"]
SYSTEM = "skillmatch"
BASELINE = "dictionary"


class Scores(BaseModel):
    """Counts of true positives, false positives and misses, and the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 0.0

    def add(self, other: Scores) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def figures(self) -> Figures:
        return Figures(precision=self.precision, recall=self.recall, f1=self.f1,
                       tp=self.tp, fp=self.fp, fn=self.fn)


class Figures(BaseModel):
    """Precision, recall and F1 (micro: from summed counts) with the counts behind them."""

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


class Macro(BaseModel):
    """Means over documents. A document with no prediction has no precision and one with no
    label has no recall (each left out of that mean); F1 is 1 when both are empty."""

    precision: float
    recall: float
    f1: float


class GroupRow(BaseModel):
    """Micro figures for one category or one skill."""

    name: str
    figures: Figures


class Example(BaseModel):
    doc: str
    evidence: str = Field(description="The line that caused the error, or why nothing matched")


class ErrorRow(BaseModel):
    """A skill wrongly predicted (or missed) in ``count`` documents, with examples."""

    skill: str
    count: int
    examples: list[Example]


class SystemResult(BaseModel):
    system: str
    micro: Figures
    macro: Macro
    groups: list[GroupRow]
    false_positives: list[ErrorRow]
    misses: list[ErrorRow]


class DocumentFailure(BaseModel):
    """A labelled document that could not be read or extracted: its labels count as misses."""

    doc: str
    code: str
    message: str


class KindResult(BaseModel):
    kind: Kind
    documents: int
    systems: list[SystemResult]
    errors: list[DocumentFailure] = Field(
        default_factory=list, description="Documents that could not be read (labels missed)")

    def system(self, name: str) -> SystemResult | None:
        return next((s for s in self.systems if s.system == name), None)


class EvaluationReport(BaseModel):
    """Everything ``skillmatch evaluate`` prints."""

    gold: str
    taxonomy: str
    scope: int | None = Field(None, description="Names in scope.txt, when present")
    group_by: GroupBy
    kinds: list[KindResult]

    def kind(self, kind: str) -> KindResult | None:
        return next((k for k in self.kinds if k.kind == kind), None)

    @property
    def errors(self) -> list[DocumentFailure]:
        """Every document, of every kind, that could not be read."""
        return [failure for result in self.kinds for failure in result.errors]
