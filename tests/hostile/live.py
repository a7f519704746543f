"""A real ``skillmatch serve`` on a free loopback port, for the tests that need real sockets
(streaming limits, kill -9, concurrent load). Started in its own process group so a test can
kill the whole tree at once."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    process: subprocess.Popen
    port: int
    data_dir: Path
    env: dict[str, str]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill9(self) -> None:
        """SIGKILL the server's whole process group (server and document readers)."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill9()


def server_env(data_dir: Path, **settings: object) -> dict[str, str]:
    """The environment for a server on ``data_dir`` with ``SKILLMATCH_<NAME>`` settings."""
    env = {**os.environ, "SKILLMATCH_DATA_DIR": str(data_dir),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("SKILLMATCH_DATABASE_URL", None)
    env.update({f"SKILLMATCH_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def start_server(data_dir: Path, env: dict[str, str], timeout: float = 120) -> LiveServer:
    """Start ``skillmatch serve`` and wait until ``/readyz`` answers 200."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from service.cli import app; app()", "serve", "--port", str(port)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True)
    server = LiveServer(process, port, data_dir, env)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("server exited: " + process.stderr.read().decode()[-2000:])
        try:
            if httpx.get(f"{server.url}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    server.kill9()
    raise RuntimeError("server did not become ready")


def create_key(data_dir: Path, tenant: str) -> dict[str, str]:
    """Authorization headers with a fresh key for ``tenant`` in the SQLite store of ``data_dir``."""
    from service.settings import Settings
    from service.store import keys
    from service.store.db import make_engine, make_sessionmaker, session_scope

    engine = make_engine(Settings(data_dir=data_dir))
    try:
        with session_scope(make_sessionmaker(engine)) as session:
            key, _ = keys.create_key(session, tenant)
    finally:
        engine.dispose()
    return {"Authorization": f"Bearer {key}"}
