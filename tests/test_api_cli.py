"""``skillmatch keys …``, ``skillmatch db upgrade`` and ``skillmatch serve`` end to end."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from typer.testing import CliRunner

from service.cli import app
from service.settings import get_settings
from service.store import keys
from service.store.db import make_engine, make_sessionmaker, session_scope


@pytest.fixture
def env(tmp_path, monkeypatch, db_url):
    monkeypatch.setenv("SKILLMATCH_DATA_DIR", str(tmp_path / "data"))
    if db_url:
        monkeypatch.setenv("SKILLMATCH_DATABASE_URL", db_url)
    else:
        monkeypatch.delenv("SKILLMATCH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield {**os.environ}
    get_settings.cache_clear()


def test_keys_create_list_revoke(env) -> None:
    runner = CliRunner()
    created = runner.invoke(app, ["keys", "create", "--name", "acme"])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip()
    assert key.startswith("sm_") and "\n" not in key
    engine = make_engine(get_settings())
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            caller = keys.authenticate(session, key)
        assert caller is not None and caller.tenant == "acme"
        listed = runner.invoke(app, ["keys", "list"])
        assert listed.exit_code == 0 and caller.key_id in listed.stdout and "acme" in listed.stdout
        assert key not in listed.stdout
        revoked = runner.invoke(app, ["keys", "revoke", caller.key_id])
        assert revoked.exit_code == 0 and caller.key_id in revoked.stdout
        with session_scope(make_sessionmaker(engine)) as session:
            assert keys.authenticate(session, key) is None
    finally:
        engine.dispose()
    missing = runner.invoke(app, ["keys", "revoke", "key_nope"])
    assert missing.exit_code == 2
    assert missing.stderr.strip() == (
        "skillmatch keys revoke: no key with id 'key_nope' (see `skillmatch keys list`)")
    blank = runner.invoke(app, ["keys", "create", "--name", "  "])
    assert blank.exit_code != 0


def test_db_upgrade_reports_the_revision(env) -> None:
    from service.store.migrate import head_revision

    result = CliRunner().invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0 and f"revision {head_revision()}." in result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.slow
def test_serve_migrates_prints_where_and_serves(env, tmp_path) -> None:
    if env.get("SKILLMATCH_DATABASE_URL"):
        pytest.skip("serve is exercised on the default SQLite store")
    port = _free_port()
    env = {**env, "SKILLMATCH_PARSE_WORKERS": "1"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from service.cli import app; app()",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        ready = False
        while time.monotonic() < deadline and process.poll() is None:
            try:
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200
            except httpx.TransportError:
                ready = False
            if ready:
                break
            time.sleep(0.3)
        assert ready, "server did not become ready"
        key = CliRunner().invoke(app, ["keys", "create", "--name", "acme"]).stdout.strip()
        jobs = httpx.get(
            f"http://127.0.0.1:{port}/v1/jobs", headers={"Authorization": f"Bearer {key}"}
        )
        assert jobs.status_code == 200 and jobs.json()["total"] == 0
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert f"Data directory: {tmp_path / 'data'}" in output
    assert f"http://127.0.0.1:{port}/" in output


def test_cli_help_constants_match_their_sources() -> None:
    """The batch command repeats one constant so ``--help`` stays light."""
    from service.batch.driver import DEFAULT_OUTPUT
    from service.cli import batch_cmd

    assert batch_cmd.DEFAULT_OUTPUT == DEFAULT_OUTPUT


def test_importing_the_cli_does_not_load_the_server_or_batch_driver() -> None:
    import subprocess
    import sys

    heavy = ["fastapi", "sqlalchemy", "uvicorn", "service.batch.driver", "dask", "reportlab"]
    code = "import sys, service.cli; print(','.join(m for m in %r if m in sys.modules))" % heavy
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
