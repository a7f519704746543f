"""Fixtures for the real-browser tests: the real app on 127.0.0.1, Debian's Chromium via Playwright.

They skip with a message when Chromium, Playwright or the API app is missing. The server and the
browser are module-scoped: sync Playwright keeps an asyncio loop running on the main thread, which
must be gone before later test modules call ``asyncio.run``.
"""

from __future__ import annotations

import importlib.util
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TESTS_DIR = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app (``create_app``) served by uvicorn in a background thread; yields its URL."""
    uvicorn = pytest.importorskip("uvicorn")
    try:
        from service.api.app import create_app
    except ImportError as exc:
        pytest.skip(f"browser tests need the API app (service.api.app.create_app): {exc}")
    from service.settings import Settings

    settings = Settings(
        data_dir=tmp_path_factory.mktemp("skillmatch-data"),
        rate_limit_per_minute=10_000,
        max_concurrent_parses=8,
    )
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="skillmatch-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive():
            pytest.fail("the app failed to start: its error is in the captured stderr")
        if time.monotonic() > deadline:
            pytest.fail("the app did not start on 127.0.0.1 within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (skips when either is missing)."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Chromium at {CHROMIUM}: run `apt-get install -y chromium`")
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need Playwright: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except PlaywrightError as exc:
            pytest.skip(f"Chromium at {CHROMIUM} would not start: {exc.message.splitlines()[0]}")
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, live_server: str) -> Iterator[Any]:
    """A fresh desktop-size page on ``/``, failing the test on any CSP violation or JS error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("console", lambda msg: problems.append(msg.text)
           if msg.type == "error" and "Content Security Policy" in msg.text else None)
    tab.goto(live_server + "/")
    yield tab
    context.close()
    assert not problems, problems


@pytest.fixture(scope="session")
def pdfgen() -> Any:
    """``tests/pdfgen.py`` (skips when it is not there)."""
    module = _pdfgen()
    if module is None:
        pytest.skip("needs tests/pdfgen.py from the documents tests")
    return module


def _pdfgen() -> Any | None:
    """The documents engineer's ``tests/pdfgen.py``, when it is there."""
    path = TESTS_DIR / "pdfgen.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("skillmatch_test_pdfgen", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_pdf() -> Any:
    """A function turning ``(heading, lines)`` sections into a text PDF."""
    return resume_pdf


def resume_pdf(sections: list[tuple[str, list[str]]]) -> bytes:
    """A text PDF of ``sections`` (``tests/pdfgen.py`` when present, else reportlab directly)."""
    pdfgen = _pdfgen()
    if pdfgen is not None:
        return bytes(pdfgen.make_pdf(sections))
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=LETTER, invariant=1)
    y = 740.0
    for heading, lines in sections:
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawString(72, y, heading)
        y -= 20
        pdf.setFont("Helvetica", 10.5)
        for line in lines:
            pdf.drawString(72, y, line)
            y -= 15
        y -= 8
    pdf.save()
    return buf.getvalue()
