"""One error table for the API: every failure answers ``{"error": {"code", "message"}}``.

Domain errors carry their own code and status (``service.errors``); FastAPI's validation errors
become 422 ``invalid_request``; Starlette's HTTP errors (unknown route, wrong method) keep their
status with a code named after it.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from ..errors import SkillmatchError
from ..web.security import security_headers

log = logging.getLogger("service.api")

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_format",
    422: "invalid_request",
    429: "rate_limited",
}


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code (see docs/errors.md)")
    message: str = Field(description="What went wrong and what to do, in plain words")


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


_DESCRIPTIONS = {
    401: "Missing, invalid or revoked API key (`unauthorized`)",
    404: "No such resource for this tenant (`not_found`)",
    413: "Upload or text over the limit (`too_large`, `text_too_long`)",
    415: "File type not supported (`unsupported_format`)",
    422: "Invalid request or unreadable document (`invalid_request`, `corrupt`, `encrypted`, …)",
    429: "Rate limit or parse capacity reached (`rate_limited`, `busy`); see Retry-After",
    503: "Database unreachable (`unavailable`)",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries declaring the error body for ``statuses``."""
    return {
        status: {"model": ErrorBody, "description": _DESCRIPTIONS.get(status, "Error")}
        for status in statuses
    }


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": {"code": code, "message": message}}, headers=headers
    )


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SkillmatchError)
    headers = None
    if exc.retry_after is not None:
        headers = {"Retry-After": str(exc.retry_after)}
    if exc.status >= 500:
        log.error("request failed: code=%s status=%s", exc.code, exc.status)
    return error_response(exc.status, exc.code, exc.message, headers)


def body_fields(request: Request) -> list[str]:
    """The fields of the JSON body the matched route expects (none for other bodies)."""
    route = request.scope.get("route")
    field = getattr(route, "body_field", None)
    model = getattr(getattr(field, "field_info", None), "annotation", None)
    return list(getattr(model, "model_fields", {}))


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _whole_body_message(error: dict[str, Any], fields: list[str]) -> str:
    """The message for an error about the body as a whole (not one field of it)."""
    kind = error.get("type")
    if kind == "value_error":  # a model validator's own sentence
        return str(error.get("msg", "")).removeprefix("Value error, ")
    wanted = "a JSON object" + (f" with the fields {_listed(fields)}" if fields else "")
    if kind == "missing":
        return f"The body is empty: send {wanted} (Content-Type: application/json)."
    sent = error.get("input")
    if isinstance(sent, bytes | bytearray):
        return f"The body was not sent as JSON (Content-Type: application/json): send {wanted}."
    what = {list: "an array", str: "a string", int: "a number", float: "a number",
            bool: "true or false"}.get(type(sent), "not an object")
    return f"The body is {what}: send {wanted}."


def describe_validation(exc: RequestValidationError, fields: list[str] | None = None) -> str:
    """A short message naming each bad field, never echoing the submitted values; an error
    about the whole body, or an unknown field, says which fields to send (``fields``, from
    ``body_fields``)."""
    fields = fields or []
    parts = []
    for error in exc.errors()[:5]:
        loc = tuple(error.get("loc", ()))
        if error.get("type") == "json_invalid":
            where = f" (at character {loc[1]})" if len(loc) > 1 else ""
            return f"The body is not valid JSON{where}."
        if loc == ("body",):
            return _whole_body_message(error, fields)
        location = ".".join(str(p) for p in loc if p != "body")
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        if error.get("type") == "extra_forbidden" and fields:
            message = f"not a field of this body (it takes {_listed(fields)})"
        parts.append(f"{location}: {message}" if location else message)
    return "; ".join(parts) or "The request is not valid."


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "invalid_request", describe_validation(exc, body_fields(request)))


def allowed_methods(request: Request) -> list[str]:
    """Every method some route accepts at this path (FastAPI keeps one route per method)."""
    routes = request.app.router.routes
    return [
        method
        for method in ("DELETE", "GET", "PATCH", "POST", "PUT")
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes
        )
    ]


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    headers = dict(exc.headers or {})
    message = exc.detail if isinstance(exc.detail, str) else "Request failed."
    if status == 400:
        status, message = 422, "The request body could not be parsed."
    elif status == 404:
        message = "Not found."
    elif status == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    code = HTTP_CODES.get(status, "http_error")
    return error_response(status, code, message, headers or None)


async def _server_error(request: Request, exc: Exception) -> JSONResponse:
    """A bug: answer in the usual shape; Starlette re-raises it so the traceback is logged.

    This answer is sent from outside every middleware, so it carries the security headers
    itself."""
    return error_response(
        500, "internal_error", "Something went wrong on the server; the error has been logged.",
        security_headers(request.url.path),
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Exception, _server_error)
    app.add_exception_handler(SkillmatchError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
