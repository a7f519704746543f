"""Read a multipart upload within the limits: one file, a few short text fields.

The form is parsed here rather than by FastAPI so that text fields may be as long as
``max_text_chars`` (Starlette caps a field at 1 MiB by default) and so that every failure is a
typed error. The request body as a whole is already capped while streaming
(``limits.BodySizeLimitMiddleware``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from ..errors import InputError, TextTooLong, TooLarge
from ..settings import Settings
from .limits import text_field_bytes


@dataclass(frozen=True)
class Upload:
    data: bytes
    filename: str | None
    fields: dict[str, str]


def upload_schema(max_lengths: dict[str, int] | None = None, **fields: str) -> dict[str, Any]:
    """OpenAPI ``requestBody`` for a multipart upload with a ``file`` and optional text fields
    (``max_lengths``: the fields with a length limit, in characters)."""
    properties: dict[str, Any] = {
        "file": {"type": "string", "format": "binary",
                 "description": "PDF, DOCX, RTF, TXT, Markdown or JSON Resume"}
    }
    for name, description in fields.items():
        properties[name] = {"type": "string", "description": description}
        if max_lengths and name in max_lengths:
            properties[name]["maxLength"] = max_lengths[name]
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["file"],
                        "properties": properties,
                        "additionalProperties": False,
                    }
                }
            },
        }
    }


async def read_upload(request: Request, settings: Settings, allowed: tuple[str, ...]) -> Upload:
    """The uploaded ``file`` and the text fields named in ``allowed`` (others are refused)."""
    content_type = request.headers.get("content-type", "")
    if not content_type.lower().startswith("multipart/form-data"):
        raise InputError("Send the document as multipart/form-data with a 'file' field.")
    try:
        parser = MultiPartParser(
            request.headers,
            request.stream(),
            max_files=1,
            max_fields=len(allowed) + 1,
            max_part_size=text_field_bytes(settings),
        )
        form = await parser.parse()
    except MultiPartException as exc:
        if "maximum size" in str(exc):
            raise TextTooLong(
                f"A text field is longer than the limit of {settings.max_text_chars:,} characters."
            ) from None
        raise InputError(f"The multipart body is not valid: {exc}") from None
    try:
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise InputError("The form needs a 'file' field holding the document.")
        data = await upload.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            mib = settings.max_upload_bytes / (1024 * 1024)
            raise TooLarge(f"The file is larger than the size limit ({mib:.1f} MiB).")
        fields: dict[str, str] = {}
        for name, value in form.multi_items():
            if name == "file":
                continue
            if name not in allowed or not isinstance(value, str):
                raise InputError(f"Unexpected form field {name!r}.")
            fields[name] = check_text(value, settings, name)
        return Upload(data=data, filename=upload.filename, fields=fields)
    finally:
        await form.close()


def check_text(text: str, settings: Settings, name: str = "text") -> str:
    """``text`` unchanged, or ``TextTooLong`` when it has more than ``max_text_chars``."""
    if len(text) > settings.max_text_chars:
        raise TextTooLong(
            f"The {name} field has {len(text):,} characters; the limit is "
            f"{settings.max_text_chars:,}."
        )
    return text


def short_field(upload: Upload, name: str, max_chars: int) -> str | None:
    """A short text field (a label), stripped; refused past ``max_chars``, never cut."""
    value = upload.fields.get(name, "").strip()
    if len(value) > max_chars:
        raise InputError(f"{name}: at most {max_chars} characters (got {len(value)}).")
    return value or None


def optional_text(upload: Upload, name: str) -> str | None:
    """A text field that may be left out, but not sent blank (a blank job description is
    refused rather than quietly replaced by the default profile)."""
    if name not in upload.fields:
        return None
    value = upload.fields[name].strip()
    if not value:
        raise InputError(f"{name}: must not be empty or only whitespace (leave it out instead).")
    return value
