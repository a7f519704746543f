"""Word lists the documents layer needs: job-title words, relevant titles, degree levels, fields.

Relevant titles, degree levels and education fields come from the taxonomy
(``taxonomy/titles.yaml`` and ``taxonomy/education.yaml``): a ``Vocabulary.from_taxonomy(taxonomy)``
that the caller passes in (the analysis context holds the one of its taxonomy and sends it to the
reader processes with each document). A document read without one uses ``BUILT_IN``: the same
two files of the taxonomy installed with the package, read on first use. Only what no taxonomy
file holds lives here: job-title words, education words and school-level qualifications.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..taxonomy import Education, NotJob, Taxonomy, Title

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
# _TITLE_WORDS has no upper-case letter: on ASCII text it matches the lower-cased text
# case-sensitively at the same offsets, three times faster
_TITLE_WORDS_CASED = re.compile(_TITLE_WORDS.pattern)
_EDUCATION_WORDS = re.compile(
    r"\b(university|universit\w+|college|institute|school|academy|polytechnic|bachelor\w*|"
    r"master\w*|ph\.?\s?d|doctorate|diploma|degree|b\.?\s?tech|m\.?\s?tech|b\.?\s?sc|m\.?\s?sc|"
    r"b\.?\s?e\.|m\.?\s?e\.|b\.?\s?com|bca|mca|mba|hsc|ssc|secondary|graduat\w*|gpa|cgpa)\b",
    re.IGNORECASE,
)

# School-level qualifications: the level ``other`` (no rank, not in ``education.yaml``)
_OTHER_LEVEL = ("other", re.compile(
    r"\b(diploma|high school|secondary|hsc|ssc|higher secondary|certificate|a-levels?|gcse|"
    r"matriculation|12th|10th)(?!\w)", re.IGNORECASE))


def level_patterns(education: Education) -> list[tuple[str, re.Pattern[str]]]:
    """(level id, pattern) from the highest degree down, then school-level qualifications."""
    out = []
    for level in sorted(education.levels, key=lambda item: -item.rank):
        pattern = _pattern([level.name, *level.forms])
        if pattern is not None:
            out.append((level.id, pattern))
    return [*out, _OTHER_LEVEL]


def field_patterns(education: Education) -> list[tuple[str, re.Pattern[str]]]:
    """(field id, pattern) pairs, the field with the longest form first."""
    out = []
    for field in education.fields:
        forms = [field.name, *field.forms]
        pattern = _pattern(forms)
        if pattern is not None:
            out.append((field.id, pattern, max(len(f) for f in forms)))
    out.sort(key=lambda item: -item[2])
    return [(field_id, pattern) for field_id, pattern, _ in out]


def relevant_title_pattern(titles: Sequence[Title]) -> re.Pattern[str]:
    """One pattern for every form of the role families that count as relevant experience (a
    pattern that never matches when there is none)."""
    forms = [form for title in titles if title.relevant for form in (title.name, *title.forms)]
    return _pattern(forms) or re.compile(r"(?!)")


def _pattern(forms: list[str]) -> re.Pattern[str] | None:
    """One regex for ``forms``: case-insensitive, except short all-caps forms (IT, CS, MS);
    longest first, so the longest form at a place matches."""
    unique = sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True)
    if not unique:
        return None
    # A case-insensitive alternation tries its forms one by one at every word start. Here the
    # forms go in groups by their first character, each behind a look-ahead for it (and the
    # whole behind one for all of them): at most word starts no form opens, and at the others
    # one group is tried. Exact: only the forms of one group can match at a place (a character
    # matches two first characters only where they match each other, and those share a group),
    # and a group keeps its forms in their order.
    firsts = sorted({form[0] for form in unique})
    group_of = {char: next(other for other in firsts
                           if re.fullmatch(re.escape(other), char, re.IGNORECASE))
                for char in firsts}
    groups: dict[str, list[str]] = {}
    for form in unique:
        groups.setdefault(group_of[form[0]], []).append(form)
    alternation = "|".join(
        f"{_opening(members)}(?:{'|'.join(map(_written, members))})"
        for members in groups.values())
    return re.compile(rf"(?<!\w){_opening(unique)}({alternation})(?!\w)", re.IGNORECASE)


def _written(form: str) -> str:
    """``form`` as a regex: escaped; a short all-caps one case-sensitive."""
    if form.isupper() and len(form.replace(".", "")) <= 4:
        return f"(?-i:{re.escape(form)})"
    return re.escape(form)


def _opening(forms: list[str]) -> str:
    """A look-ahead for the first characters of ``forms``."""
    return "(?=[" + "".join(sorted({re.escape(form[0]) for form in forms})) + "])"


@dataclass(frozen=True)
class Vocabulary:
    """The taxonomy's words the documents layer reads with, compiled once (picklable: it travels
    to the reader processes)."""

    levels: tuple[tuple[str, re.Pattern[str]], ...]
    fields: tuple[tuple[str, re.Pattern[str]], ...]
    relevant: re.Pattern[str]
    not_job: re.Pattern[str] = re.compile(r"(?!)")  # an entry that is no job ("Career Break")

    @classmethod
    def from_taxonomy(cls, taxonomy: Taxonomy) -> Vocabulary:
        """The words of ``taxonomy``."""
        return cls.from_files(taxonomy.education, taxonomy.titles, taxonomy.not_jobs)

    @classmethod
    def from_files(cls, education: Education, titles: Sequence[Title],
                   not_jobs: Sequence[NotJob] = ()) -> Vocabulary:
        """The words of a taxonomy's ``education.yaml``, ``titles.yaml`` and ``not_jobs.yaml``."""
        return cls(levels=tuple(level_patterns(education)), fields=tuple(field_patterns(education)),
                   relevant=relevant_title_pattern(titles),
                   not_job=_pattern([f for entry in not_jobs for f in entry.forms])
                   or re.compile(r"(?!)"))


@lru_cache(maxsize=1)
def _installed() -> Vocabulary:
    from ..taxonomy.loading import load_education_and_titles, load_not_jobs

    return Vocabulary.from_files(*load_education_and_titles(), load_not_jobs())


class InstalledVocabulary(Vocabulary):
    """The vocabulary of the taxonomy installed with the package, read on first use (a default
    for reading a document without a context; it pickles as a name, and each process that
    uses it reads the two files once)."""

    def __init__(self) -> None:  # noqa: D107 - every field is read from the package's files
        pass

    levels = property(lambda self: _installed().levels)  # type: ignore[assignment]
    fields = property(lambda self: _installed().fields)  # type: ignore[assignment]
    relevant = property(lambda self: _installed().relevant)  # type: ignore[assignment]
    not_job = property(lambda self: _installed().not_job)  # type: ignore[assignment]


BUILT_IN: Vocabulary = InstalledVocabulary()


def looks_like_title(text: str, vocabulary: Vocabulary = BUILT_IN) -> bool:
    """Whether ``text`` reads like a job title ("Senior Data Scientist")."""
    if text.isascii():
        found = _TITLE_WORDS_CASED.search(text.lower())
    else:
        found = _TITLE_WORDS.search(text)
    return found is not None or is_relevant_title(text, vocabulary)


def is_relevant_title(title: str, vocabulary: Vocabulary = BUILT_IN) -> bool:
    """Whether a job title counts as relevant prior experience for the role."""
    return bool(vocabulary.relevant.search(title))


def is_not_job(header: str, vocabulary: Vocabulary = BUILT_IN) -> bool:
    """Whether an entry's header names time that is no job ("Career Break", "Sabbatical") and
    no job beside it ("Career Break / Freelance Designer" is a job)."""
    if not vocabulary.not_job.search(header):
        return False
    return not looks_like_title(vocabulary.not_job.sub(" ", header), vocabulary)


def looks_like_education(text: str) -> bool:
    """Whether ``text`` mentions a school or a degree."""
    return bool(_EDUCATION_WORDS.search(text))

