"""Every CLI command has its section in ``docs/cli.md`` and every API route its heading in
``docs/api.md``: a new command or route without a doc line fails here."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from service.cli import app

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _command_paths(command, words: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    children = getattr(command, "commands", None)
    if not children:
        return [words]
    return [path for name, child in children.items()
            for path in _command_paths(child, (*words, name))]


def test_every_cli_command_has_a_section_in_the_cli_doc() -> None:
    headings = [line for line in (DOCS / "cli.md").read_text().splitlines()
                if line.startswith("## ")]
    paths = _command_paths(typer.main.get_command(app))
    assert len(paths) >= 15
    missing = [" ".join(path) for path in paths
               if not any(f"skillmatch {path[0]}" in heading
                          and all(re.search(rf"\b{re.escape(w)}\b", heading) for w in path[1:])
                          for heading in headings)]
    assert not missing, f"commands without a section in docs/cli.md: {missing}"


def test_every_api_route_has_a_heading_in_the_api_doc(tmp_path: Path) -> None:
    from service.api.app import create_app
    from service.settings import Settings

    api_app = create_app(Settings(data_dir=tmp_path))
    headings = "\n".join(line for line in (DOCS / "api.md").read_text().splitlines()
                         if line.startswith("### "))
    routes = [(method.upper(), re.sub(r"\{\w+_id\}", "{id}", path))
              for path, operations in api_app.openapi()["paths"].items()
              for method in operations]
    assert len(routes) >= 15
    missing = [f"{method} {path}" for method, path in routes if f"{method} {path}" not in headings]
    assert not missing, f"routes without a heading in docs/api.md: {missing}"
