"""loadtests/chaos.py: the proxy-side rejection figures read from Serve's latency histogram."""

from __future__ import annotations

import math

from loadtests.chaos import bucket_figures

INF = math.inf


def test_bucket_figures_count_only_what_happened_between_the_scrapes():
    before = {10.0: 5, 20.0: 5, 50.0: 5, 100.0: 5, INF: 5}  # earlier requests, not this drill's
    after = {10.0: 15, 20.0: 85, 50.0: 103, 100.0: 105, INF: 105}
    out = bucket_figures(before, after)
    assert out["n"] == 100 and out["le_50ms_fraction"] == 0.98
    # rank 99 falls in the (50, 100] bucket: 98 below, 100 in it -> 50 + 50 * (99 - 98) / 2
    assert out["p99_ms"] == 75.0


def test_bucket_figures_p99_within_the_first_bucket_and_without_data():
    out = bucket_figures({}, {10.0: 100, 20.0: 100, INF: 100})
    assert out == {"n": 100, "le_50ms_fraction": 1.0, "p99_ms": 9.9}
    assert bucket_figures({}, {})["n"] == 0 and bucket_figures({}, {})["p99_ms"] is None
    assert bucket_figures({INF: 3}, {INF: 3})["p99_ms"] is None  # nothing new
