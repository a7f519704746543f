"""The domain error tree: every failure a user can cause has a stable code and a human message.

The HTTP status for each code lives here too, so the CLI, the API and ``docs/errors.md`` share
one table.
"""

from __future__ import annotations

from typing import ClassVar


class SkillmatchError(Exception):
    """Base of every error skillmatch reports to a user."""

    code: ClassVar[str] = "error"
    status: ClassVar[int] = 400
    default_message: ClassVar[str] = "Something is wrong with the input."
    retry_after: int | None = None  # seconds; the API sends it as Retry-After (429s)

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)

    def to_dict(self) -> dict[str, str]:
        """The error as the JSON body ``{"code", "message"}`` used by the CLI and the API."""
        return {"code": self.code, "message": self.message}


class DocumentError(SkillmatchError):
    """A document could not be turned into text."""

    status = 422


class UnsupportedFormat(DocumentError):
    code = "unsupported_format"
    status = 415
    default_message = ("This file type is not supported. Upload a PDF, DOCX, RTF, TXT or Markdown "
                       "file.")


class TooLarge(DocumentError):
    code = "too_large"
    status = 413
    default_message = "The file is larger than the size limit."


class TextTooLong(DocumentError):
    code = "text_too_long"
    status = 413
    default_message = "The text is longer than the character limit."


class TooManyPages(DocumentError):
    code = "too_many_pages"
    default_message = "The document has more pages than the page limit."


class Encrypted(DocumentError):
    code = "encrypted"
    default_message = "The PDF is password-protected. Save an unprotected copy and upload that."


class Corrupt(DocumentError):
    code = "corrupt"
    default_message = "The file is damaged and could not be read. Export it again and retry."


class NoTextLayer(DocumentError):
    code = "no_text_layer"
    default_message = (
        "The PDF has no text layer (it looks like a scanned image) and OCR is off or not "
        "installed here (apt-get install tesseract-ocr tesseract-ocr-eng; pip install 'skillmatch[ocr]'): "
        "export the resume from your word processor as PDF, or upload DOCX or TXT."
    )


class ParseTimeout(DocumentError):
    code = "timeout"
    default_message = "Reading the document took longer than the time limit."


class Empty(DocumentError):
    code = "empty"
    default_message = "The document contains no text."


class TaxonomyError(SkillmatchError):
    """A taxonomy or profile file is invalid; the message names the file, entry and field."""

    code = "taxonomy_invalid"
    status = 500


class InputError(SkillmatchError):
    """A request or argument is malformed."""

    code = "invalid_request"
    status = 422
    default_message = "The request is not valid."


class NotFound(SkillmatchError):
    code = "not_found"
    status = 404
    default_message = "Not found."


class Unauthorized(SkillmatchError):
    code = "unauthorized"
    status = 401
    default_message = "A valid API key is required: send 'Authorization: Bearer <key>'."


class RateLimited(SkillmatchError):
    code = "rate_limited"
    status = 429
    default_message = "Too many requests; retry later."


class Busy(SkillmatchError):
    code = "busy"
    status = 429
    default_message = "The server is busy reading other documents; retry shortly."


def all_error_classes() -> list[type[SkillmatchError]]:
    """Every concrete error class with its own code, for the docs table and the API schema."""
    seen: dict[str, type[SkillmatchError]] = {}
    stack: list[type[SkillmatchError]] = [SkillmatchError]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.code not in {"error"} and cls.code not in seen and cls is not DocumentError:
            seen[cls.code] = cls
    return sorted(seen.values(), key=lambda c: (c.status, c.code))
