"""Start and stop a ``skillmatch serve`` (or a hello-world baseline app) on loopback."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CLI = [sys.executable, "-c", "from service.cli import app; app()"]
HELLO = (
    "import sys, fastapi, uvicorn\n"
    "app = fastapi.FastAPI()\n"
    "@app.get('/readyz')\n"
    "def ready(): return {'status': 'ready'}\n"
    "uvicorn.run(app, host='127.0.0.1', port=int(sys.argv[1]), log_level='warning',"
    " access_log=False)\n"
)
# Limits raised so the benchmark measures the service, not its rate limiter.
LOAD_ENV = {
    "SKILLMATCH_RATE_LIMIT_PER_MINUTE": "1000000",
    "SKILLMATCH_MAX_CONCURRENT_PARSES": "64",
    "SKILLMATCH_LOG_LEVEL": "WARNING",
}


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    key: str = ""

    def call(self, method: str, path: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> tuple[int, dict]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        return response.status, (json.loads(data) if data else {})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.process.returncode}")
        try:
            if server.call("GET", "/readyz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not become ready in time")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextmanager
def skillmatch_server(data_dir: Path, env: dict[str, str]) -> Iterator[Server]:
    """``skillmatch serve`` (one worker) on a free loopback port with a fresh data directory
    and an API key; stopped (SIGINT, then kill) on exit."""
    env = {**os.environ, **env, **LOAD_ENV, "SKILLMATCH_DATA_DIR": str(data_dir)}
    key = subprocess.run([*CLI, "keys", "create", "--name", "bench"], env=env, check=True,
                         capture_output=True, text=True, timeout=120).stdout.strip().splitlines()[-1]
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", "1"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    server = Server(process, port, key)
    try:
        _wait_ready(server, 120)
        yield server
    finally:
        _stop(process)


@contextmanager
def hello_server() -> Iterator[Server]:
    """A one-route FastAPI app under uvicorn: the floor for an idle Python web server."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", HELLO, str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Server(process, port)
    try:
        _wait_ready(server, 60)
        yield server
    finally:
        _stop(process)
