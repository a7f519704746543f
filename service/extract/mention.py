"""``Mention``: a span of text that names skills, shared by the matchers and the judgement."""

from __future__ import annotations

from dataclasses import dataclass

from .forms import Form


@dataclass(frozen=True)
class Mention:
    """A span of the text that names one or more skills."""

    start: int
    end: int
    form: Form
    method: str = "exact"
