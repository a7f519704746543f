"""Context rules, one module per question: when an ambiguous form counts (``ambiguity``), when a
mention is negated, hypothetical or a course's prerequisite (``negation``), and whether a posting
requires or prefers it (``requirements``).

Skill-specific patterns and cue words are taxonomy data; these modules hold general rules about
lists, headings, clauses and sentences.
"""

from .ambiguity import (
    Anchors,
    confirmed_by_company,
    confirmed_by_neighbours,
    confirmed_by_phrase,
    confirmed_by_rule,
    confirmed_by_work_on,
    in_skills_area,
    letter_of_a_word,
    list_items,
    named_as_technology,
    named_before_experience,
    named_in_role,
    named_with_artifact,
    named_with_competence,
    prefixed_otherwise,
    rejected,
    rejected_by_patterns,
    rejected_by_rule,
    rejected_by_shape,
    sole_item_among_skills,
)
from .lines import line_bounds
from .negation import (
    Negations,
    blank_out,
    course_prerequisite,
    mentions_prerequisites,
    negated,
)
from .requirements import RequirementHints

__all__ = [
    "Anchors", "Negations", "RequirementHints", "blank_out", "confirmed_by_company",
    "confirmed_by_neighbours", "confirmed_by_phrase", "confirmed_by_rule", "confirmed_by_work_on",
    "course_prerequisite",
    "in_skills_area", "letter_of_a_word", "line_bounds", "list_items", "mentions_prerequisites",
    "named_as_technology", "named_before_experience", "named_in_role", "named_with_artifact",
    "named_with_competence", "negated",
    "prefixed_otherwise", "rejected", "rejected_by_patterns", "rejected_by_rule",
    "rejected_by_shape",
    "sole_item_among_skills",
]
