"""``python bench/run.py --quick`` (the CI smoke run) completes and writes its results; no
timing is asserted. ``bench/load.py`` is checked on a tiny local server."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.common import percentile
from bench.load import Request, multipart, run_load, summarise

AREAS = {"extraction", "pdf", "batch", "api", "memory", "hostile"}


@pytest.mark.slow
def test_quick_run_writes_every_area(tmp_path: Path) -> None:
    out, data = tmp_path / "RESULTS.md", tmp_path / "results.json"
    result = subprocess.run([sys.executable, "bench/run.py", "--quick", "--out", str(out),
                             "--json", str(data)], cwd=REPO, capture_output=True, text=True, check=False,
                            timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    figures = json.loads(data.read_text())["figures"]
    assert {f["area"] for f in figures} == AREAS
    assert all(f["value"] > 0 and (f["baseline"] is None or f["baseline"] > 0) for f in figures)
    text = out.read_text()
    assert "| Area | Figure | Value | Baseline | Ratio | Goal | Met |" in text
    assert "## Machine" in text and "- cores:" in text and "- spacy:" in text


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        status = 200 if b"good" in body else 413
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def test_load_counts_statuses_and_stops_at_its_bound() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        mix = [Request("good", "POST", "/", [b"good"]),
               Request("hostile", "POST", "/", [b"bad"], ok=frozenset({413})),
               Request("wrong", "POST", "/", [b"bad"], weight=0.5)]
        result = run_load("127.0.0.1", server.server_address[1], mix, clients=4,
                          max_requests=120, max_seconds=30)
    finally:
        server.shutdown()
    assert result.total == 120 == sum(s.count for s in result.stats.values())
    assert result.stats["good"].errors == 0 and result.stats["hostile"].errors == 0
    assert result.stats["wrong"].errors == result.stats["wrong"].count > 0
    assert result.stats["hostile"].statuses == {"413": result.stats["hostile"].count}
    assert 0 < result.stats["good"].p50_ms <= result.stats["good"].p99_ms


def test_summarise_pools_runs_of_one_mix() -> None:
    mix = [Request("a", "GET", "/"), Request("b", "GET", "/", ok=frozenset({413}))]
    first = summarise(mix, [("a", 200, 0.010), ("b", 413, 0.001)], 1.0, 2)
    second = summarise(mix, [("a", 200, 0.030), ("a", 500, 0.020), ("b", "TimeoutError", 5.0)],
                       3.0, 2)
    pooled = summarise(mix, first.records + second.records, 4.0, 2)
    assert pooled.total == 5 and "records" not in pooled.to_dict()
    assert pooled.stats["a"].count == 3 and pooled.stats["a"].errors == 1
    assert pooled.stats["a"].statuses == {"200": 2, "500": 1}
    assert pooled.stats["a"].p50_ms == 20 and pooled.stats["a"].p99_ms == 30
    assert pooled.stats["a"].rps == 0.75
    assert pooled.stats["b"].errors == 1 and pooled.stats["b"].max_ms == 5000


def test_load_refuses_other_hosts() -> None:
    with pytest.raises(ValueError, match="loopback"):
        run_load("192.0.2.1", 80, [Request("x", "GET", "/")], max_requests=1)


def test_multipart_shares_a_boundary() -> None:
    body, content_type = multipart({"label": "a"}, {"file": ("r.pdf", b"%PDF-1.4", "application/pdf")},
                                   boundary="b0")
    assert content_type == "multipart/form-data; boundary=b0"
    assert body.startswith(b'--b0\r\nContent-Disposition: form-data; name="label"\r\n\r\na\r\n')
    assert body.endswith(b"%PDF-1.4\r\n--b0--\r\n")


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 99), percentile(values, 100)) == (50, 99, 100)
    assert percentile([], 99) == 0.0


# --- bench/robustness.py: the same documents laid out differently ------------------------------

RESUME = (
    "Experience\n"
    "- Trained gradient-boosted classifiers in Python and served them behind a REST API on "
    "Google Cloud Platform, with dashboards in Tableau for the operations team.\n"
    "Skills: Python, SQL, Docker\n"
)


def test_layouts_change_only_whitespace_and_markup() -> None:
    from bench.robustness import LAYOUTS

    words = RESUME.split()
    for name, layout in LAYOUTS.items():
        relaid = layout(RESUME)
        if name == "markdown":
            relaid = relaid.replace("## ", "").replace("**", "")
        if name == "bullets":
            relaid = relaid.replace("•", "-")
        if name == "upper":
            relaid = relaid.replace("EXPERIENCE", "Experience")
        assert relaid.split() == words, name
    assert max(map(len, LAYOUTS["wrap"](RESUME).splitlines())) <= 72
    assert "\n" not in LAYOUTS["flat"](RESUME)


def test_robustness_scores_every_layout_of_a_gold_file(tmp_path: Path) -> None:
    from bench.robustness import measure

    (tmp_path / "a.txt").write_text(RESUME, encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(
        {"doc": "a.txt", "kind": "resume",
         "skills": ["Python", "SQL", "Docker", "Google Cloud", "Tableau"]}) + "\n")
    results = measure(tmp_path / "gold.jsonl", "both", ["original", "wrap", "flat"])
    assert set(results) == {"original", "wrap", "flat"}
    for kinds in results.values():
        assert kinds["resume"]["documents"] == 1
        assert kinds["resume"]["recall"] == 1.0
