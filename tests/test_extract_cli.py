"""``skillmatch extract``: formats, failures and exit codes."""

from __future__ import annotations

import json

import pytest
from extract_toy import toy_dir
from typer.testing import CliRunner

from service.cli import app


@pytest.fixture()
def runner(monkeypatch):
    from service.settings import get_settings

    monkeypatch.setattr(get_settings(), "taxonomy_dir", toy_dir())
    return CliRunner()


def test_jsonl_one_line_per_input_with_errors_in_place(runner, tmp_path):
    good = tmp_path / "cv.txt"
    good.write_text("Skills: Python, C/C++\nNo experience with Java.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(good), str(empty), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["path"] for line in lines] == [str(good), str(empty)]
    names = {s["name"] for s in lines[0]["skills"]}
    assert {"Python", "C", "C++"} <= names
    assert [s["id"] for s in lines[0]["not_claimed"]] == ["java"]
    python = next(s for s in lines[0]["skills"] if s["id"] == "python")
    assert {"id", "name", "category", "explicit", "confidence", "implied_by", "evidence"} <= set(python)
    assert python["evidence"][0]["text"] == "Python" and lines[0]["versions"]["taxonomy"] == "toy-1"
    assert lines[1]["error"]["code"] == "empty"
    assert "empty.txt" in result.stderr


def test_json_prints_one_array_and_exit_zero(runner, tmp_path):
    paths = []
    for name, text in [("a.txt", "Docker"), ("b.md", "# Me\nPyTorch and k-means")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = runner.invoke(app, ["extract", *paths, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["path"] for d in data] == paths
    assert {s["id"] for s in data[1]["skills"]} >= {"pytorch", "k-means", "deep-learning"}


def test_unsupported_or_unreadable_inputs_are_typed_errors(runner, tmp_path):
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n" + bytes(300))
    result = runner.invoke(app, ["extract", str(binary), str(tmp_path / "broken.pdf"),
                                 "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert all("error" in line and line["error"]["code"] for line in lines) and len(lines) == 2
    assert "Traceback" not in result.output
    assert result.stderr.splitlines()[0].startswith(f"skillmatch extract: {binary}: ")


def test_a_folder_is_read_recursively_like_batch(runner, tmp_path):
    folder = tmp_path / "cvs"
    (folder / "nested").mkdir(parents=True)
    (folder / "b.txt").write_text("Docker", encoding="utf-8")
    (folder / "nested" / "a.md").write_text("# Me\nPyTorch", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("Rust", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    paths = [json.loads(line)["path"] for line in result.stdout.splitlines()]
    assert paths == [str(folder / "b.txt"), str(folder / "nested" / "a.md")]


def test_a_folder_without_documents_or_a_missing_path_is_bad_usage(runner, tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"skillmatch extract: {tmp_path}: the folder holds no .docx, .json, .md, .pdf, .rtf, .txt files.")
    missing = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and missing.stdout == ""
    assert missing.stderr.strip() == (
        f"skillmatch extract: {tmp_path / 'nope.txt'}: No such file or folder.")


def test_table_format(runner, tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("Python and Docker; willing to learn Rust", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    assert "Python" in result.stdout and "Docker" in result.stdout and "not claimed" in result.stdout


def test_kind_says_whose_skills_a_file_names(tmp_path):
    cv = tmp_path / "recruiter.txt"
    cv.write_text("Technical recruiter.\nRecruited Java and Scala engineers for fintech clients.",
                  encoding="utf-8")

    def found(*options: str) -> set[str]:
        result = CliRunner().invoke(app, ["extract", str(cv), "--format", "jsonl", *options])
        assert result.exit_code == 0, result.output
        return {s["id"] for s in json.loads(result.stdout)["skills"] if s["explicit"]}

    assert {"java", "scala"} <= found("--kind", "job")
    assert not {"java", "scala"} & found("--kind", "resume")
    result = CliRunner().invoke(app, ["extract", str(cv), "--kind", "cv"])
    assert result.exit_code == 2 and "--kind" in result.output
