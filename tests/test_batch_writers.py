"""Batch outputs rendered from the journal: CSV (formula-safe), JSONL, and the coach's HTML."""

import csv
import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from batch_fakes import fake_report
from hypothesis import given
from hypothesis import strategies as st

from service.batch.journal import GroupColumn, Journal, RunHeader, error_record, ok_line
from service.batch.writers import CSV_COLUMNS, escape_cell, render_outputs

HEADER = RunHeader(profile="toy", groups=[GroupColumn(id="languages", name="Programming languages"),
                                          GroupColumn(id="ml", name="Machine learning")])
RESUMES = {
    "alice.txt": "Skills: Python, SQL, PyTorch, statistics, Docker",
    "bob.txt": "Skills: Python and SQL",
    "=HYPERLINK(evil).txt": "Skills: Python, PyTorch",
    "<script>alert(1)</script>.txt": "Skills: docker",
}


def _journal(tmp_path: Path) -> Path:
    path = tmp_path / "results.csv.journal.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        for i, (name, text) in enumerate(RESUMES.items()):
            journal.append_line(ok_line(name, f"/{i}", f"h{i}", fake_report(text).model_dump_json()),
                                f"/{i}", f"h{i}")
        journal.append(error_record("broken.pdf", "/x", "hx", "corrupt", "The file is damaged."))
        journal.append(error_record("+cmd.doc", "/y", "hy", "unsupported_format", "-not supported"))
    return path


def test_csv_has_the_columns_one_row_per_file_and_escapes_formulas(tmp_path: Path) -> None:
    counts = render_outputs(_journal(tmp_path), [tmp_path / "results.csv"])
    assert counts == Counter({"ok": 4, "corrupt": 1, "unsupported_format": 1})
    with (tmp_path / "results.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == CSV_COLUMNS + ["Programming languages", "Machine learning"]
    assert [r["path"] for r in rows] == ["alice.txt", "bob.txt", "'=HYPERLINK(evil).txt",
                                         "<script>alert(1)</script>.txt", "broken.pdf", "'+cmd.doc"]
    alice, bob = rows[0], rows[1]
    assert (alice["status"], alice["score"], alice["top_gaps"]) == ("ok", "100.0", "")
    assert (bob["score"], bob["top_gaps"]) == ("40.0", "Pytorch; Statistics; Docker")
    assert (bob["Programming languages"], bob["Machine learning"]) == ("40.0", "0.0")
    assert rows[4]["status"] == "error" and rows[4]["error_code"] == "corrupt"
    assert rows[4]["score"] == "" and rows[4]["Machine learning"] == ""
    assert rows[5]["error_message"] == "'-not supported"


@given(st.text(max_size=30))
def test_escaped_cells_never_start_a_formula(text: str) -> None:
    cell = escape_cell(text)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert cell == text or cell == "'" + text


def test_jsonl_has_reports_and_errors(tmp_path: Path) -> None:
    render_outputs(_journal(tmp_path), [tmp_path / "results.jsonl"])
    lines = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert len(lines) == 6
    assert set(lines[0]) == {"path", "report"} and lines[0]["report"]["score"] == 100.0
    assert lines[0]["report"]["breakdown"][0]["name"] == "Programming languages"
    assert lines[4] == {"path": "broken.pdf",
                        "error": {"code": "corrupt", "message": "The file is damaged."}}


class _Collector(HTMLParser):
    """Collects text, checks tags are balanced, and notes any script element."""

    VOID = {"meta", "br", "img", "hr", "input", "link"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.scripts = 0
        self.ids: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.add(attrs["href"][1:])
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1:]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_valid_and_has_every_candidate_and_the_cohort_gaps(tmp_path: Path) -> None:
    render_outputs(_journal(tmp_path), [tmp_path / "report.html"])
    html = (tmp_path / "report.html").read_text()
    parser = _Collector()
    parser.feed(html)
    parser.close()
    assert parser.stack == [] and parser.scripts == 0
    assert html.lstrip().startswith("<!DOCTYPE html>") and "<style>" in html
    text = " ".join(parser.text)
    for name in RESUMES:
        assert text.count(name) >= 2, name  # in the ranking and in its own section
    assert "broken.pdf" in text and "The file is damaged." in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.txt" in html
    assert parser.links <= parser.ids and len(parser.links - {"ranking"}) == 4
    gaps = html[html.index('id="gaps"'):html.index('id="errors"')]
    for label in ["Statistics", "Sql", "Pytorch", "Docker"]:
        assert label in gaps
    start = html.index("bob.txt</h3>")
    bob = html[start:html.index("</section>", start)]
    assert "Next step: Learn Pytorch." in bob and "&ldquo;Skills: Python and SQL&rdquo;" in bob
    ranking = html[html.index('id="ranking"'):html.index('id="distribution"')]
    assert ranking.index("alice.txt") < ranking.index("=HYPERLINK") < ranking.index("bob.txt")


def test_outputs_render_from_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    Journal(path, HEADER, resume=False).close()
    counts = render_outputs(path, [tmp_path / "r.csv", tmp_path / "r.html", tmp_path / "r.jsonl"])
    assert counts == Counter()
    assert (tmp_path / "r.csv").read_text().startswith("path,status,score")
    assert "No file could be scored." in (tmp_path / "r.html").read_text()


def test_cohort_gaps_count_only_unmet_items(tmp_path: Path) -> None:
    from service.batch.report_html import _summarise

    report = fake_report("python sql pytorch statistics").model_dump()
    report["gaps"].append({"id": "python", "label": "Python", "importance": "required",
                           "gain": 0.1, "next_step": "Use it more."})  # nearly met: not a gap
    report["matched"][0]["credit"] = 0.9
    path = tmp_path / "j.jsonl"
    with Journal(path, HEADER, resume=False) as journal:
        journal.append({"path": "a.txt", "key": "/a", "sha256": "h", "status": "ok",
                        "report": report})
        journal.append_line(ok_line("b.txt", "/b", "h", fake_report("sql").model_dump_json()),
                            "/b", "h")
    _, _, _, cohort = _summarise(path)
    assert {(g.label, g.count) for g in cohort} == {
        ("Docker", 2), ("Python", 1), ("Pytorch", 1), ("Statistics", 1)}


def test_rows_follow_the_input_order_whatever_order_files_finished_in(tmp_path: Path) -> None:
    path = tmp_path / "r.csv.journal.jsonl"
    finished = [("c.txt", "Skills: SQL"), ("a.txt", "Skills: Python"), ("x.txt", "Skills: Docker")]
    with Journal(path, HEADER, resume=False) as journal:
        for name, text in finished:
            journal.append_line(ok_line(name, f"/{name}", "h", fake_report(text).model_dump_json()),
                                f"/{name}", "h")
        journal.append(error_record("b.pdf", "/b.pdf", "hb", "corrupt", "The file is damaged."))
        journal.append(error_record("a.pdf", "/a.pdf", "ha", "corrupt", "The file is damaged."))
    order = ["/a.txt", "/a.pdf", "/b.pdf", "/c.txt"]  # x.txt is from an earlier run: last
    render_outputs(path, [tmp_path / "r.csv", tmp_path / "r.jsonl", tmp_path / "r.html"], order)
    expected = ["a.txt", "a.pdf", "b.pdf", "c.txt", "x.txt"]
    with (tmp_path / "r.csv").open(newline="") as fh:
        assert [row["path"] for row in csv.DictReader(fh)] == expected
    lines = (tmp_path / "r.jsonl").read_text().splitlines()
    assert [json.loads(line)["path"] for line in lines] == expected
    html = (tmp_path / "r.html").read_text()
    errors = html[html.index('id="errors"'):html.index('id="candidates"')]
    assert errors.index("a.pdf") < errors.index("b.pdf")
    render_outputs(path, [tmp_path / "done.csv"])  # no order: completion order, as journaled
    with (tmp_path / "done.csv").open(newline="") as fh:
        assert [row["path"] for row in csv.DictReader(fh)] == ["c.txt", "a.txt", "x.txt",
                                                                 "b.pdf", "a.pdf"]
