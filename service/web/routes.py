"""The candidate page: ``GET /`` and its static files (``GET /static/{name}``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from ..settings import Settings, get_settings
from .page import TEMPLATES_DIR, asset_version, page_context, static_files

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
STATIC = static_files()
ASSET_VERSION = asset_version(STATIC)
CACHE_HEADERS = {"Cache-Control": "public, max-age=3600"}


def _settings(request: Request) -> Settings:
    """The app's settings when ``create_app`` stored them on ``app.state``, else the global ones."""
    return getattr(request.app.state, "settings", None) or get_settings()


@router.get("/", response_class=HTMLResponse)
def candidate_page(
    request: Request, settings: Annotated[Settings, Depends(_settings)],
) -> HTMLResponse:
    """The upload form and the (initially empty) results region."""
    context = page_context(settings).model_dump()
    context["asset_version"] = ASSET_VERSION
    return templates.TemplateResponse(request, "index.html", context)


@router.get("/static/{name}")
def static_file(name: str) -> FileResponse:
    """One of the page's own CSS/JS/image files; anything else is 404."""
    if name not in STATIC:
        raise HTTPException(status_code=404, detail="Not found.")
    path, media_type = STATIC[name]
    return FileResponse(path, media_type=media_type, headers=CACHE_HEADERS)
