"""``facechain loadtest`` without a server: the report from canned Locust CSVs (summary.json,
rejections apart from failures, windows, the stability rule, plots, report.html, the compare
page), the replica samples, and the command's arguments."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from loadtests import loadtest, report, shapes
from serve.cli import build_parser
from servekit.metrics import DEPLOYMENT_REPLICAS, format_deployment_replicas, running_replicas

STATS_COLUMNS = ["Type", "Name", "Request Count", "Failure Count", "Median Response Time",
                 "Average Response Time", "Min Response Time", "Max Response Time",
                 "Average Content Size", "Requests/s", "Failures/s", "50%", "66%", "75%", "80%",
                 "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%"]
HISTORY_COLUMNS = ["Timestamp", "User Count", "Type", "Name", "Requests/s", "Failures/s", "50%",
                   "66%", "75%", "80%", "90%", "95%", "98%", "99%", "99.9%", "99.99%", "100%",
                   "Total Request Count", "Total Failure Count", "Total Median Response Time",
                   "Total Average Response Time", "Total Min Response Time",
                   "Total Max Response Time", "Total Average Content Size"]
T0 = 1_700_000_000


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, columns, restval="0")
        writer.writeheader()
        writer.writerows(rows)


def _stats(name, count, failures=0, rps=1.0, median=100, p95=200, p99=300, method="POST"):
    return {"Type": method, "Name": name, "Request Count": count, "Failure Count": failures,
            "Median Response Time": median, "Requests/s": rps, "50%": median, "95%": p95, "99%": p99}


def _hist(t, name, total, failures=0, p50=100, p95=200, p99=300, users=2, rps=5.0, method="POST"):
    return {"Timestamp": T0 + t, "User Count": users, "Type": method, "Name": name,
            "Requests/s": rps, "Failures/s": 0, "50%": p50, "95%": p95, "99%": p99,
            "Total Request Count": total, "Total Failure Count": failures}


@pytest.fixture()
def folder(tmp_path) -> Path:
    """A 40 s run: /v1/generate answers 5 req/s (one failure), 429/503 rejections from 20 s on,
    latency steady; GET /v1/styles with a p95 that jumps at 35 s. Diffusion 1 -> 2 -> 1."""
    _write(tmp_path / "locust_stats.csv", STATS_COLUMNS, [
        _stats("/v1/generate", 201, failures=1, rps=5.0, median=400, p95=900, p99=1200),
        _stats("/v1/generate [503 rejected]", 30, rps=0.75, median=5, p95=9, p99=12),
        _stats("/v1/generate [429 rejected]", 10, rps=0.25, median=3, p95=4, p99=5),
        _stats("/v1/styles", 40, rps=1.0, median=10, p95=20, p99=30, method="GET"),
        {"Type": "", "Name": "Aggregated", "Request Count": 281, "Failure Count": 1, "Requests/s": 7.0},
    ])
    history = []
    for t in range(0, 41):
        history.append({"Timestamp": T0 + t, "User Count": 2, "Type": "", "Name": "Aggregated",
                        "Total Request Count": 0})
        # 5 answered per second (+1 failure at 5 s), p50/p95/p99 steady within 10%
        history.append(_hist(t, "/v1/generate", 5 * t + (1 if t >= 5 else 0), 1 if t >= 5 else 0,
                             p50=400 + (t % 3) * 10, p95=900, p99=1200))
        if t >= 20:  # rejections: 1.5 per second from 20 s (3 x 503 per 2 s, 1 x 429 per 2 s)
            history.append(_hist(t, "/v1/generate [503 rejected]", (t - 20) * 3 // 2, p50=5))
            history.append(_hist(t, "/v1/generate [429 rejected]", (t - 20) // 2, p50=3))
        history.append(_hist(t, "/v1/styles", t, p50=10, p95=20 if t < 35 else 60, p99=30,
                             method="GET", rps=1.0))
    _write(tmp_path / "locust_stats_history.csv", HISTORY_COLUMNS, history)
    _write(tmp_path / "locust_failures.csv", ["Method", "Name", "Error", "Occurrences"],
           [{"Method": "POST", "Name": "/v1/generate", "Error": "500: boom", "Occurrences": 1}])
    _write(tmp_path / "locust_exceptions.csv", ["Count", "Message", "Traceback", "Nodes"], [])
    replicas = []
    for t in range(0, 41, 2):
        running = 2 if 12 <= t < 30 else 1
        replicas.append({"timestamp": T0 + t, "elapsed_s": t, "deployment": "Diffusion",
                         "running": running, "target": 2 if 10 <= t < 28 else 1})
        replicas.append({"timestamp": T0 + t, "elapsed_s": t, "deployment": "Ingress",
                         "running": 1, "target": ""})
    _write(tmp_path / report.REPLICAS_CSV, list(report.REPLICAS_COLUMNS), replicas)
    return tmp_path


def test_summary_separates_rejections_from_failures(folder):
    s = report.build_summary(folder, {"scenario": "generate"})
    assert s["scenario"] == "generate" and s["window_s"] == 10.0
    g = s["routes"]["POST /v1/generate"]
    assert (g["count"], g["failures"], g["rejected"]) == (201, 1, 40)  # 30 x 503 + 10 x 429
    assert g["rejection_rate"] == round(40 / 241, 3)
    assert (g["median_ms"], g["p95_ms"], g["p99_ms"]) == (400, 900, 1200)
    assert s["totals"] == {"requests": 281, "failures": 1, "rejected": 40, "req_per_s": 7.0}
    assert s["failures"] == [{"route": "POST /v1/generate", "error": "500: boom", "occurrences": 1}]
    assert set(s["routes"]) == {"POST /v1/generate", "GET /v1/styles"}  # no "[... rejected]" route


def test_windows_from_the_cumulative_counts(folder):
    s = report.build_summary(folder)
    wins = s["routes"]["POST /v1/generate"]["windows"]
    assert [w["start_s"] for w in wins] == [0, 10, 20, 30]
    assert [w["throughput_rps"] for w in wins] == [5.0, 5.0, 5.0, 5.0]  # answered, failures out
    assert wins[0]["rejection_rate"] == 0.0  # the failure is sent, not rejected
    assert wins[1]["rejection_rate"] == 0.0
    assert wins[2]["rejection_rate"] == round(20 / 70, 4)  # 15 x 503 + 5 x 429 beside 50 answered
    assert [w["p95_ms"] for w in wins] == [900, 900, 900, 900]


def test_stability_rule_per_figure(folder):
    s = report.build_summary(folder)
    g = s["routes"]["POST /v1/generate"]["stability"]
    assert set(g) == set(report.FIGURES)
    assert all(g[f]["stable"] for f in report.FIGURES), g
    styles = s["routes"]["GET /v1/styles"]["stability"]
    assert styles["throughput_rps"]["stable"] and not styles["p95_ms"]["stable"]  # 20, 20, 60
    assert styles["p95_ms"]["last_windows"] == [20, 20, 60]
    assert styles["p95_ms"]["stable_from_s"] == 0  # windows 0-20 s agreed before the jump
    assert s["stable"] is False


@pytest.mark.parametrize("values,stable,first", [
    ([10, 10.5, 9.6], True, 0),
    ([50, 10, 10.9, 9.1], True, 1),
    ([10, 12, 10], False, None),   # 12 is 12.5% above the mean 10.67
    ([10, 11, 10, 14], False, 0),  # stable early, not over the last three
    ([0, 0, 0], True, 0),
    ([10, None, 10, 10], False, None),
    ([10, 10], False, None),       # fewer than three windows
])
def test_stability_rule_on_hand_made_series(values, stable, first):
    result = report.stability(values)
    assert result["stable"] is stable and result["stable_from_s"] == first


def test_replica_timeline_keeps_the_changes(folder):
    r = report.build_summary(folder)["replicas"]
    assert r["Diffusion"]["timeline"] == [[0, 1], [12, 2], [30, 1]]
    assert (r["Diffusion"]["min"], r["Diffusion"]["max"], r["Diffusion"]["target_max"]) == (1, 2, 2)
    assert r["Ingress"]["timeline"] == [[0, 1]] and r["Ingress"]["target_max"] is None


def test_build_report_writes_summary_plots_and_page(folder):
    summary = report.build_report(folder, {"scenario": "generate", "shape": "step"})
    on_disk = json.loads((folder / "summary.json").read_text())
    assert on_disk == json.loads(json.dumps(summary))
    for name in report.PLOTS.values():
        assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", name
    page = (folder / "report.html").read_text()
    assert page.count("data:image/png;base64,") == len(report.PLOTS)
    assert "POST /v1/generate" in page and "[[0.0, 1], [12.0, 2], [30.0, 1]]" in page


def test_compare_puts_two_folders_side_by_side(folder, tmp_path_factory):
    other = tmp_path_factory.mktemp("b")
    for path in folder.glob("*.csv"):
        text = path.read_text()
        if path.name == "locust_stats.csv":  # B answers twice as fast
            text = text.replace("POST,/v1/generate,201,1,400", "POST,/v1/generate,402,1,200")
        (other / path.name).write_text(text)
    report.build_report(folder, {"scenario": "generate"})
    report.build_report(other, {"scenario": "generate"})
    b = json.loads((other / "summary.json").read_text())["routes"]["POST /v1/generate"]
    assert (b["count"], b["median_ms"]) == (402, 200)
    out = report.compare(folder, other, tmp_path_factory.mktemp("cmp"))
    page = out.read_text()
    assert out.name == "compare.html" and str(folder) in page and str(other) in page
    assert ("<td>POST /v1/generate</td><td>p50 ms</td><td>400.000</td><td>200.000</td>"
            "<td>0.50</td>") in page
    assert page.count("data:image/png;base64,") == 2 * len(report.PLOTS)
    assert "1..2" in page  # Diffusion replicas


def test_parse_replicas_reads_ours_and_serves_target():
    text = format_deployment_replicas({"facechain": {"Diffusion": 2, "Ingress": 1}})
    text += ('# TYPE ray_serve_autoscaling_target_replicas gauge\n'
             'ray_serve_autoscaling_target_replicas{application="facechain",deployment="Diffusion"} 2.0\n')
    assert f'{DEPLOYMENT_REPLICAS}{{application="facechain",deployment="Diffusion"}} 2' in text
    assert loadtest.parse_replicas(text) == {"Diffusion": (2, 2), "Ingress": (1, None)}


def test_running_replicas_from_serve_status():
    deps = {"Diffusion": SimpleNamespace(replica_states={"RUNNING": 2, "STARTING": 1}),
            "Ingress": SimpleNamespace(replica_states={"STARTING": 1})}
    status = SimpleNamespace(applications={"facechain": SimpleNamespace(deployments=deps)})
    assert running_replicas(status) == {"facechain": {"Diffusion": 2, "Ingress": 0}}


# --- arguments -------------------------------------------------------------------------------


def _args(*argv):
    return build_parser().parse_args(["loadtest", *argv])


def test_cli_defaults_and_flags():
    a = _args()
    assert (a.host, a.scenario, a.shape, a.users, a.duration, a.compare) == (
        "http://127.0.0.1:8000", "journey", "constant", 4, 60.0, None)
    a = _args("--users", "6", "--spawn-rate", "2", "--duration", "2m30s", "--shape", "step",
              "--host", "http://h:1", "--out", "x", "--scenario", "zipf", "--api-key", "k",
              "--lora-options", '{"steps": 3}', "--lora-ids", "a,b")
    assert (a.users, a.spawn_rate, a.duration, a.shape, a.out, a.api_key) == (6, 2.0, 150.0, "step", "x", "k")
    assert a.lora_options == {"steps": 3} and a.lora_ids == ["a", "b"]
    assert loadtest.step_plan(a) == [(1, 30.0), (6, 60.0), (1, 60.0)]  # up, then back down
    env = loadtest.locust_env(a, ["a", "b"])
    assert env["FACECHAIN_STEPS_PLAN"] == "1:30,6:60,1:60" and env["FACECHAIN_LORA_IDS"] == "a,b"
    assert env["FACECHAIN_API_KEY"] == "k" and env["FACECHAIN_SCENARIO"] == "zipf"
    a = _args("--shape", "step", "--steps", "1:40,6:100,1:100")
    assert loadtest.step_plan(a) == [(1, 40.0), (6, 100.0), (1, 100.0)]
    assert loadtest.planned_seconds(a) == 240.0
    assert _args("--compare", "A", "B").compare == ["A", "B"]


@pytest.mark.parametrize("argv", [
    ["--duration", "soon"], ["--duration", "0s"], ["--users", "0"], ["--shape", "ramp"],
    ["--scenario", "nope"], ["--steps", "1-40"], ["--steps", "2:0"], ["--lora-options", "[1]"],
    ["--compare", "A"],
])
def test_cli_rejects_bad_arguments(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        _args(*argv)
    assert exc.value.code == 2


def test_shapes_helpers():
    assert shapes.parse_duration("90") == 90 and shapes.parse_duration("1h2m3s") == 3723
    stages = shapes.parse_steps("1:10, 3:5")
    assert [shapes.users_at(stages, t) for t in (0, 9.9, 10, 14.9, 15)] == [1, 1, 3, 3, None]
    w = shapes.zipf_weights(3, 1.1)
    assert w[0] > w[1] > w[2] and abs(sum(w) - 1) < 1e-12
    assert w[0] / w[1] == pytest.approx(2**1.1)
    with pytest.raises(ValueError):
        shapes.parse_duration("3x")


def test_open_shape_refuses_the_journey():
    args = _args("--shape", "open", "--scenario", "journey")
    with pytest.raises(SystemExit, match="generate or zipf"):
        args.func(args)
    assert isinstance(args, argparse.Namespace)
