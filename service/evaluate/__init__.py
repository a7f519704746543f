"""Accuracy against labelled documents: ``skillmatch evaluate``.

A gold file holds one JSON object a line, ``{"doc", "kind", "skills": [canonical names]}``, with
``doc`` relative to the gold file; an optional ``scope.txt`` beside it lists the canonical names
that were labelled (predictions outside it are ignored). Names compare case-insensitively and only
explicit skills count as predictions (implied and negated ones do not).

Every figure can come with its honest floor: ``DictionaryMatcher``, a case-insensitive whole-word
matcher over the same taxonomy forms with no context, negation or fuzzy matching, run on the same
normalised text.

Modules: ``gold`` (labels), ``predictions`` (what a system found), ``dictionary`` (the baseline),
``results`` (the report's models), ``tally`` (counting), ``run`` (``evaluate``), ``floors`` (the
accuracy gate). The names below are the package's public face.
"""

from .dictionary import DictionaryMatcher, forms_pattern
from .floors import Floors, floor_failures, load_floors
from .gold import GoldDoc, GoldRow, Kind, fold, load_gold, load_scope
from .predictions import Prediction, extraction_prediction
from .results import (
    BASELINE,
    SYSTEM,
    DocumentFailure,
    ErrorRow,
    EvaluationReport,
    Example,
    Figures,
    GroupBy,
    GroupRow,
    KindResult,
    Macro,
    Scores,
    SystemResult,
)
from .run import Evaluator, evaluate

__all__ = [
    "BASELINE", "SYSTEM", "DictionaryMatcher", "DocumentFailure", "ErrorRow", "EvaluationReport",
    "Evaluator", "Example", "Figures", "Floors", "GoldDoc", "GoldRow", "GroupBy", "GroupRow",
    "Kind", "KindResult", "Macro", "Prediction", "Scores", "SystemResult", "evaluate",
    "extraction_prediction", "floor_failures", "fold", "forms_pattern", "load_floors",
    "load_gold", "load_scope",
]
