"""RTF resumes (Word, TextEdit, pandoc and LibreOffice shapes; invented people) read as text:
paragraphs as lines, bullets, table cells, code pages, pictures and fields, and damaged or
hostile files as a result or a typed error."""

from __future__ import annotations

import pytest

from service.documents import parse_bytes, read_document_in_process
from service.documents.rtf import rtf_plain_text
from service.documents.sniff import sniff
from service.errors import DocumentError, Empty
from tests.installed import extract

TEXTEDIT = rb"""{\rtf1\ansi\ansicpg1252\cocoartf2709
\cocoatextscaling0\cocoaplatform0{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}
{\colortbl;\red255\green255\blue255;}
{\*\expandedcolortbl;;}
{\*\listtable{\list\listtemplateid1\listhybrid{\listlevel\levelnfc23\levelnfcn23\leveljc0\leveljcn0\levelfollow0\levelstartat1\levelspace360\levelindent0{\*\levelmarker \{disc\}}{\leveltext\leveltemplateid1\'01\uc0\u8226 ;}{\levelnumbers;}\fi-360\li720\lin720 }{\listname ;}\listid1}}
\paperw11900\paperh16840\margl1440\margr1440\vieww11520\viewh8400\viewkind0
\pard\tx720\tx1440\pardirnatural\partightenfactor0

\f1\b\fs28 \cf0 Marisol Quintero\

\f0\b0\fs24 Data Scientist \'96 Valencia\
\
SKILLS\
\pard\tx220\tx720\pardirnatural\partightenfactor0
\ls1\ilvl0\cf0 {\listtext	\uc0\u8226 	}Python, SQL, Tableau\
{\listtext	\uc0\u8226 	}Gradient boosting and A/B testing for pricing\
\pard\tx720\pardirnatural\partightenfactor0
\cf0 Caf\'e9 owner\'92s r\'e9sum\'e9 \uc0\u8212  2019\
}
"""

PANDOC = rb"""{\rtf1\ansi\deff0{\fonttbl{\f0 \fswiss Helvetica;}{\f1 \fmodern Courier;}}
{\colortbl;\red255\green0\blue0;\red0\green0\blue255;}
\widowctrl\hyphauto

{\pard \qc \f0 \sa180 \li0 \fi0 \outlinelevel0 \b \fs36 Tobiah Renwick\par}
{\pard \ql \f0 \sa180 \li0 \fi0 Backend engineer. {\field{\*\fldinst{HYPERLINK "https://example.com/tobiah"}}{\fldrslt{\ul
my portfolio
}}}
\par}
{\pard \ql \f0 \sa180 \li0 \fi0 \outlinelevel1 \b \fs32 Skills\par}
{\pard \ql \f0 \sa0 \li360 \fi-360 \bullet \tx360\tab Go, Rust, {\f1 C++}\sa180\par}
{\pard \ql \f0 \sa0 \li360 \fi-360 \bullet \tx360\tab Kubernetes \u8211? Terraform\sa180\par}
{\pard \ql \f0 \sa180 \li0 \fi0 \b 2019\u8211-2023\b0 : {\i Backend engineer}, built CI/CD pipelines\par}
}
"""

WORD = rb"""{\rtf1\adeflang1025\ansi\ansicpg1252\uc1\adeff31507\deff0{\fonttbl{\f0\fbidi \froman\fcharset0\fprq2{\*\panose 02020603050405020304}Times New Roman;}{\f3\fbidi \froman\fcharset2\fprq2{\*\panose 05050102010706020507}Symbol;}}
{\*\generator Microsoft Word 16.0;}{\info{\author Okonkwo}{\creatim\yr2023\mo3\dy1}}
{\header \pard\plain Page {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}
\pard\plain \ltrpar\s1\ql \b\fs32 Adaeze Okonkwo\par
\pard\plain Machine Learning Engineer\par
{\*\bkmkstart _GoBack}{\*\bkmkend _GoBack}
{\listtext\pard\plain\f3 \'b7\tab}\pard\plain Trained PyTorch models on Spark clusters\par
{\listtext\pard\plain\f3 \'b7\tab}\pard\plain Deployed models to production with Dock\-er\par
{\pict{\*\picprop}\pngblip\picw64\pich64
""" + b"89504e470d0a1a0a0000000d49484452000000400000004008060000" * 200 + rb"""
}
\trowd\cellx3000\cellx9000
\pard\intbl 2020\endash 2023\cell Senior engineer at Acme\cell\row
\pard\intbl MSc\cell Statistics, University of Lagos\cell\row
\pard\plain \par
}
"""

CYRILLIC = (rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fcharset204 Arial;}}"
            rb"\f0 \'cf\'f0\'ee\'e3\'f0\'e0\'ec\'ec\'e8\'f1\'f2: Python, SQL\par}")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_textedit_rtf_reads_as_its_lines() -> None:
    doc = read_document_in_process(TEXTEDIT)
    assert doc.source_format == "rtf"
    lines = _lines(doc.text)
    assert lines[:3] == ["Marisol Quintero", "Data Scientist - Valencia", "SKILLS"]
    assert "- Python, SQL, Tableau" in lines
    assert lines[-1] == "Café owner's résumé - 2019"
    found = {h.name for h in extract(doc).skills if h.explicit}
    assert {"Python", "SQL", "Tableau", "A/B testing", "gradient boosting"} <= found


def test_pandoc_rtf_keeps_link_text_and_drops_the_address() -> None:
    text = rtf_plain_text(PANDOC.decode("ascii"))
    assert "Backend engineer. my portfolio" in text
    assert "example.com" not in text and "HYPERLINK" not in text
    doc = read_document_in_process(PANDOC)
    lines = _lines(doc.text)
    assert "- Go, Rust, C++" in lines and "- Kubernetes - Terraform" in lines
    assert "2019-2023: Backend engineer, built CI/CD pipelines" in lines
    found = {h.name for h in extract(doc).skills if h.explicit}
    assert {"Go", "Rust", "C++", "Kubernetes", "Terraform", "CI/CD"} <= found


def test_word_rtf_drops_headers_pictures_and_joins_table_cells() -> None:
    text = rtf_plain_text(WORD.decode("ascii"))
    lines = _lines(text)
    assert lines[:2] == ["Adaeze Okonkwo", "Machine Learning Engineer"]
    assert "Page" not in text and "89504e47" not in text and "Times New Roman" not in text
    assert "Deployed models to production with Docker" in text  # optional hyphen dropped
    assert "2020\u20132023 | Senior engineer at Acme" in lines
    assert "MSc | Statistics, University of Lagos" in lines
    doc = read_document_in_process(WORD)
    found = {h.name for h in extract(doc).skills if h.explicit}
    assert {"PyTorch", "Spark", "Docker", "model deployment"} <= found


def test_the_code_page_decodes_hex_escapes() -> None:
    assert rtf_plain_text(CYRILLIC.decode("ascii")).strip() == "Программист: Python, SQL"


def test_a_surrogate_pair_is_one_character_and_a_lone_half_a_replacement() -> None:
    assert rtf_plain_text(r"{\rtf1 a\u-10179?\u-8704?b\u-10179?c}") == "a\U0001f600b\ufffdc"


@pytest.mark.parametrize("data", [
    rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\*\generator Writer;}\par\par}",
    b"{\\rtf1}",
])
def test_an_rtf_file_without_text_is_empty(data: bytes) -> None:
    assert sniff(data) == "rtf"
    with pytest.raises(Empty):
        read_document_in_process(data)


@pytest.mark.parametrize("data", [
    b"{\\rtf1 \\uc Python\\par}",
    b"{\\rtf1\\ansi " + bytes(range(128, 256)) * 20 + b"}",
    b"{\\rtf1 " + b"{" * 50_000 + b"Python" + b"}" * 10,
    b"{\\rtf1 \\u999999999999? \\'zz \\ansicpg99999 \\'e9}",
])
def test_damaged_rtf_gives_a_result_or_a_typed_error(data: bytes) -> None:
    try:
        read_document_in_process(data)
    except DocumentError:
        pass


@pytest.mark.timeout(60)
@pytest.mark.parametrize("word", ["fldinst", "FLDINST"])
def test_a_line_of_fields_is_read_in_linear_time(word: str) -> None:
    """striprtf's hyperlink regex is quadratic on one long line (minutes for this one)."""
    source = "{\\rtf1 " + f"{{\\field{{\\*\\{word}{{ HYPERLINK x " * 20_000 + "Python}"
    assert rtf_plain_text(source).strip() == ""


@pytest.mark.timeout(60)
def test_a_long_font_table_and_hex_runs_are_read_in_linear_time() -> None:
    """striprtf's font-table pattern is polynomial (seconds for 1.5 KB, minutes for this)."""
    fonts = "{\\rtf1{\\fonttbl " + "\\f1\\fcharset0 " * 20_000 + "}Python\\par}"
    assert rtf_plain_text(fonts).strip() == "Python"
    hex_runs = "{\\rtf1 " + ("a" * 4095 + " ") * 300 + "\\par Python\\par}"
    assert rtf_plain_text(hex_runs).strip().endswith("Python")


def test_a_picture_with_binary_data_and_a_text_box_keep_the_text_around_them() -> None:
    data = (b"{\\rtf1\\ansi Jane Doe\\par{\\*\\shppict{\\pict\\pngblip\\bin300 "
            + bytes(range(256)) + bytes(44) + b"}}Tools in C:\\\\App\\\\bin\\par"
            b"{\\shp{\\*\\shpinst{\\sp{\\sn shapeType}{\\sv 202}}{\\shptxt \\pard SKILLS\\par "
            b"Python, PyTorch\\par}}{\\shprslt {\\pict\\wmetafile8 0100}}}Experience\\par}")
    lines = _lines(read_document_in_process(data).text)
    assert lines == ["Jane Doe", "Tools in C:\\App\\bin", "SKILLS", "Python, PyTorch",
                     "Experience"]


@pytest.mark.parametrize(("source", "expected"), [
    (r"{\rtf1\ansi{\fonttbl{\f0\fcharset78 Osaka;}}\f0 \'82\'a0 Python\par}", "\u3042 Python"),
    (r"{\rtf1\mac\ansicpg10000{\fonttbl\f0\fnil Helvetica;}\f0 Jos\'8e M\'9fller\par}",
     "Jos\u00e9 M\u00fcller"),
    (r"{\rtf1\ansi Data in D:\\cell1\\raw\par Python\par}", "Data in D:\\cell1\\raw\nPython"),
    (r"{\rtf1 Python\column SQL\par}", "Python\nSQL"),
    (r"{\rtf1\ansi Skills: Python |\par}", "Skills: Python |"),
    # a row ending in empty cells; a nested table's rows (Word ends them in an ignored group)
    (r"{\rtf1 \trowd Python\cell SQL\cell\cell\cell\row Go\par}", "Python | SQL\nGo"),
    (r"{\rtf1\ansi\pard\intbl\itap1 Skills\cell\pard\intbl\itap2 Python\nestcell SQL\nestcell"
     r"{\*\nesttableprops\trowd\nestrow}\pard\intbl\itap2 Go\nestcell Rust\nestcell"
     r"{\*\nesttableprops\trowd\nestrow}\pard\intbl\itap1\cell\trowd\row}",
     "Skills | Python | SQL\nGo | Rust"),
])
def test_mac_and_asian_charsets_escaped_words_and_column_breaks(source, expected):
    assert rtf_plain_text(source).strip() == expected


def test_rtf_is_told_before_pdf_markers_and_in_utf16() -> None:
    assert sniff(b"\xff\xfe" + r"{\rtf1\ansi Jane\par}".encode("utf-16-le")) == "rtf"
    assert sniff(b"{\\rtf1\\ansi Jane startxref %PDF-1.4\\par}") == "rtf"
    doc = read_document_in_process(b"\xff\xfe" + r"{\rtf1\ansi Jane Doe\par}".encode("utf-16-le"))
    assert doc.text.strip() == "Jane Doe"


def test_a_long_rtf_is_text_too_long_before_it_is_read() -> None:
    from service.errors import TextTooLong
    from service.settings import Settings

    data = b"{\\rtf1\\ansi " + b"Python and SQL.\\par " * 2000 + b"}"
    with pytest.raises(TextTooLong):
        read_document_in_process(data, settings=Settings(max_text_chars=10_000))


def test_an_upload_through_the_sandbox_gives_the_skills() -> None:
    doc = parse_bytes(PANDOC, "cv.rtf")
    assert doc.source_format == "rtf" and "Tobiah Renwick" in doc.text
    assert {"Go", "Rust", "Kubernetes"} <= {h.name for h in extract(doc).skills if h.explicit}


@pytest.mark.parametrize(("source", "expected"), [
    # a grouped shape's text box; a shape without text keeps the line whole
    (r"{\rtf1 Name\par{\*\shpgrp{\*\shpinst{\sp{\sn groupLeft}{\sv 0}}}{\shp{\*\shpinst"
     r"{\shptxt Python, Kubernetes\par}}}}After\par}", ["Name", "Python, Kubernetes", "After"]),
    (r"{\rtf1 Skills: Python, {\shp{\*\shpinst{\sp{\sn a}{\sv 1}}}}SQL\par}",
     ["Skills: Python, SQL"]),
    # a text box's font stays inside it
    (r"{\rtf1{\fonttbl{\f0\fcharset0 A;}{\f1\fcharset204 B;}}{\shp{\*\shpinst{\shptxt \f1 "
     r"\'cf\par}}}Jos\'e9\par}", ["\u041f", "Jos\u00e9"]),
    # escaped backslashes that spell a picture or binary data are text
    (r"{\rtf1\ansi Paths: C:\\pictures\\bin\\tool\par Python\par}",
     ["Paths: C:\\pictures\\bin\\tool", "Python"]),
])
def test_shapes_groups_and_escaped_backslashes(source, expected):
    assert _lines(rtf_plain_text(source)) == expected


def test_an_escaped_backslash_before_bin_is_text_not_binary_data() -> None:
    doc = read_document_in_process(rb"{\rtf1\ansi Install to C:\\bin32\\tools then run Python\par}")
    assert doc.text.strip() == "Install to C:\\bin32\\tools then run Python"
