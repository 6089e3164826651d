"""``facechain loadtest`` against a live local app (test_http's module fixture: the real graph on
the tiny profile): a short generate run writes the whole report folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_http import server  # noqa: F401 - the live app fixture

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
FILES = ("summary.json", "report.html", "locust.html", "replicas.csv", "locust_stats.csv",
         "locust_stats_history.csv", "locust_failures.csv", "locust_exceptions.csv",
         "throughput.png", "latency.png", "rejection_rate.png", "replicas.png")


def test_a_short_generate_run_writes_the_report(server, tmp_path):  # noqa: F811
    client, _ = server
    out = tmp_path / "tmp"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FACECHAIN_ROOT": str(ROOT),
           "FACECHAIN_STEPS": "3", "FACECHAIN_NUM_IMAGES": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "serve.cli", "loadtest", "--host", str(client.base_url),
         "--duration", "20s", "--users", "2", "--shape", "constant", "--scenario", "generate",
         "--out", str(out), "--lora-options", '{"steps": 3}'],
        capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-4000:]
    for name in FILES:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["scenario"], summary["shape"], summary["users"]) == ("generate", "constant", 2)
    generate = summary["routes"]["POST /v1/generate"]
    assert generate["count"] > 0 and generate["failures"] == 0, generate
    assert set(generate["stability"]) == {"throughput_rps", "p50_ms", "p95_ms", "p99_ms"}
    assert summary["replicas"]["Diffusion"]["min"] >= 1  # sampled from GET /metrics
    assert summary["replica_samples"] > 0
    assert "data:image/png;base64," in (out / "report.html").read_text()
