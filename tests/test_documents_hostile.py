"""Malformed and adversarial files through ``parse_bytes`` (the sandbox pool): each gives its
typed error within the time limit."""

from __future__ import annotations

import random
import time
import zlib

import pdfgen
import pytest

from service.documents import parse_bytes, read_document_in_process
from service.documents.pdfguards import MAX_NESTING
from service.errors import (
    Corrupt,
    DocumentError,
    Empty,
    Encrypted,
    NoTextLayer,
    TooLarge,
    TooManyPages,
    UnsupportedFormat,
)
from service.settings import Settings

SETTINGS = Settings(parse_timeout_s=8, max_pages=20, worker_memory_mb=512, parse_workers=1)


def _parse(data: bytes, settings: Settings = SETTINGS):
    started = time.monotonic()
    try:
        return parse_bytes(data, "resume.pdf", settings=settings)
    finally:
        assert time.monotonic() - started < settings.parse_timeout_s + 3


@pytest.mark.parametrize(("make", "error"), [
    (lambda: b"", Empty),
    (pdfgen.random_bytes, UnsupportedFormat),
    (pdfgen.gif_bytes, UnsupportedFormat),
    (pdfgen.truncated_pdf, Corrupt),
    (pdfgen.encrypted_pdf, Encrypted),
    (pdfgen.image_only_pdf, NoTextLayer),
    (lambda: pdfgen.many_pages_pdf(5000), TooManyPages),
])
def test_hostile_file_gives_typed_error(make, error):
    with pytest.raises(error) as caught:
        _parse(make())
    assert caught.value.message
    assert caught.value.to_dict()["code"] == error.code


def test_thousands_of_pages_fail_fast():
    data = pdfgen.many_pages_pdf(5000)
    started = time.monotonic()
    with pytest.raises(TooManyPages, match="5000 pages"):
        _parse(data)
    assert time.monotonic() - started < 2.0


def test_page_limit_without_a_declared_count():
    data = pdfgen.many_pages_pdf(30).replace(b"/Count 30", b"")
    with pytest.raises(TooManyPages):
        _parse(data)


def test_owner_password_only_is_readable():
    doc = _parse(pdfgen.restricted_pdf())
    assert "Machine learning engineer" in doc.text and len(doc.positions) == 2


def test_recoverable_damage_is_a_result():
    assert "Recovered Python resume" in _parse(pdfgen.damaged_xref_pdf()).text
    assert _parse(pdfgen.cyclic_pages_pdf()).text == "Python"
    assert "SECRET" not in _parse(pdfgen.javascript_pdf()).text


def test_zlib_zeros_is_valid():
    assert zlib.decompress(pdfgen.zlib_zeros(3)) == bytes(3 << 20)


@pytest.mark.slow
def test_flate_bomb_is_refused():
    data = pdfgen.flate_bomb_pdf(1100)
    assert len(data) < 2_000_000
    started = time.monotonic()
    with pytest.raises(TooLarge, match="decompression bomb"):
        _parse(data)
    assert time.monotonic() - started < 5
    # the pool is healthy afterwards
    assert "Python" in _parse(pdfgen.minimal_pdf()).text


def test_a_bomb_is_refused_by_its_ratio_long_before_the_size_cap():
    for compressed in (pdfgen.zlib_zeros(200), pdfgen.spoil_checksum(pdfgen.zlib_zeros(200))):
        started = time.process_time()
        with pytest.raises(TooLarge, match="100 times the compressed size"):
            read_document_in_process(pdfgen.flate_stream_pdf(compressed), "bomb.pdf")
        assert time.process_time() - started < 1  # 200 MB inflated would take ~0.7 s alone


def test_many_small_bombs_in_one_document_are_refused_together():
    bomb = zlib.compress(bytes(200_000))  # each alone stays within the grace
    objects = pdfgen._text_page_objects(b"")
    first = len(objects) + 1
    objects[2] = objects[2].replace(b"/Contents 5 0 R", b"/Contents [%s]" % b" ".join(
        b"%d 0 R" % (first + i) for i in range(40)))
    objects += [pdfgen._stream(bomb, b"/Filter /FlateDecode ")] * 40
    started = time.process_time()
    with pytest.raises(TooLarge, match="streams together inflate to more than 100 times"):
        read_document_in_process(pdfgen._assemble(objects), "bombs.pdf")
    assert time.process_time() - started < 1  # lexing all 40 (8 MB of NULs) takes ~4 s


def test_the_size_limit_is_a_quarter_of_the_worker_memory_for_each_document():
    noise = random.Random(3).randbytes(400_000).hex().encode()  # keeps the ratio ~70, under 100
    repeated = random.Random(4).randbytes(10_000).hex().encode() * 3_500  # 70 MB
    data = pdfgen.flate_stream_pdf(zlib.compress(b"% " + noise + repeated))
    for memory_mb, limit_mb in ((128, 32), (256, 64), (128, 32)):
        with pytest.raises(TooLarge, match=f"inflates to more than {limit_mb} MB"):
            read_document_in_process(data, "big.pdf", settings=Settings(worker_memory_mb=memory_mb))


def test_a_large_stream_at_an_ordinary_ratio_is_read():
    filler = random.Random(5).randbytes(3 * 1024 * 1024).hex().encode()  # 6 MB, inflates ~2×
    content = b"BT /F1 12 Tf 72 700 Td (Python developer) Tj ET\n% " + filler + b"\n"
    document = read_document_in_process(pdfgen.flate_stream_pdf(zlib.compress(content)), "big.pdf")
    assert "Python developer" in document.text


def test_a_stream_with_a_broken_checksum_is_still_read():
    content = b"BT /F1 12 Tf 72 700 Td (Python and SQL) Tj ET"
    data = pdfgen.flate_stream_pdf(pdfgen.spoil_checksum(zlib.compress(content)))
    assert "Python and SQL" in read_document_in_process(data, "resume.pdf").text


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 100_000])
def test_nesting_past_the_limit_is_corrupt_at_once(depth):
    started = time.process_time()
    with pytest.raises(Corrupt, match=f"more than {MAX_NESTING} deep"):
        read_document_in_process(pdfgen.nested_arrays_pdf(depth), "nested.pdf")
    assert time.process_time() - started < 0.2  # lexing 100,000 levels took ~0.5 s


def test_nesting_within_the_limit_is_not_refused_for_it():
    try:
        read_document_in_process(pdfgen.nested_arrays_pdf(MAX_NESTING - 10), "nested.pdf")
    except DocumentError as error:
        assert "deep" not in str(error)


@pytest.mark.slow
def test_deeply_nested_objects():
    with pytest.raises(DocumentError):
        _parse(pdfgen.nested_arrays_pdf(100_000))
    assert "Python" in _parse(pdfgen.minimal_pdf()).text
