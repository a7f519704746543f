"""Word lists the documents layer needs: job-title words, relevant titles, degree levels, fields.

Relevant titles, degree levels and education fields come from the taxonomy
(``taxonomy/titles.yaml`` and ``taxonomy/education.yaml``) when it provides them: a
``Vocabulary.from_taxonomy(taxonomy)`` that the caller passes in (the analysis context holds the
one of its taxonomy and sends it to the reader processes with each document). The small
built-in lists below are the fallback, ``BUILT_IN``, so that documents can be read without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..taxonomy import Taxonomy

_TITLE_WORDS = re.compile(
    r"\b(engineer|engineering|scientist|developer|analyst|manager|intern|internship|consultant|"
    r"lead|architect|director|researcher|specialist|administrator|admin|designer|officer|"
    r"associate|head|president|vp|programmer|technician|coordinator|assistant|fellow|"
    r"professor|lecturer|executive|founder|co-founder|cto|ceo|cio|trainee|tester|devops|sre|"
    r"strategist|advisor|partner|member of technical staff|staff|principal|senior|junior|"
    r"teacher|instructor|tutor|accountant|clerk|supervisor|representative|editor|writer|"
    r"owner|student|apprentice|contractor|freelancer?|chief|mlops)\b",
    re.IGNORECASE,
)
_FALLBACK_RELEVANT = re.compile(
    r"\b(machine learning|ml|ai|artificial intelligence|deep learning|data scien\w*|"
    r"research scientist|applied scientist|computer vision|nlp|mlops|data engineer)\b",
    re.IGNORECASE,
)
_EDUCATION_WORDS = re.compile(
    r"\b(university|universit\w+|college|institute|school|academy|polytechnic|bachelor\w*|"
    r"master\w*|ph\.?\s?d|doctorate|diploma|degree|b\.?\s?tech|m\.?\s?tech|b\.?\s?sc|m\.?\s?sc|"
    r"b\.?\s?e\.|m\.?\s?e\.|b\.?\s?com|bca|mca|mba|hsc|ssc|secondary|graduat\w*|gpa|cgpa)\b",
    re.IGNORECASE,
)

_FALLBACK_LEVELS: list[tuple[str, re.Pattern[str]]] = [
    ("phd", re.compile(r"\b(ph\.?\s?d\.?|d\.?\s?phil|doctor(ate| of philosophy)|doctoral)(?!\w)",
                       re.IGNORECASE)),
    ("master", re.compile(
        r"\b(masters?|master's|m\.?\s?sc\.?|m\.?\s?s\.|m\.?\s?tech\.?|mtech|m\.?\s?eng\.?|"
        r"m\.?\s?e\.|m\.\s?a\.|mba|m\.?\s?phil|mca|msc|meng|m\.?\s?res|ms(?=\s+(?:in|of)\s))(?!\w)",
        re.IGNORECASE)),
    ("bachelor", re.compile(
        r"\b(bachelors?|bachelor's|b\.?\s?sc\.?|b\.?\s?s\.|b\.?\s?tech\.?|btech|b\.?\s?eng\.?|"
        r"b\.?\s?e\.|b\.\s?a\.|b\.?\s?com|bca|bsc|beng|undergraduate|b\.?\s?b\.?\s?a|"
        r"a\.?\s?b\.|b[sa](?=\s+(?:in|of)\s))(?!\w)", re.IGNORECASE)),
    ("associate", re.compile(r"\b(associate(?:'s)? (?:degree|of)|a\.a\.|a\.s\.|aas)(?!\w)",
                             re.IGNORECASE)),
    ("other", re.compile(r"\b(diploma|high school|secondary|hsc|ssc|higher secondary|"
                         r"certificate|a-levels?|gcse|matriculation|12th|10th)(?!\w)", re.IGNORECASE)),
]

_OTHER_LEVEL = _FALLBACK_LEVELS[-1]


def level_patterns(taxonomy: Taxonomy | None = None) -> list[tuple[str, re.Pattern[str]]]:
    """(level id, pattern) from the highest degree down, then school-level qualifications."""
    education = _taxonomy_attr(taxonomy, "education")
    levels = getattr(education, "levels", None) if education is not None else None
    if not levels:
        return list(_FALLBACK_LEVELS)
    out = []
    for level in sorted(levels, key=lambda item: -item.rank):
        pattern = _pattern(list(level.forms))
        if pattern is not None:
            out.append((level.id, pattern))
    return [*out, _OTHER_LEVEL]


_FALLBACK_FIELDS: dict[str, tuple[str, ...]] = {
    "computer-science": ("computer science", "computer engineering", "computing", "cse",
                         "information technology", "software engineering", "informatics",
                         "computer applications"),
    "data-science": ("data science", "data analytics", "analytics", "machine learning",
                     "artificial intelligence"),
    "statistics": ("statistics", "statistical", "biostatistics"),
    "mathematics": ("mathematics", "applied mathematics", "maths", "math"),
    "physics": ("physics", "astrophysics"),
    "electrical-engineering": ("electrical engineering", "electronics", "electrical",
                               "electronics and communication", "ece", "eee"),
    "engineering": ("mechanical engineering", "civil engineering", "chemical engineering",
                    "engineering"),
    "economics": ("economics", "econometrics", "finance"),
    "business": ("business administration", "business", "management", "commerce"),
}


def _taxonomy_attr(taxonomy: Taxonomy | None, name: str) -> object | None:
    return getattr(taxonomy, name, None) if taxonomy is not None else None


def _forms(entry: object) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, dict):
        data = entry
    elif hasattr(entry, "model_dump"):
        data = entry.model_dump()
    else:
        return []
    forms = [data.get("name"), *(data.get("forms") or []), *(data.get("aliases") or [])]
    return [f for f in forms if isinstance(f, str) and f]


def _relevance(entry: object) -> bool:
    data = entry.model_dump() if hasattr(entry, "model_dump") else entry
    if isinstance(data, dict):
        for key in ("relevant", "counts_as_relevant"):
            if key in data:
                return bool(data[key])
    return True


def _pattern(forms: list[str]) -> re.Pattern[str] | None:
    """One regex for ``forms``: case-insensitive, except short all-caps forms (IT, CS, MS)."""
    unique = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    if not unique:
        return None
    parts = [f"(?-i:{re.escape(f)})" if f.isupper() and len(f.replace(".", "")) <= 4
             else re.escape(f) for f in unique]
    return re.compile(r"(?<!\w)(" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _relevant_pattern(taxonomy: Taxonomy | None = None) -> re.Pattern[str]:
    titles = _taxonomy_attr(taxonomy, "titles")
    entries = titles.values() if isinstance(titles, dict) else titles
    if entries:
        forms = [f for e in entries if _relevance(e) for f in _forms(e)]
        pattern = _pattern(forms)
        if pattern is not None:
            return pattern
    return _FALLBACK_RELEVANT


def field_patterns(taxonomy: Taxonomy | None = None) -> list[tuple[str, re.Pattern[str]]]:
    """(field id, pattern) pairs, longest forms first, from the taxonomy or the fallback."""
    education = _taxonomy_attr(taxonomy, "education")
    fields = None
    if education is not None:
        fields = getattr(education, "fields", None)
        if fields is None and isinstance(education, dict):
            fields = education.get("fields")
    table: dict[str, list[str]] = {}
    if fields:
        items = fields.items() if isinstance(fields, dict) else ((None, f) for f in fields)
        for key, entry in items:
            data = entry.model_dump() if hasattr(entry, "model_dump") else entry
            field_id = (data.get("id") if isinstance(data, dict) else None) or key
            if field_id:
                table[str(field_id)] = _forms(entry) or [str(field_id).replace("-", " ")]
    if not table:
        table = {k: list(v) for k, v in _FALLBACK_FIELDS.items()}
    out = []
    for field_id, forms in table.items():
        pattern = _pattern(forms)
        if pattern is not None:
            out.append((field_id, pattern, max(len(f) for f in forms)))
    out.sort(key=lambda item: -item[2])
    return [(field_id, pattern) for field_id, pattern, _ in out]


@dataclass(frozen=True)
class Vocabulary:
    """The taxonomy's words the documents layer reads with, compiled once (picklable: it travels
    to the reader processes)."""

    levels: tuple[tuple[str, re.Pattern[str]], ...]
    fields: tuple[tuple[str, re.Pattern[str]], ...]
    relevant: re.Pattern[str]

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy | None) -> Vocabulary:
        """The words of ``taxonomy``; the built-in lists where it has none (or for None)."""
        return cls(levels=tuple(level_patterns(taxonomy)), fields=tuple(field_patterns(taxonomy)),
                   relevant=_relevant_pattern(taxonomy))


BUILT_IN = Vocabulary.from_taxonomy(None)


def looks_like_title(text: str, vocabulary: Vocabulary = BUILT_IN) -> bool:
    """Whether ``text`` reads like a job title ("Senior Data Scientist")."""
    return bool(_TITLE_WORDS.search(text)) or is_relevant_title(text, vocabulary)


def is_relevant_title(title: str, vocabulary: Vocabulary = BUILT_IN) -> bool:
    """Whether a job title counts as relevant prior experience for the role."""
    return bool(vocabulary.relevant.search(title))


def looks_like_education(text: str) -> bool:
    """Whether ``text`` mentions a school or a degree."""
    return bool(_EDUCATION_WORDS.search(text))

