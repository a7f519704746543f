"""Real and broken documents through the upload routes: each document error keeps its code."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from service.store.models import Resume
from tests import pdfgen
from tests.conftest import JOB_TEXT


def test_a_pdf_resume_is_read_stored_and_ranked(api_client, auth) -> None:
    pdf = pdfgen.make_pdf()
    created = api_client.post(
        "/v1/resumes",
        files={"file": ("cv.pdf", pdf, "application/pdf")},
        data={"label": "pdf"},
        headers=auth,
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["source_format"] == "pdf" and body["size_bytes"] == len(pdf)
    assert body["extraction"]["skills"], "no skills found in the generated resume PDF"
    job = api_client.post(
        "/v1/jobs", json={"title": "MLE", "description": JOB_TEXT}, headers=auth
    ).json()
    ranking = api_client.get(f"/v1/jobs/{job['id']}/ranking", headers=auth).json()
    assert [item["resume_id"] for item in ranking["items"]] == [body["id"]]
    analyzed = api_client.post("/v1/analyze", files={"file": ("cv.pdf", pdf, "application/pdf")})
    assert analyzed.status_code == 200
    assert analyzed.json()["extraction"]["document"]["source_format"] == "pdf"


BROKEN = [
    ("truncated.pdf", pdfgen.truncated_pdf, 422, "corrupt"),
    ("locked.pdf", pdfgen.encrypted_pdf, 422, "encrypted"),
    ("scan.pdf", pdfgen.image_only_pdf, 422, "no_text_layer"),
    ("long.pdf", lambda: pdfgen.many_pages_pdf(40), 422, "too_many_pages"),
    ("photo.pdf", pdfgen.gif_bytes, 415, "unsupported_format"),
    ("noise.pdf", pdfgen.random_bytes, 415, "unsupported_format"),
]


@pytest.mark.parametrize(
    ("name", "make", "status", "code"), BROKEN, ids=[b[3] + "-" + b[0] for b in BROKEN]
)
def test_broken_documents_answer_their_error_code_and_store_nothing(
    api_client, api_app, auth, name, make, status, code
) -> None:
    data = make()
    for path, headers in (("/v1/analyze", {}), ("/v1/resumes", auth)):
        response = api_client.post(
            path, files={"file": (name, data, "application/pdf")}, headers=headers
        )
        assert response.status_code == status, (path, response.text)
        assert response.json()["error"]["code"] == code
    with api_app.state.skillmatch.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Resume)) == 0
    assert api_client.get("/readyz").status_code == 200


def test_a_parse_over_the_time_limit_is_422_timeout_and_the_server_recovers(make_app):
    from fastapi.testclient import TestClient

    pdf = pdfgen.resume_pdf_two_pages()
    with TestClient(make_app(parse_timeout_s=0.01)) as client:
        slow = client.post("/v1/analyze", files={"file": ("cv.pdf", pdf, "application/pdf")})
        assert slow.status_code == 422 and slow.json()["error"]["code"] == "timeout"
    with TestClient(make_app()) as client:
        again = client.post("/v1/analyze", files={"file": ("cv.pdf", pdf, "application/pdf")})
        assert again.status_code == 200, again.text
