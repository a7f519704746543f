"""Accuracy against labelled documents: ``skillmatch evaluate``.

A gold file holds one JSON object a line, ``{"doc", "kind", "skills": [canonical names]}``, with
``doc`` relative to the gold file; an optional ``scope.txt`` beside it lists the canonical names
that were labelled (predictions outside it are ignored). Names compare case-insensitively and only
explicit skills count as predictions (implied and negated ones do not).

Every figure can come with its honest floor: ``DictionaryMatcher``, a case-insensitive whole-word
matcher over the same taxonomy forms with no context, negation or fuzzy matching, run on the same
normalised text.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field, ValidationError

from .errors import DocumentError, InputError, NotFound, SkillmatchError
from .models import Extraction
from .settings import Settings
from .taxonomy import Taxonomy

if TYPE_CHECKING:
    from .extract import Pipeline

Kind = Literal["resume", "job"]
GroupBy = Literal["category", "skill"]
SYSTEM = "skillmatch"
BASELINE = "dictionary"
_EXAMPLES = 2
_LINE_CHARS = 140


class GoldRow(BaseModel):
    """One labelled document as written in the gold file."""

    doc: str
    kind: Kind
    skills: list[str]
    group: str | None = None


@dataclass(frozen=True)
class GoldDoc:
    """A labelled document with its path resolved and its labels folded."""

    doc: str
    kind: Kind
    path: Path
    labels: frozenset[str]


@dataclass
class Prediction:
    """What one system found in one document: folded name → evidence lines."""

    found: dict[str, list[str]]
    notes: dict[str, str] = field(default_factory=dict)


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


def fold(name: str) -> str:
    return name.casefold()


def load_gold(gold_path: Path, kind: Kind | None = None) -> list[GoldDoc]:
    """The labelled documents of ``gold_path`` (optionally one kind), paths resolved."""
    if not gold_path.is_file():
        raise NotFound(f"No such gold file: {gold_path}")
    docs = []
    for number, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = GoldRow.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise InputError(f"{gold_path.name}: line {number}: not a gold row: {exc}") from None
        if kind in (None, row.kind):
            path = (gold_path.parent / row.doc).resolve()
            docs.append(GoldDoc(row.doc, row.kind, path, frozenset(map(fold, row.skills))))
    return docs


def load_scope(gold_path: Path) -> frozenset[str] | None:
    """The folded names of ``scope.txt`` beside the gold file, or None when there is none."""
    scope = gold_path.parent / "scope.txt"
    if not scope.is_file():
        return None
    lines = scope.read_text(encoding="utf-8").splitlines()
    return frozenset(fold(line.strip()) for line in lines if line.strip())


def _clip(line: str) -> str:
    line = " ".join(line.split())
    return line if len(line) <= _LINE_CHARS else line[: _LINE_CHARS - 1] + "…"


def _line_at(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return text[left : right if right >= 0 else len(text)]


def _trie(forms: Iterable[str]) -> dict:
    root: dict = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _trie_pattern(node: dict) -> str:
    """A regex equivalent to the alternation of the trie's forms that prefers the longest one
    (greedy optional branches) without trying every form at every position."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else body + "?"
    return body


class DictionaryMatcher:
    """The plain-dictionary baseline: every taxonomy form (names, aliases, compounds) matched
    case-insensitively as a whole word, longest first; no context, negation or fuzziness."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.names: dict[str, list[str]] = {}
        for skill in taxonomy.skills.values():
            for form in skill.forms:
                self._add(form, [skill.name])
        for compound in taxonomy.compounds:
            names = [taxonomy.get(skill_id).name for skill_id in compound.skills]
            for form in compound.forms:
                self._add(form, names)
        body = _trie_pattern(_trie(self.names))
        self.pattern = re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])", re.IGNORECASE)

    def _add(self, form: str, names: list[str]) -> None:
        self.names.setdefault(form.casefold(), [])
        self.names[form.casefold()] += [n for n in names if n not in self.names[form.casefold()]]

    def find(self, text: str) -> Prediction:
        found: dict[str, list[str]] = {}
        for match in self.pattern.finditer(text):
            for name in self.names.get(match.group().casefold(), []):
                found.setdefault(fold(name), []).append(_line_at(text, *match.span()))
        return Prediction(found)


def extraction_prediction(extraction: Extraction, dictionary: Prediction) -> Prediction:
    """Our explicit skills with their evidence lines, plus a note on each skill the extractor
    saw but did not claim (negated, implied, or rejected in context) to explain misses;
    ``dictionary``: what the plain dictionary finds in the same text (its forms we rejected)."""
    found = {fold(h.name): [e.line for e in h.evidence] for h in extraction.skills if h.explicit}
    notes: dict[str, str] = {}
    for hit in extraction.not_claimed:
        line = hit.evidence[0].line if hit.evidence else ""
        notes[fold(hit.name)] = f"judged not claimed: {line}"
    for hit in extraction.skills:
        if not hit.explicit:
            notes.setdefault(fold(hit.name), "only implied by " + ", ".join(hit.implied_by))
    for name, lines in dictionary.found.items():
        shown = " | ".join(_clip(line) for line in list(dict.fromkeys(lines))[:2])
        notes.setdefault(name, f"form present {len(lines)}×, rejected: {shown}")
    return Prediction(found, notes)


@dataclass
class _Tally:
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
            self.fps.setdefault(name, []).append(Example(doc=doc.doc, evidence=_clip(
                prediction.found[name][0] if prediction.found[name] else "")))
        for name in want - got:
            self._group(name).fn += 1
            note = prediction.notes.get(name, "no form of it in the text")
            self.fns.setdefault(name, []).append(Example(doc=doc.doc, evidence=_clip(note)))

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

    def _tally(self) -> _Tally:
        return _Tally(self.category_of, self.display, self.group_by)

    def evaluate_kind(self, kind: Kind, docs: Iterable[GoldDoc], scope: frozenset[str] | None,
                      *, baseline: bool) -> KindResult:
        from .extract import extract
        from .documents.files import read_path

        ours, plain = self._tally(), self._tally()
        count = 0
        failures: list[DocumentFailure] = []
        for doc in docs:
            count += 1
            try:
                document = read_path(doc.path, settings=self.settings,
                                     vocabulary=self.pipeline.vocabulary)
                extraction = extract(document, pipeline=self.pipeline,
                                     max_text_chars=self.settings.max_text_chars)
            except DocumentError as exc:
                failures.append(DocumentFailure(doc=doc.doc, code=exc.code, message=exc.message))
                unread = _unreadable_prediction(doc, exc)
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


def _unreadable_prediction(doc: GoldDoc, exc: DocumentError) -> Prediction:
    """Nothing found in a document that could not be read; each label's miss says why."""
    note = f"document not read ({exc.code}): {exc.message}"
    return Prediction({}, {label: note for label in doc.labels})


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


class Floors(BaseModel):
    """Minimum micro figures for our extractor; None means no floor."""

    precision: float | None = Field(None, ge=0, le=1)
    recall: float | None = Field(None, ge=0, le=1)
    f1: float | None = Field(None, ge=0, le=1)


def floor_failures(report: EvaluationReport, floors: Floors,
                   kinds: dict[str, Floors] | None = None) -> list[str]:
    """One message per figure below its floor (``kinds`` overrides ``floors`` per kind)."""
    failures = []
    for result in report.kinds:
        ours = result.system(SYSTEM)
        limits = (kinds or {}).get(result.kind, floors)
        for metric in ("precision", "recall", "f1"):
            floor = getattr(limits, metric)
            value = getattr(ours.micro, metric) if ours else 0.0
            if floor is not None and value < floor:
                failures.append(f"{result.kind} {metric} {value:.3f} is below the floor {floor:.3f}")
    return failures


def load_floors(path: Path, corpus: str) -> dict[str, Floors]:
    """Per-kind floors of one corpus from a TOML file of ``[corpus.kind]`` tables."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"Cannot read floors from {path.name}: {exc}") from None
    try:
        return {kind: Floors.model_validate(values) for kind, values in data[corpus].items()}
    except (KeyError, AttributeError, ValidationError) as exc:
        raise InputError(f"{path.name}: no valid floors for corpus {corpus!r}: {exc}") from None
