"""A resume uploaded as a photo or scan (PNG, JPEG): read by OCR where it is on, refused with a
typed error where it is off, and bounded before any pixel is decoded."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
import resume_builders as rb

from service.documents import document_from_text, parse_bytes, read_document_in_process
from service.documents import ocr
from service.documents.image import MAX_IMAGE_PIXELS
from service.errors import Corrupt, Empty, TooLarge, UnsupportedFormat
from service.settings import Settings
from tests.installed import extract

needs_tesseract = pytest.mark.skipif(not ocr.available(), reason="OCR needs tesseract-ocr, "
                                     "pypdfium2 and Pillow (" + ocr.INSTALL_HINT + ")")
OCR_ON = Settings(ocr_max_pages=4)


def _png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares ``width``×``height`` (no pixel data worth decoding)."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b""))


def _encoded(image, kind: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


@pytest.fixture
def ocr_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR counts as installed, for checks that refuse an image before Tesseract would run."""
    monkeypatch.setattr(ocr, "available", lambda: True)


def test_an_image_is_refused_where_ocr_is_off() -> None:
    with pytest.raises(UnsupportedFormat, match="PNG image.*only with OCR"):
        read_document_in_process(_png_header(800, 1000), settings=Settings(ocr_max_pages=0))


def test_an_image_too_small_to_hold_a_page_is_empty(ocr_installed: None) -> None:
    with pytest.raises(Empty, match="1×1 pixels, too small"):
        read_document_in_process(_png_header(1, 1), settings=OCR_ON)


def test_a_decompression_bomb_is_refused_from_its_header(ocr_installed: None) -> None:
    side = int(MAX_IMAGE_PIXELS ** 0.5) + 10
    with pytest.raises(TooLarge, match="megapixels"):
        read_document_in_process(_png_header(side, side), settings=OCR_ON)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n" + bytes(200), b"\xff\xd8\xff\xe0" + bytes(99)],
                         ids=["png", "jpeg"])
def test_a_damaged_image_is_corrupt(ocr_installed: None, data: bytes) -> None:
    with pytest.raises(Corrupt, match="image could not be decoded"):
        read_document_in_process(data, settings=OCR_ON)


@needs_tesseract
@pytest.mark.slow
def test_a_photographed_resume_is_read_in_the_sandbox_like_its_text() -> None:
    text_skills = {h.id for h in extract(document_from_text(rb.text_version())).skills
                   if h.explicit}
    photo = rb.page_image(shade=True, skew=1.0, jpeg_quality=60)
    doc = parse_bytes(_encoded(photo, "JPEG", quality=80), "photo.jpg", settings=OCR_ON)
    assert doc.source_format == "image" and doc.ocr_pages == [1]
    assert any("Read by OCR" in w for w in doc.warnings)
    found = {h.id for h in extract(doc).skills if h.explicit}
    assert len(found & text_skills) >= 0.8 * len(text_skills)
    assert [p.start for p in doc.positions] == rb.STARTS


@needs_tesseract
@pytest.mark.slow
def test_a_phone_photo_taken_sideways_is_turned_upright_by_its_exif_orientation() -> None:
    from PIL import Image

    upright = rb.page_image()
    sideways = upright.transpose(Image.Transpose.ROTATE_90)  # the sensor's raw orientation
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    data = _encoded(sideways.convert("RGB"), "JPEG", quality=90, exif=exif.tobytes())
    doc = read_document_in_process(data, settings=OCR_ON)
    assert "EXPERIENCE" in doc.text and "Python" in doc.text


@needs_tesseract
def test_a_blank_photo_has_no_text() -> None:
    from PIL import Image

    blank = _encoded(Image.new("L", (900, 1200), 255), "PNG")
    with pytest.raises(Empty, match="OCR found no text"):
        read_document_in_process(blank, settings=OCR_ON)


@needs_tesseract
@pytest.mark.slow
def test_analyze_api_reads_a_photo_and_marks_it_as_ocr(api_client) -> None:
    photo = _encoded(rb.page_image(jpeg_quality=70), "JPEG", quality=85)
    response = api_client.post("/v1/analyze", files={"file": ("cv.jpg", photo, "image/jpeg")})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["extraction"]["document"]["source_format"] == "image"
    assert body["report"]["warning_codes"] == ["ocr_used"]
    found = {s["id"] for s in body["extraction"]["skills"]}
    assert len(found & rb.SKILL_IDS) >= 0.8 * len(rb.SKILL_IDS)
    assert {ev["source"] for s in body["extraction"]["skills"] for ev in s["evidence"]} == {"ocr"}
