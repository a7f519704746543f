"""The batch journal: durable appends, resume by (path, content hash), torn last lines."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.batch.journal import (
    GroupColumn,
    Journal,
    RunHeader,
    error_record,
    iter_records,
    journal_path_for,
    ok_line,
    read_header,
)
from service.errors import InputError

HEADER = RunHeader(profile="ml-engineer", groups=[GroupColumn(id="languages", name="Languages")])


def _report(score: float) -> str:
    return json.dumps({"score": score, "gaps": [], "breakdown": []})


def test_journal_sits_beside_the_output() -> None:
    assert journal_path_for(Path("out/results.csv")) == Path("out/results.csv.journal.jsonl")


def test_records_round_trip_and_resume_skips_done_pairs(tmp_path: Path) -> None:
    path = tmp_path / "r.csv.journal.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        journal.append_line(ok_line("a.txt", "/a.txt", "h1", _report(71.5)), "/a.txt", "h1")
        journal.append(error_record("b.pdf", "/b.pdf", "h2", "corrupt", "Damaged."))
    assert read_header(path) == HEADER
    records = list(iter_records(path))
    assert [r["path"] for r in records] == ["a.txt", "b.pdf"]
    assert records[0]["report"]["score"] == 71.5
    assert records[1]["error"] == {"code": "corrupt", "message": "Damaged."}
    with Journal(path, HEADER, resume=True) as journal:
        assert journal.is_done("/a.txt", "h1") and journal.is_done("/b.pdf", "h2")
        assert not journal.is_done("/a.txt", "changed-content")


def test_without_resume_the_journal_starts_over(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        journal.append(error_record("b.pdf", "/b.pdf", "h2", "corrupt", "Damaged."))
    with Journal(path, HEADER, resume=False) as journal:
        assert not journal.is_done("/b.pdf", "h2")
    assert list(iter_records(path)) == []


def test_torn_last_line_is_dropped_on_resume(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        journal.append(error_record("b.pdf", "/b.pdf", "h2", "corrupt", "Damaged."))
    with path.open("ab") as fh:
        fh.write(b'{"path": "c.txt", "key": "/c.txt", "sha2')
    assert [r["path"] for r in iter_records(path)] == ["b.pdf"]
    with Journal(path, HEADER, resume=True) as journal:
        assert not journal.is_done("/c.txt", "h3")
        journal.append(error_record("c.txt", "/c.txt", "h3", "empty", "No text."))
    assert [r["path"] for r in iter_records(path)] == ["b.pdf", "c.txt"]
    assert all(json.loads(line) for line in path.read_text().splitlines())


def test_a_changed_file_keeps_only_its_latest_row(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        journal.append(error_record("a.txt", "/a.txt", "old", "empty", "No text."))
        journal.append(error_record("b.txt", "/b.txt", "h", "empty", "No text."))
        journal.append_line(ok_line("a.txt", "/a.txt", "new", _report(50)), "/a.txt", "new")
    records = list(iter_records(path))
    assert [(r["path"], r["sha256"]) for r in records] == [("b.txt", "h"), ("a.txt", "new")]


def test_resume_refuses_a_journal_for_another_profile(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    Journal(path, HEADER, resume=False).close()
    other = RunHeader(profile="data-analyst")
    with pytest.raises(InputError, match="written for profile 'ml-engineer', not 'data-analyst'"):
        Journal(path, other, resume=True)


@settings(max_examples=40, deadline=None)
@given(codes=st.lists(st.sampled_from(["corrupt", "empty", "timeout"]), min_size=1, max_size=8),
       cut=st.floats(min_value=0, max_value=1))
def test_a_journal_cut_anywhere_resumes_to_a_prefix(tmp_path_factory, codes: list[str],
                                                    cut: float) -> None:
    path = tmp_path_factory.mktemp("cut") / "j.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        header_size = path.stat().st_size
        for i, code in enumerate(codes):
            journal.append(error_record(f"f{i}.pdf", f"/f{i}", "h", code, "É → ü"))
    data = path.read_bytes()
    path.write_bytes(data[:header_size + int(cut * (len(data) - header_size))])
    kept = [r["path"] for r in iter_records(path)]
    assert kept == [f"f{i}.pdf" for i in range(len(kept))]
    with Journal(path, HEADER, resume=True) as journal:
        journal.append(error_record("new.pdf", "/new", "h", "empty", "No text."))
    assert [r["path"] for r in iter_records(path)] == kept + ["new.pdf"]
