"""The image's steps without a container engine: build the wheel, install it with its
dependencies (and the PostgreSQL driver, as the Dockerfile does) in a fresh venv, start the
Dockerfile's ``CMD`` as an unprivileged user with a private data directory, and run its
``HEALTHCHECK`` command until ``/readyz`` answers.

Needs root (to switch user with ``runuser``), a system Python the user can run, and the package
index; skips without them.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from bench.server import free_port
from tests.test_deploy import REPO, dockerfile_command

pytestmark = pytest.mark.slow
USER = "nobody"


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILLMATCH_")}
    env.pop("PYTHONPATH", None)
    return subprocess.run(args, capture_output=True, text=True, check=False, env=env, **kwargs)


def _system_python() -> str:
    for candidate in ("/usr/bin/python3", "/usr/local/bin/python3"):
        if os.access(candidate, os.X_OK):
            check = _run([candidate, "-c", "import sys, venv, ensurepip; "
                          "sys.exit(sys.version_info < (3, 11))"])
            if check.returncode == 0:
                return candidate
    pytest.skip("no system Python 3.11+ with venv that an unprivileged user can run")


def _with_port(command: list[str], port: int) -> list[str]:
    """The command with the image's port 8000 (and 0.0.0.0) swapped for a free loopback port."""
    swapped = [part.replace(":8000/", f":{port}/") for part in command]
    if "--port" in swapped:
        swapped[swapped.index("--port") + 1] = str(port)
    if "--host" in swapped:
        swapped[swapped.index("--host") + 1] = "127.0.0.1"
    return swapped


def test_the_wheel_installs_in_a_fresh_venv_and_serves_as_a_non_root_user() -> None:
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        pytest.skip("switching to an unprivileged user needs root and runuser")
    python = _system_python()
    root = Path(tempfile.mkdtemp(prefix="skillmatch-image-"))
    server = None
    try:
        root.chmod(0o755)
        built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                      str(root / "dist"), str(REPO)], timeout=600)
        assert built.returncode == 0, built.stderr
        (wheel,) = (root / "dist").glob("skillmatch-*.whl")
        venv = root / "venv"
        made = _run([python, "-m", "venv", str(venv)], timeout=300)
        if made.returncode != 0:
            pytest.skip(f"{python} cannot make a venv (Debian: apt-get install python3-venv)")
        installed = _run([str(venv / "bin" / "pip"), "install", "-q", str(wheel),
                          "psycopg[binary]==3.3.*"], timeout=900)
        assert installed.returncode == 0, installed.stderr[-3000:]
        data = root / "data"
        data.mkdir(mode=0o700)
        shutil.chown(data, user=USER)
        port = free_port()
        env = ["env", "-i", f"PATH={venv / 'bin'}:/usr/bin:/bin", f"HOME={data}",
               f"SKILLMATCH_DATA_DIR={data}", "PYTHONDONTWRITEBYTECODE=1"]
        as_user = ["runuser", "-u", USER, "--", *env]
        server = subprocess.Popen([*as_user, *_with_port(dockerfile_command("CMD"), port)],
                                  cwd=data, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        health = [*as_user, *_with_port(dockerfile_command("HEALTHCHECK"), port)]
        deadline = time.monotonic() + 180
        while _run(health, cwd=data, timeout=30).returncode != 0:
            assert server.poll() is None, server.stdout.read().decode()[-3000:]
            assert time.monotonic() < deadline, "the HEALTHCHECK never passed"
            time.sleep(1)
        owners = {path.stat().st_uid for path in data.iterdir()}
        assert owners == {int(_run(["id", "-u", USER]).stdout)}  # the database is the user's
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)
