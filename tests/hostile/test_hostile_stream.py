"""The body limit on a real socket: a chunked body with no Content-Length, and a Content-Length
that lies, are cut off at the limit with 413 ``too_large``; the server stays healthy."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.hostile.live import LiveServer, server_env, start_server

pytestmark = pytest.mark.slow
UPLOAD_LIMIT = 1_000_000
TEXT_LIMIT = 10_000
BODY_LIMIT = UPLOAD_LIMIT + TEXT_LIMIT * 8 + 64 * 1024  # service.api.limits.max_body_bytes
SEND_AT_MOST = 256 * 1024 * 1024
HEAD = (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("stream") / "data"
    live = start_server(data, server_env(data, max_upload_bytes=UPLOAD_LIMIT,
                                         max_text_chars=TEXT_LIMIT))
    yield live
    live.stop()


def _read_response(sock: socket.socket) -> tuple[int, dict]:
    sock.settimeout(20)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                   if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return status, json.loads(body[:length]) if body else {}


def _stream(server: LiveServer, headers: bytes, chunked: bool) -> tuple[int, dict, int, float]:
    """Send an endless body until the server answers; returns status, body, bytes sent, time."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
    started = time.monotonic()
    sock.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\n"
                 b"Content-Type: multipart/form-data; boundary=b\r\n" + headers + b"\r\n")
    block = b"0" * 65536
    sent = 0
    pending = b""
    first = HEAD
    sock.setblocking(False)
    try:
        while sent < SEND_AT_MOST:
            if not pending:
                payload, first = first + block, b""
                pending = b"%x\r\n" % len(payload) + payload + b"\r\n" if chunked else payload
            try:
                count = sock.send(pending)
                pending = pending[count:]
                sent += count
            except BlockingIOError:
                time.sleep(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
            try:
                if sock.recv(1, socket.MSG_PEEK):
                    break
            except BlockingIOError:
                continue
        sock.setblocking(True)
        status, body = _read_response(sock)
    finally:
        sock.close()
    return status, body, sent, time.monotonic() - started


def test_chunked_body_without_content_length_is_cut_off_at_the_limit(server) -> None:
    status, body, sent, elapsed = _stream(server, b"Transfer-Encoding: chunked\r\n", chunked=True)
    assert status == 413 and body["error"]["code"] == "too_large"
    assert sent < BODY_LIMIT + 8 * 1024 * 1024, sent  # the limit plus socket buffers, not 256 MB
    assert elapsed < 30
    assert httpx.get(f"{server.url}/readyz").status_code == 200


def test_content_length_lying_low_is_cut_off_at_the_limit(server) -> None:
    status, body, sent, elapsed = _stream(server, b"Content-Length: 1000\r\n", chunked=False)
    assert status in (413, 422), body  # the first 1000 bytes are a truncated form
    assert body["error"]["code"] in ("too_large", "invalid_request")
    assert sent < BODY_LIMIT + 8 * 1024 * 1024, sent
    assert elapsed < 30
    assert httpx.get(f"{server.url}/readyz").status_code == 200


def test_content_length_over_the_limit_is_refused_before_the_body(server) -> None:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=20)
    try:
        started = time.monotonic()
        sock.sendall(b"POST /v1/resumes HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: %d\r\n\r\n" % (BODY_LIMIT + 1))
        status, body = _read_response(sock)
        assert time.monotonic() - started < 10
    finally:
        sock.close()
    assert status == 413 and body["error"]["code"] == "too_large"
    assert httpx.get(f"{server.url}/readyz").status_code == 200
