"""serve/harness.py: the parts that need no Ray (the graph itself runs in test_http.py)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from serve.harness import free_port

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, os, sys
from serve.harness import json_stdout
with json_stdout():
    os.write(1, b"native noise on fd 1\\n")
    print("python noise", flush=True)
print(json.dumps({"ok": 1}))
"""


def test_json_stdout_sends_everything_inside_to_stderr_and_restores_stdout():
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    assert json.loads(proc.stdout) == {"ok": 1}
    assert "native noise on fd 1" in proc.stderr and "python noise" in proc.stderr


def test_free_port_can_be_bound():
    port = free_port()
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
