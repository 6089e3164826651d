"""Schemathesis over the ingress's OpenAPI document, in process (ASGI) with fake handles: no 5xx,
every response as documented. The same run against the live local app is in test_http.py
(``tests/serve/fuzz.py`` ``run_schemathesis``).

The fakes answer what the routes ask of a deployment before any model would run (voices, a
LoRA's adapter load); fuzzed inputs are refused before then (422 schema, 400 content, 404 ids).
``/readyz`` and ``/metrics`` read Ray's state and node metrics: live test only.
"""

from __future__ import annotations

import json
import os
from types import SimpleNamespace

import pytest

pytest.importorskip("ray.serve")
pytest.importorskip("schemathesis")

from serve.ingress import app  # noqa: E402

from .fuzz import run_schemathesis  # noqa: E402
from .ingress_fakes import served_ingress  # noqa: E402

MAX_EXAMPLES = int(os.environ.get("FACECHAIN_FUZZ_EXAMPLES", "12"))
SEED = 20260
NEEDS_RAY = ("GET /readyz", "GET /metrics")


class FuzzHandle:
    """A deployment handle that answers the calls routes make before any model runs."""

    ANSWERS = {"voices": [], "load_adapter": None, "evict": False}

    def options(self, **_):
        return self

    def __getattr__(self, method):
        async def remote(*args, **kwargs):
            return self.ANSWERS.get(method)

        return SimpleNamespace(remote=remote)


def test_no_server_error_and_every_response_as_documented(monkeypatch, tmp_path):
    with served_ingress(monkeypatch, tmp_path, FuzzHandle):
        report = run_schemathesis("http://testserver", max_examples=MAX_EXAMPLES, seed=SEED,
                                  app=app, exclude=NEEDS_RAY)
    assert report["operations"] >= 15 and report["cases"] >= report["operations"]
    assert report["failures"] == [], json.dumps(report["failures"], indent=1)
