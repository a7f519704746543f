"""Privacy from the outside, on SQLite and PostgreSQL: tenant isolation over every tenant-owned
route with an id (found in the OpenAPI schema, so a new route is swept too), rankings, key
revocation from another process, deletion without a trace, and no personal data in DEBUG logs."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pdfgen
from tests.conftest import JOB_TEXT, RESUME_TEXT

ROOT = Path(__file__).resolve().parents[2]
SECRETS = ("dana.whitfield@example.org", "415 555 0137", "555 0137", "Whitfield", "Northwind",
           "Contoso", "Oakland")


def _resume(client, auth, text: str = RESUME_TEXT, label: str = "cand") -> str:
    response = client.post("/v1/resumes", headers=auth, data={"label": label},
                           files={"file": ("resume.txt", text.encode(), "text/plain")})
    assert response.status_code == 201, response.text[:200]
    return response.json()["id"]


def _job(client, auth, description: str = JOB_TEXT) -> str:
    response = client.post("/v1/jobs", headers=auth, json={"title": "MLE", "description": description})
    assert response.status_code == 201, response.text[:200]
    return response.json()["id"]


def test_every_tenant_route_with_an_id_is_404_for_another_tenant(api_client, auth,
                                                                 other_auth) -> None:
    ids = {"resume_id": _resume(api_client, auth), "job_id": _job(api_client, auth)}
    schema = api_client.get("/openapi.json").json()
    swept = []
    for path, item in schema["paths"].items():
        params = re.findall(r"{(\w+)}", path)
        for method, operation in item.items():
            if not params or not operation.get("security"):
                continue
            assert set(params) <= set(ids), f"new id parameter in {path}: extend this sweep"
            url = path.format(**ids)
            response = api_client.request(method.upper(), url, headers=other_auth)
            assert response.status_code == 404, (method, url, response.text[:200])
            assert response.json()["error"]["code"] == "not_found"
            swept.append(f"{method.upper()} {path}")
    assert len(swept) >= 5, swept  # GET/DELETE resume, GET/DELETE job, ranking
    for body in ({"resume_id": ids["resume_id"]}, {"resume_text": RESUME_TEXT, "job_id": ids["job_id"]}):
        response = api_client.post("/v1/match", json=body, headers=other_auth)
        assert response.status_code == 404, body
    for path in (f"/v1/resumes/{ids['resume_id']}", f"/v1/jobs/{ids['job_id']}",
                 f"/v1/jobs/{ids['job_id']}/ranking"):
        assert api_client.get(path, headers=auth).status_code == 200  # the owner's data survived
    assert api_client.get("/v1/resumes", headers=other_auth).json()["total"] == 0
    assert api_client.get("/v1/jobs", headers=other_auth).json()["total"] == 0


def test_rankings_only_ever_hold_the_callers_resumes(api_client, auth, other_auth) -> None:
    mine = {_resume(api_client, auth, label=f"a{i}") for i in range(3)}
    theirs = {_resume(api_client, other_auth, label=f"b{i}") for i in range(2)}
    for headers, own in ((auth, mine), (other_auth, theirs)):
        job_id = _job(api_client, headers)
        ranking = api_client.get(f"/v1/jobs/{job_id}/ranking?limit=100", headers=headers).json()
        assert {item["resume_id"] for item in ranking["items"]} == own
        assert ranking["total"] == len(own)


def test_a_key_revoked_from_another_process_stops_at_once(api_client, api_app, make_key,
                                                          db_url) -> None:
    from service.store import keys

    key = make_key("acme")
    headers = {"Authorization": f"Bearer {key}"}
    assert api_client.get("/v1/resumes", headers=headers).status_code == 200
    with api_app.state.skillmatch.sessions() as session:
        key_id = keys.authenticate(session, key).key_id  # type: ignore[union-attr]
    settings = api_app.state.skillmatch.settings
    env = {**os.environ, "SKILLMATCH_DATA_DIR": str(settings.data_dir),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    env.pop("SKILLMATCH_DATABASE_URL", None)
    if db_url:
        env["SKILLMATCH_DATABASE_URL"] = db_url
    revoked = subprocess.run([sys.executable, "-c", "from service.cli import app; app()", "keys",
                              "revoke", key_id], env=env, capture_output=True, text=True,
                             timeout=120, check=False)
    assert revoked.returncode == 0, revoked.stderr[-500:]
    response = api_client.get("/v1/resumes", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "unauthorized"


def _files_hold(data_dir: Path, marker: bytes) -> list[str]:
    return [p.name for p in data_dir.iterdir() if p.is_file() and marker in p.read_bytes()]


def test_delete_data_leaves_no_trace_in_any_database_file(api_client, api_app, auth, other_auth,
                                                          db_url) -> None:
    if db_url:
        pytest.skip("the file-level trace check is for the embedded SQLite store")
    data_dir = api_app.state.skillmatch.settings.data_dir
    gone, kept = "Zorblax-5521-quasar", "Kept-9043-nebula"
    text = RESUME_TEXT + f"\nProjects\n{gone} forecasting service in Python\n"
    _resume(api_client, auth, text, label=f"{gone}-label")
    pdf = pdfgen.minimal_pdf(f"Python SQL {gone}-pdf")
    assert api_client.post("/v1/resumes", headers=auth,
                           files={"file": ("cv.pdf", pdf, "application/pdf")}).status_code == 201
    job_id = _job(api_client, auth, JOB_TEXT + f"\nAbout us: {gone}-job\n")
    assert api_client.get(f"/v1/jobs/{job_id}/ranking", headers=auth).status_code == 200
    _resume(api_client, other_auth, RESUME_TEXT + f"\n{kept}\n")
    assert _files_hold(data_dir, gone.encode())  # the check can see a marker that is there
    assert api_client.delete("/v1/data", headers=auth).status_code == 204
    for marker in (gone, f"{gone}-label", f"{gone}-pdf", f"{gone}-job"):
        assert not _files_hold(data_dir, marker.encode()), marker
    assert _files_hold(data_dir, kept.encode())  # the other tenant's data stays


def test_the_api_at_debug_logs_no_personal_data(api_client, auth, caplog) -> None:
    """Every route, success and failure, with the root logger at DEBUG (SQLAlchemy included)."""
    caplog.set_level(logging.DEBUG)
    files = {"file": ("Dana_Whitfield_CV.txt", RESUME_TEXT.encode(), "text/plain")}
    pdf = {"file": ("Dana_Whitfield.pdf", pdfgen.minimal_pdf("Python SQL Whitfield Oakland"),
                    "application/pdf")}
    broken = {"file": ("Dana_Whitfield.pdf", pdfgen.truncated_pdf(), "application/pdf")}
    assert api_client.post("/v1/analyze", files=files, data={"job_text": JOB_TEXT}).status_code == 200
    assert api_client.post("/v1/analyze", files=pdf).status_code == 200
    assert api_client.post("/v1/analyze", files=broken).status_code == 422
    resume_id = _resume(api_client, auth, label="Dana Whitfield")
    assert api_client.post("/v1/resumes", files=pdf, headers=auth).status_code == 201
    job_id = _job(api_client, auth)
    assert api_client.post("/v1/match", json={"resume_id": resume_id, "job_id": job_id},
                           headers=auth).status_code == 200
    assert api_client.post("/v1/match", json={"resume_text": RESUME_TEXT},
                           headers=auth).status_code == 200
    assert api_client.post("/v1/match", json={"resume_text": RESUME_TEXT, "profile": "x",
                                              "job_text": "dana.whitfield@example.org"},
                           headers=auth).status_code == 422
    assert api_client.post("/v1/jobs", json={"title": ["dana.whitfield@example.org"]},
                           headers=auth).status_code == 422
    assert api_client.get(f"/v1/jobs/{job_id}/ranking", headers=auth).status_code == 200
    assert api_client.get(f"/v1/resumes/{resume_id}", headers=auth).status_code == 200
    assert api_client.delete(f"/v1/resumes/{resume_id}", headers=auth).status_code == 204
    assert api_client.delete("/v1/data", headers=auth).status_code == 204
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "POST /v1/resumes 201" in logged  # the access log was captured
    for secret in SECRETS:
        assert secret not in logged, secret
    assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", logged)
    # a phone-like run of digits standing alone (ids such as res_6104560919ab are words)
    assert not re.search(r"(?<!\w)\+?\d[\d ()-]{8,}\d(?!\w)", logged.replace("ms", ""))
