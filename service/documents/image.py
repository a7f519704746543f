"""A resume uploaded as a photo or a scan (PNG or JPEG): read by OCR, as one page.

Only where OCR is on and installed (``ocr.enabled``); elsewhere an image is ``unsupported_format``
with a message saying so. Limits before any pixel is decoded: the file size (as every upload),
``MAX_IMAGE_PIXELS`` from the image's header (a decompression bomb is refused, not decoded), and a
smallest side below which no page of text is readable. A JPEG is decoded at reduced size when it
is larger than the OCR needs; the image is turned upright by its EXIF orientation (phone photos),
made greyscale and read by ``ocr.recognise`` within ``ocr_page_timeout_s``.
"""

from __future__ import annotations

import io
import re
import warnings

from ..errors import Corrupt, Empty, TooLarge, UnsupportedFormat
from ..models import Document
from ..settings import Settings
from . import ocr
from .text import build_document
from .vocab import Vocabulary

MAX_IMAGE_PIXELS = 50_000_000  # a 48-megapixel phone photo; past it the header alone refuses it
MIN_SIDE = 300  # pixels: a page of text photographed smaller than this cannot be read
NAMES = {"png": "a PNG image", "jpeg": "a JPEG image"}


def image_kind(data: bytes) -> str | None:
    """``png`` or ``jpeg`` by magic bytes, else None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    return None


def read_image(data: bytes, kind: str, settings: Settings, vocabulary: Vocabulary) -> Document:
    """The text of a photographed or scanned resume, read by OCR; typed errors otherwise."""
    if not ocr.enabled(settings):
        raise UnsupportedFormat(f"This file is {NAMES[kind]}. Images are read only with OCR, "
                                "which is not available here. Upload a PDF, DOCX, RTF, TXT or "
                                "Markdown file.")
    image = _decoded(data, kind)
    ocr.announce(1)
    text = ocr.recognise(image, settings.ocr_page_timeout_s, 1)
    pieces = [(part, 1) for part in re.split(r"\n\s*\n", text)]
    doc = build_document(pieces, "image", pages=1,
                         warnings=["Read by OCR (page 1): check the result."],
                         vocabulary=vocabulary)
    if not doc.text.strip():
        raise Empty("OCR found no text in the image. Photograph the page straight, in focus and "
                    "filling the frame, or upload a PDF, DOCX, RTF or TXT file.")
    doc.ocr_pages = [1]
    return doc


def _decoded(data: bytes, kind: str):
    """The image, upright, greyscale and at most ``ocr.MAX_RENDER_PIXELS``; typed errors for an
    image that is too large, too small or damaged."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind.upper()])
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                raise TooLarge(f"The image is {width}×{height} pixels; the limit is "
                               f"{MAX_IMAGE_PIXELS // 1_000_000} megapixels.")
            if min(width, height) < MIN_SIDE:
                raise Empty(f"The image is {width}×{height} pixels, too small to hold readable "
                            "text. Upload a photo or scan of the whole page, or a PDF, DOCX or "
                            "TXT file.")
            scale = min(1.0, (ocr.MAX_RENDER_PIXELS / (width * height)) ** 0.5)
            if kind == "jpeg" and scale < 1.0:
                image.draft("L", (int(width * scale), int(height * scale)))  # decode smaller
            image = ImageOps.exif_transpose(image).convert("L")
            if image.width * image.height > ocr.MAX_RENDER_PIXELS:
                image.thumbnail((int(width * scale), int(height * scale)))
            return image
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError,
            Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise Corrupt("The image could not be decoded: it seems damaged. Save or photograph it "
                      "again and retry.") from exc
