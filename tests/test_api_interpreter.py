"""The API process tunes the interpreter after warm-up so CPU-bound threadpool work (a large
upload's extraction) does not stall the event loop: short GIL switch interval, start-up objects
frozen out of the cyclic collector's full scans."""

from __future__ import annotations

import gc
import sys

import pytest

from service.api import app as app_module


def test_started_app_shortens_the_switch_interval_and_freezes_startup_objects(api_client) -> None:
    assert api_client.get("/readyz").status_code == 200
    assert sys.getswitchinterval() == pytest.approx(app_module.SWITCH_INTERVAL_S)
    assert app_module.SWITCH_INTERVAL_S < 0.005  # below CPython's default
    # The taxonomy and spaCy pipeline loaded by warm-up are tens of thousands of objects.
    assert gc.get_freeze_count() > 20_000


def test_tuning_runs_once_per_process(api_client) -> None:
    frozen = gc.get_freeze_count()
    leftover = [[index] for index in range(1000)]  # new objects a second freeze would take
    app_module.tune_interpreter()
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()
    del leftover
