"""Expanding batch inputs: folders recurse over supported types, explicit files always count."""

from pathlib import Path

import pytest

from service.batch.inputs import expand_inputs
from service.errors import InputError


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in ["a/one.pdf", "a/deep/two.DOCX", "a/three.txt", "a/notes.md", "a/photo.png", "a/cv.rtf",
                "a/.secret.txt", ".hidden/x.txt", "top.txt", "legacy.doc"]:
        (tmp_path / rel).write_bytes(b"x")
    return tmp_path


def test_folder_recurses_over_supported_types_sorted(tree: Path, monkeypatch) -> None:
    monkeypatch.chdir(tree)
    paths = [f.path for f in expand_inputs(["a"])]
    assert paths == ["a/cv.rtf", "a/notes.md", "a/one.pdf", "a/three.txt", "a/deep/two.DOCX"]


def test_explicit_unsupported_file_is_kept_and_duplicates_dropped(tree: Path, monkeypatch) -> None:
    monkeypatch.chdir(tree)
    files = expand_inputs(["legacy.doc", "a/photo.png", "top.txt", "./top.txt", "a"])
    assert [f.path for f in files][:3] == ["legacy.doc", "a/photo.png", "top.txt"]
    assert len({f.key for f in files}) == len(files) == 8
    assert all(Path(f.key).is_absolute() for f in files)


def test_glob_matches_files_and_folders(tree: Path, monkeypatch) -> None:
    monkeypatch.chdir(tree)
    assert [f.path for f in expand_inputs(["a/*.txt"])] == ["a/three.txt"]
    assert [f.path for f in expand_inputs(["**/*.pdf"])] == ["a/one.pdf"]
    assert expand_inputs(["nothing-*.pdf"]) == []


def test_missing_path_is_a_usage_error(tree: Path) -> None:
    with pytest.raises(InputError, match="No such file or folder: .*missing.pdf"):
        expand_inputs([str(tree / "missing.pdf")])
