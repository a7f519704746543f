"""Profiles (``taxonomy/profiles/*.yaml``): found by name, validated as ``Profile``, and checked
against a taxonomy (every skill id and the role family must exist in it)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from ..errors import TaxonomyError
from ..models.profile import Profile
from .loading import default_taxonomy_dir, describe_error, get_taxonomy, read_yaml
from .models import Taxonomy


def profile_paths(directory: Path | None = None) -> dict[str, Path]:
    """Profile name → YAML file under ``profiles/``."""
    root = directory or default_taxonomy_dir()
    return {path.stem: path for path in sorted((root / "profiles").glob("*.yaml"))}


def load_profile(name: str, directory: Path | None = None,
                 taxonomy: Taxonomy | None = None) -> Profile:
    """Load and validate one profile, checking that every skill it names exists in
    ``taxonomy`` (default: the taxonomy in ``directory``)."""
    paths = profile_paths(directory)
    if name not in paths:
        known = ", ".join(paths) or "none"
        raise TaxonomyError(f"unknown profile {name!r} (known: {known})")
    path = paths[name]
    data = read_yaml(path)
    try:
        profile = Profile.model_validate(data)
    except ValidationError as exc:
        raise TaxonomyError(f"{path.name}: entry {name}: {describe_error(exc)}") from None
    taxonomy = taxonomy or get_taxonomy(directory)
    if profile.role.family and profile.role.family not in {t.id for t in taxonomy.titles}:
        raise TaxonomyError(f"{path.name}: entry {name}: field role.family: unknown role family "
                            f"{profile.role.family!r}")
    families = {t.id for t in taxonomy.titles}
    for group in profile.groups:
        for item in group.items:
            for family in item.roles:
                if family not in families:
                    raise TaxonomyError(f"{path.name}: entry {group.id}.{item.id}: field roles: "
                                        f"unknown role family {family!r}")
    for group in profile.groups:
        for item in group.items:
            for field in ("any_of", "partial_from"):
                for skill_id in getattr(item, field):
                    if skill_id not in taxonomy.skills:
                        raise TaxonomyError(
                            f"{path.name}: entry {group.id}.{item.id}: field {field}: "
                            f"unknown skill {skill_id!r}"
                        )
    return profile


def load_profiles(directory: Path | None, taxonomy: Taxonomy) -> dict[str, Profile]:
    """Every profile under ``directory``'s ``profiles/`` by name, checked against ``taxonomy``."""
    return {name: load_profile(name, directory, taxonomy) for name in profile_paths(directory)}


@lru_cache(maxsize=16)
def get_profile(name: str, directory: Path | None = None) -> Profile:
    """A profile, loaded once per process."""
    return load_profile(name, directory)
