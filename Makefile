# The two entry points: `make demo` (the main job) and `make test`. Each builds .venv first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
OUT ?= out/demo

.PHONY: demo test test-fast lint bench loadtest openapi-client clean venv browser

venv: $(STAMP)

# Idempotent: re-runs only when the dependency files change. torch is pinned in the same pip
# command as everything else so pip never resolves a multi-GB CUDA build on CPU machines.
$(STAMP): pyproject.toml requirements-nodeps.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip setuptools wheel
	$(PIP) install -q "torch==2.13.0" -e ".[serve,dev]"
	$(PIP) install -q --no-deps -r requirements-nodeps.txt
	@# espeak-ng: the TTS fallback voice (Debian package; installed when we are root and it is missing)
	@command -v espeak-ng >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
	  { apt-get install -y -q espeak-ng >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && apt-get install -y -q espeak-ng >/dev/null; }; }; } || \
	  echo "warning: espeak-ng not installed; the espeak fallback voice is unavailable"
	$(MAKE) --no-print-directory browser
	touch $(STAMP)

# chromium + chromium-driver: the web UI's browser test (tests/serve/test_ui_browser.py); Debian
# packages, installed when we are root and they are missing (the test skips without them, but not
# in CI, where .ci/run sets CI)
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  command -v apt-get >/dev/null && { apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; }; } || \
	  echo "warning: chromium / chromium-driver not installed; the web UI's browser test is skipped"

demo: $(STAMP)
	$(PY) -m serve.demo --out $(OUT)

test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/pytest -q --durations=25

test-fast: $(STAMP)
	$(VENV)/bin/pytest -q -m "not slow"

lint: $(STAMP)
	$(VENV)/bin/ruff check facechain serve servekit deployments tests benchmarks loadtests scripts
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) benchmarks/preprocess_bench.py
	$(PY) benchmarks/diffusion_bench.py
	$(PY) benchmarks/serving_bench.py

# `facechain loadtest` (step load of the generate path) against a fresh local server: the report
# folder out/loadtest/ (summary.json, report.html, PNG plots, Locust CSVs; loadtests/README.md)
loadtest: $(STAMP)
	loadtests/run.sh

# A Python client generated from the OpenAPI document by openapi-python-client (its own small
# virtualenv, made once under ~/.cache/facechain/tools): out/openapi-client/facechain_serve_client
openapi-client: $(STAMP)
	$(PY) scripts/openapi_client.py --out out/openapi-client/facechain_serve_client

clean:
	rm -rf $(VENV) out .pytest_cache
