"""Expand the batch's INPUT arguments (files, folders, globs) into the files to read."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

FOLDER_SUFFIXES = frozenset({".pdf", ".docx", ".rtf", ".txt", ".md", ".json"})
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class InputFile:
    """One file to score: ``path`` as shown in the outputs, ``key`` its absolute path."""

    path: str
    key: str


def _walk(folder: Path) -> Iterator[Path]:
    """Supported files under ``folder``, recursively, sorted, skipping hidden entries."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if (not name.startswith(".") and path.suffix.lower() in FOLDER_SUFFIXES
                    and path.is_file()):
                yield path


def _expand_one(arg: str) -> Iterator[Path]:
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(arg):
        for match in sorted(glob.glob(arg, recursive=True)):
            yield from _expand_one(match)
    else:
        raise InputError(f"No such file or folder: {arg}")


def expand_inputs(args: Iterable[str]) -> list[InputFile]:
    """Every file named by ``args``, once, in argument order (folders and globs sorted).

    Folders contribute ``.pdf``, ``.docx``, ``.rtf``, ``.txt``, ``.md`` and ``.json`` (JSON
    Resume) files recursively; a file named explicitly (or matched by a glob) is always
    included, whatever its type, so an unsupported one gets an error row. A path that does not
    exist raises ``InputError``; a glob may match nothing.
    """
    seen: set[str] = set()
    files: list[InputFile] = []
    for arg in args:
        for path in _expand_one(arg):
            key = str(path.resolve())
            if key not in seen:
                seen.add(key)
                files.append(InputFile(path=str(path), key=key))
    return files
