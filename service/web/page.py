"""What the candidate page needs from the server: its template context and its static files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import BaseModel

from ..documents import ocr
from ..settings import Settings

WEB_DIR = Path(__file__).parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
DEFAULT_PROFILE = "ml-engineer"
DEFAULT_PROFILE_TITLE = "machine-learning engineer"
ACCEPT = ",".join([
    ".pdf", ".docx", ".rtf", ".txt", ".md", ".json", "application/pdf", "text/plain",
    "text/markdown", "application/json", "application/rtf", "text/rtf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
])
ACCEPT_IMAGES = ",".join([".png", ".jpg", ".jpeg", "image/png", "image/jpeg"])  # with OCR only

MEDIA_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
               ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon"}


class PageContext(BaseModel):
    """The values the page template shows; nothing about any candidate."""

    profile: str = DEFAULT_PROFILE
    profile_title: str = DEFAULT_PROFILE_TITLE
    accept: str = ACCEPT
    max_upload_bytes: int
    max_upload_mb: str
    max_text_chars: int
    ocr_enabled: bool = False


def page_context(settings: Settings) -> PageContext:
    """The template context for ``/`` under ``settings``: the limits shown to the candidate, and
    whether a scanned PDF or a photo (PNG, JPEG) can be read here (OCR on and installed)."""
    megabytes = settings.max_upload_bytes / (1024 * 1024)
    enabled = ocr.enabled(settings)
    return PageContext(
        max_upload_bytes=settings.max_upload_bytes,
        max_upload_mb=f"{megabytes:.0f}" if megabytes >= 1 else f"{megabytes:.1f}",
        max_text_chars=settings.max_text_chars,
        ocr_enabled=enabled,
        accept=f"{ACCEPT},{ACCEPT_IMAGES}" if enabled else ACCEPT,
    )


def static_files() -> dict[str, tuple[Path, str]]:
    """Every servable static file by name, with its media type (a fixed list: no path lookups)."""
    return {
        path.name: (path, MEDIA_TYPES[path.suffix])
        for path in sorted(STATIC_DIR.iterdir())
        if path.is_file() and path.suffix in MEDIA_TYPES
    }


def asset_version(files: dict[str, tuple[Path, str]]) -> str:
    """A short hash of the static files, appended to their URLs so a new release is never stale."""
    digest = hashlib.sha256()
    for name, (path, _) in sorted(files.items()):
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
