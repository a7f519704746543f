"""pdfminer's guards (``service/documents/pdfguards.py``) are installed by an explicit call,
every read path installs them, and each fails loudly if pdfminer changes what it relies on."""

from __future__ import annotations

import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import pdfgen
import pytest
from pdfminer import pdftypes
from pdfminer.psparser import PSStackParser

from service.documents import pdfguards
from service.errors import Corrupt, TooLarge

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                            text=True, timeout=120, cwd=ROOT,
                            env={"PYTHONPATH": f"{ROOT}:{ROOT / 'tests'}", "PATH": "/usr/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_importing_the_service_patches_nothing():
    out = _run("""
        import zlib
        import service.taxonomy, service.documents, service.documents.pdf, service.extract
        from pdfminer import pdftypes
        from service.documents.pdfguards import guards_installed
        print(pdftypes.zlib is zlib, guards_installed())
    """)
    assert out == "True False"


def test_an_in_process_read_installs_the_guards_first():
    out = _run("""
        import pdfgen
        from service.documents import read_document_in_process
        from service.documents.pdfguards import guards_installed
        read_document_in_process(pdfgen.minimal_pdf())
        print(guards_installed())
    """)
    assert out == "True"


def test_a_bomb_read_in_process_is_refused():
    out = _run("""
        import pdfgen
        from service.documents import read_document_in_process
        from service.errors import TooLarge
        try:
            read_document_in_process(pdfgen.flate_bomb_pdf(300))
        except TooLarge:
            print("refused")
    """)
    assert out == "refused"


def test_install_is_idempotent():
    pdfguards.install_pdfminer_guards()
    pdfguards.install_pdfminer_guards()
    assert pdfguards.guards_installed()
    assert pdftypes.zlib is pdfguards.BOUNDED_ZLIB


def test_pdfminer_still_has_what_the_guards_replace():
    assert pdfguards.check_pdfminer_internals() == []


def test_zlib_guard_relies_on_pdftypes_inflating_through_its_zlib_attribute():
    source = inspect.getsource(pdftypes)
    assert "zlib.decompressobj" in source or "zlib.decompress(" in source, (
        "pdfminer.pdftypes no longer inflates through its 'zlib' attribute: the bomb guard "
        "would be bypassed")
    pdfguards.install_pdfminer_guards()
    with pytest.raises(TooLarge):
        pdftypes.zlib.decompress(pdfgen.zlib_zeros(300))


def test_decompress_corrupted_guard_is_what_pdfstream_calls():
    assert "decompress_corrupted(" in inspect.getsource(pdftypes.PDFStream), (
        "PDFStream no longer calls decompress_corrupted: the linear-time fallback is unused")
    pdfguards.install_pdfminer_guards()
    data = pdfgen.spoil_checksum(__import__("zlib").compress(b"Python and SQL " * 200))
    assert pdftypes.decompress_corrupted(data).startswith(b"Python and SQL")


def test_start_type_guard_keeps_pdfminers_signature_and_context():
    original = pdfguards._pdfminer_start_type
    assert list(inspect.signature(original).parameters) == ["self", "pos", "type"]
    assert "self.context" in inspect.getsource(original)
    pdfguards.install_pdfminer_guards()
    assert PSStackParser.start_type is pdfguards._bounded_start_type


def test_install_refuses_a_pdfminer_without_the_internals(monkeypatch):
    monkeypatch.setattr(pdfguards, "check_pdfminer_internals",
                        lambda: ["PSStackParser.start_type changed"])
    monkeypatch.setattr(pdftypes, "zlib", __import__("zlib"))
    with pytest.raises(RuntimeError, match="start_type changed"):
        pdfguards.install_pdfminer_guards()


def test_nesting_guard_is_active_after_install():
    from service.documents import read_document_in_process

    with pytest.raises(Corrupt, match="deep"):
        read_document_in_process(pdfgen.nested_arrays_pdf(pdfguards.MAX_NESTING + 5))


def _chars(data: bytes, device_class: type) -> list:
    import io

    from pdfminer.layout import LAParams, LTChar
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = device_class(resources, laparams=LAParams())
    interpreter = PDFPageInterpreter(resources, device)
    chars = []
    for page in PDFPage.get_pages(io.BytesIO(data)):
        interpreter.process_page(page)
        stack = list(device.get_result())
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                chars.append(item)
            elif hasattr(item, "__iter__"):
                stack.extend(item)
    return chars


def test_fast_aggregator_fills_every_attribute_pdfminers_ltchar_has():
    """``pdfdevice`` builds ``LTChar``s without their ``__init__``: if pdfminer adds or renames
    an attribute there, this fails instead of leaving characters half built."""
    from pdfminer.converter import PDFPageAggregator

    from service.documents.pdfdevice import FastPageAggregator

    data = pdfgen.make_pdf()
    theirs, ours = _chars(data, PDFPageAggregator), _chars(data, FastPageAggregator)
    assert len(theirs) == len(ours) > 100
    assert set(vars(ours[0])) == set(vars(theirs[0])), (
        "pdfminer's LTChar attributes changed: update pdfdevice.FastPageAggregator")
    for mine, pdfminers in zip(ours[:50], theirs[:50]):
        assert {k: v for k, v in vars(mine).items() if k not in ("ncs", "graphicstate")} == {
            k: v for k, v in vars(pdfminers).items() if k not in ("ncs", "graphicstate")}


def test_fast_aggregator_overrides_pdfminer_methods_that_still_exist():
    from pdfminer.converter import PDFLayoutAnalyzer, PDFPageAggregator
    from pdfminer.layout import LTLayoutContainer

    from service.documents.pdfdevice import FastPageAggregator

    for base, name in ((PDFLayoutAnalyzer, "render_string_horizontal"),
                       (PDFLayoutAnalyzer, "begin_page"),
                       (LTLayoutContainer, "group_objects")):
        assert hasattr(base, name), f"pdfminer no longer has {base.__name__}.{name}"
    ours = inspect.signature(FastPageAggregator.render_string_horizontal).parameters
    theirs = inspect.signature(PDFPageAggregator.render_string_horizontal).parameters
    assert list(ours) == list(theirs), "render_string_horizontal's parameters changed"
