"""Scoring: a resume's extraction against a profile or a parsed posting → ``MatchReport``.

Modules, each with one job: ``facts`` (what scoring reads from one resume), ``roles`` (role
families, years per family, research record), ``credit`` (one item's credit and its reason),
``nearby`` (the closest skill a resume has), ``requirements`` (degree, years, role), ``advice``
(gaps and next steps), ``checks`` (not English, not a resume), ``bands`` (what a score means)
and ``report`` (the total and the report).
"""

from .bands import BAND_MEANING, band_of
from .checks import is_list_line, not_a_resume, warnings
from .facts import ResumeFacts, resume_facts
from .report import score, score_facts
from .requirements import salary_band
from .roles import is_student_role, role_facts, role_families

__all__ = [
    "BAND_MEANING", "ResumeFacts", "band_of", "is_list_line", "is_student_role", "not_a_resume",
    "resume_facts", "role_facts", "role_families", "salary_band", "score", "score_facts",
    "warnings",
]
