"""``facechain serve``: starts a local Ray with a config's app, stops cleanly on SIGTERM."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow
httpx = pytest.importorskip("httpx")
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_runs_the_config_and_stops_cleanly(tmp_path, sig):
    port = _free_port()
    config = tmp_path / "echo.yaml"
    config.write_text(yaml.safe_dump({
        "http_options": {"host": "127.0.0.1", "port": 8000},
        "applications": [{"name": "echo", "route_prefix": "/",
                          "import_path": "tests.serve.echo_app:build"}]}))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAY_AUTH_MODE": "disabled"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "serve.cli", "serve", "--config", str(config), "--port", str(port),
         "--metrics-port", str(_free_port()), "--num-cpus", "2"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stdout.read()
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).json() == {"ok": True}:
                    break
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(1)
        else:
            raise AssertionError("the app never answered")
        proc.send_signal(sig)
        assert proc.wait(timeout=120) == 0
        out = proc.stdout.read()
        assert "FaceChain Serve is up" in out and "shutting down" in out
        with pytest.raises(httpx.HTTPError):  # the HTTP proxy went down with it
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
