"""Format sniffing by content, size limits and text decoding."""

from __future__ import annotations

import io
import zipfile

import pdfgen
import pytest

from service.documents import parse_bytes, read_document_in_process
from service.documents.sniff import sniff
from service.errors import Empty, TextTooLong, TooLarge, UnsupportedFormat
from service.extract import extract
from service.extract.pipeline import get_pipeline
from service.settings import Settings


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in names.items():  # (a fixed date: the same bytes in every process)
            archive.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


@pytest.mark.parametrize(("data", "kind"), [
    (pdfgen.minimal_pdf(), "pdf"),
    (b"garbage before the header\n" + pdfgen.minimal_pdf(), "pdf"),
    (b"Jane Doe\nSkills: Python, SQL\n", "text"),
    (b"# Jane Doe\n\n## Skills\n- Python\n- SQL\n", "markdown"),
    ("Jos\u00e9 M\u00fcller \u2013 Python".encode("utf-16"), "text"),
    ("Skills: Python".encode("utf-16-le"), "text"),
    ("\ufeffSkills: Python".encode("utf-8"), "text"),
    ("Jos\u00e9 M\u00fcller \u2013 Python, SQL\n".encode("cp1252"), "text"),
    (_zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<x/>"}), "docx"),
    (b"{\\rtf1\\ansi Jane Doe\\par Python\\par}", "rtf"),
    # a site's YAML CV data: its "- key:" items are no Markdown list, its "# …" lines comments
    ((b"work:\n- company: Acme\n  position: Analyst\n- company: Beta\n  position: Analyst\n"
      b"# - name: Old project\n"), "text"),
    # a YAML file wrapped in "---" lines is YAML data still
    ((b"---\nname: Jane Doe\nexperience:\n- years: 2016-2020\n  job: Analyst\n"
      b"# - years: 2015\n#   job: Intern, built Spark pipelines\n---\n"), "text"),
    # a page's front matter is no sign of YAML data: the Markdown below it is read as such
    ((b"---\nlayout: cv\ntitle: CV\npermalink: /cv/\nauthor_profile: true\nredirect_from:\n"
      b"  - /resume\n---\n\n## Experience\n### Data Scientist\n- Built churn models\n"),
     "markdown"),
    (b"\xef\xbb\xbf\r\n{\\rtf1\\ansi Jane Doe\\par}", "rtf"),
    # a TOML file's array-of-tables header is no JSON array (JSON's "[[" holds a value)
    ((b'[[experience]]\ntitle = "Backend Engineer"\ncompany = "Quayside Labs"\n'
      b'summary = "Built REST APIs in Java"\n'), "text"),
    (b'[[1, 2], [3, 4]]', "json"),
    (b'[[true, false], [null]]', "json"),
    (b'[ ["Python", "SQL"] ]', "json"),
])
def test_sniff_by_content(data, kind):
    assert sniff(data) == kind


@pytest.mark.parametrize("data", [
    pdfgen.gif_bytes(), b"II*\x00" + bytes(100), b"MZ\x90\x00" + bytes(200),
    _zip({"hello.txt": b"hi"}), pdfgen.random_bytes(), b"\x00\x01\x02\x03" * 100,
])
def test_unsupported(data):
    with pytest.raises(UnsupportedFormat):
        read_document_in_process(data, "resume.pdf")


@pytest.mark.parametrize("data", [pdfgen.png_bytes(), b"\xff\xd8\xff\xe0JFIF" + bytes(100)],
                         ids=["png", "jpeg"])
def test_photos_are_images_and_refused_without_ocr(data):
    assert sniff(data) == "image"
    with pytest.raises(UnsupportedFormat, match="only with OCR"):
        read_document_in_process(data, "resume.pdf", settings=Settings(ocr_max_pages=0))


def test_file_name_is_ignored():
    doc = read_document_in_process(b"Skills\nPython", "resume.pdf")
    assert doc.source_format == "text"


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty(data):
    with pytest.raises(Empty):
        parse_bytes(data)


def test_too_large_before_anything_else():
    settings = Settings(max_upload_bytes=1000)
    with pytest.raises(TooLarge, match="limit"):
        parse_bytes(b"%PDF-1.7" + bytes(2000), settings=settings)


def test_text_too_long():
    settings = Settings(max_text_chars=1000)
    with pytest.raises(TextTooLong):
        parse_bytes(b"Python " * 500, settings=settings)


def test_hostile_text_is_cleaned():
    data = ("Skills\x00: Py\u202ethon\ud800 SQL" + "x" * 100_000).encode("utf-8", "surrogatepass")
    doc = parse_bytes(data)  # a lone surrogate: broken UTF-8, read with a warning
    assert doc.text.startswith("Skills: Py thon\ufffd SQL") and len(doc.warnings) == 1
    doc = parse_bytes("Skills: Py\u202ethon, SQL\n".encode() + b"a" * 200_000)
    assert "\u202e" not in doc.text and doc.text.startswith("Skills: Py thon")
    with pytest.raises(TextTooLong):
        parse_bytes(b"Python, " + b"a" * 1_000_000)


def test_windows_1252_text_is_decoded():
    doc = read_document_in_process(
        "Jos\u00e9 \u2013 Caf\u00e9 analytics\nSkills: Python".encode("cp1252"))
    assert doc.text.startswith("Jos\u00e9 - Caf\u00e9 analytics")


RESUME_TEXT = ("Jane Doe\nSkills: Python, SQL, Docker\nExperience\n"
               "Data Scientist, Acme Analytics, 2019 - 2024\n- Built churn models in Python.\n")


@pytest.mark.parametrize(("data", "expected", "warning"), [
    (RESUME_TEXT.encode().replace(b"SQL", b"S\x00QL"), "SQL, Docker",
     "This file is not clean text: 1 NUL byte was dropped."),
    (RESUME_TEXT.replace("SQL", "SQL\ud800").encode("utf-8", "surrogatepass"),
     "SQL\ufffd, Docker",
     "This file is not clean text: 1 unreadable character is shown as \ufffd."),
    ((RESUME_TEXT + "José").encode().replace(b"SQL", b"SQL\xff\xfe"), "SQL\ufffd, Docker",
     "This file is not clean text: 1 unreadable character is shown as \ufffd."),
    (RESUME_TEXT.encode().replace(b"Docker", b"Doc\x80ker\xc3\xa9").replace(b"Acme", b"\x00Acme"),
     "Doc\ufffdker\u00e9", "This file is not clean text: 1 unreadable character is shown as "
     "\ufffd and 1 NUL byte was dropped."),
])
def test_a_text_file_with_stray_bad_bytes_is_read_with_a_warning(data, expected, warning):
    doc = parse_bytes(data)
    assert doc.source_format == "text"
    assert expected in doc.text and "\x00" not in doc.text
    assert "Python" in doc.text and "Acme Analytics" in doc.text
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(warning), doc.warnings
    assert doc.warnings[0].endswith("If a word looks wrong, save the file again as UTF-8 text.")


def test_clean_text_gets_no_warning_and_binary_is_still_refused():
    assert parse_bytes(RESUME_TEXT.encode()).warnings == []
    for data in (bytes(range(256)) * 8, b"\x00\x01\x02\x03" * 100,
                 "Jos\u00e9 ".encode() + RESUME_TEXT.encode() + b"\xff " * 200):
        with pytest.raises(UnsupportedFormat):
            parse_bytes(data)


def test_a_yaml_cvs_commented_out_entries_stay_unread():
    """A YAML file's commented-out entries (a theme's demo data, hidden projects) are not read
    as Markdown headings that lose their "#" and turn into claims."""
    data = (b"# Copy your resume.json here or edit this file.\n"
            b"basics:\n  name: Jane\n  label: Data Scientist\n"
            b"work:\n  - company: Acme\n    position: Data Scientist\n    highlights:\n"
            b"      - Built churn models in Python\n"
            b"# projects:\n#   - name: Hidden project\n#     highlights:\n"
            b"#       - Added MLflow model versioning\n"
            b"education:\n  - institution: Uni\n    #courses:\n      #- Java Introduction\n")
    doc = parse_bytes(data, "resume.yml", settings=Settings())
    assert doc.source_format == "text"
    found = {hit.id for hit in extract(doc, pipeline=get_pipeline()).skills}
    assert "python" in found and "mlflow" not in found and "java" not in found


def test_a_toml_cv_is_read_by_its_tables():
    data = (b'[[experience]]\ntitle = "Backend Engineer"\ncompany = "Quayside Labs"\n'
            b'range = "2019 - 2023"\nsummary = """\nBuilt REST APIs in Java and Spring Boot.\n'
            b'Ran PostgreSQL and Redis in production.\n"""\n\n[skills]\n'
            b'languages = ["Kotlin", "SQL"]\ntools = ["Git", "Docker"]\n')
    doc = read_document_in_process(data, "cv.toml")
    assert [s.name for s in doc.sections][:1] == ["experience"]
    assert doc.sections[-1].name == "skills"
    found = {h.id for h in extract(doc, pipeline=get_pipeline()).skills}
    assert {"java", "postgresql", "kotlin", "sql", "git", "docker"} <= found
