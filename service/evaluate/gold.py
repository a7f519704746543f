"""The labels: a gold file of one JSON object a line, ``{"doc", "kind", "skills": [canonical
names]}`` with ``doc`` relative to the gold file, and the optional ``scope.txt`` beside it (the
canonical names that were labelled). Names compare case-insensitively (``fold``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..errors import InputError, NotFound
from ..models import DocumentKind

Kind = DocumentKind  # (the name the evaluation modules use)


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
