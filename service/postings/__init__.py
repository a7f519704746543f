"""Job postings: a posted job description → a job ``Profile`` scored like any other.

Modules: ``cues`` (required / preferred / not-needed and years phrases), ``segments`` (sections
and sentences), ``mentions`` (skill mentions → items, alternatives merged), ``groups`` (items →
weighted groups with next steps), ``degrees`` (the degree and acceptable majors), ``experience``
(overall years), ``role`` (the role family the posting is for) and ``parse`` (``parse_job``).
"""

from .groups import related_evidence
from .parse import parse_job

__all__ = ["parse_job", "related_evidence"]
