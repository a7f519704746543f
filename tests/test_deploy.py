"""The container files: the Dockerfile lints (hadolint), compose.yaml is valid under the Compose
specification's schema (the copy check-jsonschema ships), deploy/nginx.conf parses with nginx's
directive table (crossplane), and the pieces agree with each other and with the settings they
configure."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from service.api.limits import max_body_bytes
from service.settings import Settings

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE = REPO / "Dockerfile"
COMPOSE = REPO / "compose.yaml"
NGINX = REPO / "deploy" / "nginx.conf"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return path


def _hadolint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool("hadolint"), "--no-color", str(path)], capture_output=True,
                          text=True, timeout=60, check=False)


def _compose_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec",
                           str(path)], capture_output=True, text=True, timeout=60, check=False)


def test_the_dockerfile_lints_clean() -> None:
    result = _hadolint(DOCKERFILE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_catches_a_root_image_with_unpinned_installs(tmp_path: Path) -> None:
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python:latest\nRUN pip install skillmatch\nCMD skillmatch serve\n")
    result = _hadolint(bad)
    assert result.returncode != 0 and "DL3007" in result.stdout and "DL3013" in result.stdout


def test_compose_file_is_valid_under_the_compose_schema() -> None:
    result = _compose_check(COMPOSE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_compose_schema_refuses_a_broken_file(tmp_path: Path) -> None:
    spec = yaml.safe_load(COMPOSE.read_text())
    spec["services"]["api"]["deploy"]["replicas"] = "two"
    spec["services"]["api"]["healthcheck"] = {"tests": ["CMD", "true"]}
    broken = tmp_path / "compose.yaml"
    broken.write_text(yaml.safe_dump(spec))
    assert _compose_check(broken).returncode != 0


def dockerfile_command(instruction: str) -> list[str]:
    """The exec-form command of the Dockerfile's ``CMD`` or ``HEALTHCHECK`` (continuations
    joined)."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    match = re.search(rf"^{instruction}\b[^\[\n]*(\[.*\])\s*$", text, re.MULTILINE)
    assert match, f"no exec-form {instruction} in the Dockerfile"
    return json.loads(match.group(1))


def test_the_image_runs_serve_as_a_non_root_user_with_a_data_volume() -> None:
    text = DOCKERFILE.read_text()
    assert text.count("\nFROM ") + text.startswith("FROM ") >= 2  # multi-stage
    assert re.search(r"^FROM python:\$\{PYTHON_VERSION\}-slim", text, re.MULTILINE)
    user = re.findall(r"^USER (\S+)", text, re.MULTILINE)
    assert user and not user[-1].startswith(("0", "root"))
    assert 'VOLUME ["/data"]' in text and "SKILLMATCH_DATA_DIR=/data" in text
    assert dockerfile_command("CMD")[:2] == ["skillmatch", "serve"]
    assert "/readyz" in " ".join(dockerfile_command("HEALTHCHECK"))


def test_compose_api_trusts_exactly_the_proxy_and_reads_valid_settings() -> None:
    spec = yaml.safe_load(COMPOSE.read_text())
    api, proxy = spec["services"]["api"], spec["services"]["proxy"]
    proxy_address = proxy["networks"]["backend"]["ipv4_address"]
    environment = api["environment"]
    assert environment["SKILLMATCH_TRUSTED_PROXIES"] == proxy_address
    fields = {f"SKILLMATCH_{name.upper()}" for name in Settings.model_fields}
    assert set(environment) <= fields, set(environment) - fields
    assert environment["SKILLMATCH_DATABASE_URL"].startswith("postgresql://")
    assert api["deploy"]["replicas"] >= 2 and "ports" not in api  # reached through the proxy


def _nginx_errors(site: str, tmp_path: Path) -> list[str]:
    """crossplane's errors for ``site`` included in an ``http`` block, as compose mounts it in
    conf.d: unknown directives, directives in the wrong block, wrong argument counts."""
    crossplane = pytest.importorskip("crossplane")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text("events {}\nhttp {\n    include site.conf;\n}\n")
    parsed = crossplane.parse(str(tmp_path / "nginx.conf"), check_ctx=True, check_args=True,
                              strict=True)
    return [error["error"] for error in parsed["errors"]]


def test_nginx_config_parses_with_known_directives_in_their_blocks(tmp_path: Path) -> None:
    assert _nginx_errors(NGINX.read_text(), tmp_path) == []
    broken = NGINX.read_text().replace("keepalive 32;", "keepalive;").replace(
        "listen 80;", "listen 80;\n    proxy_pass_everything on;")
    errors = _nginx_errors(broken, tmp_path)
    assert any("keepalive" in e for e in errors) and any("proxy_pass_everything" in e
                                                         for e in errors)


def test_nginx_overwrites_forwarding_headers_and_admits_the_largest_body() -> None:
    config = NGINX.read_text()
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in config
    assert "$proxy_add_x_forwarded_for" not in config  # appending would keep a forged address
    assert 'proxy_set_header Forwarded "";' in config
    size = re.search(r"client_max_body_size (\d+)m;", config)
    assert size and int(size.group(1)) * 1024 * 1024 >= max_body_bytes(Settings())


@pytest.mark.postgres
def test_a_burst_as_large_as_the_pool_reuses_its_postgresql_connections(postgres_url) -> None:
    """Eight requests at once, five times: with a pool of eight no new backend is started after
    the first burst (with SQLAlchemy's default of five, overflow connections are closed on
    return and reopened by the next burst)."""
    import threading

    from sqlalchemy import text

    from service.store.db import make_engine

    def backends(pool_size: int) -> int:
        engine = make_engine(Settings(database_url=postgres_url, database_pool_size=pool_size,
                                      database_max_overflow=8))
        barrier, pids = threading.Barrier(8), set()

        def request() -> None:
            with engine.connect() as connection:
                pids.add(connection.execute(text("SELECT pg_backend_pid()")).scalar())
                barrier.wait(timeout=30)

        try:
            for _ in range(5):
                threads = [threading.Thread(target=request) for _ in range(8)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
        finally:
            engine.dispose()
        return len(pids)

    assert backends(8) == 8
    assert backends(5) > 8
