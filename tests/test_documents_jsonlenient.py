"""Files that start like JSON are read, never refused for being loose: a JSON Resume's written
dates and schema-breaking values, a builder's own keys, other JSON holding prose, and text that is
not valid JSON at all. Every person, company and text here is invented."""

from __future__ import annotations

import json
from datetime import date

import pytest

from service.documents import parse_bytes
from service.documents.jsonresume import read_json_resume
from service.documents.jsonvalues import NOT_A_RESUME_WARNING, is_text_key, section_of
from service.documents.sniff import sniff
from service.errors import Empty, UnsupportedFormat
from tests.installed import extract

TODAY = date(2025, 3, 1)


def _read(data: object) -> object:
    return read_json_resume(json.dumps(data, indent=2), today=TODAY)


def _pointers(doc) -> dict[str, set[str]]:
    """Explicit skill id → the pointers of its evidence."""
    return {hit.id: {e.pointer for e in hit.evidence} for hit in extract(doc).skills
            if hit.explicit}


# --- a JSON Resume with written dates and values that break the schema -------------------------

WRITTEN = {
    "basics": {"name": "Maren Holt", "label": "Data Engineer",
               "url": {"label": "Portfolio", "href": "https://maren.example.org"}},
    "work": [
        {"name": "Tidewater Analytics", "position": "Senior Data Engineer",
         "startDate": "Apr 2021", "endDate": "Present",
         "highlights": ["Built streaming jobs on Apache Kafka", 42, "Ran Airflow on Kubernetes"]},
        {"name": "Brindle Foods", "position": "Data Engineer", "startDate": "April 2018",
         "endDate": "03/2021"},
        {"name": "Cobalt Loans", "position": "Analyst", "startDate": "2016/02",
         "endDate": "2018/01"},
        {"name": "Old Mill Bakery", "position": "Clerk", "startDate": "Spring 2014",
         "endDate": "2015"},
    ],
    "skills": [{"name": "Languages", "keywords": ["Python", 3, "Scala"]}],
}


def test_written_dates_are_read_and_present_means_current() -> None:
    doc = _read(WRITTEN)
    assert doc.source_format == "jsonresume"
    spans = [(p.employer, p.start, p.end, p.current) for p in doc.positions]
    assert spans == [
        ("Tidewater Analytics", date(2021, 4, 1), None, True),
        ("Brindle Foods", date(2018, 4, 1), date(2021, 3, 1), False),
        ("Cobalt Loans", date(2016, 2, 1), date(2018, 1, 1), False),
    ]
    assert "Senior Data Engineer, Tidewater Analytics, Apr 2021 - Present" in doc.text


def test_each_value_breaking_the_schema_is_left_out_with_a_warning_naming_it() -> None:
    doc = _read(WRITTEN)
    assert doc.warnings == [
        "Left out /basics/url: not a string.",
        "Left out /work/0/highlights/1: not a string.",
        "Left out /work/3/startDate: not a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "Left out /skills/0/keywords/1: not a string.",
    ]
    assert "Maren Holt" in doc.text and "Old Mill Bakery" in doc.text  # the rest is read
    pointers = _pointers(doc)  # later items keep their index, so their pointers hold
    assert pointers["airflow"] == {"/work/0/highlights/2"}
    assert pointers["scala"] == {"/skills/0/keywords/2"}


def test_a_resume_with_nothing_readable_left_is_still_empty() -> None:
    with pytest.raises(Empty, match="no text"):
        _read({"basics": {"name": ["Maren"], "url": {"href": "https://maren.example.org"}},
               "work": [{"startDate": "someday"}]})


def test_a_section_not_in_the_schemas_shape_is_read_as_plain_values() -> None:
    doc = _read({"basics": {"name": "Ines Varga", "summary": "Platform engineer."},
                 "skills": ["Go", "Redis"],
                 "education": [{"institution": "Northfold University", "studyType": "BSc"}]})
    assert doc.source_format == "jsonresume"
    assert doc.warnings == ["Read /skills as plain values: not shaped as a JSON Resume section."]
    assert [s.name for s in doc.sections] == ["summary", "education", "skills"]
    assert _pointers(doc)["redis"] == {"/skills/1"}


def test_json_whose_only_resume_key_is_misshapen_is_other_json() -> None:
    posting = {"title": "Data Engineer",
               "content": "<p>We need Python and SQL for our parcels team.</p><p>You will own "
                          "the ingestion of tracking events from our depots across Europe.</p>",
               "skills": ["Snowflake", "Kafka"]}
    doc = _read(posting)
    assert doc.source_format == "json" and doc.warnings == [NOT_A_RESUME_WARNING]
    assert _pointers(doc)["kafka"] == {"/skills/1"}


# --- a builder's own export: JSON Resume's basics, its own sections -----------------------------

REACTIVE = {
    "basics": {"name": "Jonas Ekwall", "headline": "Platform engineer",
               "email": "jonas@example.net",
               "url": {"label": "", "href": "https://jonas.example.net"},
               "picture": {"url": "https://cdn.example.net/p.jpg", "size": 64,
                           "effects": {"hidden": False, "border": True}}},
    "sections": {
        "summary": {"id": "summary", "name": "Summary", "visible": True,
                    "content": "<p>Platform engineer who keeps Terraform modules small &amp; "
                               "boring.</p>"},
        "experience": {"id": "experience", "name": "Experience", "items": [
            {"id": "cl5k2m1x80000abcd1234efgh", "visible": True, "company": "Harbourline",
             "position": "Site Reliability Engineer", "date": "Jan 2020 - Present",
             "summary": "<ul><li>Moved 40 services to Kubernetes</li><li>Wrote Go tooling for "
                        "deploys</li></ul>",
             "url": {"label": "", "href": "https://harbourline.example.com"}}]},
        "skills": {"id": "skills", "name": "Skills", "items": [
            {"id": "d3adbeefd3adbeef", "name": "Cloud", "keywords": ["AWS", "Prometheus"]}]},
        "awards": {"id": "awards", "name": "Awards", "items": []},
    },
    "metadata": {"template": "rhyhorn", "css": {"value": ".section { color: red }",
                                                "visible": False},
                 "theme": {"background": "#ffffff", "text": "#000000", "primary": "#dc2626"},
                 "typography": {"font": {"family": "IBM Plex Serif", "size": 14}},
                 "layout": [[["profiles", "summary", "experience"]]],
                 "notes": ""},
}


def test_a_builders_export_reads_its_own_sections_after_the_known_ones() -> None:
    doc = _read(REACTIVE)
    assert doc.source_format == "jsonresume"
    assert "Left out /basics/url: not a string." in doc.warnings
    assert "Platform engineer who keeps Terraform modules" in doc.text
    assert "Moved 40 services to Kubernetes" in doc.text
    for setting in ("rhyhorn", "color: red", "#dc2626", "IBM Plex", "cdn.example.net",
                    "cl5k2m1x80000abcd1234efgh", "d3adbeefd3adbeef", "harbourline.example.com"):
        assert setting not in doc.text
    assert [s.name for s in doc.sections] == ["summary", "experience", "skills"]
    pointers = _pointers(doc)
    assert pointers["kubernetes"] == {"/sections/experience/items/0/summary"}
    assert pointers["terraform"] == {"/sections/summary/content"}
    assert pointers["prometheus"] == {"/sections/skills/items/0/keywords/1"}
    # its date is text, not a JSON Resume date: read as a text resume's experience line
    [position] = doc.positions
    assert (position.title, position.employer, position.start, position.current) == (
        "Site Reliability Engineer", "Harbourline", date(2020, 1, 1), True)


# --- other JSON holding prose ------------------------------------------------------------------

LINKEDIN = {
    "person": {
        "firstName": "Tomas", "lastName": "Brekke",
        "headline": "Backend engineer who enjoys message queues",
        "summary": "I build payment systems with Go and PostgreSQL for small banks.",
        "publicProfileUrl": "https://www.linkedin.example/in/tbrekke",
        "entityUrn": "urn:li:fs_profile:ACoAAB12xyz",
        "positions": [{
            "title": "Senior Backend Engineer", "companyName": "Fjordpay", "companyId": 88123,
            "description": "Designed event pipelines on RabbitMQ for card payments.",
            "timePeriod": {"startDate": {"month": 3, "year": 2020}}}],
        "educations": [{"schoolName": "Vestland Institute of Technology",
                        "degreeName": "Bachelor of Science", "fieldOfStudy": "Computer Science"}],
        "skills": [{"name": "Go"}, {"name": "gRPC"}, {"name": "Redis"}],
    },
}


def test_a_profile_json_is_laid_out_in_order_with_sections_and_pointers() -> None:
    doc = parse_bytes(json.dumps(LINKEDIN).encode(), "profile.json")
    assert doc.source_format == "json"
    assert doc.warnings == [NOT_A_RESUME_WARNING]
    assert doc.text.startswith("Tomas\nBrekke\nBackend engineer who enjoys message queues")
    assert [(s.name, s.heading) for s in doc.sections] == [
        ("summary", "Summary"), ("experience", "Positions"), ("education", "Educations"),
        ("skills", "Skills")]
    for not_text in ("linkedin.example", "urn:li", "88123", "2020"):
        assert not_text not in doc.text
    assert doc.positions == []  # not invented from a profile's own shape
    assert doc.education and doc.education[0].level == "bachelor"
    pointers = _pointers(doc)
    assert pointers["rabbitmq"] == {"/person/positions/0/description"}
    assert pointers["redis"] == {"/person/skills/2/name"}


JOB = {
    "id": 4481, "internal_job_id": 99812,
    "title": "Data Engineer",
    "absolute_url": "https://boards.example.com/acme/jobs/4481",
    "updated_at": "2024-11-02T10:15:00-05:00",
    "location": {"name": "Remote (EU)"},
    "content": "<p>Acme Parcel moves &amp; tracks two million parcels a day.</p>"
               "<ul><li>Three years with Python and SQL</li><li>dbt and Snowflake in "
               "production</li></ul><p>We offer a learning budget and four-day weeks.</p>",
}


def test_a_job_boards_posting_json_reads_its_html_content_as_the_text_path_does() -> None:
    doc = parse_bytes(json.dumps(JOB).encode(), "job.json")
    assert doc.source_format == "json"
    assert doc.text.splitlines()[:3] == ["Data Engineer", "Remote (EU)", JOB["content"]]
    pointers = _pointers(doc)
    assert {"python", "sql", "snowflake"} <= set(pointers)
    assert pointers["python"] == {"/content"}
    assert "boards.example.com" not in doc.text and "2024-11-02" not in doc.text


@pytest.mark.parametrize("data", [
    {"name": "acme-ui", "version": "2.0.0",
     "description": "Accessible React components for dashboards",
     "keywords": ["react", "ui", "dashboard"], "main": "dist/index.js",
     "scripts": {"build": "tsc -p .", "test": "vitest run"},
     "dependencies": {"react": "^18.2.0"}, "license": "MIT"},
    {"compilerOptions": {"target": "ES2022", "strict": True, "outDir": "dist"},
     "include": ["src"]},
    {"editor.fontSize": 14, "workbench.colorTheme": "Solarized Light"},
])
def test_json_without_prose_stays_unsupported(data) -> None:
    with pytest.raises(UnsupportedFormat, match="not a JSON Resume"):
        parse_bytes(json.dumps(data).encode(), "package.json")


def test_keys_naming_sections_and_keys_holding_no_text() -> None:
    assert section_of("positions") == "experience"
    assert section_of("workExperience") == "experience"
    assert section_of("educations") == "education"
    assert section_of("certifications") == "certifications"
    assert section_of("companyName") is None
    assert section_of("Compétences") == "skills"  # (a French builder's key)
    assert not is_text_key("companyUrl") and not is_text_key("metadata")
    assert not is_text_key("entity_id") and not is_text_key("$schema")
    assert is_text_key("description") and is_text_key("paid")  # ("paid" holds no "id" word)


# --- text that is not valid JSON ---------------------------------------------------------------

def test_json_with_trailing_commas_is_read_as_text_naming_where_it_broke() -> None:
    data = (b'{\n  "basics": {"name": "Lea Sorensen",\n    "summary": "I train models that '
            b'forecast the weather for farmers."},\n  "work": [\n'
            b'    {"position": "ML Engineer", "summary": "Trained PyTorch models on radar '
            b'images for the coastal forecasts",\n     "highlights": ["Moved the nightly '
            b'training runs to Kubernetes",]},\n  ],\n}\n')
    assert sniff(data) == "json"
    doc = parse_bytes(data, "resume.json")
    assert doc.source_format == "text"
    assert doc.warnings == ["Could not be read as JSON (line 6, column 69): read as plain text."]
    assert {"pytorch", "kubernetes"} <= set(_pointers(doc))


def test_a_truncated_export_and_too_deep_nesting_are_read_as_text() -> None:
    cut = parse_bytes(b'{"basics": {"name": "Lea Sorensen", "summary": "I run Spark and Scala'
                      b' jobs on Databricks for a chain of grocery stores and keep their '
                      b'nightly loads on time"}, "work": [{"position": "Data Eng', "resume.json")
    assert cut.warnings == ["Could not be read as JSON (line 1, column 182): read as plain text."]
    assert {"spark", "scala"} <= set(_pointers(cut))
    prose = b'"I build data pipelines in Python and Spark for a logistics firm"'
    deep = parse_bytes(b"[" * 50_000 + b", ".join([prose] * 3) + b"]" * 50_000, "deep.json")
    assert deep.warnings == ["Could not be read as JSON (nested too deeply): read as plain text."]


def test_a_javascript_data_file_saved_as_text_is_read_as_text() -> None:
    data = (b"// resume data for my site\nexport const resume = {\n  name: 'Lea Sorensen',\n"
            b"  skills: ['TypeScript', 'GraphQL', 'Rust'],\n};\n")
    doc = parse_bytes(data, "resume.txt")
    assert doc.source_format == "text"
    assert {"typescript", "graphql", "rust"} <= set(_pointers(doc))


def test_the_api_reads_a_profile_json_instead_of_refusing_it(api_client) -> None:
    body = json.dumps(LINKEDIN).encode()
    response = api_client.post("/v1/analyze",
                               files={"file": ("profile.json", body, "application/json")})
    assert response.status_code == 200, response.text
    document = response.json()["extraction"]["document"]
    assert document["source_format"] == "json"
    assert document["warnings"] == [NOT_A_RESUME_WARNING]
    skills = {s["id"]: s for s in response.json()["extraction"]["skills"]}
    assert skills["rabbitmq"]["evidence"][0]["pointer"] == "/person/positions/0/description"


# --- review fixes --------------------------------------------------------------------------------

def test_an_entry_whose_end_date_cannot_be_read_is_undated_never_current() -> None:
    doc = _read({
        "basics": {"name": "Odile Krantz"},
        "work": [{"name": "Larchfield Mills", "position": "Planner", "startDate": "2014",
                  "endDate": "Summer 2016"},
                 {"name": "Pell & Rowe", "position": "Analyst", "startDate": "2016-09",
                  "endDate": {"year": 2019}}],
        "education": [{"institution": "Carrow College", "studyType": "BA",
                       "startDate": "2010", "endDate": "soon"}],
        "volunteer": [{"organization": "Riverside Food Bank", "position": "Driver",
                       "startDate": "2012", "endDate": "a while"}],
        "projects": [{"name": "Tide tables", "startDate": "2013", "endDate": "later"}],
    })
    assert doc.positions == []  # (neither job is made current, nor dated)
    assert "Present" not in doc.text and "2014" not in doc.text and "2010" not in doc.text
    assert doc.warnings == [
        "Left out /work/0/endDate: not a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "Left out /work/1/endDate: not a string.",
        "Left out /volunteer/0/endDate: not a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "Left out /education/0/endDate: not a date as YYYY, YYYY-MM or YYYY-MM-DD.",
        "Left out /projects/0/endDate: not a date as YYYY, YYYY-MM or YYYY-MM-DD.",
    ]
    # an end written "Present" (or none) is still current
    current = _read({"work": [{"name": "Larchfield Mills", "position": "Planner",
                               "startDate": "2014", "endDate": "present"}]})
    assert [p.current for p in current.positions] == [True]


SURROGATE_KEYS = (
    '{"basics": {"name": "Odile Krantz", "summary": "I plan freight with Python and SQL."},\n'
    ' "work": [{"name": "Larchfield Mills", "position": "Planner", "x\\udc00y": "ignored"}],\n'
    ' "hob\\ud800bies": "Rowing, Kafka meetups and writing about stream processing.",\n'
    ' "notes": {"sk\\udbffills": ["Rust and Terraform for the depot systems"]}}')
SURROGATE_OTHER = (
    '{"pro\\ud800file": {"headline": "Planner who writes Python for freight routing",\n'
    ' "summary": "I plan freight routes and write SQL reports for the depot teams.",\n'
    ' "skills\\udfff": ["Kafka", "Terraform"],\n'
    ' "bio": "Ten years of logistics work across three ports in the north."}}')


@pytest.mark.parametrize("text", [SURROGATE_KEYS, SURROGATE_OTHER])
def test_a_key_holding_a_lone_surrogate_never_reaches_the_output_raw(text) -> None:
    doc = read_json_resume(text, today=TODAY)
    dumped = doc.model_dump_json()  # (a lone surrogate cannot be encoded)
    assert "\\ud8" not in dumped.lower() and "\\udf" not in dumped.lower()
    assert all(b.pointer is None or b.pointer.isprintable() and b.pointer.encode()
               for b in doc.blocks)
    assert any("\ufffd" in (b.pointer or "") for b in doc.blocks)
    for section in doc.sections:
        section.heading.encode()
    json.loads(dumped)


def test_the_api_and_cli_read_a_key_holding_a_lone_surrogate(api_client, tmp_path) -> None:
    response = api_client.post("/v1/analyze", files={
        "file": ("resume.json", SURROGATE_KEYS.encode(), "application/json")})
    assert response.status_code == 200, response.text
    pointers = {e["pointer"] for s in response.json()["extraction"]["skills"]
                for e in s["evidence"]}
    assert "/hob\ufffdbies" in pointers
    from typer.testing import CliRunner

    from service.cli import app
    path = tmp_path / "resume.json"
    path.write_bytes(SURROGATE_OTHER.encode())
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.splitlines()[0])
    assert "\ufffd" in json.dumps(line, ensure_ascii=False)


def test_many_values_left_out_give_a_capped_list_of_warnings() -> None:
    many = 30_000
    doc = _read({"basics": {"name": "Odile Krantz"},
                 "work": [{"name": "Larchfield Mills", "position": "Planner",
                           "highlights": ["Planned freight with Python", *range(many)]}],
                 "skills": [{"name": "Tools", "keywords": [None, "Kafka", {"x": 1}]}]})
    assert len(doc.warnings) == 21
    assert doc.warnings[0] == "Left out /work/0/highlights/1: not a string."
    assert doc.warnings[19] == "Left out /work/0/highlights/20: not a string."
    assert doc.warnings[20] == f"… and {many + 2 - 20} more values left out."
    assert _pointers(doc)["kafka"] == {"/skills/0/keywords/1"}


def test_a_non_object_item_in_a_section_is_left_out_keeping_the_others_pointers() -> None:
    doc = _read({"basics": {"name": "Odile Krantz"},
                 "work": [{"name": "Larchfield Mills", "position": "Planner",
                           "startDate": "2019", "highlights": ["Routed freight with Python"]},
                          None, "Freelance",
                          {"name": "Pell & Rowe", "position": "Analyst", "startDate": "2015",
                           "endDate": "2018", "highlights": ["Built Kafka consumers"]}]})
    assert doc.source_format == "jsonresume"
    assert doc.warnings == ["Left out /work/1: not an object.", "Left out /work/2: not an object."]
    assert [s.name for s in doc.sections] == ["experience"]
    assert [p.employer for p in doc.positions] == ["Larchfield Mills", "Pell & Rowe"]
    assert _pointers(doc)["kafka"] == {"/work/3/highlights/0"}


VITE_TSCONFIG = {"files": [], "references": [{"path": "./tsconfig.app.json"},
                                             {"path": "./tsconfig.node.json"}]}
MONOREPO_TSCONFIG = {"compilerOptions": {"composite": True, "outDir": "build"},
                     "references": [{"path": "./packages/core"}, {"path": "./packages/web"}]}


@pytest.mark.parametrize("data", [VITE_TSCONFIG, MONOREPO_TSCONFIG,
                                  {"skills": [], "awards": [{}], "name": "acme-cli"}])
def test_references_or_empty_sections_alone_make_no_json_resume(data) -> None:
    with pytest.raises(UnsupportedFormat, match="not a JSON Resume"):
        parse_bytes(json.dumps(data).encode(), "tsconfig.json")


def test_json_holding_prose_beside_an_empty_section_is_other_json() -> None:
    doc = _read({**JOB, "skills": [], "references": []})
    assert doc.source_format == "json" and doc.warnings == [NOT_A_RESUME_WARNING]


VITE_PACKAGE = {
    "name": "harbour-dashboard", "private": True, "version": "0.0.0", "type": "module",
    "scripts": {"dev": "vite", "build": "tsc && vite build",
                "lint": "eslint . --ext ts,tsx --report-unused-disable-directives "
                        "--max-warnings 0",
                "preview": "vite preview", "test": "vitest run --coverage && playwright test",
                "format": "prettier --write src && eslint --fix src"},
    "dependencies": {"react": "^18.2.0", "react-dom": "^18.2.0"},
    "devDependencies": {"@types/react": "^18.2.15", "@vitejs/plugin-react": "^4.0.3",
                        "eslint": "^8.45.0", "typescript": "^5.0.2", "vite": "^4.4.5"},
    "eslintConfig": {"extends": ["react-app", "react-app/jest"]},
    "browserslist": {"production": [">0.2%", "not dead", "not op_mini all"],
                     "development": ["last 1 chrome version", "last 1 firefox version",
                                     "last 1 safari version"]},
}
TSCONFIG_REFERENCES = {
    "compilerOptions": {"target": "ES2020", "useDefineForClassFields": True,
                        "lib": ["ES2020", "DOM", "DOM.Iterable"], "module": "ESNext",
                        "skipLibCheck": True, "moduleResolution": "bundler",
                        "jsx": "react-jsx", "strict": True,
                        "paths": {"@/*": ["./src/*"], "@core/*": ["../core/src/*"]}},
    "include": ["src", "vite.config.ts"],
    "references": [{"path": "./tsconfig.node.json"}, {"path": "../packages/core"}],
}
OPENAPI = {
    "openapi": "3.0.3",
    "info": {"title": "Parcel tracking API",
             "description": "Track parcels across our depots and see when they will arrive."},
    "paths": {"/parcels/{number}": {"get": {
        "summary": "Find a parcel by its tracking number",
        "description": "Returns the parcel with its latest scan and the depot it is in now.",
        "responses": {"200": {"description": "The parcel and where it was last seen"},
                      "404": {"description": "No parcel has this tracking number"}}}}},
}
NOTEBOOK = {
    "nbformat": 4, "nbformat_minor": 5,
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "cells": [
        {"cell_type": "markdown", "metadata": {},
         "source": ["# Parcel delays\n", "We look at why parcels wait at the northern depots ",
                    "and which routes lose the most time in winter."]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import pandas as pd\n", "df = pd.read_csv('scans.csv')"]},
        {"cell_type": "markdown", "metadata": {},
         "source": ["Most of the delay comes from the last mile, not from the trunk routes ",
                    "between the depots, so we model the two apart."]},
    ],
}
GEOJSON = {
    "type": "FeatureCollection",
    "features": [{"type": "Feature",
                  "geometry": {"type": "Point", "coordinates": [5.32, 60.39]},
                  "properties": {"name": "North depot",
                                 "description": "Our largest depot, open through the night "
                                                "for the ferries from the islands."}},
                 {"type": "Feature",
                  "geometry": {"type": "Point", "coordinates": [10.75, 59.91]},
                  "properties": {"name": "Harbour depot",
                                 "description": "A small depot by the harbour that sorts the "
                                                "parcels for the city centre."}}],
}


@pytest.mark.parametrize("data", [VITE_PACKAGE, TSCONFIG_REFERENCES, OPENAPI, NOTEBOOK, GEOJSON],
                         ids=["vite-package", "tsconfig", "openapi", "notebook", "geojson"])
def test_configs_specs_and_notebooks_stay_unsupported(data) -> None:
    with pytest.raises(UnsupportedFormat, match="not a JSON Resume"):
        parse_bytes(json.dumps(data, indent=2).encode(), "file.json")


def test_only_sentence_like_strings_count_as_prose() -> None:
    from service.documents.jsonvalues import sentence_words
    assert sentence_words("tsc && vite build") == 0
    assert sentence_words("eslint . --ext ts,tsx --report-unused-disable-directives "
                          "--max-warnings 0") == 0
    assert sentence_words("prettier --write src && eslint --fix src") == 0
    assert sentence_words("Moved 40 services to Kubernetes in 2021.") == 5
    assert sentence_words("<p>Acme Parcel moves &amp; tracks parcels.</p>") == 5
    assert sentence_words("Trained PyTorch models on full-text search logs") == 7


TSCONFIG_TRAILING = (b'{\n  "compilerOptions": {\n    "target": "ES2022",\n    "module": "ESNext",\n'
                     b'    "outDir": "./dist",\n    "paths": {"@/*": ["./src/*"],},\n  },\n'
                     b'  "include": ["src/**/*.ts", "tests/**/*.ts",],\n}\n')
VSCODE_SETTINGS = (b'{\n  "editor.fontSize": 14, // a little larger on the laptop\n'
                   b'  "editor.formatOnSave": true,\n  // keep the explorer tidy\n'
                   b'  "files.exclude": {"**/.git": true, "**/node_modules": true},\n'
                   b'  "workbench.colorTheme": "Solarized Light",\n}\n')
VSCODE_COMMENT_FIRST = (b'{\n  // Place your settings in this file to overwrite the default settings\n'
                        b'  "editor.tabSize": 2,\n  "python.defaultInterpreterPath": "./.venv/bin/python"\n}\n')


@pytest.mark.parametrize("data", [TSCONFIG_TRAILING, VSCODE_SETTINGS, VSCODE_COMMENT_FIRST,
                                  b"[1, 2, 3,]", b'{"work": ['],
                         ids=["tsconfig", "vscode", "vscode-comment-first", "numbers", "cut"])
def test_invalid_json_without_prose_is_unsupported_naming_where_it_broke(data) -> None:
    assert sniff(data) == "json"
    with pytest.raises(UnsupportedFormat, match=r"neither a resume nor readable JSON "
                                                r"\(it breaks at line \d+, column \d+\)"):
        parse_bytes(data, "settings.json")


def test_a_number_json_cannot_read_is_worded_as_not_readable() -> None:
    data = ('{"basics": {"name": "Lea Sorensen", "summary": "I train PyTorch models for '
            'weather forecasts and serve them on Kubernetes."}, "work": [{"position": "ML '
            'Engineer", "summary": "Built Spark jobs that clean radar data every night for '
            'the forecasters."}], "id": ' + "9" * 5000 + "}")
    doc = parse_bytes(data.encode(), "resume.json")
    assert doc.source_format == "text"
    assert doc.warnings == [
        "Could not be read as JSON (a number too long to read): read as plain text."]


POSTINGS = [
    {"title": "Data Engineer", "company": "Acme Parcel", "location": "Remote (EU)",
     "salary": "Sixty thousand a year",
     "description": "You will own the ingestion of tracking events from our depots across "
                    "Europe and keep the nightly loads on time.",
     "skills": ["Python", "Kafka"],
     "benefits": "A learning budget, four-day weeks and a bike for the commute."},
    {"title": "Analytics Engineer", "company": "Pell & Rowe", "location": "Leeds",
     "description": "You will model the sales data in dbt and help the planners read it.",
     "skills": ["dbt", "Snowflake"], "notes": "Hybrid, two days a week in the office."},
]


def test_keys_inside_list_items_open_no_sections_of_their_own() -> None:
    doc = _read({"postings": POSTINGS})
    assert doc.source_format == "json"
    assert [(s.name, s.heading) for s in doc.sections] == [("skills", "Skills"),
                                                           ("skills", "Skills")]
    for heading in ("Company", "Location", "Salary", "Benefits", "Notes", "Name"):
        assert f"\n{heading}\n" not in doc.text
    assert "Acme Parcel" in doc.text and "Hybrid, two days a week" in doc.text
    assert _pointers(doc)["snowflake"] == {"/postings/1/skills/1"}


def test_text_nested_past_the_walks_limit_is_left_out_with_a_warning() -> None:
    deep: object = "Wrote Haskell for the deepest team"
    for _ in range(80):
        deep = {"inner": deep}
    doc = _read({**LINKEDIN, "extra": deep})
    assert "Haskell" not in doc.text
    assert doc.warnings == [NOT_A_RESUME_WARNING,
                            "Left out values nested more than 64 levels deep."]
    resume = _read({**WRITTEN, "extra": deep})
    assert resume.warnings[-1] == "Left out values nested more than 64 levels deep."


def test_key_words_split_at_camel_case_in_any_script() -> None:
    from service.documents.jsonvalues import _key_words
    assert _key_words("workExperience") == ["work", "experience"]
    assert _key_words("HTMLParser") == ["html", "parser"]
    assert _key_words("formaciónÉducation") == ["formación", "éducation"]
    assert _key_words("опытРаботы") == ["опыт", "работы"]


def test_a_resumes_own_top_level_key_opens_an_other_section_not_the_last_ones() -> None:
    doc = _read({
        "basics": {"name": "Ines Kowal", "summary": "Analyst moving into machine learning"},
        "languages": [{"language": "Polish", "fluency": "Native"}],
        "weekendBuilds": ["Trained a churn classifier in PyTorch on a telecom dataset",
                         "Drew Tableau dashboards for a food bank's volunteers"],
    })
    names = [(s.name, s.heading) for s in doc.sections]
    assert names == [("summary", "Summary"), ("languages", "Languages"),
                     ("other", "Weekend Builds")]
    other = doc.sections[-1]
    assert doc.text.index("churn classifier") >= other.start
