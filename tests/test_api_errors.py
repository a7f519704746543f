"""One error shape everywhere, declared in OpenAPI; no personal data in the logs."""

from __future__ import annotations

import logging
import re

from tests.conftest import JOB_TEXT, RESUME_TEXT


def test_unknown_routes_and_methods_use_the_error_shape(api_client) -> None:
    missing = api_client.get("/v1/nothing-here")
    assert missing.status_code == 404 and missing.json() == {
        "error": {"code": "not_found", "message": "Not found."}
    }
    wrong = api_client.put("/v1/jobs")
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"
    assert wrong.headers["Allow"] == "GET, POST"
    assert api_client.options("/v1/resumes/res_0").headers["Allow"] == "DELETE, GET"


def test_validation_errors_name_the_field_without_echoing_input(api_client, auth) -> None:
    secret = "dana.whitfield@example.org"
    response = api_client.post(
        "/v1/jobs", json={"title": ["x"], "description": secret}, headers=auth
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request" and "title" in error["message"]
    assert secret not in response.text
    for raw in (b"{not json", b"w hi\x1b\xff|N.(\xfe"):
        broken = api_client.post(
            "/v1/jobs", content=raw, headers={**auth, "Content-Type": "application/json"}
        )
        assert broken.status_code == 422 and broken.json()["error"]["code"] == "invalid_request"


def test_openapi_declares_the_error_body_for_every_operation(api_client) -> None:
    schema = api_client.get("/openapi.json").json()
    assert "ErrorBody" in schema["components"]["schemas"]
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    operations = [
        (path, method, op) for path, item in schema["paths"].items() for method, op in item.items()
    ]
    assert len(operations) >= 16
    for path, method, op in operations:
        if path in ("/healthz",):
            continue
        errors = {code for code in op["responses"] if code.startswith(("4", "5"))}
        assert errors, (method, path)
        for code in errors:
            ref = op["responses"][code]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/ErrorBody"), (method, path, code)
    upload = schema["paths"]["/v1/analyze"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert set(upload["schema"]["properties"]) == {"file", "job_text", "profile"}
    assert schema["paths"]["/v1/jobs"]["get"]["security"]


def test_logs_carry_no_resume_text_emails_or_phones(api_client, auth, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    files = {"file": ("Dana_Whitfield_resume.txt", RESUME_TEXT.encode(), "text/plain")}
    assert (
        api_client.post("/v1/analyze", files=files, data={"job_text": JOB_TEXT}).status_code == 200
    )
    assert (
        api_client.post(
            "/v1/resumes", files=files, data={"label": "Dana"}, headers=auth
        ).status_code
        == 201
    )
    assert (
        api_client.post("/v1/match", json={"resume_text": RESUME_TEXT}, headers=auth).status_code
        == 200
    )
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "POST /v1/analyze 200" in logged
    for secret in (
        "dana.whitfield@example.org",
        "555 0137",
        "Dana_Whitfield",
        "Northwind",
        "Whitfield",
    ):
        assert secret not in logged
    assert not re.search(r"[\w.]+@[\w.]+\.\w+", logged)


def test_a_bug_answers_500_in_the_error_shape(api_app, monkeypatch):
    from fastapi.testclient import TestClient

    def broken(**_):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr("service.api.routes.taxonomy.TaxonomyPublic", broken)
    with TestClient(api_app, raise_server_exceptions=False) as client:
        response = client.get("/v1/taxonomy")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "internal_error"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


def test_body_errors_say_what_to_send(api_client, auth) -> None:
    """Broken JSON, a non-object body and a missing body get messages a client can act on."""
    broken = api_client.post("/v1/jobs", content=b'{"title": "x",, }', headers={
        **auth, "Content-Type": "application/json"})
    assert broken.status_code == 422
    assert "not valid JSON" in broken.json()["error"]["message"]
    listed = api_client.post("/v1/jobs", json=["a"], headers=auth)
    assert listed.status_code == 422
    assert "JSON object" in listed.json()["error"]["message"]
    empty = api_client.post("/v1/match", headers={**auth, "Content-Type": "application/json"})
    assert empty.status_code == 422
    assert "JSON object" in empty.json()["error"]["message"]


def test_a_label_over_the_limit_is_refused_not_cut(api_client, auth) -> None:
    files = {"file": ("cv.txt", b"Skills: Python, SQL, PyTorch", "text/plain")}
    response = api_client.post("/v1/resumes", files=files, data={"label": "x" * 201}, headers=auth)
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "label: at most 200 characters (got 201)."
    ok = api_client.post("/v1/resumes", files=files, data={"label": "y" * 200}, headers=auth)
    assert ok.status_code == 201 and ok.json()["label"] == "y" * 200
    schema = api_client.get("/openapi.json").json()["paths"]["/v1/resumes"]["post"]
    label = schema["requestBody"]["content"]["multipart/form-data"]["schema"]["properties"]["label"]
    assert label["maxLength"] == 200


def test_health_answers_head(api_client) -> None:
    assert api_client.head("/healthz").status_code == 200


def test_blank_text_is_refused_the_same_way_everywhere(api_client, auth) -> None:
    blank_resume = api_client.post("/v1/match", json={"resume_text": "  \n "}, headers=auth)
    assert blank_resume.status_code == 422
    assert "resume_text: must not be empty" in blank_resume.json()["error"]["message"]
    blank_title = api_client.post(
        "/v1/jobs", json={"title": "   ", "description": "Python and SQL required."}, headers=auth
    )
    assert blank_title.status_code == 422
    assert "title: must not be empty" in blank_title.json()["error"]["message"]
    files = {"file": ("cv.txt", b"Skills: Python, SQL, PyTorch", "text/plain")}
    blank_job = api_client.post("/v1/analyze", files=files, data={"job_text": "   "})
    assert blank_job.status_code == 422
    assert blank_job.json()["error"]["message"].startswith("job_text: must not be empty")
    assert api_client.post("/v1/analyze", files=files).status_code == 200
