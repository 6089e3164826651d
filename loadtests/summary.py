"""A short summary of a Locust run from its CSVs, as text and as JSON.

Reads ``<prefix>_stats.csv`` and ``<prefix>_failures.csv`` (``locust --csv <prefix>``). The
locustfile reports a 429 or 503 (quota, backpressure) as a success under the request name plus
``" [429 rejected]"`` / ``" [503 rejected]"``; here those rows fold back into their route as
``rejected``, so each route
has one line: requests answered (count), real failures, rejections, latency median/p95 of the
answered requests, and req/s.

    .venv/bin/python loadtests/summary.py [--csv-prefix out/loadtest/locust] [--json FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

REJECTED = re.compile(r" \[(429|503) rejected\]$")  # as loadtests/locustfile.py names them
AGGREGATED = "Aggregated"


def _number(value: str | None) -> float | None:
    """A CSV cell as a number; None for "N/A" or empty."""
    try:
        return float(value) if value not in (None, "", "N/A") else None
    except ValueError:
        return None


def _int(value: str | None) -> int:
    return int(_number(value) or 0)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def route_key(method: str, name: str) -> tuple[str, bool]:
    """``("POST", "/v1/generate [503 rejected]")`` -> ``("POST /v1/generate", True)``."""
    match = REJECTED.search(name)
    base = name[: match.start()] if match else name
    return f"{method} {base}".strip(), match is not None


def summarize(stats_rows: list[dict[str, str]], failure_rows: list[dict[str, str]] | None = None) -> dict:
    """Per route (``METHOD name``): count, failures, rejected, rejection_rate, median_ms, p95_ms,
    p99_ms, req_per_s; plus totals and the failure messages."""
    routes: dict[str, dict] = {}
    total = None
    for row in stats_rows:
        name = row["Name"]
        if name == AGGREGATED:
            total = row
            continue
        key, rejected = route_key(row["Type"], name)
        entry = routes.setdefault(key, {"count": 0, "failures": 0, "rejected": 0, "median_ms": None,
                                        "p95_ms": None, "p99_ms": None, "req_per_s": 0.0, "rejected_per_s": 0.0})
        if rejected:
            entry["rejected"] += _int(row["Request Count"]) - _int(row["Failure Count"])
            entry["failures"] += _int(row["Failure Count"])
            entry["rejected_per_s"] += _number(row["Requests/s"]) or 0.0
        else:
            entry["count"] += _int(row["Request Count"])
            entry["failures"] += _int(row["Failure Count"])
            entry["median_ms"] = _number(row["Median Response Time"])
            entry["p95_ms"] = _number(row.get("95%"))
            entry["p99_ms"] = _number(row.get("99%"))
            entry["req_per_s"] += _number(row["Requests/s"]) or 0.0
    for entry in routes.values():
        sent = entry["count"] + entry["rejected"]
        entry["rejection_rate"] = round(entry["rejected"] / sent, 3) if sent else 0.0
        entry["req_per_s"] = round(entry["req_per_s"], 3)
        entry["rejected_per_s"] = round(entry["rejected_per_s"], 3)
    failures = [{"route": f"{r['Method']} {r['Name']}".strip(), "error": r["Error"],
                 "occurrences": _int(r["Occurrences"])} for r in failure_rows or []]
    totals = {"requests": sum(e["count"] + e["rejected"] for e in routes.values()),
              "failures": sum(e["failures"] for e in routes.values()),
              "rejected": sum(e["rejected"] for e in routes.values()),
              "req_per_s": round(_number(total["Requests/s"]) or 0.0, 3) if total else None}
    return {"routes": dict(sorted(routes.items())), "totals": totals, "failures": failures}


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def format_text(summary: dict) -> str:
    width = max([len(k) for k in summary["routes"]] + [5])
    lines = [f"{'route':<{width}}  {'count':>6} {'fail':>5} {'rej':>5} {'median ms':>10} "
             f"{'p95 ms':>8} {'req/s':>7}"]
    for route, e in summary["routes"].items():
        lines.append(f"{route:<{width}}  {e['count']:>6} {e['failures']:>5} {e['rejected']:>5} "
                     f"{_ms(e['median_ms']):>10} {_ms(e['p95_ms']):>8} {e['req_per_s']:>7.3f}")
    t = summary["totals"]
    lines.append(f"total: {t['requests']} requests, {t['failures']} failures, "
                 f"{t['rejected']} rejected (429/503), {t['req_per_s']} req/s")
    for f in summary["failures"]:
        lines.append(f"failure x{f['occurrences']} {f['route']}: {f['error'][:160]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv-prefix", default="out/loadtest/locust",
                        help="the --csv prefix given to locust")
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    args = parser.parse_args(argv)
    stats_path = Path(f"{args.csv_prefix}_stats.csv")
    failures_path = Path(f"{args.csv_prefix}_failures.csv")
    if not stats_path.is_file():
        print(f"no Locust stats at {stats_path}", file=sys.stderr)
        return 1
    failures = read_rows(failures_path) if failures_path.is_file() else []
    summary = summarize(read_rows(stats_path), failures)
    print(format_text(summary))
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
