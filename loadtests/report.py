"""The report of one load test, from Locust's CSVs and the replica samples: summary.json, PNG
plots, report.html; and the page comparing two report folders (compare.html).

Inputs in the report folder (``facechain loadtest --out DIR`` writes them):

- ``locust_stats.csv``, ``locust_failures.csv``, ``locust_exceptions.csv`` (Locust ``--csv``);
- ``locust_stats_history.csv`` (``--csv-full-history``: one row per request name and second,
  with the cumulative counts and Locust's *current* percentiles, those of its last 10 s);
- ``replicas.csv`` (``timestamp, elapsed_s, deployment, running, target``: RUNNING replicas from
  the app's ``facechain_deployment_replicas`` and Serve's ``ray_serve_autoscaling_target_replicas``,
  sampled from ``GET /metrics`` every second).

A 429/503 row (``<name> [503 rejected]``) folds into its route as rejections, never failures.

Windows and the stability rule. The run is cut into windows of ``window_s`` (10 s, Locust's
current-percentile window, so a window's p50/p95/p99 are Locust's percentiles of exactly those
seconds): per window, the throughput (answered requests/s, from the cumulative counts), the
p50/p95/p99 at the window's end and the rejection rate. A figure is *stable* when its last three
complete windows each lie within 10% of their mean (Triton perf_analyzer's rule:
``--stability-percentage 10`` over 3 measurements); ``stable_from_s`` is where the first such
run of three windows starts (None: never).
"""

from __future__ import annotations

import base64
import csv
import html
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

try:  # a package (facechain loadtest, tests) or a script folder (loadtests/ on sys.path)
    from .summary import AGGREGATED, route_key, summarize
except ImportError:  # pragma: no cover
    from summary import AGGREGATED, route_key, summarize

PREFIX = "locust"
WINDOW_S = 10.0
STABILITY_TOLERANCE = 0.10
STABILITY_WINDOWS = 3
FIGURES = ("throughput_rps", "p50_ms", "p95_ms", "p99_ms")
PLOTS = {"throughput": "throughput.png", "latency": "latency.png",
         "rejection_rate": "rejection_rate.png", "replicas": "replicas.png"}
REPLICAS_CSV = "replicas.csv"
REPLICAS_COLUMNS = ("timestamp", "elapsed_s", "deployment", "running", "target")


def _number(value: Any) -> float | None:
    try:
        return None if value in (None, "", "N/A") else float(value)
    except (TypeError, ValueError):
        return None


def _read(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


# --- time series -----------------------------------------------------------------------------


def route_series(history: Iterable[dict[str, str]]) -> tuple[dict[str, list[dict]], list[tuple[float, int]]]:
    """Per route, one point per history timestamp: ``t`` (unix s), cumulative ``answered``,
    ``failed``, ``rejected``, Locust's current ``rps`` / ``rejected_rps`` and ``p50``/``p95``/``p99``
    (ms, None without requests in its window); plus the (t, user count) series."""
    points: dict[str, dict[float, dict]] = defaultdict(dict)
    users: dict[float, int] = {}
    for row in history:
        t = _number(row.get("Timestamp"))
        if t is None:
            continue
        if row.get("Name") == AGGREGATED:
            users[t] = int(_number(row.get("User Count")) or 0)
            continue
        key, rejected = route_key(row.get("Type", ""), row.get("Name", ""))
        point = points[key].setdefault(t, {"t": t, "answered": 0, "failed": 0, "rejected": 0,
                                           "rps": 0.0, "rejected_rps": 0.0,
                                           "p50": None, "p95": None, "p99": None})
        count = int(_number(row.get("Total Request Count")) or 0)
        failed = int(_number(row.get("Total Failure Count")) or 0)
        rps = _number(row.get("Requests/s")) or 0.0
        if rejected:
            point["rejected"] += count - failed
            point["failed"] += failed
            point["rejected_rps"] += rps
        else:
            point["answered"] += count - failed
            point["failed"] += failed
            point["rps"] += rps - (_number(row.get("Failures/s")) or 0.0)
            for q in ("50", "95", "99"):
                point[f"p{q}"] = _number(row.get(f"{q}%"))
    series = {}
    for key, by_t in points.items():
        rows = [by_t[t] for t in sorted(by_t)]
        # a route absent at some timestamps keeps its last cumulative counts
        series[key] = rows
    return dict(sorted(series.items())), sorted(users.items())


def _at(rows: Sequence[dict], t: float, field: str) -> float:
    """The cumulative ``field`` of the last point at or before ``t`` (0 before the first)."""
    value = 0.0
    for row in rows:
        if row["t"] > t:
            break
        value = row[field]
    return value


def _last_point(rows: Sequence[dict], t: float) -> dict | None:
    found = None
    for row in rows:
        if row["t"] > t:
            break
        found = row
    return found


def windows(rows: Sequence[dict], start: float, end: float, window_s: float = WINDOW_S) -> list[dict]:
    """The complete windows of ``window_s`` from ``start`` to ``end`` (unix s) of one route."""
    out = []
    n = int((end - start) // window_s)
    for k in range(n):
        a, b = start + k * window_s, start + (k + 1) * window_s
        answered = _at(rows, b, "answered") - _at(rows, a, "answered")
        rejected = _at(rows, b, "rejected") - _at(rows, a, "rejected")
        failed = _at(rows, b, "failed") - _at(rows, a, "failed")
        sent = answered + rejected + failed
        last = _last_point(rows, b) if answered else None
        out.append({"start_s": round(a - start, 3), "throughput_rps": round(answered / window_s, 4),
                    "p50_ms": last and last["p50"], "p95_ms": last and last["p95"],
                    "p99_ms": last and last["p99"],
                    "rejection_rate": round(rejected / sent, 4) if sent else 0.0})
    return out


def within(values: Sequence[float], tolerance: float = STABILITY_TOLERANCE) -> bool:
    """Every value within ``tolerance`` of their mean (all zero counts as within)."""
    mean = sum(values) / len(values)
    if mean == 0:
        return all(v == 0 for v in values)
    return all(abs(v - mean) <= tolerance * abs(mean) for v in values)


def stability(values: Sequence[float | None], starts: Sequence[float] | None = None, *,
              n: int = STABILITY_WINDOWS, tolerance: float = STABILITY_TOLERANCE) -> dict:
    """The stability rule on one figure's window values (None: no answered request there)."""
    starts = list(starts) if starts is not None else list(range(len(values)))
    last = list(values[-n:])
    complete = len(last) == n and all(v is not None for v in last)
    stable = complete and within(last, tolerance)
    first = None
    for i in range(len(values) - n + 1):
        run = values[i:i + n]
        if all(v is not None for v in run) and within(run, tolerance):
            first = starts[i]
            break
    spread = None
    if complete and sum(last) / n:
        mean = sum(last) / n
        spread = round((max(last) - min(last)) / abs(mean), 4)
    return {"stable": bool(stable), "last_windows": last, "spread": spread, "stable_from_s": first}


# --- replicas ----------------------------------------------------------------------------------


def replica_timelines(rows: Iterable[dict[str, str]]) -> dict[str, dict]:
    """Per deployment: min/max RUNNING replicas, max target, and the timeline of changes
    ``[[elapsed_s, running], ...]`` (the first sample and every change)."""
    out: dict[str, dict] = {}
    for row in rows:
        name = row["deployment"]
        elapsed = _number(row["elapsed_s"])
        running = _number(row["running"])
        target = _number(row.get("target"))
        if elapsed is None or running is None:
            continue
        entry = out.setdefault(name, {"min": int(running), "max": int(running), "target_max": None,
                                      "timeline": [], "samples": 0})
        entry["samples"] += 1
        entry["min"], entry["max"] = min(entry["min"], int(running)), max(entry["max"], int(running))
        if target is not None:
            entry["target_max"] = max(entry["target_max"] or 0, int(target))
        if not entry["timeline"] or entry["timeline"][-1][1] != int(running):
            entry["timeline"].append([round(elapsed, 1), int(running)])
    return dict(sorted(out.items()))


# --- the report --------------------------------------------------------------------------------


def build_summary(folder: Path, meta: dict | None = None, window_s: float = WINDOW_S) -> dict:
    """summary.json's content for one report folder."""
    folder = Path(folder)
    stats = _read(folder / f"{PREFIX}_stats.csv")
    history = _read(folder / f"{PREFIX}_stats_history.csv")
    summary = summarize(stats, _read(folder / f"{PREFIX}_failures.csv"))
    series, users = route_series(history)
    stamps = [t for t, _ in users] or [p["t"] for rows in series.values() for p in rows]
    start, end = (min(stamps), max(stamps)) if stamps else (0.0, 0.0)
    all_stable = True
    for key, entry in summary["routes"].items():
        wins = windows(series.get(key, []), start, end, window_s)
        entry["windows"] = wins
        starts = [w["start_s"] for w in wins]
        entry["stability"] = {f: stability([w[f] for w in wins], starts) for f in FIGURES}
        all_stable &= all(s["stable"] for s in entry["stability"].values())
    replicas = replica_timelines(_read(folder / REPLICAS_CSV))
    return {**(meta or {}), "window_s": window_s,
            "stability_rule": f"the last {STABILITY_WINDOWS} complete {window_s:g} s windows each "
                              f"within {STABILITY_TOLERANCE:.0%} of their mean (perf_analyzer's rule)",
            "measured_s": round(end - start, 1), **summary,
            "exceptions": len(_read(folder / f"{PREFIX}_exceptions.csv")),
            "stable": bool(summary["routes"]) and all_stable,
            "replicas": replicas, "plots": dict(PLOTS)}


def plot(folder: Path) -> dict[str, Path]:
    """The four PNGs of one report folder, from its CSVs (Agg backend)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    folder = Path(folder)
    series, users = route_series(_read(folder / f"{PREFIX}_stats_history.csv"))
    t0 = users[0][0] if users else min((r[0]["t"] for r in series.values() if r), default=0.0)
    paths = {}

    fig, ax = plt.subplots(figsize=(9, 4))
    for i, (key, rows) in enumerate(series.items()):
        color = f"C{i % 10}"
        ts = [r["t"] - t0 for r in rows]
        ax.plot(ts, [r["rps"] for r in rows], color=color, label=f"{key} answered")
        if any(r["rejected_rps"] for r in rows):
            ax.plot(ts, [r["rejected_rps"] for r in rows], color=color, ls="--", label=f"{key} rejected")
    ax.set(xlabel="s", ylabel="requests/s", title="Throughput per route (Locust's current rate)")
    _finish(fig, ax, folder / PLOTS["throughput"], paths, "throughput")

    n = max(1, len(series))
    fig, axes = plt.subplots(n, 1, figsize=(9, 2.6 * n), squeeze=False, sharex=True)
    for ax, (key, rows) in zip(axes[:, 0], series.items()):
        ts = [r["t"] - t0 for r in rows]
        for q, ls in (("p50", "-"), ("p95", "--"), ("p99", ":")):
            ax.plot(ts, [math.nan if r[q] is None else r[q] for r in rows], ls=ls, label=q)
        ax.set(ylabel="ms", title=f"{key} latency (Locust's last 10 s)")
    axes[-1, 0].set_xlabel("s")
    _finish(fig, axes[0, 0], folder / PLOTS["latency"], paths, "latency")

    fig, ax = plt.subplots(figsize=(9, 4))
    for key, rows in series.items():
        rates = []
        for r in rows:
            sent = r["rps"] + r["rejected_rps"]
            rates.append(r["rejected_rps"] / sent if sent > 0 else math.nan)
        ax.plot([r["t"] - t0 for r in rows], rates, label=key)
    ax.set(xlabel="s", ylabel="rejected / sent", ylim=(-0.02, 1.02),
           title="Rejection rate per route (429 + 503)")
    _finish(fig, ax, folder / PLOTS["rejection_rate"], paths, "rejection_rate")

    fig, ax = plt.subplots(figsize=(9, 4))
    per_dep: dict[str, list[tuple[float, float, float | None]]] = defaultdict(list)
    for row in _read(folder / REPLICAS_CSV):
        ts, running = _number(row["timestamp"]), _number(row["running"])
        if ts is not None and running is not None:
            per_dep[row["deployment"]].append((ts - t0, running, _number(row.get("target"))))
    # the deployments that changed, else all (a flat line each)
    changing = [d for d, v in per_dep.items() if len({r for _, r, _ in v}) > 1 or d == "Diffusion"]
    changing = changing or sorted(per_dep)
    for i, dep in enumerate(sorted(changing)):
        values = per_dep[dep]
        color = f"C{i % 10}"
        ax.step([v[0] for v in values], [v[1] for v in values], where="post", color=color,
                label=f"{dep} running")
        if any(v[2] is not None for v in values):
            ax.step([v[0] for v in values], [math.nan if v[2] is None else v[2] for v in values],
                    where="post", color=color, ls=":", label=f"{dep} target")
    if users:
        twin = ax.twinx()
        twin.step([t - t0 for t, _ in users], [u for _, u in users], where="post", color="grey",
                  alpha=0.5, label="users")
        twin.set_ylabel("Locust users")
    top = max((max(v[1], v[2] or 0) for d in changing for v in per_dep[d]), default=1)
    ax.set(xlabel="s", ylabel="replicas", ylim=(0, top + 0.5),
           title="Replicas over time (GET /metrics, sampled about once a second)")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if not per_dep:
        ax.text(0.5, 0.5, "no replica samples", transform=ax.transAxes, ha="center")
    _finish(fig, ax, folder / PLOTS["replicas"], paths, "replicas")
    return paths


def _finish(fig, ax, path: Path, paths: dict, key: str) -> None:
    import matplotlib.pyplot as plt

    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=7, loc="best")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    paths[key] = path


def _img(path: Path) -> str:
    if not path.is_file():
        return "<p>(missing)</p>"
    data = base64.b64encode(path.read_bytes()).decode()
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(path.name)}" style="max-width:100%">'


def _fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return html.escape(str(value))


STYLE = ("<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
         "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#eee}"
         "td:first-child{text-align:left}.no{color:#b00}.yes{color:#070}</style>")


def _stable_cell(entry: dict, figure: str) -> str:
    s = entry.get("stability", {}).get(figure, {})
    flag = "yes" if s.get("stable") else "no"
    return f'<span class="{flag}">{flag}</span>'


def _route_table(summary: dict) -> str:
    head = ("<tr><th>route</th><th>answered</th><th>failures</th><th>rejected</th>"
            "<th>rejection rate</th><th>req/s</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>"
            "<th>stable: throughput / p50 / p95 / p99</th></tr>")
    rows = []
    for route, e in summary["routes"].items():
        flags = " / ".join(_stable_cell(e, f) for f in FIGURES)
        rows.append(f"<tr><td>{html.escape(route)}</td><td>{e['count']}</td><td>{e['failures']}</td>"
                    f"<td>{e['rejected']}</td><td>{_fmt(e['rejection_rate'], 3)}</td>"
                    f"<td>{_fmt(e['req_per_s'], 3)}</td><td>{_fmt(e['median_ms'], 0)}</td>"
                    f"<td>{_fmt(e['p95_ms'], 0)}</td><td>{_fmt(e.get('p99_ms'), 0)}</td><td>{flags}</td></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def _replica_table(summary: dict) -> str:
    rows = [f"<tr><td>{html.escape(d)}</td><td>{r['min']}</td><td>{r['max']}</td>"
            f"<td>{_fmt(r['target_max'])}</td><td>{html.escape(json.dumps(r['timeline']))}</td></tr>"
            for d, r in summary.get("replicas", {}).items() if r["max"] != r["min"] or d == "Diffusion"]
    if not rows:
        return "<p>No replica samples, or no deployment changed.</p>"
    return ("<table><tr><th>deployment</th><th>min</th><th>max</th><th>max target</th>"
            "<th>timeline [s, running]</th></tr>" + "".join(rows) + "</table>")


def _params(summary: dict) -> str:
    keys = ("scenario", "shape", "host", "users", "spawn_rate", "duration_s", "steps", "rate",
            "loras", "measured_s", "started_at")
    return "<p>" + ", ".join(f"<b>{k}</b> {html.escape(json.dumps(summary[k]))}"
                             for k in keys if summary.get(k) is not None) + "</p>"


def write_html(folder: Path, summary: dict) -> Path:
    """report.html: parameters, the route table, replica changes, the plots (embedded)."""
    folder = Path(folder)
    t = summary["totals"]
    failures = "".join(f"<li>x{f['occurrences']} {html.escape(f['route'])}: {html.escape(f['error'][:300])}</li>"
                       for f in summary["failures"])
    plots = "".join(f"<h3>{html.escape(k.replace('_', ' '))}</h3>{_img(folder / name)}"
                    for k, name in PLOTS.items())
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>FaceChain load test</title>{STYLE}"
            f"</head><body><h1>FaceChain Serve load test</h1>{_params(summary)}"
            f"<p>{t['requests']} requests: {t['failures']} failures, {t['rejected']} rejected "
            f"(429/503), {_fmt(t['req_per_s'], 3)} req/s. Stability: {html.escape(summary['stability_rule'])}: "
            f"<b>{'all figures stable' if summary['stable'] else 'not all figures stable'}</b>.</p>"
            f"{_route_table(summary)}<h2>Replicas</h2>{_replica_table(summary)}"
            f"{'<h2>Failures</h2><ul>' + failures + '</ul>' if failures else ''}"
            f"<h2>Plots</h2>{plots}<p><a href='locust.html'>Locust's own report</a></p></body></html>")
    path = folder / "report.html"
    path.write_text(page)
    return path


def build_report(folder: Path, meta: dict | None = None, window_s: float = WINDOW_S) -> dict:
    """summary.json, the PNGs and report.html in ``folder``; returns the summary."""
    folder = Path(folder)
    summary = build_summary(folder, meta, window_s)
    plot(folder)
    (folder / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    write_html(folder, summary)
    return summary


# --- two folders side by side --------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if a in (None, 0) or b is None else f"{b / a:.2f}"


def compare(a: Path, b: Path, out: Path) -> Path:
    """compare.html in ``out``: A and B's figures per route (B/A ratios), replicas, and their plots
    side by side. Each folder must hold a summary.json."""
    a, b, out = Path(a), Path(b), Path(out)
    sa, sb = (json.loads((p / "summary.json").read_text()) for p in (a, b))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for route in sorted(set(sa["routes"]) | set(sb["routes"])):
        ea, eb = sa["routes"].get(route, {}), sb["routes"].get(route, {})
        for label, field in (("req/s", "req_per_s"), ("p50 ms", "median_ms"), ("p95 ms", "p95_ms"),
                             ("p99 ms", "p99_ms"), ("rejection rate", "rejection_rate"),
                             ("failures", "failures")):
            va, vb = ea.get(field), eb.get(field)
            rows.append(f"<tr><td>{html.escape(route)}</td><td>{label}</td><td>{_fmt(va, 3)}</td>"
                        f"<td>{_fmt(vb, 3)}</td><td>{_ratio(va, vb)}</td></tr>")
    for dep in sorted(set(sa.get("replicas", {})) | set(sb.get("replicas", {}))):
        ra, rb = sa.get("replicas", {}).get(dep), sb.get("replicas", {}).get(dep)
        if (ra or rb) and (dep == "Diffusion" or (ra and ra["min"] != ra["max"]) or (rb and rb["min"] != rb["max"])):
            span_a = f"{ra['min']}..{ra['max']}" if ra else "-"
            span_b = f"{rb['min']}..{rb['max']}" if rb else "-"
            rows.append(f"<tr><td>{html.escape(dep)}</td><td>replicas min..max</td>"
                        f"<td>{span_a}</td><td>{span_b}</td><td></td></tr>")
    table = ("<table><tr><th>route</th><th>figure</th><th>A</th><th>B</th><th>B/A</th></tr>"
             + "".join(rows) + "</table>")
    plots = "".join(f"<h3>{html.escape(k.replace('_', ' '))}</h3><table><tr><td>{_img(a / name)}</td>"
                    f"<td>{_img(b / name)}</td></tr></table>" for k, name in PLOTS.items())
    page = (f"<!doctype html><html><head><meta charset='utf-8'><title>FaceChain load tests compared</title>"
            f"{STYLE}</head><body><h1>Load tests compared</h1>"
            f"<p><b>A</b> {html.escape(str(a))}</p>{_params(sa)}<p><b>B</b> {html.escape(str(b))}</p>"
            f"{_params(sb)}{table}<h2>Plots (A left, B right)</h2>{plots}</body></html>")
    path = out / "compare.html"
    path.write_text(page)
    return path
