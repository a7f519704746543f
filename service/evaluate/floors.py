"""The accuracy gate: minimum micro figures per kind of document (``quality/floors.toml``), and
the figures of a report that fall below them."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from ..errors import InputError
from .results import SYSTEM, EvaluationReport


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
