"""OCR for PDF pages without a text layer (scans, phone photos, text drawn as outlines) and for
resumes uploaded as images (``image``).

Engine: Tesseract 5 (the Debian ``tesseract-ocr`` + ``tesseract-ocr-eng`` packages), run as a
subprocess per page, single-threaded (``OMP_THREAD_LIMIT=1``: on two shared cores OpenMP's
threads slow it down), with a per-page wall-clock limit. Pages are rendered by PDFium
(``pypdfium2``, the ``ocr`` extra) in the reader process, so any page a browser can show can
be read. Nothing is downloaded at run time: the language model is the Debian package's file.
The comparison that chose Tesseract over RapidOCR is in ``docs/documents.md``.

Budget (``Settings``): at most ``ocr_max_pages`` text-less pages per document (0 turns OCR
off) and ``ocr_page_timeout_s`` seconds per page; past them the typed ``too_many_pages`` and
``timeout`` errors, whose messages say OCR. Before it starts, the reader announces the pages
it will read (``announce``) so the sandbox's parent extends its deadline by that budget only.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..errors import Corrupt, ParseTimeout
from ..settings import Settings

INSTALL_HINT = ("apt-get install tesseract-ocr tesseract-ocr-eng, and pip install "
                "'skillmatch[ocr]'")
RENDER_DPI = 200  # Tesseract reads 10-12 pt text best at 200-300 dpi; 200 keeps it fast
MAX_RENDER_PIXELS = 12_000_000  # an A4/Letter page at 200 dpi is ~3.7 Mpx
_announcer: ContextVar[Callable[[int], None] | None] = ContextVar("ocr_announcer", default=None)


def tesseract_path() -> str | None:
    """The ``tesseract`` executable, if installed."""
    return shutil.which("tesseract")


def available() -> bool:
    """Whether this process can OCR: Tesseract, the PDF renderer and Pillow are installed."""
    if tesseract_path() is None:
        return False
    try:
        import PIL  # noqa: F401
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def enabled(settings: Settings) -> bool:
    """OCR is on in ``settings`` (``ocr_max_pages`` > 0) and installed here."""
    return settings.ocr_max_pages > 0 and available()


@contextmanager
def announcing(callback: Callable[[int], None]) -> Iterator[None]:
    """Within the block, ``announce(pages)`` calls ``callback(pages)`` (the sandbox worker tells
    its parent to wait for the OCR budget; an in-process reader re-arms its alarm)."""
    token = _announcer.set(callback)
    try:
        yield
    finally:
        _announcer.reset(token)


def announce(pages: int) -> None:
    """Say that OCR of ``pages`` pages starts now."""
    callback = _announcer.get()
    if callback is not None:
        callback(pages)


def render_pages(data: bytes, numbers: list[int]):
    """The pages ``numbers`` (1-based) of a PDF as greyscale Pillow images at ``RENDER_DPI``."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise Corrupt("The PDF's pages could not be rendered for OCR. Export it again and "
                      "retry.") from exc
    try:
        images = []
        for number in numbers:
            if number > len(pdf):
                raise Corrupt("The PDF's pages could not be rendered for OCR. Export it again "
                              "and retry.")
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                # a hostile page size must not buy a gigapixel bitmap
                scale = min(RENDER_DPI / 72,
                            0.99 * (MAX_RENDER_PIXELS / max(width * height, 1.0)) ** 0.5)
                bitmap = page.render(scale=scale, grayscale=True)
                images.append(bitmap.to_pil())
            except pypdfium2.PdfiumError as exc:
                raise Corrupt(f"Page {number} of the PDF could not be rendered for OCR. Export "
                              "it again and retry.") from exc
            finally:
                page.close()
        return images
    finally:
        pdf.close()


def recognise(image, timeout_s: float, page: int) -> str:
    """Tesseract's text for one page image; ``ParseTimeout`` past ``timeout_s``."""
    executable = tesseract_path()
    if executable is None:
        raise RuntimeError("tesseract is not installed")
    from PIL import ImageFilter

    buffer = io.BytesIO()
    # a 3×3 median takes out scanner speckle and JPEG noise (11/11 skills instead of 8/11 on a
    # noisy scan) and costs nothing on clean pages (docs/documents.md)
    image.filter(ImageFilter.MedianFilter(3)).save(buffer, "PNG")
    env = {"PATH": os.environ.get("PATH", "/usr/bin"), "OMP_THREAD_LIMIT": "1"}
    if "TESSDATA_PREFIX" in os.environ:
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    try:
        result = subprocess.run(
            [executable, "stdin", "stdout", "-l", "eng", "--psm", "3", "--dpi",
             str(RENDER_DPI)], input=buffer.getvalue(), capture_output=True,
            timeout=timeout_s, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise ParseTimeout(f"OCR of page {page} took longer than {timeout_s:g} s (the limit "
                           "per scanned page). Export the resume with its text, or upload "
                           "DOCX or TXT.") from None
    if result.returncode != 0:
        raise Corrupt(f"OCR could not read page {page} of the document. Export or scan it again "
                      "and retry.")
    return result.stdout.decode("utf-8", errors="replace")


def ocr_pages(data: bytes, numbers: list[int], settings: Settings) -> dict[int, str]:
    """Text of the pages ``numbers`` read by OCR, within the page and time budget."""
    announce(len(numbers))
    images = render_pages(data, numbers)
    return {number: recognise(image, settings.ocr_page_timeout_s, number)
            for number, image in zip(numbers, images)}
