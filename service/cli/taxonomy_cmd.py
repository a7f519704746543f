"""``skillmatch taxonomy``: validate, list and show the skills taxonomy.

The taxonomy loader and rich are imported inside the commands, so other commands and
``--help`` do not pay for them."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..taxonomy import CATEGORIES
from .app import FAILED_EXIT, USAGE_EXIT, SkillmatchApp, app, fail

if TYPE_CHECKING:
    from rich.console import Console

    from ..taxonomy import Skill, Taxonomy


taxonomy_app = SkillmatchApp(
    name="taxonomy",
    help="Validate, list and show the skills taxonomy (every output names its version).",
    no_args_is_help=True,
)
app.add_typer(taxonomy_app, name="taxonomy")

DirOption = Annotated[
    Path | None,
    typer.Option("--dir", metavar="DIR", help=(
        "Taxonomy directory (default: SKILLMATCH_TAXONOMY_DIR, else the installed one).")),
]


class ListFormat(str, Enum):
    table = "table"
    json = "json"


def _console() -> Console:
    from rich.console import Console

    return Console(width=max(Console().width, 120), soft_wrap=False)


def _load(directory: Path | None, practices: bool = False) -> Taxonomy:
    """The taxonomy (``--dir``, else the configured one), or exit 1 with the error on one line;
    with ``practices``, its ``practices.yaml`` is loaded and checked too."""
    from ..errors import TaxonomyError
    from ..extract.practice_rules import load_practices
    from ..settings import get_settings
    from ..taxonomy import default_taxonomy_dir, load_taxonomy

    directory = directory or get_settings().taxonomy_dir
    try:
        taxonomy = load_taxonomy(directory)
        if practices:
            load_practices(directory or default_taxonomy_dir(), taxonomy)
        return taxonomy
    except TaxonomyError as exc:
        fail(f"invalid: {exc.message}", FAILED_EXIT)


def _skill_record(skill: Skill, taxonomy: Taxonomy) -> dict[str, object]:
    return {
        **skill.model_dump(mode="json"),
        "forms": skill.forms,
        "implied": taxonomy.implied(skill.id),
        "implied_by": sorted(s.id for s in taxonomy.skills.values() if skill.id in s.implies),
        "compounds": [c.forms[0] for c in taxonomy.compounds if skill.id in c.skills],
    }


@taxonomy_app.command("validate", help="Load and check the taxonomy; print its counts. "
                      "Exit 1 with the first error (file, entry, field) when it is invalid.")
def validate_command(directory: DirOption = None) -> None:
    from ..taxonomy import taxonomy_stats

    stats = taxonomy_stats(_load(directory, practices=True))
    per_category = ", ".join(f"{name} {count}" for name, count in stats.per_category.items())
    print(f"taxonomy {stats.version}: valid")
    print(f"skills: {stats.skills} ({per_category})")
    print(f"forms: {stats.forms} ({stats.aliases} aliases), ambiguous skills: {stats.ambiguous} "
          f"({stats.with_context} with context rules), implications: {stats.implications}")
    print(f"compounds: {stats.compounds} ({stats.compound_forms} forms), degree levels: "
          f"{stats.degree_levels}, fields: {stats.fields}, titles: {stats.titles}")


@taxonomy_app.command("list", help="List the skills, optionally of one category.")
def list_command(
    category: Annotated[str | None, typer.Option(
        "--category", "-c", metavar="CATEGORY", help=f"One of: {', '.join(CATEGORIES)}.")] = None,
    output: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    directory: DirOption = None,
) -> None:
    if category is not None and category not in CATEGORIES:
        fail(f"unknown category {category!r} (known: {', '.join(CATEGORIES)})", USAGE_EXIT)
    from rich.table import Table
    from rich.text import Text

    taxonomy = _load(directory)
    skills = taxonomy.by_category(category)
    if output is ListFormat.json:
        print(json.dumps({
            "version": taxonomy.version,
            "category": category,
            "skills": [_skill_record(s, taxonomy) for s in skills],
        }, ensure_ascii=False, indent=2))
        return
    table = Table(title=Text(f"Taxonomy {taxonomy.version}: {len(skills)} skills"
                             + (f" ({category})" if category else "")))
    for column in ("id", "name", "category", "source", "forms", "ambiguous", "implies"):
        table.add_column(column, overflow="fold")
    for skill in skills:
        table.add_row(*(Text(cell) for cell in (
            skill.id, skill.name, skill.category, skill.source, str(len(skill.forms)),
            "yes" if skill.ambiguous else "", ", ".join(skill.implies))))
    _console().print(table)


@taxonomy_app.command("show", help="Print every field of one skill. Exit 2 for an unknown id.")
def show_command(
    skill_id: Annotated[str, typer.Argument(metavar="ID", help="Skill id, e.g. c-plus-plus.")],
    output: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    directory: DirOption = None,
) -> None:
    from rich.table import Table
    from rich.text import Text

    taxonomy = _load(directory)
    if skill_id not in taxonomy.skills:
        fail(f"unknown skill id {skill_id!r} in taxonomy {taxonomy.version} "
             "(see `skillmatch taxonomy list`)", USAGE_EXIT)
    record = _skill_record(taxonomy.get(skill_id), taxonomy)
    if output is ListFormat.json:
        print(json.dumps({"version": taxonomy.version, "skill": record},
                         ensure_ascii=False, indent=2))
        return
    table = Table(title=Text(f"{record['name']} (taxonomy {taxonomy.version})"), show_header=False)
    table.add_column("field", style="bold")
    table.add_column("value", overflow="fold")
    for key, value in record.items():
        table.add_row(key, Text(_cell(value)))
    _console().print(table)


def _cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) if value else "-"
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_cell(v)}" for k, v in value.items())
    if value is None or value == "":
        return "-"
    return str(value)
