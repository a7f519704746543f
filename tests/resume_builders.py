"""One invented resume, built the ways resume builders build it: plain text, a PDF whose text
sits in form XObjects with letter-spaced glyphs and a stacked date column (as Canva exports),
DOCX, a two-column HTML page, and page images (clean or degraded scans) for OCR.

Shared by the documents tests and the builder matrix (``test_documents_builders.py``).
"""

from __future__ import annotations

import io
import os
import textwrap
from datetime import date

NAME = "Mara Quinlan"
SKILLS = ["Python", "PyTorch", "Kubernetes", "SQL", "Docker", "Airflow", "Tableau"]
SKILL_IDS = {"python", "pytorch", "kubernetes", "sql", "docker", "airflow", "tableau"}
SUMMARY = ("Machine learning engineer who builds forecasting and ranking models and runs "
           "them in production.")
# (title, employer, stacked date lines, plain date range, bullets)
JOBS = [
    ("Machine Learning Engineer", "Northwind Robotics", ["Mar'", "2019", "-", "Present"],
     "Mar 2019 - Present",
     ["Trained demand forecasting models in PyTorch and served them on Kubernetes.",
      "Scheduled feature pipelines with Airflow and Docker."]),
    ("Data Analyst", "Harbor Lane Logistics", ["Jun'", "2015", "-", "Feb'", "2019"],
     "Jun 2015 - Feb 2019",
     ["Wrote SQL reports and Tableau dashboards for the operations team.",
      "Automated weekly data checks in Python."]),
]
EDUCATION = "B.Sc. Statistics, University of Leeds, 2015"
STARTS = [date(2019, 3, 1), date(2015, 6, 1)]


def text_version() -> str:
    """The resume as plain text (what every other format must match)."""
    lines = [NAME, "", "SUMMARY", SUMMARY, "", "SKILLS", ", ".join(SKILLS), "", "EXPERIENCE"]
    for title, employer, _, dates, bullets in JOBS:
        lines += [f"{title}, {employer}", dates, *(f"- {b}" for b in bullets), ""]
    lines += ["EDUCATION", EDUCATION]
    return "\n".join(lines)


def _fonts() -> tuple[str, str]:
    """The Vera fonts ``pdfgen`` registers (one registration per process: reportlab names a
    TrueType subset by its face, so a second registration of the same file clashes)."""
    import pdfgen

    pdfgen._fonts()
    return pdfgen._FONT, pdfgen._BOLD


def form_xobject_pdf(char_space: float = 1.1) -> bytes:
    """Canva-like PDF: a sidebar and a main column, every text block (and each stacked date)
    drawn inside its own form XObject, glyphs tracked ``char_space`` points apart."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    regular, bold = _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    width, height = A4
    counter = iter(range(1000))

    def block(x: float, y: float, rows: list[tuple[str, str, float]]) -> None:
        """Draw ``rows`` (text, font, size) downwards from (x, y) inside one form XObject."""
        name = f"F{next(counter)}"
        c.beginForm(name)
        cursor = y
        for text, font, size in rows:
            t = c.beginText(x, cursor)
            t.setFont(font, size)
            t.setCharSpace(char_space if size < 12 else 0)
            t.textOut(text)
            c.drawText(t)
            cursor -= size * 1.35
        c.endForm()
        c.doForm(name)

    block(30, height - 50, [(NAME.upper(), bold, 22)])
    sidebar = [("SKILLS", bold, 13)] + [(s, regular, 9) for s in SKILLS]
    sidebar += [("", regular, 9), ("LANGUAGES", bold, 13), ("English", regular, 9),
                ("Portuguese", regular, 9)]
    block(30, height - 110, sidebar)
    block(215, height - 110, [("SUMMARY", bold, 13), (SUMMARY[:52], regular, 9),
                              (SUMMARY[52:], regular, 9)])
    y = height - 190
    block(215, y, [("EXPERIENCE", bold, 13)])
    y -= 30
    for title, employer, stacked, _, bullets in JOBS:
        block(215, y, [(part, bold, 8) for part in stacked])
        rows = [(title, bold, 11), (employer, regular, 9)]
        for bullet in bullets:
            first, *rest = textwrap.wrap(bullet, 58)
            rows += [("- " + first, regular, 9), *((line, regular, 9) for line in rest)]
        block(265, y, rows)
        y -= 110
    block(215, y, [("EDUCATION", bold, 13), (EDUCATION, regular, 9)])
    c.showPage()
    c.save()
    return buf.getvalue()


def html_two_columns() -> str:
    """A two-column HTML page (sidebar with skills, main column with dates on the right)."""
    jobs = "".join(
        f"<div class='job'><div class='head'><b>{title}</b><span class='date'>{dates}</span>"
        f"</div><div>{employer}</div><ul>{''.join(f'<li>{b}</li>' for b in bullets)}</ul></div>"
        for title, employer, _, dates, bullets in JOBS)
    skills = "".join(f"<li>{s}</li>" for s in SKILLS)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
body {{ font-family: sans-serif; font-size: 11pt; margin: 0; }}
.page {{ display: flex; }} .side {{ width: 30%; padding: 18px; background: #eef; }}
.main {{ width: 70%; padding: 18px; }} h2 {{ font-size: 13pt; letter-spacing: 2px; }}
.head {{ display: flex; justify-content: space-between; }} ul {{ margin: 4px 0 12px; }}
</style></head><body><div class="page"><div class="side"><h1>{NAME}</h1>
<h2>SKILLS</h2><ul>{skills}</ul></div><div class="main"><h2>SUMMARY</h2><p>{SUMMARY}</p>
<h2>EXPERIENCE</h2>{jobs}<h2>EDUCATION</h2><p>{EDUCATION}</p></div></div></body></html>"""


def docx_bytes() -> bytes:
    """The resume as a Word document (headings, a paragraph per line)."""
    import docx

    document = docx.Document()
    document.add_heading(NAME, level=0)
    document.add_heading("Summary", level=1)
    document.add_paragraph(SUMMARY)
    document.add_heading("Skills", level=1)
    document.add_paragraph(", ".join(SKILLS))
    document.add_heading("Experience", level=1)
    for title, employer, _, dates, bullets in JOBS:
        document.add_paragraph(f"{title}, {employer}")
        document.add_paragraph(dates)
        for bullet in bullets:
            document.add_paragraph(bullet, style="List Bullet")
    document.add_heading("Education", level=1)
    document.add_paragraph(EDUCATION)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def page_image(*, scale: float = 2.0, noise: float = 0.0, skew: float = 0.0,
               jpeg_quality: int | None = None, blur: float = 0.0, shade: bool = False,
               seed: int = 17):
    """The text version rendered as a page image (Pillow, DejaVu/Vera font), optionally
    degraded: gaussian ``noise`` (0-1), ``skew`` degrees, ``blur`` radius, JPEG re-encoding,
    and ``shade`` (an uneven light gradient, as a phone photo has)."""
    import random

    from PIL import Image, ImageDraw, ImageFilter, ImageFont
    import reportlab

    base = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    size = int(11 * scale)
    font = ImageFont.truetype(os.path.join(base, "Vera.ttf"), size)
    bold = ImageFont.truetype(os.path.join(base, "VeraBd.ttf"), int(size * 1.15))
    width, height = int(612 * scale), int(792 * scale)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    y = int(50 * scale)
    for line in text_version().split("\n"):
        heading = line.isupper() or line == NAME
        draw.text((int(54 * scale), y), line, fill=0, font=bold if heading else font)
        y += int(size * 1.6)
    if shade:
        gradient = Image.linear_gradient("L").resize((width, height)).point(lambda v: v // 3)
        image = Image.composite(image, Image.new("L", (width, height), 170), gradient.point(
            lambda v: 255 - v))
    if skew:
        image = image.rotate(skew, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if blur:
        image = image.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        rng = random.Random(seed)
        pixels = image.load()
        for _ in range(int(width * height * noise * 0.05)):
            x, yy = rng.randrange(width), rng.randrange(height)
            pixels[x, yy] = rng.choice((0, 90, 200, 255))
    if jpeg_quality:
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=jpeg_quality)
        image = Image.open(io.BytesIO(buf.getvalue()))
        image.load()
    return image


def image_pdf(image, dpi: float = 144.0) -> bytes:
    """An image-only PDF (no text layer) holding ``image`` as its one page."""
    buf = io.BytesIO()
    image.convert("RGB").save(buf, "PDF", resolution=dpi)
    return buf.getvalue()
