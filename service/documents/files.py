"""Files on disk → ``Document``: regular files only, size-checked before reading (the CLI,
batch and evaluate read paths through here; uploads arrive as bytes at ``parse_bytes``)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from ..errors import Empty, InputError, NotFound, SkillmatchError, TextTooLong, TooLarge
from ..models import Document
from ..settings import Settings
from . import parse_bytes
from .vocab import BUILT_IN, Vocabulary

_NOT_REGULAR = "Not a regular file (a folder, pipe or device)."


def _unreadable(exc: OSError) -> InputError:
    return InputError(f"The file could not be read ({exc.strerror or type(exc).__name__}).")


def describe_size(size: int) -> str:
    """A byte count the way the docs state limits: binary megabytes ("10 MB") or bytes."""
    if size < 1 << 20:
        return f"{size:,} bytes"
    megabytes = f"{size / (1 << 20):,.1f}"
    return f"{megabytes.removesuffix('.0')} MB"


def too_large(size: int, limit: int) -> TooLarge:
    """The ``TooLarge`` error for a ``size``-byte file over ``limit`` bytes."""
    return TooLarge(f"The file is {describe_size(size)}; the limit is {describe_size(limit)} "
                    "(SKILLMATCH_MAX_UPLOAD_BYTES).")


@contextmanager
def open_regular(path: str | os.PathLike[str]) -> Iterator[tuple[BinaryIO, int]]:
    """Open ``path`` for reading if it is a regular file, yielding the file and its size.

    A pipe, device or folder is refused before it is read (reading a pipe could wait
    forever), and the file is opened without blocking and checked again, so a file swapped for
    a pipe in between is refused too. Raises ``NotFound`` for a missing file and ``InputError``
    for anything else that cannot be opened; messages do not repeat the path (callers name it).
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise InputError(_NOT_REGULAR)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise NotFound("No such file.") from None
    except OSError as exc:
        raise _unreadable(exc) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(_NOT_REGULAR)
        os.set_blocking(fd, True)
        yield fh, info.st_size


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """A regular file's bytes, refusing one over ``limit`` bytes before reading it (and reading
    at most ``limit + 1`` bytes, in case it grows meanwhile)."""
    with open_regular(path) as (fh, size):
        if size > limit:
            raise too_large(size, limit)
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise _unreadable(exc) from None
    if len(data) > limit:
        raise too_large(len(data), limit)
    return data


def read_path(path: Path, *, settings: Settings,
              vocabulary: Vocabulary = BUILT_IN) -> Document:
    """Read a file into a ``Document`` with the documents layer (``parse_bytes``: PDF, DOCX,
    text or Markdown, told apart by content); every failure is a typed ``SkillmatchError``."""
    return parse_bytes(read_limited(path, settings.max_upload_bytes), path.name,
                                 settings=settings, vocabulary=vocabulary)


def read_job_posting(path: Path, *, settings: Settings) -> str:
    """A job posting file's text, read exactly like a resume (PDF, DOCX, RTF, TXT or Markdown).

    What ``score --job``, ``job`` and ``batch --job`` all use. Raises a typed error whose
    message names the file: missing, not a regular file, too large, unreadable, empty, or
    longer than ``max_text_chars``.
    """
    try:
        text = read_path(path, settings=settings).text
        if not text.strip():
            raise Empty()
        if len(text) > settings.max_text_chars:
            raise TextTooLong(f"The text has {len(text):,} characters; the limit is "
                              f"{settings.max_text_chars:,}.")
    except SkillmatchError as exc:
        raise type(exc)(f"The job posting {path}: {exc.message}") from None
    return text
