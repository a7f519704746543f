"""The skills taxonomy and the profiles: their models, loading and validation.

Data lives in ``taxonomy/`` (YAML): ``skills/*.yaml``, ``compounds.yaml``, ``education.yaml``,
``titles.yaml`` (role families), ``research.yaml`` (ML venues), ``cues.yaml`` (required /
preferred phrases in postings), ``esco.yaml`` (ESCO identifiers), ``profiles/*.yaml`` and
``VERSION``. Every validation error names the file, the entry and the field: ``languages.yaml:
entry c: field aliases: ...``.

Modules: ``models`` (the pydantic models of the files), ``loading`` (reading and validating them
into a ``Taxonomy``), ``checks`` (rules across entries and files), ``profiles`` (profile files),
``stats`` (counts), ``derived`` (values computed once per taxonomy object). The names below are
the package's public face; importers may use them from here.
"""

from .checks import form_key
from .derived import per_taxonomy
from .loading import default_taxonomy_dir, get_taxonomy, load_taxonomy
from .models import (
    CATEGORIES,
    Category,
    Compound,
    ContextRule,
    Cues,
    DegreeLevel,
    Education,
    EscoMapping,
    FieldOfStudy,
    METHOD_CATEGORIES,
    NotJob,
    Research,
    TECHNOLOGY_CATEGORIES,
    Skill,
    Taxonomy,
    Title,
    Venue,
)
from .profiles import get_profile, load_profile, load_profiles, profile_paths
from .stats import TaxonomyStats, taxonomy_stats

__all__ = [
    "CATEGORIES", "Category", "Compound", "ContextRule", "Cues", "DegreeLevel", "Education",
    "EscoMapping", "FieldOfStudy", "METHOD_CATEGORIES", "NotJob", "Research", "Skill",
    "TECHNOLOGY_CATEGORIES",
    "Taxonomy", "TaxonomyStats",
    "Title", "Venue", "default_taxonomy_dir", "form_key", "get_profile", "get_taxonomy",
    "load_profile", "load_profiles", "load_taxonomy", "per_taxonomy", "profile_paths",
    "taxonomy_stats",
]
