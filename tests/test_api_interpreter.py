"""The server process tunes the interpreter after warm-up so CPU-bound threadpool work (a large
upload's extraction) does not stall the event loop: short GIL switch interval, start-up objects
frozen out of the cyclic collector's full scans. An app built for tests or embedding leaves its
host process alone."""

from __future__ import annotations

import gc
import sys

import pytest
from fastapi.testclient import TestClient

from service.api import interpreter
from service.api.app import create_app, create_server_app


def test_an_embedded_app_leaves_the_interpreter_alone(tmp_path, monkeypatch) -> None:
    from service.settings import Settings

    monkeypatch.setattr(interpreter, "_tuned", False)
    before = sys.getswitchinterval()
    with TestClient(create_app(Settings(data_dir=tmp_path / "data"))) as client:
        assert client.get("/readyz").status_code == 200
    assert sys.getswitchinterval() == before
    assert interpreter._tuned is False


def test_the_server_app_shortens_the_switch_interval_and_freezes_startup_objects(
        tmp_path, monkeypatch) -> None:
    from service.api import app as app_module
    from service.settings import Settings

    settings = Settings(data_dir=tmp_path / "data")
    monkeypatch.setattr(app_module, "get_settings", lambda: settings)  # the server's environment
    monkeypatch.setattr(interpreter, "_tuned", False)
    before = sys.getswitchinterval()
    try:
        with TestClient(create_server_app()) as client:
            assert client.get("/readyz").status_code == 200
        assert sys.getswitchinterval() == pytest.approx(interpreter.SWITCH_INTERVAL_S)
        assert interpreter.SWITCH_INTERVAL_S < 0.005  # below CPython's default
        # The taxonomy and spaCy pipeline loaded by warm-up are tens of thousands of objects.
        assert gc.get_freeze_count() > 20_000
        frozen = gc.get_freeze_count()
        leftover = [[index] for index in range(1000)]  # new objects a second freeze would take
        interpreter.tune_interpreter()  # once per process
        assert gc.get_freeze_count() == frozen
        assert gc.isenabled()
        del leftover
    finally:
        sys.setswitchinterval(before)
        gc.unfreeze()
